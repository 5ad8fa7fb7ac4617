#include "DatabaseClock.h"

#include "Database.h"

#include <QLoggingCategory>

namespace otp {

Q_LOGGING_CATEGORY(lcClock, "otp.clock", QtInfoMsg)

qint64 DatabaseClock::nowMs() const
{
    const SqlDialect dialect = m_db.config().dialect;
    if (dialect == SqlDialect::Sqlite)
        return QDateTime::currentMSecsSinceEpoch();
    try {
        SqlSession& s = m_db.session();
        const QVariant v = dialect == SqlDialect::Postgres
                               ? s.scalar(QStringLiteral("SELECT CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS BIGINT)"))
                               : s.scalar(QStringLiteral("SELECT CAST(FLOOR(UNIX_TIMESTAMP(SYSDATE(6)) * 1000) AS SIGNED)"));
        bool ok = false;
        const qint64 ms = v.toLongLong(&ok);
        if (ok && ms > 0)
            return ms;
        qCWarning(lcClock) << "the database answered no time; using this process's clock";
    } catch (const StoreError& e) {
        qCWarning(lcClock) << "the database clock cannot be read; using this process's clock:" << e.message();
    }
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace otp
