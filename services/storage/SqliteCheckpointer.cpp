#include "SqliteCheckpointer.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace otp {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

SqliteCheckpointer::SqliteCheckpointer(QString path, std::chrono::milliseconds every)
    : m_path(std::move(path)), m_every(every), m_thread([this] { run(); })
{
}

SqliteCheckpointer::~SqliteCheckpointer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void SqliteCheckpointer::run()
{
    const QString name = QStringLiteral("otp-checkpoint-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        bool warned = false;
        if (!db.open()) {
            qCWarning(lcStore).noquote() << "WAL checkpoints: cannot open" << m_path << db.lastError().text()
                                         << "(the writer checkpoints by itself)";
        } else {
            std::unique_lock<std::mutex> lock(m_mutex);
            while (!m_wake.wait_for(lock, m_every, [this] { return m_stop; })) {
                lock.unlock();
                // PASSIVE: copies what no reader still needs, takes no lock a writer waits for, and does
                // nothing (no fsync) when the WAL holds nothing new. Answers busy, WAL pages, pages copied.
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) && q.next()) {
                    warned = false;
                } else if (!warned) {
                    qCWarning(lcStore).noquote() << "WAL checkpoint failed:" << q.lastError().text();
                    warned = true;
                }
                q.finish();
                lock.lock();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace otp
