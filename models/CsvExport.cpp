#include "CsvExport.h"

#include <QFile>
#include <QSaveFile>
#include <QThread>

namespace otp::models {

CsvExport::CsvExport(QObject* parent) : QObject(parent) {}

CsvExport::~CsvExport()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

QString CsvExport::field(const QString& value)
{
    QString v = value;
    if (!v.isEmpty() && (v.front() == QLatin1Char('=') || v.front() == QLatin1Char('@') ||
                         ((v.front() == QLatin1Char('+') || v.front() == QLatin1Char('-')) && v.size() > 1 && !v.at(1).isDigit())))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

bool CsvExport::start(const QList<QStringList>& rows, const QString& path)
{
    if (m_thread)
        return false;
    m_cancel = false;
    m_thread = QThread::create([this, rows, path]() {
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) {
            m_ok = false;
            m_message = out.errorString();
            return;
        }
        const int total = int(rows.size());
        int lastReported = -1;
        for (int i = 0; i < total; ++i) {
            if (m_cancel) {
                out.cancelWriting();
                m_ok = false;
                m_message = tr("export canceled");
                return;
            }
            QStringList fields;
            for (const QString& v : rows.at(i))
                fields << field(v);
            out.write((fields.join(QLatin1Char(',')) + QLatin1Char('\n')).toUtf8());
            const int percent = total ? (i + 1) * 100 / total : 100;
            if (percent != lastReported) {
                lastReported = percent;
                emit progress(i + 1, total); // from the writer thread: queued to GUI receivers
            }
        }
        m_ok = out.commit();
        m_message = m_ok ? tr("%n row(s) written to %1", nullptr, int(total - 1)).arg(path) : out.errorString();
    });
    // finished() once the thread has ended, not when its last line is written: a receiver that starts the
    // next export at once is not refused as "still running" (it was, now and then, on a busy machine).
    connect(m_thread, &QThread::finished, this, [this]() {
        m_thread->deleteLater();
        m_thread = nullptr;
        emit finished(m_ok, m_message);
    });
    m_thread->start();
    return true;
}

} // namespace otp::models
