// SqlSession's MariaDB statement path: prepared statements run through the client library directly
// (MariaDbStatements) on the connection QMYSQL opened, and the choice between that path, PostgreSQL's and
// QSqlQuery's.
#include "SqlSession.h"

#include <QSqlDriver>

namespace otp {

bool SqlSession::mariaDbDirect()
{
    static const bool on = qEnvironmentVariable("OTP_MARIADB_STATEMENTS") != QLatin1String("qmysql");
    return on;
}

MariaDbStatements* SqlSession::mariaDb()
{
    if (m_dialect != SqlDialect::MySql || !mariaDbDirect())
        return nullptr;
    if (!m_mariaDb) {
        if (st_mysql* connection = MariaDbStatements::connectionOf(m_db.driver()->handle()))
            m_mariaDb = std::make_unique<MariaDbStatements>(connection);
    }
    return m_mariaDb.get();
}

bool SqlSession::direct(const QString& sql, const QVariantList& binds, StatementResult& result)
{
    if (pg()) {
        runPg(sql, binds, result);
        return true;
    }
    if (!mariaDb())
        return false;
    // A statement left to QSqlQuery is refused before it runs, leaving `error` empty: never run again here.
    QSqlError error;
    bool unsupported = false;
    const bool ok = againOnConflict(error, [&] { return m_mariaDb->run(sql, binds, result, error, &unsupported); });
    if (unsupported)
        return false;
    if (!ok)
        fail(sql, binds, error);
    return true;
}

} // namespace otp
