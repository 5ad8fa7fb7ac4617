// SqlSession's PostgreSQL statement path: statements over libpq's extended protocol (PgStatements) on
// the connection QPSQL opened, and the writes that wait for the next statement or the COMMIT.
#include "SqlSession.h"

#include "StoreError.h"

#include <QSqlDriver>

namespace otp {

bool SqlSession::pgExtendedProtocol()
{
    static const bool on = qEnvironmentVariable("OTP_PG_STATEMENTS") != QLatin1String("qpsql");
    return on;
}

PgStatements* SqlSession::pg()
{
    if (m_dialect != SqlDialect::Postgres || !pgExtendedProtocol())
        return nullptr;
    if (!m_pg) {
        if (pg_conn* connection = PgStatements::connectionOf(m_db.driver()->handle()))
            m_pg = std::make_unique<PgStatements>(connection);
    }
    return m_pg.get();
}

void SqlSession::runPg(const QString& sql, const QVariantList& binds, PgStatements::Result& result)
{
    QSqlError error;
    if (!againOnConflict(error, [&] { return m_pg->run(sql, binds, result, error); })) {
        failIfAWriteFailed(error); // a write that waited for this statement (write())
        fail(sql, binds, error);
    }
}

void SqlSession::failIfAWriteFailed(const QSqlError& error)
{
    QString failedSql;
    QVariantList failedBinds;
    if (m_pg && m_pg->takeFailedStatement(&failedSql, &failedBinds))
        fail(failedSql, failedBinds, error);
}

QString SqlSession::withReturningId(const QString& insertSql)
{
    return insertSql + QStringLiteral(" RETURNING id");
}

bool SqlSession::writesWait()
{
    return !m_borrowed && m_inTransaction && pg();
}

bool SqlSession::queued(const QString& sql, const QVariantList& binds, qint64* firstValue)
{
    if (!writesWait())
        return false;
    QSqlError error;
    if (!m_pg->queue(sql, binds, error, firstValue))
        fail(sql, binds, error);
    return true;
}

void SqlSession::write(const QString& sql, const QVariantList& binds)
{
    if (!queued(sql, binds, nullptr))
        update(sql, binds);
}

void SqlSession::insertWaiting(const QString& sql, const QVariantList& binds, qint64* id)
{
    *id = 0;
    // The RETURNING text is built only where the INSERT waits for it.
    if (writesWait())
        queued(withReturningId(sql), binds, id);
    else
        *id = insert(sql, binds);
}

QString SqlSession::waitingInsertIdSql(const QString& table)
{
    // The sequence BIGSERIAL made (`<table>_id_seq`), found through the search path as the table is;
    // the cast resolves when the statement is prepared, not per run.
    return QStringLiteral("currval('%1_id_seq'::regclass)").arg(table);
}

void SqlSession::updateReturningWaiting(const QString& sql, const QVariantList& binds, qint64* value)
{
    *value = 0;
    if (queued(sql, binds, value))
        return;
    const Rows rows = select(sql, binds);
    *value = rows.isEmpty() ? 0 : rows.first().value(0).toLongLong();
}

} // namespace otp
