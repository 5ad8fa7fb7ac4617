#pragma once

#include "SqlRow.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <memory>
#include <vector>

struct pg_conn; // libpq's PGconn
struct pg_result; // libpq's PGresult

namespace otp {

// A PostgreSQL session's cached statements, run with libpq's extended protocol on the connection that
// QPSQL opened (QSqlDriver::handle()): each statement is parsed and planned once per connection
// (PQprepare), then every run sends only its values (PQexecPrepared: Bind and Execute).
//
// Why not QSqlQuery: Qt 6.4's QPSQL runs a prepared statement as the text `EXECUTE name ('v1', …)`. The
// server parses and analyses that statement on every run, and the client formats and escapes every
// value into it; at 8 clients of server_bench that was about 0.45 ms of server and 0.6 ms of client CPU
// per send+verify pair more than pgbench spent on the same statements (issue 16). Values sent as
// parameters are never part of any statement text, as SECURITY.md row 18 asks.
//
// Rows come back with the values QPSQL would give (the same column types for the same PostgreSQL
// types), and failures as QSqlErrors with the SQLSTATE as native code, so SqlSession's conflict,
// connection-loss and error-wording rules apply unchanged. Transactions stay Qt's (BEGIN/COMMIT through
// QSqlDatabase on the same connection). One thread uses a session at a time, as for QSqlQuery.
class PgStatements
{
public:
    // A libpq result, cleared when it goes.
    struct ResultDeleter
    {
        void operator()(pg_result* r) const;
    };
    using ResultPtr = std::unique_ptr<pg_result, ResultDeleter>;

    explicit PgStatements(pg_conn* connection) : m_conn(connection) {}

    using Result = StatementResult;
    // Runs `sql` (with `?` placeholders) with `binds` (an invalid QVariant is NULL). False, with `error`
    // set, when the server or the connection refused it.
    bool run(const QString& sql, const QVariantList& binds, Result& result, QSqlError& error);

    // A write transaction's BEGIN waits here and goes out with its first statement, in one pipeline: the
    // BEGIN's own round trip was 3 of the 20 that a send+verify pair made. A transaction that runs no
    // statement sends nothing at all, so it has nothing to commit or roll back (dropPendingBegin).
    // BEGIN and COMMIT are prepared once per connection, as pgbench -M prepared does, when the first
    // transaction begins: sent as text they were parsed by the server on every transaction (5 times a
    // send+verify pair). Tried once per connection: should preparing them fail, they go as text.
    void beginWithNextStatement()
    {
        m_beginPending = true;
        if (m_transactionStatements == TransactionStatements::Untried)
            prepareTransactionStatements();
    }
    bool beginPending() const { return m_beginPending; }
    // Whether a BEGIN was still waiting (then nothing was sent); it waits no longer.
    bool dropPendingBegin()
    {
        const bool was = m_beginPending;
        m_beginPending = false;
        return was;
    }
    // A write whose result nobody reads, inside a write transaction: it waits (prepared now if it is new)
    // and goes out with the transaction's next statement or its COMMIT, in one pipeline. Should it fail,
    // that statement or the commit fails with its error (takeFailedStatement names it), and the
    // transaction is rolled back whole, as if it had failed at once. False, with `error` set, when the
    // statement cannot be prepared or its values are wrong.
    // With `firstValue`: the first column of its first row (an INSERT's RETURNING id) is stored there
    // when the pipeline's results come back; the pointer must stay valid until then.
    bool queue(const QString& sql, const QVariantList& binds, QSqlError& error, qint64* firstValue = nullptr);
    bool hasQueued() const { return !m_queued.empty(); }
    void dropQueued() { m_queued.clear(); }
    // The waiting BEGIN, the waiting writes and COMMIT, in one pipeline (COMMIT alone when nothing
    // waits). False, with `error` set, when a write or the COMMIT failed.
    bool commit(QSqlError& error);
    // After a failure: the waiting write that failed, when it was one of them.
    bool takeFailedStatement(QString* sql, QVariantList* binds);
    // Sends a waiting BEGIN and the waiting writes, before a statement that goes another way
    // (QSqlQuery). False, with `error` set, when one failed.
    bool flush(QSqlError& error);
    // The connection QPSQL holds for `db`, or nullptr when it is not an open PostgreSQL connection.
    static pg_conn* connectionOf(const QVariant& driverHandle);
    // `sql` with each `?` outside quotes numbered `$1`, `$2`, … (PostgreSQL's placeholders); `count`
    // is how many there were.
    static QString numberedPlaceholders(const QString& sql, int* count);

private:
    struct Prepared
    {
        QByteArray name;
        int parameters = 0;
        // The result's columns (names and types), built from the first result and shared by every row
        // of every later one: a prepared statement's row type is fixed (the server refuses to run it if
        // the table changed under it). Building them per SELECT was 11 % of a pair's client instructions.
        SqlRow::Columns shape;
    };
    static void readRows(const pg_result* result, Prepared& p, QList<SqlRow>& rows);
    // One run of a statement: its name and values, and its text when the server has not parsed it yet.
    struct Statement
    {
        QString sql;
        QVariantList binds;
        QByteArray name;
        int parameters = 0;
        QByteArray parse;
        std::vector<QByteArray> texts;
        std::vector<const char*> values; // into texts; nullptr is NULL
        qint64* firstValue = nullptr;     // a waiting write's RETURNING value goes here (queue)
    };
    // Fills `st` for one run of `sql` and returns its entry in m_prepared (valid until the next statement
    // is added), or nullptr with `error` set.
    Prepared* statement(const QString& sql, const QVariantList& binds, bool prepareNow, Statement& st, QSqlError& error);
    bool sendWaiting(Statement* last, ResultPtr& lastResult, QSqlError& error);
    void prepareTransactionStatements();

    pg_conn* m_conn;
    QHash<QString, Prepared> m_prepared;
    std::vector<Statement> m_queued;
    QString m_failedSql;
    QVariantList m_failedBinds;
    int m_next = 0;
    bool m_beginPending = false;
    // Whether otp_begin and otp_commit exist on this connection, or were tried and BEGIN and COMMIT go as text.
    enum class TransactionStatements { Untried, Prepared, AsText };
    TransactionStatements m_transactionStatements = TransactionStatements::Untried;
};

} // namespace otp
