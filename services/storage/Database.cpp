#include "Database.h"

#include "StoreError.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThread>
#include <QRegularExpression>
#include <QSqlError>
#include <QUuid>

#include <algorithm>
#include <atomic>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace otp {

Q_LOGGING_CATEGORY(lcDatabase, "otp.database", QtInfoMsg)

namespace {
struct Migration
{
    int version;
    QString name;
    QString sql;
};

QList<Migration> bundledMigrations()
{
    QList<Migration> out;
    QDirIterator it(QStringLiteral(":/otp/migrations"), {QStringLiteral("*.sql")});
    static const QRegularExpression re(QStringLiteral(R"(^(\d+)_(.+)\.sql$)"));
    while (it.hasNext()) {
        it.next();
        const auto m = re.match(it.fileName());
        if (!m.hasMatch())
            continue;
        QFile f(it.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return out;
}

// The arguments of a {{CONCAT(…)}} token: split at the commas outside quotes and parentheses, trimmed.
QStringList concatArguments(const QString& args)
{
    QStringList out;
    QString current;
    QChar quote; // inside '…' or "…" while set
    int depth = 0;
    for (const QChar c : args) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            --depth;
        } else if (c == QLatin1Char(',') && depth == 0) {
            out << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    out << current.trimmed();
    return out;
}

// One schema description for every engine: the migration files use a few tokens for what must differ.
QString forDialect(QString sql, SqlDialect d)
{
    switch (d) {
    case SqlDialect::Sqlite: sql.replace(QLatin1String("{{ID}}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT")); break;
    case SqlDialect::Postgres: sql.replace(QLatin1String("{{ID}}"), QLatin1String("BIGSERIAL PRIMARY KEY")); break;
    case SqlDialect::MySql: sql.replace(QLatin1String("{{ID}}"), QLatin1String("BIGINT AUTO_INCREMENT PRIMARY KEY")); break;
    }
    // MariaDB: InnoDB for transactions and row locks whatever the server's default engine is, and
    // utf8mb4_bin so text is full Unicode and compares byte for byte as on SQLite and PostgreSQL
    // (the server default, utf8mb4_general_ci, would make 'A@x.org' equal 'a@x.org').
    sql.replace(QLatin1String("{{TABLE}}"), d == SqlDialect::MySql
                                                ? QLatin1String("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin")
                                                : QLatin1String(""));
    // DROP INDEX names its table on MariaDB only: `DROP INDEX ix{{ON t}}`.
    static const QRegularExpression onTable(QStringLiteral("\\{\\{ON (\\w+)\\}\\}"));
    sql.replace(onTable, d == SqlDialect::MySql ? QStringLiteral(" ON \\1") : QString());
    // `CREATE INDEX …{{PARTIAL condition}}`: a partial index (WHERE condition) on PostgreSQL and SQLite; MariaDB
    // has none, so there it indexes every row.
    static const QRegularExpression partial(QStringLiteral("\\{\\{PARTIAL ([^}]*)\\}\\}"));
    sql.replace(partial, d == SqlDialect::MySql ? QString() : QStringLiteral(" WHERE \\1"));
    // `{{CONCAT(a, b, …)}}`: CONCAT() on MariaDB (where || is OR) and PostgreSQL; SQLite before 3.44 has
    // no concat(), so there the arguments are joined with ||. An argument may hold commas inside quotes
    // or parentheses (a literal ', ', a function call).
    static const QRegularExpression concat(QStringLiteral("\\{\\{CONCAT\\((.*?)\\)\\}\\}"));
    for (auto m = concat.match(sql); m.hasMatch(); m = concat.match(sql)) {
        const QString args = m.captured(1);
        sql.replace(m.capturedStart(), m.capturedLength(),
                    d == SqlDialect::Sqlite ? QStringLiteral("(") + concatArguments(args).join(QStringLiteral(" || ")) +
                                                  QStringLiteral(")")
                                            : QStringLiteral("CONCAT(") + args + QStringLiteral(")"));
    }
    // SQLite has no ADD COLUMN IF NOT EXISTS (MariaDB and PostgreSQL have): there it is a plain ADD
    // COLUMN, and migrate() skips it when the column is already there (addsExistingColumn).
    if (d == SqlDialect::Sqlite) {
        static const QRegularExpression addColumn(QStringLiteral("\\bADD\\s+COLUMN\\s+IF\\s+NOT\\s+EXISTS\\b"),
                                                  QRegularExpression::CaseInsensitiveOption);
        sql.replace(addColumn, QStringLiteral("ADD COLUMN"));
    }
    return sql;
}

// Every migration statement must be safe to run again (resources/storage/migrations/README.md): on
// MariaDB each DDL statement commits by itself, so a process killed between two statements of one
// migration leaves the first applied and the version unrecorded, and the next run starts the
// migration over. The files say IF [NOT] EXISTS everywhere. SQLite is the one engine without ADD
// COLUMN IF NOT EXISTS; its DDL is transactional, so a crash never leaves half a migration there, but
// the same rule holds on every engine (and the resume test runs on all three): an ADD COLUMN whose
// column exists is skipped, which is exactly what IF NOT EXISTS does on the other two.
bool addsExistingColumn(SqlSession& s, const QString& stmt)
{
    if (s.dialect() != SqlDialect::Sqlite)
        return false;
    static const QRegularExpression addColumn(QStringLiteral("^ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+COLUMN\\s+(\\w+)"),
                                              QRegularExpression::CaseInsensitiveOption);
    const auto m = addColumn.match(stmt);
    return m.hasMatch() && s.scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?"),
                                    {m.captured(1), m.captured(2)}).toInt() > 0;
}

QStringList statements(const QString& sql)
{
    QStringList out;
    QString current;
    for (const QString& line : sql.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (t.startsWith(QLatin1String("--")) || t.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (t.endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            out << current;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

std::atomic<int> g_instanceCounter{0};

// A MariaDB Galera node (README "Past one database server: Galera"): wsrep_on is ON. One cheap read at
// connect; a server without the variable (or with wsrep off) is a plain MariaDB and nothing changes.
bool isGaleraNode(SqlSession& s)
{
    return s.dialect() == SqlDialect::MySql &&
           s.scalar(QStringLiteral("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_VARIABLES "
                                   "WHERE VARIABLE_NAME = 'WSREP_ON'")).toString().toUpper() == QLatin1String("ON");
}

// Galera: a node applies the other nodes' commits a little after they committed. A read that decides a
// send or a verify (the send cap, the cooldown, the challenge and its attempts) must see every commit
// the cluster made before it, or two nodes could each pass a check the other already spent:
// wsrep_sync_wait = 3 makes each SELECT, UPDATE and DELETE of this session wait until the node has
// applied everything committed cluster-wide when it started (a causality check, one group round trip);
// a write transaction waits once before it begins instead (SqlSession::pauseCausalReads).
// Certification still refuses any write that raced another node's (1213, run again by retryOnConflict).
// A node that is not a full member yet (joining, or cut off from the majority) refuses statements with
// 1047 "WSREP has not yet prepared node for application use": it is treated like a lost connection, so
// reopen() keeps trying with backoff until the node serves again.
void setUpGalera(SqlSession& s)
{
    const QString ready = s.scalar(QStringLiteral("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                                                  "WHERE VARIABLE_NAME = 'WSREP_READY'")).toString();
    if (ready.toUpper() != QLatin1String("ON")) {
        s.noteFailure(QSqlError(QString(), QStringLiteral("WSREP has not yet prepared node for application use"),
                                QSqlError::ConnectionError));
        throw StoreError(QStringLiteral("the Galera node is not ready (wsrep_ready=%1)").arg(ready));
    }
    // A row lock is waited for 5 s at most, and the timeout is a conflict (SqlSession::isConflictHere).
    // The core's transactions hold their rows for milliseconds: 5 s is a queue of hundreds.
    s.execute(QStringLiteral("SET SESSION wsrep_sync_wait = 3, innodb_lock_wait_timeout = %1").arg(kGaleraLockWaitSeconds));
    // The node's appliers wait the server's own setting, and one of them can wait that long for a local
    // transaction inside its COMMIT while every causal read of the node queues behind it (README, "A stuck
    // applier"): a node left at the default 50 s is said once per process, with the line to add.
    static std::atomic<bool> warned{false};
    const int serverWait = s.scalar(QStringLiteral("SELECT @@GLOBAL.innodb_lock_wait_timeout")).toInt();
    if (serverWait > kGaleraLockWaitSeconds && !warned.exchange(true))
        qCWarning(lcDatabase).noquote() << "this Galera node's innodb_lock_wait_timeout is" << serverWait
                                        << "s: a stuck applier can stall the node that long; set"
                                        << QStringLiteral("innodb_lock_wait_timeout = %1").arg(kGaleraLockWaitSeconds)
                                        << "in its [mariadbd] options";
    // The mark of a write transaction (WriteTransaction's guard): a temporary table is this
    // connection's own and never replicated, so writing it costs no certification.
    s.execute(QStringLiteral("CREATE TEMPORARY TABLE IF NOT EXISTS otp_txn_guard (mark INTEGER NOT NULL) ENGINE=InnoDB"));
    s.setCausalReads(true);
}
} // namespace

namespace {
// The session goes first (its prepared statements belong to the connection), then Qt forgets the connection.
void closeSession(std::unique_ptr<SqlSession> session)
{
    const QString name = session->ownDatabase().connectionName();
    session.reset();
    QSqlDatabase::removeDatabase(name);
}
} // namespace

Database::Database(DatabaseConfig config)
    : m_config(std::move(config)), m_id(QString::number(++g_instanceCounter))
{
    bool ok = false;
    const int wait = qEnvironmentVariableIntValue("OTP_DB_RECONNECT_WAIT_MS", &ok);
    if (ok && wait >= 0)
        m_config.reconnectWaitMs = wait;
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    for (auto& [tid, session] : m_sessions)
        closeSession(std::move(session));
    m_checkpointer.reset(); // before the writer: its close checkpoints what is left
    if (m_sqliteWriter) {
        WriteTransaction::endSqliteGroup(*m_sqliteWriter);
        closeSession(std::move(m_sqliteWriter));
    }
}

QSqlDatabase Database::open(const QString& name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_config.driverName(), name);
    if (!db.isValid())
        throw StoreError(QStringLiteral("the Qt SQL driver %1 is not installed").arg(m_config.driverName()));
    if (m_config.dialect == SqlDialect::Sqlite) {
        QFileInfo fi(m_config.path);
        QDir().mkpath(fi.absolutePath());
        // Phones, names and addresses: owner-only like the pepper beside it, whatever the umask. SQLite
        // gives its -wal, -shm and -journal files the mode of the database file, so creating that one
        // 0600 before the driver opens it covers them all. An existing file keeps its owner's choice.
        if (m_config.path != QLatin1String(":memory:")) {
            const int fd = ::open(QFile::encodeName(m_config.path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                                  S_IRUSR | S_IWUSR);
            if (fd >= 0)
                ::close(fd);
        }
        db.setDatabaseName(m_config.path);
        // Writers queue on the SQLite lock for up to 30 s instead of failing at once with SQLITE_BUSY.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    } else {
        if (m_config.dialect == SqlDialect::MySql) {
            // Affected rows = rows matched, as SQLite and PostgreSQL count them: every conditional
            // UPDATE here reads "1" as "the condition held", even when no value changed.
            db.setConnectOptions(QStringLiteral("CLIENT_FOUND_ROWS;MYSQL_OPT_CONNECT_TIMEOUT=10"));
        } else {
            db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        }
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.database);
    }
    if (!db.open())
        throw StoreError(QStringLiteral("cannot open %1: %2").arg(m_config.displayUrl(), db.lastError().text()));
    return db;
}

SqlSession& Database::session()
{
    const auto tid = std::this_thread::get_id();
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_sessions.find(tid);
        if (it != m_sessions.end()) {
            SqlSession& existing = *it->second;
            lock.unlock();
            if (existing.broken())
                reopen(existing);
            return existing;
        }
    }
    const QString name = QStringLiteral("otp-%1-%2").arg(m_id, QUuid::createUuid().toString(QUuid::WithoutBraces));
    auto session = std::make_unique<SqlSession>(open(name), m_config.dialect);
    setUp(*session);
    session->setSqliteWriter(sqliteWriter());
    QMutexLocker lock(&m_mutex);
    auto& slot = m_sessions[tid];
    slot = std::move(session);
    return *slot;
}

// The writer connection is opened on whichever thread asks first and then used by every thread, one at a
// time: a write transaction holds the file's writer turn (SqlSession.cpp) from BEGIN to COMMIT or ROLLBACK,
// and the turn's mutex orders what each thread did on it before the next. Qt asks that a connection stay on
// the thread that opened it because some drivers keep per-thread state; QSQLITE keeps none, and the system
// SQLite is built serialized (SQLITE_THREADSAFE=1). The connection is never looked up by name, which is
// where Qt checks the thread.
SqlSession* Database::sqliteWriter()
{
    if (!m_config.isSqliteFile())
        return nullptr;
    std::lock_guard<std::mutex> lock(m_writerMutex);
    if (!m_sqliteWriter) {
        auto writer = std::make_unique<SqlSession>(open(QStringLiteral("otp-%1-writer").arg(m_id)), m_config.dialect);
        setUp(*writer);
        // Checkpoints leave the writer turn (SqliteCheckpointer); the writer's own stays as a safety net.
        writer->execute(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(SqliteCheckpointer::kWriterAutoCheckpointPages));
        m_sqliteWriter = std::move(writer);
        m_checkpointer = std::make_unique<SqliteCheckpointer>(m_config.path, std::chrono::milliseconds(50));
    }
    return m_sqliteWriter.get();
}

void Database::setUp(SqlSession& session)
{
    if (m_config.dialect == SqlDialect::Sqlite) {
        // WAL lets readers (the console) run beside the writer; NORMAL sync is durable across
        // process crashes, which is what WAL needs. journal_mode is persistent: set it once.
        if (session.scalar(QStringLiteral("PRAGMA journal_mode")).toString().toLower() != QLatin1String("wal"))
            session.execute(QStringLiteral("PRAGMA journal_mode=WAL"));
        session.execute(QStringLiteral("PRAGMA synchronous=NORMAL"));
        session.execute(QStringLiteral("PRAGMA foreign_keys=ON"));
    } else if (m_config.dialect == SqlDialect::MySql) {
        // READ COMMITTED, as PostgreSQL's default: every statement sees what is committed now. Under
        // InnoDB's default REPEATABLE READ the "re-read inside the write transaction" checks would read
        // an old snapshot. Check-then-insert rules take a per-key lock (WriteTransaction::lockKey);
        // single-row rules are conditional UPDATEs, which lock and re-check the row on every engine.
        session.execute(QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"));
        // Strict whatever the server's configuration: a too-long value fails as on PostgreSQL instead
        // of being cut silently.
        session.execute(QStringLiteral("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
                                        "NO_ENGINE_SUBSTITUTION'"));
        if (isGaleraNode(session))
            setUpGalera(session);
    }
}

// Reopens a lost connection: 100 ms, 200 ms, … up to 5 s between tries, for at most reconnectWaitMs.
// Only the connection is retried, never a statement: the operation that met the loss already failed
// with StoreError. That is safe for the outbox because every step of it is a conditional UPDATE
// (claim only a free `queued` row, `sending` only from `queued` by the lease holder, an answer only
// onto `sending`): a claim retried by the next pass finds the row's true state and a row left
// `sending` is closed as WORKER_LOST, never sent again.
void Database::reopen(SqlSession& session)
{
    if (session.inTransaction())
        throw StoreError(QStringLiteral("the database connection was lost inside a transaction"));
    // Threads that meet the same outage later (an idle thread's first statement after the others
    // reconnected) stay quiet: within 30 s of a recovery it is the same outage.
    const bool recent = QDateTime::currentMSecsSinceEpoch() - m_lastRecoveryMs.load() < 30000;
    if (!m_down.exchange(true) && !recent)
        qCWarning(lcDatabase).noquote() << "connection to" << m_config.displayUrl()
                                        << "lost; reopening with backoff (each call waits up to"
                                        << m_config.reconnectWaitMs << "ms)";
    QElapsedTimer waited;
    waited.start();
    qint64 delay = 100;
    QString lastError;
    for (;;) {
        session.closeForReopen();
        if (session.database().open()) {
            try {
                session.markReopened();
                setUp(session);
                if (m_down.exchange(false) && !recent)
                    qCInfo(lcDatabase).noquote() << "connection to" << m_config.displayUrl() << "is back after"
                                                 << waited.elapsed() << "ms of retrying";
                m_lastRecoveryMs = QDateTime::currentMSecsSinceEpoch();
                return;
            } catch (const StoreError& e) {
                lastError = e.message();
                session.noteFailure(QSqlError(QString(), e.message(), QSqlError::ConnectionError));
            }
        } else {
            lastError = session.database().lastError().text();
        }
        const qint64 left = m_config.reconnectWaitMs - waited.elapsed();
        if (left <= 0) {
            session.noteFailure(QSqlError(QString(), lastError, QSqlError::ConnectionError));
            throw StoreError(QStringLiteral("the database %1 is unreachable (retried for %2 ms): %3")
                                 .arg(m_config.displayUrl())
                                 .arg(waited.elapsed())
                                 .arg(lastError));
        }
        QThread::msleep(std::min<qint64>(delay, left));
        delay = std::min<qint64>(delay * 2, 5000);
    }
}

void Database::releaseThreadSession()
{
    std::unique_ptr<SqlSession> session;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_sessions.find(std::this_thread::get_id());
        if (it == m_sessions.end())
            return;
        session = std::move(it->second);
        m_sessions.erase(it);
    }
    closeSession(std::move(session));
}

int Database::latestVersion() const
{
    const auto all = bundledMigrations();
    return all.isEmpty() ? 0 : all.last().version;
}

int Database::schemaVersion()
{
    SqlSession& s = session();
    // Read without creating anything: CREATE TABLE IF NOT EXISTS is not race-free on PostgreSQL
    // (two sessions can both pass the check and one fails on the catalog's unique index).
    if (!s.database().tables().contains(QStringLiteral("schema_migrations")))
        return 0;
    return s.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE version > 0")).toInt();
}

namespace {
// Serialises migrate() across processes on the server engines for the whole run (SQLite's
// BEGIN IMMEDIATE already does, per migration). A session-level lock, because MariaDB commits
// implicitly around DDL and so cannot hold a transaction's locks across a migration.
// On a Galera cluster GET_LOCK is node-local (two processes on two nodes would both hold it), so the
// lock there is a row every node sees: schema_migrations' version -1, inserted in a transaction of its
// own. A second inserter meets the row (duplicate key) or loses certification to it (a conflict); it
// waits until the row is gone. The row carries its time: one left by a migrator that died is taken
// over after kStaleMs.
class MigrationLock
{
public:
    MigrationLock(SqlSession& s, bool galera, const QString& createTable) : m_s(s), m_galera(galera)
    {
        if (galera)
            lockRow(createTable);
        else if (s.dialect() == SqlDialect::Postgres)
            s.scalar(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kKey));
        else if (s.dialect() == SqlDialect::MySql &&
                 s.scalar(QStringLiteral("SELECT GET_LOCK('otp.migrate', 300)")).toInt() != 1)
            throw StoreError(QStringLiteral("another process held the migration lock for 5 minutes"));
    }
    ~MigrationLock()
    {
        try {
            if (m_galera)
                m_s.update(QStringLiteral("DELETE FROM schema_migrations WHERE version = -1 AND name = ?"), {m_owner});
            else if (m_s.dialect() == SqlDialect::Postgres)
                m_s.scalar(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kKey));
            else if (m_s.dialect() == SqlDialect::MySql)
                m_s.scalar(QStringLiteral("SELECT RELEASE_LOCK('otp.migrate')"));
        } catch (const StoreError&) {
            // The connection is gone, and its session locks with it (Galera: the row goes stale).
        }
    }

private:
    void lockRow(const QString& createTable)
    {
        // CREATE TABLE IF NOT EXISTS is ordered cluster-wide on Galera (total order isolation): safe to race.
        m_s.execute(createTable);
        m_owner = QStringLiteral("lock:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            try {
                m_s.update(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (-1, ?, ?)"),
                           {m_owner, now});
                return;
            } catch (const StoreError& e) {
                if (m_s.broken() || (!e.conflict() && !e.message().contains(QLatin1String("[1062]"))))
                    throw;
            }
            m_s.update(QStringLiteral("DELETE FROM schema_migrations WHERE version = -1 AND applied_at < ?"),
                       {now - kStaleMs});
            if (waited.elapsed() > 300000)
                throw StoreError(QStringLiteral("another process held the migration lock for 5 minutes"));
            QThread::msleep(50);
        }
    }

    static constexpr qint64 kKey = 0x6f74706d6967; // "otpmig"
    static constexpr qint64 kStaleMs = 10 * 60 * 1000;
    SqlSession& m_s;
    bool m_galera = false;
    QString m_owner;
};
} // namespace

int Database::migrate(int upTo)
{
    int applied = 0;
    if (schemaVersion() >= std::min(upTo, latestVersion()))
        return 0;
    SqlSession& s = session();
    const QString createTable =
        forDialect(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                  "name VARCHAR(128) NOT NULL, applied_at BIGINT NOT NULL) {{TABLE}}"),
                   m_config.dialect);
    MigrationLock lock(s, isGaleraNode(s), createTable);
    s.execute(createTable);
    for (const Migration& m : bundledMigrations()) {
        if (m.version > upTo)
            break;
        WriteTransaction tx(s, WriteTransaction::Statements::IncludingDdl);
        // Re-read inside the transaction: another process may have applied it meanwhile.
        const int current = s.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE version > 0")).toInt();
        if (m.version <= current)
            continue;
        for (const QString& stmt : statements(forDialect(m.sql, m_config.dialect))) {
            if (!addsExistingColumn(s, stmt))
                s.execute(stmt);
        }
        s.update(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                 {m.version, m.name, QDateTime::currentMSecsSinceEpoch()});
        tx.commit();
        ++applied;
    }
    return applied;
}

QString detail::dialectSql(const QString& sql, SqlDialect d)
{
    return forDialect(sql, d);
}

QStringList detail::migrationStatements(int version, SqlDialect d)
{
    for (const Migration& m : bundledMigrations()) {
        if (m.version == version)
            return statements(forDialect(m.sql, d));
    }
    return {};
}

void Database::notifyChange(SqlSession& s)
{
    // Not inside the transaction: PostgreSQL serialises the commits of every transaction that
    // notified (a database-wide lock held from pre-commit to the end of the commit, WAL flush
    // included), which made concurrent clients take turns. After the COMMIT, at most every
    // SqlSession::kNotifyEveryMs per connection; the live views' poll is the safety net between.
    if (s.dialect() == SqlDialect::Postgres)
        s.notifyAfterCommit(kChangeChannel);
}

} // namespace otp
