#pragma once

#include "DatabaseConfig.h"
#include "SqlSession.h"
#include "SqliteCheckpointer.h"

#include <QMutex>

#include <atomic>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace otp {

// The OTP database: hands each thread its own connection (QtSql connections belong to one thread)
// and brings the schema up to date through versioned migrations.
class Database
{
public:
    explicit Database(DatabaseConfig config);
    ~Database();

    // The channel live views LISTEN on (PostgreSQL). notifyChange() inside a write transaction makes
    // the server tell every listener once it committed (a NOTIFY after the COMMIT, at most every
    // SqlSession::kNotifyEveryMs per connection); on SQLite and MariaDB it does nothing (the views poll
    // there, and poll on PostgreSQL too as the safety net).
    static constexpr const char* kChangeChannel = "otp_changes";
    static void notifyChange(SqlSession& s);

    const DatabaseConfig& config() const { return m_config; }

    // This thread's session, opened on first use. Throws StoreError when the database cannot be opened.
    // A session whose connection was lost (SqlSession::broken()) is reopened here, in place (references
    // stay valid), retrying with backoff up to config().reconnectWaitMs; the call that met the loss has
    // already failed with StoreError, and nothing is replayed. Never inside a write transaction: a
    // session lost mid-transaction throws until the transaction object is gone.
    SqlSession& session();
    // Closes this thread's connection (call before a worker thread ends).
    void releaseThreadSession();

    int schemaVersion();
    int latestVersion() const;
    // Applies the missing migrations, each in one transaction. Safe when several processes race, and
    // after a run killed mid-migration (on MariaDB each DDL statement commits by itself; every
    // statement is written to be run again). Returns the number applied. `upTo` stops after that
    // version (tests that rebuild an older schema).
    int migrate(int upTo = std::numeric_limits<int>::max());

private:
    QSqlDatabase open(const QString& connectionName);
    void setUp(SqlSession& session);
    void reopen(SqlSession& session);
    // SQLite on a file: the session this process's write transactions on it run on (SqlSession::
    // setSqliteWriter), opened with the first thread's session. Null for other engines and :memory:.
    SqlSession* sqliteWriter();

    DatabaseConfig m_config;
    QString m_id;
    QMutex m_mutex;
    std::map<std::thread::id, std::unique_ptr<SqlSession>> m_sessions;
    std::mutex m_writerMutex;
    std::unique_ptr<SqlSession> m_sqliteWriter;
    std::unique_ptr<SqliteCheckpointer> m_checkpointer; // SQLite: started with the writer
    // One warning per outage, not one per thread or per call: set when a lost connection is first
    // seen, cleared by the first successful reopen.
    std::atomic<bool> m_down{false};
    std::atomic<qint64> m_lastRecoveryMs{0};
};

namespace detail {
// Bundled migration `version` as migrate() runs it on `d`: its statements in order, tokens expanded
// (empty when there is none). For tests that replay part of a migration.
QStringList migrationStatements(int version, SqlDialect d);
// A migration's text with its tokens ({{ID}}, {{TABLE}}, {{ON t}}, {{PARTIAL c}}, {{CONCAT(…)}}) expanded for `d`.
QString dialectSql(const QString& sql, SqlDialect d);
} // namespace detail

} // namespace otp
