// SqlSession's MariaDB statement path: prepared statements run through the client library directly
// (MariaDbStatements) on the connection QMYSQL opened, and the choice between that path, PostgreSQL's and
// QSqlQuery's.
#include "SqlSession.h"

#include <QSqlDriver>
#include <QSqlQuery>

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
    // The same rules as run(): a conflict outside a transaction is the statement undone whole, run again.
    QSqlError error;
    bool unsupported = false;
    bool ok = m_mariaDb->run(sql, binds, result, error, &unsupported);
    for (int again = 0; !ok && !unsupported && again < kConflictAttempts - 1 && !m_inTransaction && isConflictHere(error);
         ++again)
        ok = m_mariaDb->run(sql, binds, result, error, &unsupported);
    if (unsupported)
        return false;
    if (!ok)
        fail(sql, binds, error);
    return true;
}

int SqlSession::updateTellingInsertId(const QString& sql, const QVariantList& binds, qint64* insertId)
{
    if (m_borrowed)
        return m_borrowed->updateTellingInsertId(sql, binds, insertId);
    if (StatementResult result; direct(sql, binds, result)) {
        *insertId = result.insertId;
        return result.affected;
    }
    QSqlQuery& q = prepared(sql);
    run(q, sql, binds);
    const int n = q.numRowsAffected();
    *insertId = q.lastInsertId().toLongLong();
    q.finish();
    return n;
}

} // namespace otp
