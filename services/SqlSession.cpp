#include "SqlSession.h"

#include "StoreError.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

namespace otp {

Q_LOGGING_CATEGORY(lcStore, "otp.store", QtInfoMsg)

QSqlQuery& SqlSession::prepared(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw StoreError(QStringLiteral("cannot prepare statement: %1").arg(q.lastError().text()));
    return *m_statements.insert(sql, q);
}

void SqlSession::run(QSqlQuery& q, const QString& sql, const QVariantList& binds)
{
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant& v = binds.at(i);
        // Convention: an invalid QVariant() means SQL NULL; a null QString is just an empty text.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else
            q.bindValue(i, v);
    }
    if (!q.exec()) {
        const QString err = q.lastError().text();
        q.finish();
        // The statement text is logged (it holds only placeholders); the bound values never are.
        qCWarning(lcStore) << "statement failed:" << sql.left(120) << err;
        throw StoreError(QStringLiteral("database error: %1").arg(err));
    }
}

Rows SqlSession::select(const QString& sql, const QVariantList& binds)
{
    QSqlQuery& q = prepared(sql);
    run(q, sql, binds);
    Rows rows;
    while (q.next())
        rows.append(q.record());
    q.finish();
    return rows;
}

QVariant SqlSession::scalar(const QString& sql, const QVariantList& binds)
{
    QSqlQuery& q = prepared(sql);
    run(q, sql, binds);
    QVariant v;
    if (q.next())
        v = q.value(0);
    q.finish();
    return v;
}

qint64 SqlSession::insert(const QString& sql, const QVariantList& binds)
{
    if (m_dialect == SqlDialect::Postgres) {
        const QString withReturning = sql + QStringLiteral(" RETURNING id");
        QSqlQuery& q = prepared(withReturning);
        run(q, withReturning, binds);
        const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
        return id;
    }
    QSqlQuery& q = prepared(sql);
    run(q, sql, binds);
    const qint64 id = q.lastInsertId().toLongLong();
    q.finish();
    return id;
}

int SqlSession::update(const QString& sql, const QVariantList& binds)
{
    QSqlQuery& q = prepared(sql);
    run(q, sql, binds);
    const int n = q.numRowsAffected();
    q.finish();
    return n;
}

void SqlSession::execute(const QString& sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw StoreError(QStringLiteral("database error: %1 (in: %2)").arg(q.lastError().text(), sql.left(80)));
}

WriteTransaction::WriteTransaction(SqlSession& session) : m_session(session)
{
    if (session.dialect() == SqlDialect::Sqlite)
        session.execute(QStringLiteral("BEGIN IMMEDIATE"));
    else if (!session.database().transaction())
        throw StoreError(QStringLiteral("cannot begin a transaction: %1")
                             .arg(session.database().lastError().text()));
}

void WriteTransaction::lockKey(const QString& key)
{
    switch (m_session.dialect()) {
    case SqlDialect::Sqlite:
        return; // BEGIN IMMEDIATE holds the database's only write lock already
    case SqlDialect::Postgres:
        // An advisory lock released at commit or rollback: no row written, so no table bloat.
        // hashtext() is 32 bits; two keys sharing a hash only wait for each other, never break a rule.
        m_session.scalar(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext(?))"), {key});
        return;
    case SqlDialect::MySql:
        // The upsert takes an exclusive lock on the key's row (new or existing) that InnoDB holds
        // until the transaction ends. Not GET_LOCK: that is per session, outlives a rollback unless
        // released by hand, and is not supported by Galera clusters. Not INSERT IGNORE + SELECT …
        // FOR UPDATE: both would take a shared lock first and deadlock upgrading it.
        m_session.update(QStringLiteral("INSERT INTO write_locks (lock_key, taken_at) VALUES (?, ?) "
                                        "ON DUPLICATE KEY UPDATE taken_at = VALUES(taken_at)"),
                         {key.left(400), QDateTime::currentMSecsSinceEpoch()});
        return;
    }
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    if (m_session.dialect() == SqlDialect::Sqlite) {
        QSqlQuery q(m_session.database());
        q.exec(QStringLiteral("ROLLBACK"));
    } else {
        m_session.database().rollback();
    }
}

void WriteTransaction::commit()
{
    if (m_session.dialect() == SqlDialect::Sqlite)
        m_session.execute(QStringLiteral("COMMIT"));
    else if (!m_session.database().commit())
        throw StoreError(QStringLiteral("cannot commit: %1").arg(m_session.database().lastError().text()));
    m_open = false;
}

} // namespace otp
