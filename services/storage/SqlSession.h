#pragma once

#include "DatabaseConfig.h"
#include "MariaDbStatements.h"
#include "PgStatements.h"
#include "ProcessCache.h"
#include "SqlRow.h"
#include "StoreError.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <memory>
#include <mutex>

namespace otp {

using Rows = QList<SqlRow>;

// Reads a row's columns by name, in the order its SELECT lists them: each name is tried first at the
// position after the previous one, and only then looked up (a look-up compares the name with every
// column's, case-insensitively). A name that is missing reads as an invalid QVariant, as
// SqlRow::value(name) does.
class RecordReader
{
public:
    explicit RecordReader(const SqlRow& row) : m_row(row) {}
    QVariant operator()(QLatin1String name)
    {
        const int at = m_next < m_row.count() && m_row.nameAt(m_next) == name ? m_next : m_row.indexOf(name);
        m_next = at + 1;
        return at >= 0 ? m_row.at(at) : QVariant();
    }

private:
    const SqlRow& m_row;
    int m_next = 0;
};

struct SqliteTurn;  // SQLite: one file's writer turn in this process, with its group commit (SqlSession.cpp)
struct SqliteGroup; // the write transactions one COMMIT ends

// One thread's connection to the OTP database with its prepared statements.
// Every statement is parameterised (SECURITY.md row 18): values only ever travel as bind values.
// Bind QVariant() for SQL NULL; a null QString binds as ''.
// Failures throw StoreError, which OtpService turns into an outcome.
class SqlSession
{
public:
    SqlSession(QSqlDatabase db, SqlDialect dialect) : m_db(std::move(db)), m_dialect(dialect) {}

    SqlDialect dialect() const { return m_dialect; }
    // The connection statements run on now: this session's own, or inside a SQLite write transaction
    // the process's writer connection (see setSqliteWriter).
    QSqlDatabase& database() { return m_borrowed ? m_borrowed->m_db : m_db; }
    // This session's own connection, whatever it runs on now (Database closes it).
    QSqlDatabase& ownDatabase() { return m_db; }
    // The database half of a process-wide cache key (processCacheKey): built once, since a session's
    // connection settings never change (on SQLite the writer connection it borrows opens the same file).
    // Built from QSqlDatabase's settings at every cached read, it cost about 15,000 instructions of a
    // send+verify pair's 450,000 (issue 16).
    const QString& cacheKey()
    {
        if (m_cacheKey.isEmpty())
            m_cacheKey = processCacheKey(m_db);
        return m_cacheKey;
    }

    // Connection loss. A statement, BEGIN or COMMIT that fails because the connection is gone (the
    // server restarted, the network dropped) marks the session broken and throws StoreError as any
    // failure does; Database::session() then reopens it (with backoff) for the *next* call. Nothing is
    // retried here: the failed call has failed.
    bool broken() const { return m_broken; }
    bool inTransaction() const { return m_inTransaction; }
    // Asks for a NOTIFY on `channel` once the current transaction commits (PostgreSQL; see
    // Database::notifyChange). Sent after the COMMIT, and at most once per kNotifyEveryMs per session.
    static constexpr qint64 kNotifyEveryMs = 200;
    void notifyAfterCommit(const char* channel) { m_notifyChannel = channel; }
    // Records a failure: marks the session broken when `error` says the connection is gone.
    // Returns whether it did.
    bool noteFailure(const QSqlError& error);
    // QSqlError::ConnectionError, or the drivers' "connection closed" errors (PostgreSQL SQLSTATE
    // class 08 / 57P01-57P03 / libpq's closed-connection texts; MariaDB client errors 2006, 2013, …).
    static bool isConnectionLost(const QSqlError& error);
    // The server chose this transaction as a deadlock victim or refused it as a serialization failure
    // (MariaDB 1213, PostgreSQL 40P01/40001). A statement outside a transaction is simply run
    // again (select/update/insert do it themselves); inside one it throws StoreError::conflict().
    static bool isConflict(const QSqlError& error);
    // isConflict(), and on a Galera node also 1205 "Lock wait timeout exceeded": there a session
    // waits a short time for a row lock (Database's setUpGalera), because the holder may be stuck in a
    // wait an applier cannot break (see .cpp); the transaction is rolled back and run again.
    bool isConflictHere(const QSqlError& error) const;
    // What callers and logs are told about a failed statement: the driver's words and error code,
    // never the statement's text or values (see .cpp). `binds` are withheld wherever they still show.
    static QString describe(const QSqlError& error, const QVariantList& binds = {});
    // What a statement does, from its text: "UPDATE deliveries", "INSERT INTO vendors", "SELECT … FROM
    // challenges". Statements hold placeholders only, so this never carries a value.
    static QString operation(const QString& sql);
    // Drops the prepared statements and closes the connection (Database reopens it).
    void closeForReopen();
    void markReopened() { m_broken = false; }
    // Galera (Database::setUp): the session reads with wsrep_sync_wait, except inside a write
    // transaction, which waits once before it begins (see WriteTransaction).
    void setCausalReads(bool on) { m_causalReads = on; }
    // SQLite: the session every write transaction of this process's threads runs on (Database holds
    // one per file it opened). A write transaction takes the process's writer turn, then runs its
    // statements on that session's connection instead of this one. Why: SQLite drops a connection's
    // whole page cache when it finds that another connection committed, so with one connection per
    // thread every write transaction began by reading its pages again, inside the one-writer-at-a-time
    // section (otpd at 16 connections: ~90 pread64 per send+check pair). One writer connection keeps
    // its cache across turns. Reads outside a write transaction stay on this thread's connection.
    void setSqliteWriter(SqlSession* writer) { m_sqliteWriter = writer; }

    // Runs a SELECT and returns every row; the statement is reset afterwards so no read
    // transaction stays open (it would pin the SQLite WAL).
    Rows select(const QString& sql, const QVariantList& binds = {});
    // The first column of the first row, or an invalid QVariant when there is no row.
    QVariant scalar(const QString& sql, const QVariantList& binds = {});
    // INSERT returning the new row's id (RETURNING on PostgreSQL, lastInsertId elsewhere).
    qint64 insert(const QString& sql, const QVariantList& binds = {});
    // UPDATE/DELETE returning the number of rows changed: the basis of every conditional update.
    int update(const QString& sql, const QVariantList& binds = {});
    // update(), and (when `insertId` is not null) the connection's insert id after it: MariaDB's
    // mysql_insert_id, which a statement that sets LAST_INSERT_ID(expr) sets to that value, in the
    // statement's own answer (no SELECT LAST_INSERT_ID() round trip). 0 where the statement set none.
    int updateTellingInsertId(const QString& sql, const QVariantList& binds, qint64* insertId);
    // A write whose count and id nobody reads (an INSERT of a history row, an upsert). In a write
    // transaction on PostgreSQL it waits and travels with the transaction's next statement or its COMMIT,
    // in one pipeline (PgStatements::queue): a round trip saved per write. Should it fail, it fails that
    // statement or the commit, with its own statement named, and the transaction rolls back whole, as if
    // it had failed at once. Elsewhere it is update().
    void write(const QString& sql, const QVariantList& binds = {});
    // Whether write() waits here (PostgreSQL inside a write transaction) rather than running at once, for
    // a caller whose statements cost a round trip each only where they run at once.
    bool writesWait();
    // An INSERT whose id is wanted only once the transaction's next statement or its COMMIT has run: on
    // PostgreSQL inside a write transaction it waits as write() does, and *id is set (RETURNING id) when
    // its result comes back; `id` must stay valid until then, and is 0 before. Elsewhere it is insert(),
    // and *id is set at once.
    void insertWaiting(const QString& sql, const QVariantList& binds, qint64* id);
    // A later statement of the same transaction can name the row whose INSERT into `table` still waits
    // (insertWaiting left its id 0) by this SQL expression instead of a bound id: PostgreSQL's currval of
    // the table's id sequence, which the waiting INSERT has advanced on this session by the time the
    // server runs the later statement (it runs them in order). Only PostgreSQL leaves an id waiting.
    static QString waitingInsertIdSql(const QString& table);
    // An UPDATE … RETURNING one integer that is wanted only once the transaction's next statement has
    // run: on PostgreSQL inside a write transaction it waits as write() does, and *value is set when its
    // result comes back (0 when it changed no row; `value` must stay valid until then, and is 0 before).
    // Elsewhere it runs at once (SQLite has RETURNING; MariaDB has not, so its callers do not use this).
    void updateReturningWaiting(const QString& sql, const QVariantList& binds, qint64* value);
    // DDL or any statement without binds, run without caching.
    void execute(const QString& sql);

    // Whether PostgreSQL statements run over libpq's extended protocol (PgStatements), the default, or
    // through QPSQL's QSqlQuery as before: OTP_PG_STATEMENTS=qpsql, read once per process (for
    // comparing the two in server_bench, and a way back should a deployment need one).
    static bool pgExtendedProtocol();
    // Whether MariaDB statements run over the client library's prepared statements directly
    // (MariaDbStatements), the default, or through QMYSQL's QSqlQuery as before: OTP_MARIADB_STATEMENTS=qmysql,
    // read once per process (for comparing the two in server_bench, and a way back should a deployment need one).
    static bool mariaDbDirect();

private:
    QSqlQuery& prepared(const QString& sql);
    void run(QSqlQuery& q, const QString& sql, const QVariantList& binds);
    // PostgreSQL: the session's PgStatements, or nullptr (another engine, QPSQL chosen, or no open
    // connection yet).
    PgStatements* pg();
    void runPg(const QString& sql, const QVariantList& binds, PgStatements::Result& result);
    // MariaDB: the session's MariaDbStatements, or nullptr (another engine, QMYSQL chosen, or no open
    // connection yet).
    MariaDbStatements* mariaDb();
    // Runs the statement outside QSqlQuery where this engine can (PgStatements, MariaDbStatements): true
    // with its result, or false when QSqlQuery must run it (SQLite; a statement MariaDbStatements leaves
    // to QMYSQL), and then nothing ran. Failures throw as run() does.
    bool direct(const QString& sql, const QVariantList& binds, StatementResult& result);
    // A statement outside any transaction that loses a lock conflict was undone whole by the server:
    // running it again is exactly the statement once, so `attempt` (true when the statement ran; it sets
    // `error` when not) runs again while it loses one, a few times at most (run(), runPg(), direct()).
    // Inside a transaction the conflict aborted the whole transaction; see retryOnConflict().
    template <typename Attempt>
    bool againOnConflict(const QSqlError& error, Attempt&& attempt);
    [[noreturn]] void fail(const QString& sql, const QVariantList& binds, const QSqlError& error);
    // After a PostgreSQL failure: when a waiting write (write()) was what failed, fail() with its statement.
    void failIfAWriteFailed(const QSqlError& error);
    // write(), insertWaiting() and updateReturningWaiting(): on PostgreSQL inside a write transaction the
    // statement waits (PgStatements::queue; with `firstValue`, the first column of its first row goes
    // there) and this is true; false where it must run at once instead.
    bool queued(const QString& sql, const QVariantList& binds, qint64* firstValue);
    // PostgreSQL's INSERT that tells its new row's id.
    static QString withReturningId(const QString& insertSql);

    friend class WriteTransaction;

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    QHash<QString, QSqlQuery> m_statements;
    std::unique_ptr<PgStatements> m_pg; // PostgreSQL: the statements prepared on this connection
    std::unique_ptr<MariaDbStatements> m_mariaDb; // MariaDB: the statements prepared on this connection
    bool m_broken = false;
    bool m_inTransaction = false;
    bool m_causalReads = false;
    void pauseCausalReads(bool guarded);
    void resumeCausalReads() noexcept;
    const char* m_notifyChannel = nullptr;
    qint64 m_lastNotifyMs = 0; // monotonic
    SqliteTurn* m_writerTurn = nullptr;   // SQLite: this process's turn to write the file
    SqlSession* m_sqliteWriter = nullptr; // SQLite: the process's writer session for this file (Database's)
    SqlSession* m_borrowed = nullptr;     // set while a write transaction runs on m_sqliteWriter
    QString m_cacheKey;                   // cacheKey(), once built
    void sendPendingNotify();
};

// A write transaction. On SQLite it is BEGIN IMMEDIATE, which takes the write lock up front:
// a plain BEGIN would let two connections read, then deadlock when both try to write.
// Rolls back unless commit() was called.
//
// SQLite, on the process's writer session: group commit. Each write transaction runs alone, in its turn,
// as a SAVEPOINT inside one SQLite transaction that several turns share; commit() releases the savepoint
// and, when another thread is already waiting for the turn, hands the turn over and waits for the COMMIT
// that a later turn runs for all of them. The last turn before an idle moment (or the kMaxSqliteGroup-th)
// commits. So commit() still returns only once the transaction is in the file, and throws if that COMMIT
// failed (then every transaction of the group failed, none half); a rollback undoes only its own
// savepoint. Why: one COMMIT writes each page the group touched once (the tables' and indexes' last
// pages, which every send shares), where one per transaction wrote them each time; on otpd's SQLite that
// write, two system calls per page, was half of every turn. With no thread waiting nothing is delayed.
//
// On a Galera node it is guarded (see .cpp): another node's write may abort it between two of its
// statements, and the client protocol can lose the error that says so; the statements after it
// would then run outside any transaction, each committed alone. A guarded transaction runs with
// autocommit off and writes a mark first (a row of a temporary table); commit() finds the mark gone
// after such an abort, and reports a conflict instead of committing what ran after it.
class WriteTransaction
{
public:
    enum class Statements {
        RowsOnly,       // every statement reads or writes rows (all the flows)
        IncludingDdl,   // a schema migration: MariaDB commits around DDL by itself, so it cannot be guarded
    };
    explicit WriteTransaction(SqlSession& session, Statements statements = Statements::RowsOnly);
    ~WriteTransaction();
    void commit();

    // Makes every other transaction that locks the same key wait until this one ends, for rules
    // that read, decide and then insert (send caps, cooldown and burst check + the new send; "find
    // or create" of an account). SQLite needs nothing: BEGIN IMMEDIATE already serialises all
    // writers. PostgreSQL and MariaDB run READ COMMITTED, where two such transactions would both
    // pass the check; there a transaction-scoped lock on the key serialises them (see .cpp).
    // Take the keys before reading what the decision depends on. A transaction that takes more than
    // one takes them in one fixed order that no other transaction reverses (send: the number block's
    // key, then the client address's), so two of them never wait for each other in a circle.
    void lockKey(const QString& key);

    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    // SQLite group commit: at most this many transactions wait for one COMMIT.
    static constexpr int kMaxSqliteGroup = 8;
    // What the group commit on SQLite file `file` did in this process so far: transactions committed,
    // COMMITs that wrote them, and threads waiting for the writer turn now (for tests and metrics).
    struct SqliteGroupCounts
    {
        quint64 transactions = 0;
        quint64 commits = 0;
        int waiting = 0;
    };
    static SqliteGroupCounts sqliteGroupCounts(const QString& file);
    // Ends the group open on `writer`, if any (COMMIT, members woken), before the writer is closed.
    static void endSqliteGroup(SqlSession& writer) noexcept;

private:
    SqlSession& m_session;
    bool m_open = true;
    bool m_guarded = false; // Galera: autocommit off and a mark, checked at commit
    std::unique_lock<std::recursive_timed_mutex> m_turn; // SQLite: held from BEGIN to COMMIT or ROLLBACK
    SqliteTurn* m_turnState = nullptr;    // SQLite: the file's turn, when m_turn was taken
    SqlSession* m_writer = nullptr;       // SQLite: the writer session this transaction runs on, if any
    std::shared_ptr<SqliteGroup> m_group; // SQLite: the group this transaction is a savepoint of, if any
    void returnWriter() noexcept;
    void releaseTurn() noexcept;
};

// How many times work that loses a lock conflict is run in all before its StoreError stands.
constexpr int kConflictAttempts = 8;

template <typename Attempt>
bool SqlSession::againOnConflict(const QSqlError& error, Attempt&& attempt)
{
    bool ok = attempt();
    for (int again = 0; !ok && again < kConflictAttempts - 1 && !m_inTransaction && isConflictHere(error); ++again)
        ok = attempt();
    return ok;
}
// Galera: how long a session waits for a row lock before it takes the wait as a conflict
// (SqlSession::isConflictHere); the server's default is 50 s.
constexpr int kGaleraLockWaitSeconds = 5;

// Runs `work` (one whole write transaction) and runs it again when the
// server gave it up in a lock conflict. InnoDB picks a deadlock victim even among transactions that
// touch different rows (their secondary-index entries can still cross), and both servers document
// "run the transaction again" as the answer. `work` must be safe to repeat: everything it wrote was
// rolled back, so it re-reads what it decides on (every write of the core is conditional anyway).
// Not for use inside an open transaction: the conflict aborted the caller's transaction too.
template <typename Work>
auto retryOnConflict(SqlSession& session, Work&& work) -> decltype(work())
{
    for (int attempt = 1;; ++attempt) {
        try {
            return work();
        } catch (const StoreError& e) {
            if (!e.conflict() || session.inTransaction() || attempt == kConflictAttempts)
                throw;
        }
    }
}

} // namespace otp
