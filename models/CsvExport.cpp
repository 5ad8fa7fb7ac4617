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
            QMetaObject::invokeMethod(this, [this, e = out.errorString()]() { emit finished(false, e); }, Qt::QueuedConnection);
            return;
        }
        const int total = int(rows.size());
        int lastReported = -1;
        for (int i = 0; i < total; ++i) {
            if (m_cancel) {
                out.cancelWriting();
                QMetaObject::invokeMethod(this, [this]() { emit finished(false, tr("export canceled")); }, Qt::QueuedConnection);
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
        const bool ok = out.commit();
        const QString message = ok ? tr("%1 rows written to %2").arg(total - 1).arg(path) : out.errorString();
        QMetaObject::invokeMethod(this, [this, ok, message]() { emit finished(ok, message); }, Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, this, [this]() {
        m_thread->deleteLater();
        m_thread = nullptr;
    });
    m_thread->start();
    return true;
}

} // namespace otp::models
