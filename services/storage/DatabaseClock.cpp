#include "DatabaseClock.h"

#include "Database.h"

#include <QLoggingCategory>

#include <chrono>

namespace otp {

Q_LOGGING_CATEGORY(lcClock, "otp.clock", QtInfoMsg)

namespace {
qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
} // namespace

qint64 DatabaseClock::nowMs() const
{
    const SqlDialect dialect = m_db.config().dialect;
    if (dialect == SqlDialect::Sqlite)
        return QDateTime::currentMSecsSinceEpoch();
    const qint64 synced = m_syncedAtMs.load();
    if (synced < 0 || steadyMs() - synced >= kResyncMs) {
        try {
            SqlSession& s = m_db.session();
            const qint64 before = QDateTime::currentMSecsSinceEpoch();
            const QVariant v = dialect == SqlDialect::Postgres
                                   ? s.scalar(QStringLiteral("SELECT CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS BIGINT)"))
                                   : s.scalar(QStringLiteral("SELECT CAST(FLOOR(UNIX_TIMESTAMP(SYSDATE(6)) * 1000) AS SIGNED)"));
            const qint64 after = QDateTime::currentMSecsSinceEpoch();
            bool ok = false;
            const qint64 server = v.toLongLong(&ok);
            if (ok && server > 0) {
                m_offsetMs.store(server - (before + after) / 2);
                m_syncedAtMs.store(steadyMs());
            } else {
                qCWarning(lcClock) << "the database answered no time; keeping the last offset";
            }
        } catch (const StoreError& e) {
            // Inside a transaction the failure is the transaction's: a lock conflict (or, on Galera, an
            // abort by another node's write between two statements) has rolled it back, and the
            // statements after this one would run outside it, each committed alone. The caller's
            // retryOnConflict runs the whole transaction again.
            if (m_db.session().inTransaction())
                throw;
            qCWarning(lcClock) << "the database clock cannot be read; keeping the last offset:" << e.message();
        }
    }
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs.load();
}

} // namespace otp
