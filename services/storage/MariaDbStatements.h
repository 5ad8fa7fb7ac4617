#pragma once

#include "SqlRow.h"

#include <QHash>
#include <QList>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <memory>

struct st_mysql;      // the MariaDB client library's MYSQL
struct st_mysql_stmt; // its MYSQL_STMT

namespace otp {

// A MariaDB session's prepared statements, run with the MariaDB client library's binary protocol on the
// connection that QMYSQL opened (QSqlDriver::handle()): each statement is prepared once per connection,
// then every run sends only its values (COM_STMT_EXECUTE).
//
// Why not QSqlQuery: Qt 6.4's QMYSQL calls mysql_stmt_reset() before every execution of a prepared
// statement, and the client library sends that to the server as COM_STMT_RESET and waits for its answer.
// Every statement took two round trips: 15 of a send+verify pair's ~36 on MariaDB were resets (strace of a
// server_bench worker, 2026-12-01). A statement whose result has been read needs no reset before its next
// run. Values sent as parameters are never part of any statement text, as SECURITY.md row 18 asks.
//
// Rows come back with the values, types and NULLs QMYSQL gives for the same statement (the same decoding
// of column types), and failures as QSqlErrors with the client library's error number as native code, as
// QMYSQL's, so SqlSession's conflict, connection-loss and error-wording rules apply unchanged. Statements
// whose columns or values QMYSQL decodes in ways not repeated here (dates and times, BIT, geometry; a
// date or time value) are refused with `unsupported` set, and the caller runs them through QSqlQuery.
// Transactions stay Qt's (BEGIN/COMMIT through QSqlDatabase on the same connection). One thread uses a
// session at a time, as for QSqlQuery.
class MariaDbStatements
{
public:
    explicit MariaDbStatements(st_mysql* connection) : m_conn(connection) {}
    ~MariaDbStatements();
    MariaDbStatements(const MariaDbStatements&) = delete;
    MariaDbStatements& operator=(const MariaDbStatements&) = delete;

    // `affected`: rows matched, not only changed (the connection's CLIENT_FOUND_ROWS, Database::open).
    using Result = StatementResult;
    // Runs `sql` (with `?` placeholders) with `binds` (an invalid QVariant is NULL). False, with `error`
    // set, when the server or the connection refused it, or with `*unsupported` true (and nothing run)
    // when this statement is one to run through QSqlQuery instead.
    bool run(const QString& sql, const QVariantList& binds, Result& result, QSqlError& error, bool* unsupported);

    // The connection QMYSQL holds for `db`, or nullptr when it is not an open MariaDB/MySQL connection.
    static st_mysql* connectionOf(const QVariant& driverHandle);

private:
    struct Prepared
    {
        st_mysql_stmt* stmt = nullptr; // nullptr: a statement QSqlQuery runs (see above)
        int parameters = 0;
        SqlRow::Columns shape;                // the result's columns, or null for a statement without rows
        QList<int> columnKinds;               // how each column is read (MariaDbStatements.cpp)
    };
    // The statement's entry, prepared now if it is new; nullptr with `error` set when preparing failed.
    Prepared* prepared(const QString& sql, QSqlError& error);
    bool readRows(Prepared& p, QList<SqlRow>& rows, QSqlError& error);

    st_mysql* m_conn;
    QHash<QString, Prepared> m_prepared;
};

} // namespace otp
