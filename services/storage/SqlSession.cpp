#include "SqlSession.h"

#include "SqliteTurn.h"
#include "StoreError.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlRecord>

#include <chrono>
#include <memory>

namespace otp {

Q_LOGGING_CATEGORY(lcStore, "otp.store", QtInfoMsg)

void SqlSession::closeForReopen()
{
    m_statements.clear(); // prepared statements belong to the dead connection
    m_pg.reset();
    m_mariaDb.reset();
    m_inTransaction = false;
    m_db.close();
}

QSqlQuery& SqlSession::prepared(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        noteFailure(q.lastError());
        // Galera aborts a transaction that an applied write set of another node conflicts with (a
        // "brute force" abort) between its statements: the next command, often a PREPARE, gets 1213.
        throw StoreError(QStringLiteral("cannot prepare %1: %2").arg(operation(sql), describe(q.lastError())),
                         isConflictHere(q.lastError()));
    }
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
    QSqlError error;
    const bool ok = againOnConflict(error, [&] {
        if (q.exec())
            return true;
        error = q.lastError();
        return false;
    });
    if (!ok) {
        q.finish();
        fail(sql, binds, error);
    }
}

void SqlSession::fail(const QString& sql, const QVariantList& binds, const QSqlError& error)
{
    // Never error.text(): on PostgreSQL it quotes the statement with its values (see describe()).
    const QString err = QStringLiteral("%1: %2").arg(operation(sql), describe(error, binds));
    // A lost connection is logged once per outage by Database, not once per statement.
    if (noteFailure(error))
        throw StoreError(QStringLiteral("database connection lost: %1").arg(err));
    // The statement text is logged (it holds only placeholders); the bound values never are.
    if (isConflictHere(error)) {
        // Expected now and then on the server engines; the caller runs its transaction again.
        qCDebug(lcStore) << "statement lost a lock conflict:" << sql.left(120) << err;
        throw StoreError(QStringLiteral("database conflict in %1").arg(err), true);
    }
    qCWarning(lcStore) << "statement failed:" << sql.left(120) << err;
    throw StoreError(QStringLiteral("database error in %1").arg(err));
}

Rows SqlSession::select(const QString& sql, const QVariantList& binds)
{
    if (m_borrowed)
        return m_borrowed->select(sql, binds);
    if (StatementResult result; direct(sql, binds, result))
        return std::move(result.rows);
    QSqlQuery& q = prepared(sql);
    run(q, sql, binds);
    Rows rows;
    SqlRow::Columns columns;
    while (q.next()) {
        if (!columns) {
            const QSqlRecord shape = q.record();
            auto built = std::make_shared<SqlColumns>();
            for (int c = 0; c < shape.count(); ++c) {
                built->names.append(shape.fieldName(c));
                built->types.append(shape.field(c).metaType());
            }
            columns = std::move(built);
        }
        QVariantList values;
        values.reserve(columns->names.size());
        for (int c = 0; c < columns->names.size(); ++c)
            values.append(q.value(c));
        rows.append(SqlRow(columns, std::move(values)));
    }
    q.finish();
    return rows;
}

QVariant SqlSession::scalar(const QString& sql, const QVariantList& binds)
{
    if (m_borrowed)
        return m_borrowed->scalar(sql, binds);
    if (StatementResult result; direct(sql, binds, result))
        return result.rows.isEmpty() ? QVariant() : result.rows.first().value(0);
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
    if (m_borrowed)
        return m_borrowed->insert(sql, binds);
    if (m_dialect == SqlDialect::Postgres) {
        const QString withReturning = withReturningId(sql);
        if (pg()) {
            StatementResult result;
            runPg(withReturning, binds, result);
            return result.rows.isEmpty() ? 0 : result.rows.first().value(0).toLongLong();
        }
        QSqlQuery& q = prepared(withReturning);
        run(q, withReturning, binds);
        const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
        return id;
    }
    if (StatementResult result; direct(sql, binds, result))
        return result.insertId;
    QSqlQuery& q = prepared(sql);
    run(q, sql, binds);
    const qint64 id = q.lastInsertId().toLongLong();
    q.finish();
    return id;
}

int SqlSession::update(const QString& sql, const QVariantList& binds)
{
    return updateTellingInsertId(sql, binds, nullptr);
}

int SqlSession::updateTellingInsertId(const QString& sql, const QVariantList& binds, qint64* insertId)
{
    if (m_borrowed)
        return m_borrowed->updateTellingInsertId(sql, binds, insertId);
    if (StatementResult result; direct(sql, binds, result)) {
        if (insertId)
            *insertId = result.insertId;
        return result.affected;
    }
    QSqlQuery& q = prepared(sql);
    run(q, sql, binds);
    const int n = q.numRowsAffected();
    if (insertId) // asked for only: QPSQL's lastInsertId() runs a query of its own
        *insertId = q.lastInsertId().toLongLong();
    q.finish();
    return n;
}

void SqlSession::execute(const QString& sql)
{
    if (m_borrowed)
        return m_borrowed->execute(sql);
    if (m_pg && (m_pg->beginPending() || m_pg->hasQueued())) { // going through QSqlQuery: what waits goes first
        QSqlError error;
        if (!m_pg->flush(error)) {
            failIfAWriteFailed(error);
            noteFailure(error);
            throw StoreError(QStringLiteral("cannot begin a transaction: %1").arg(describe(error)));
        }
    }
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        noteFailure(q.lastError());
        throw StoreError(QStringLiteral("database error: %1 (in: %2)").arg(describe(q.lastError()), sql.left(80)));
    }
}

// Galera: a statement that waits for the cluster's commits (wsrep_sync_wait) while its transaction holds
// row locks can stall the node: the write set it waits for may need one of those locks, and an applier
// cannot abort a transaction that is inside a causal wait (the wait ends only after
// repl.causal_read_timeout, as "Lock wait timeout exceeded"). So a write transaction waits once, before
// it begins, holding nothing, and runs without waits inside; anything another node commits meanwhile that
// touches what it writes fails its certification (1213) and retryOnConflict runs it again.
//
// The same statement turns autocommit off for a guarded transaction (WriteTransaction::Statements): an
// applier that needs a row this transaction holds aborts it between two statements, and the error that
// says so reaches the client on its next command, except when the protocol loses it (a statement reset
// or the table-less SELECT LAST_INSERT_ID() are the suspects: 4 runs in 200 of the fifty-guesses test
// counted a 4th wrong guess of 3). With autocommit on, every statement after that would
// commit alone; with it off they form a new transaction, which commit() finds without its mark and rolls
// back. The mark is a row of a temporary table (Database's setUpGalera), written first and deleted last:
// an abort took it with everything else. Not a SAVEPOINT: that goes into the binary log and the write
// set, and cost about 1 ms per transaction on the test cluster (the mark costs about 0.25 ms).
void SqlSession::pauseCausalReads(bool guarded)
{
    execute(QStringLiteral("SELECT 1")); // the causal wait, before any lock is taken
    execute(guarded ? QStringLiteral("SET SESSION wsrep_sync_wait = 0, autocommit = 0")
                    : QStringLiteral("SET SESSION wsrep_sync_wait = 0"));
}

void SqlSession::resumeCausalReads() noexcept
{
    if (!m_causalReads || m_broken)
        return; // a reopened session gets its settings again from Database::setUp
    try {
        // After the COMMIT or ROLLBACK: turning autocommit on inside a transaction would commit it.
        execute(QStringLiteral("SET SESSION wsrep_sync_wait = 3, autocommit = 1"));
    } catch (const StoreError&) {
        // The connection failed (it is marked broken, and set up again when reopened).
    }
}

WriteTransaction::WriteTransaction(SqlSession& session, Statements statements) : m_session(session)
{
    m_guarded = session.m_causalReads && statements == Statements::RowsOnly;
    if (session.m_causalReads)
        session.pauseCausalReads(m_guarded);
    if (session.dialect() == SqlDialect::Sqlite) {
        const QString file = session.database().databaseName();
        if (!session.m_writerTurn && file != QLatin1String(":memory:") && !file.isEmpty())
            session.m_writerTurn = sqliteWriterTurn(file);
        bool nested = false;
        if (SqliteTurn* turn = session.m_writerTurn) {
            // As long as SQLite's own busy timeout; past it BEGIN IMMEDIATE meets the lock and says so.
            m_turn = std::unique_lock<std::recursive_timed_mutex>(turn->mutex, std::defer_lock);
            ++turn->waiting;
            (void)m_turn.try_lock_for(std::chrono::seconds(30));
            --turn->waiting;
            if (m_turn.owns_lock()) {
                m_turnState = turn;
                nested = turn->depth++ > 0;
            }
        }
        // With the turn, the statements run on the process's writer session (see setSqliteWriter);
        // unless the writer is in a transaction already: this thread got past the recursive turn
        // while writing, and meets SQLite's own lock on its own connection, as before.
        SqlSession* writer = session.m_sqliteWriter;
        if (m_turn.owns_lock() && writer && !writer->m_inTransaction && !session.m_borrowed) {
            m_writer = writer;
            session.m_borrowed = writer;
            writer->m_inTransaction = true;
        }
        try {
            if (m_turnState && !nested) {
                // A group open on another writer (another Database on this file) ends before this
                // transaction meets the lock its transaction holds.
                SqliteTurn* turn = m_turnState;
                if (turn->openWriter && turn->openWriter != m_writer)
                    turn->endGroup();
                if (m_writer) {
                    if (!turn->openWriter) {
                        session.execute(QStringLiteral("BEGIN IMMEDIATE"));
                        std::lock_guard<std::mutex> lock(turn->state);
                        turn->openWriter = m_writer;
                        turn->group = std::make_shared<SqliteGroup>();
                    }
                    m_group = turn->group;
                    session.execute(QStringLiteral("SAVEPOINT otp_txn"));
                }
            }
            if (!m_group)
                session.execute(QStringLiteral("BEGIN IMMEDIATE"));
        } catch (const StoreError& e) {
            if (m_group)
                m_turnState->endGroup(QStringLiteral("the transaction this one shared failed: %1").arg(e.message()));
            m_group.reset();
            returnWriter();
            releaseTurn();
            throw;
        } catch (...) {
            returnWriter();
            releaseTurn();
            throw;
        }
    } else if (m_guarded) {
        // Autocommit is off: the mark's statement opens the transaction it marks.
        try {
            session.update(QStringLiteral("INSERT INTO otp_txn_guard (mark) VALUES (1)"));
        } catch (const StoreError&) {
            session.database().rollback();
            session.resumeCausalReads(); // autocommit back on for whatever the session runs next
            throw;
        }
    } else if (PgStatements* pg = session.pg()) {
        pg->beginWithNextStatement(); // PostgreSQL: sent with the first statement (PgStatements)
    } else if (!session.database().transaction()) {
        session.noteFailure(session.database().lastError());
        throw StoreError(QStringLiteral("cannot begin a transaction: %1")
                             .arg(SqlSession::describe(session.database().lastError())));
    }
    session.m_inTransaction = true;
}

void WriteTransaction::lockKey(const QString& key)
{
    switch (m_session.dialect()) {
    case SqlDialect::Sqlite:
        return; // BEGIN IMMEDIATE holds the database's only write lock already
    case SqlDialect::Postgres:
        // An advisory lock released at commit or rollback: no row written, so no table bloat.
        // hashtext() is 32 bits; two keys sharing a hash only wait for each other, never break a rule.
        // Nothing reads its result: it waits (write()) and goes out with the transaction's next statement,
        // which the server runs only once the lock is granted.
        m_session.write(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext(?))"), {key});
        return;
    case SqlDialect::MySql:
        // The upsert takes an exclusive lock on the key's row (new or existing) that InnoDB holds
        // until the transaction ends. Not GET_LOCK: that is per session, outlives a rollback unless
        // released by hand, and is not supported by Galera clusters. Not INSERT IGNORE + SELECT …
        // FOR UPDATE: both would take a shared lock first and deadlock upgrading it.
        // The row must change every time: Galera certifies only the rows a transaction changed, and an
        // UPDATE to the value already there changes nothing. Two sends in the same millisecond on two
        // nodes, each finding the row at that millisecond already, would both pass the same cap.
        m_session.update(QStringLiteral("INSERT INTO write_locks (lock_key, taken_at) VALUES (?, ?) "
                                        "ON DUPLICATE KEY UPDATE taken_at = GREATEST(taken_at + 1, VALUES(taken_at))"),
                         {key.left(400), QDateTime::currentMSecsSinceEpoch()});
        return;
    }
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    if (m_session.m_pg)
        m_session.m_pg->dropQueued(); // writes that never went out
    m_session.m_inTransaction = false;
    m_session.m_notifyChannel = nullptr; // nothing changed
    if (m_session.broken()) {
        releaseTurn();
        return; // the server rolled it back when the connection went
    }
    if (m_group) {
        // Only this transaction's savepoint; the group's earlier members stay. A savepoint that is gone
        // means SQLite rolled the whole transaction back (an I/O error, a full disk): the group failed.
        QSqlQuery q(m_session.database());
        if (!q.exec(QStringLiteral("ROLLBACK TO otp_txn")) || !q.exec(QStringLiteral("RELEASE otp_txn")))
            m_turnState->endGroup(QStringLiteral("the transaction was lost: %1").arg(SqlSession::describe(q.lastError())));
        q.finish();
        m_group.reset();
        returnWriter();
        releaseTurn();
    } else if (m_session.dialect() == SqlDialect::Sqlite) {
        QSqlQuery q(m_session.database());
        q.exec(QStringLiteral("ROLLBACK"));
        q.finish();
        returnWriter();
        releaseTurn();
    } else if (!(m_session.m_pg && m_session.m_pg->dropPendingBegin())) { // a BEGIN never sent needs no ROLLBACK
        m_session.database().rollback();
    }
    m_session.resumeCausalReads();
}

void WriteTransaction::returnWriter() noexcept
{
    if (!m_writer)
        return;
    m_writer->m_inTransaction = false;
    m_session.m_borrowed = nullptr;
    m_writer = nullptr;
}

void WriteTransaction::commit()
{
    if (m_group) {
        SqliteTurn* turn = m_turnState;
        std::shared_ptr<SqliteGroup> group = std::move(m_group);
        try {
            m_session.execute(QStringLiteral("RELEASE otp_txn"));
        } catch (const StoreError& e) {
            turn->endGroup(QStringLiteral("the transaction was lost: %1").arg(e.message()));
        }
        {
            std::lock_guard<std::mutex> lock(turn->state);
            if (!group->done)
                ++group->members;
        }
        m_open = false;
        m_session.m_inTransaction = false;
        returnWriter();
        releaseTurn();
        // Until the group's COMMIT. Its holder runs it when it hands the turn on; should no holder come
        // (a waiter gave up), this thread takes the turn back and runs it.
        std::unique_lock<std::mutex> lock(turn->state);
        while (!group->done) {
            if (turn->ended.wait_for(lock, std::chrono::milliseconds(200), [&] { return group->done; }))
                break;
            lock.unlock();
            if (turn->mutex.try_lock()) {
                ++turn->depth;
                if (turn->group == group && turn->depth == 1)
                    turn->endGroup();
                --turn->depth;
                turn->mutex.unlock();
            }
            lock.lock();
        }
        if (!group->error.isEmpty())
            throw StoreError(group->error);
        return;
    }
    if (m_session.dialect() == SqlDialect::Sqlite) {
        m_session.execute(QStringLiteral("COMMIT"));
        returnWriter();
        releaseTurn();
    } else if (m_guarded && m_session.update(QStringLiteral("DELETE FROM otp_txn_guard")) == 0) {
        // The mark is gone: an abort ended the transaction that wrote it (an abort met by the DELETE
        // itself is a conflict from update(), a lost connection a lost connection, as for any statement).
        throw StoreError(QStringLiteral("database conflict: another node's write aborted this transaction"), true);
    } else if (m_session.m_pg && !m_session.m_pg->hasQueued() && m_session.m_pg->dropPendingBegin()) {
        // Nothing ran: the BEGIN never went out, so there is nothing to commit.
    } else if (m_session.m_pg) {
        // Writes wait (write()): they go out with the COMMIT, and the BEGIN too if nothing else ran.
        QSqlError error;
        if (!m_session.m_pg->commit(error)) {
            m_session.failIfAWriteFailed(error); // throws, as the write would have
            m_session.noteFailure(error);
            throw StoreError(QStringLiteral("cannot commit: %1").arg(SqlSession::describe(error)), m_session.isConflictHere(error));
        }
    } else if (!m_session.database().commit()) {
        // Whether a COMMIT whose answer was lost took effect is unknowable here; every write of the
        // core is a conditional UPDATE or guarded INSERT, so the caller re-reads instead of assuming.
        const QSqlError error = m_session.database().lastError();
        m_session.noteFailure(error);
        throw StoreError(QStringLiteral("cannot commit: %1").arg(SqlSession::describe(error)), m_session.isConflictHere(error));
    }
    m_open = false;
    m_session.m_inTransaction = false;
    m_session.resumeCausalReads();
    m_session.sendPendingNotify();
}

void SqlSession::sendPendingNotify()
{
    if (!m_notifyChannel)
        return;
    const char* channel = m_notifyChannel;
    m_notifyChannel = nullptr;
    const qint64 now = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now().time_since_epoch()).count();
    if (m_lastNotifyMs != 0 && now - m_lastNotifyMs < kNotifyEveryMs)
        return; // the views were woken moments ago; their poll picks this change up
    m_lastNotifyMs = now;
    try {
        execute(QStringLiteral("NOTIFY ") + QLatin1String(channel));
    } catch (const StoreError&) {
        // The change is committed; a lost wake-up only delays the views until their next poll.
    }
}

} // namespace otp
