// retryOnConflict (SqlSession.h) on the real servers: two transactions that take two rows in opposite
// orders deadlock; the server rolls one back, and the helper runs that one again so both land. SQLite
// serialises writers with BEGIN IMMEDIATE, so a deadlock cannot happen there and the test says so.
#include "Database.h"
#include "DatabaseClock.h"
#include "SqlSession.h"
#include "TestDatabase.h"

#include <QDateTime>
#include <QSqlError>

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

using namespace otp;
using namespace otp::test;

namespace {
// Both threads hold their first row before either asks for its second: a certain deadlock.
class Rendezvous
{
public:
    void arriveAndWait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (++m_arrived == 2)
            m_cv.notify_all();
        else
            m_cv.wait(lock, [this] { return m_arrived == 2; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_arrived = 0;
};

class ConflictRetryTest : public ::testing::Test
{
protected:
    TestDatabase t;

    void SetUp() override
    {
        if (t.scratch().isSqlite())
            GTEST_SKIP() << "SQLite takes its one write lock at BEGIN IMMEDIATE: writers queue, never deadlock";
        SqlSession& s = t.database().session();
        s.execute(QStringLiteral("CREATE TABLE conflict_probe (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"));
        s.execute(QStringLiteral("INSERT INTO conflict_probe (id, n) VALUES (1, 0), (2, 0)"));
    }
};
} // namespace

TEST_F(ConflictRetryTest, TheDeadlockVictimRunsAgainAndBothTransactionsLand)
{
    Rendezvous bothHoldOneRow;
    std::atomic<int> runs{0};
    std::atomic<int> conflictsSeen{0};
    auto transfer = [&](int first, int second) {
        SqlSession& s = t.database().session();
        bool firstRun = true;
        try {
            retryOnConflict(s, [&] {
                ++runs;
                try {
                    WriteTransaction tx(s);
                    s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 1 WHERE id = ?"), {first});
                    if (firstRun) {
                        firstRun = false;
                        bothHoldOneRow.arriveAndWait();
                    }
                    s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 1 WHERE id = ?"), {second});
                    tx.commit();
                } catch (const StoreError& e) {
                    if (e.conflict())
                        ++conflictsSeen;
                    throw;
                }
            });
        } catch (const StoreError& e) {
            ADD_FAILURE() << "not retried: " << e.message().toStdString();
        }
    };
    std::thread a(transfer, 1, 2), b(transfer, 2, 1);
    a.join();
    b.join();
    EXPECT_GE(conflictsSeen.load(), 1) << "the server should have picked a deadlock victim";
    EXPECT_EQ(runs.load(), 2 + conflictsSeen.load()) << "each conflict costs exactly one more run";
    EXPECT_EQ(t.count(QStringLiteral("SELECT SUM(n) FROM conflict_probe")), 4) << "both transactions landed, once each";
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM conflict_probe WHERE n = 2")), 2);
}

TEST_F(ConflictRetryTest, OtherFailuresAreNotRepeated)
{
    SqlSession& s = t.database().session();
    int runs = 0;
    try {
        retryOnConflict(s, [&] {
            ++runs;
            WriteTransaction tx(s);
            s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 1 WHERE id = ?"), {1});
            s.insert(QStringLiteral("INSERT INTO conflict_probe (id, n) VALUES (?, ?)"), {2, 0}); // duplicate key
            tx.commit();
        });
        ADD_FAILURE() << "a duplicate key must fail";
    } catch (const StoreError& e) {
        EXPECT_FALSE(e.conflict()) << e.message().toStdString();
    }
    EXPECT_EQ(runs, 1);
    EXPECT_EQ(t.count(QStringLiteral("SELECT n FROM conflict_probe WHERE id = 1")), 0) << "rolled back, not half-written";
}

TEST_F(ConflictRetryTest, AConflictInsideAnOpenTransactionIsTheCallersToHandle)
{
    SqlSession& s = t.database().session();
    WriteTransaction outer(s);
    int runs = 0;
    EXPECT_THROW(retryOnConflict(s, [&]() -> int {
                     ++runs;
                     throw StoreError(QStringLiteral("database conflict: simulated"), true);
                 }),
                 StoreError);
    EXPECT_EQ(runs, 1) << "the conflict aborted the caller's transaction: running only the inner part again is wrong";
}

// Galera (README "Past one database server: Galera"): a transaction that lost certification to another
// node's commit, or that an applier aborted, arrives as 1213 like an InnoDB deadlock, also when it is met
// at a PREPARE; it is run again. A node that is not a full member refuses with 1047: no statement ran, so
// it is a connection-level failure (the session reopens with backoff), never a conflict to repeat at once.
TEST(ConflictClassification, GaleraCertificationFailuresAreConflictsAndANodeNotReadyIsALostConnection)
{
    const QSqlError certification(QStringLiteral("QMYSQL: Unable to prepare statement"),
                                  QStringLiteral("Deadlock found when trying to get lock; try restarting transaction"),
                                  QSqlError::StatementError, QStringLiteral("1213"));
    EXPECT_TRUE(SqlSession::isConflict(certification));
    EXPECT_FALSE(SqlSession::isConnectionLost(certification));

    const QSqlError notReady(QStringLiteral("QMYSQL: Unable to execute query"),
                             QStringLiteral("WSREP has not yet prepared node for application use"),
                             QSqlError::StatementError, QStringLiteral("1047"));
    EXPECT_TRUE(SqlSession::isConnectionLost(notReady));
    EXPECT_FALSE(SqlSession::isConflict(notReady));

    // The same state met at COMMIT (the node left the primary component while the transaction ran).
    const QSqlError outOfPrimary(QStringLiteral("QMYSQL: Unable to commit transaction"),
                                 QStringLiteral("Error while appending streaming replication fragment(provider status: "
                                                "Not connected to Primary Component)"),
                                 QSqlError::StatementError, QStringLiteral("1180"));
    EXPECT_TRUE(SqlSession::isConnectionLost(outOfPrimary));
    EXPECT_FALSE(SqlSession::isConflict(outOfPrimary));

    const QSqlError lockWait(QStringLiteral("QMYSQL: Unable to execute query"),
                             QStringLiteral("Lock wait timeout exceeded; try restarting transaction"),
                             QSqlError::StatementError, QStringLiteral("1205"));
    EXPECT_FALSE(SqlSession::isConflict(lockWait)) << "a 50 s wait repeated would keep the caller waiting minutes";
    EXPECT_FALSE(SqlSession::isConnectionLost(lockWait));
}

// The server's clock (DatabaseClock) is read inside the flows' transactions. A failure there is the
// transaction's failure: on Galera an applier aborts a transaction between two statements and the next
// one, whichever it is, gets 1213; the server has rolled the transaction back, so a clock read that kept
// its last offset and carried on would let the flow's remaining statements run outside any transaction,
// each committed alone (a wrong guess counted without its lockout). Here the connection is killed
// under an open transaction; the clock must pass that on, not keep its last offset.
TEST_F(ConflictRetryTest, TheDatabaseClockPassesOnAFailureInsideATransaction)
{
    SqlSession& s = t.database().session();
    const bool postgres = s.dialect() == SqlDialect::Postgres;
    const qint64 me = s.scalar(postgres ? QStringLiteral("SELECT pg_backend_pid()") : QStringLiteral("SELECT CONNECTION_ID()")).toLongLong();
    {
        WriteTransaction tx(s);
        s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 1 WHERE id = ?"), {1});
        std::thread([&] {
            SqlSession& other = t.database().session();
            if (postgres)
                other.scalar(QStringLiteral("SELECT pg_terminate_backend(?)"), {me});
            else
                other.execute(QStringLiteral("KILL CONNECTION %1").arg(me));
            t.database().releaseThreadSession();
        }).join();
        DatabaseClock clock(t.database()); // never synced: its first reading asks the server
        EXPECT_THROW(clock.nowMs(), StoreError);
    }
    // Outside a transaction the same failure keeps the last offset (the next statement meets the outage).
    DatabaseClock clock(t.database());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    EXPECT_GE(clock.nowMs(), before - 60000) << "a reading from this process's clock, not an error";
    EXPECT_EQ(t.count(QStringLiteral("SELECT n FROM conflict_probe WHERE id = 1")), 0) << "the killed transaction left nothing";
}

// Galera: an applier's abort can reach this session without the error that says so (the protocol has
// been seen to lose it), and what runs after it is then outside the transaction. Simulated here by
// ending the transaction behind WriteTransaction's back: the write after it must not land, and commit()
// must report a conflict (so retryOnConflict runs the whole transaction again), not success.
TEST_F(ConflictRetryTest, OnGaleraAWriteAfterALostAbortIsRolledBackAndCommitReportsAConflict)
{
    if (!ScratchDatabase::isGalera())
        GTEST_SKIP() << "only a Galera node aborts a transaction from outside (and may lose the error saying so)";
    SqlSession& s = t.database().session();
    try {
        WriteTransaction tx(s);
        s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 1 WHERE id = ?"), {1});
        s.execute(QStringLiteral("ROLLBACK")); // what an applier's abort does, without a word to us
        s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 10 WHERE id = ?"), {2});
        tx.commit();
        ADD_FAILURE() << "commit() reported success for a transaction that had ended";
    } catch (const StoreError& e) {
        EXPECT_TRUE(e.conflict()) << e.message().toStdString();
    }
    EXPECT_EQ(t.count(QStringLiteral("SELECT SUM(n) FROM conflict_probe")), 0) << "neither write landed";
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT @@autocommit")).toInt(), 1) << "the session is back to autocommit";
    // And an ordinary transaction still commits.
    WriteTransaction tx(s);
    s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 1 WHERE id = ?"), {1});
    tx.commit();
    EXPECT_EQ(t.count(QStringLiteral("SELECT SUM(n) FROM conflict_probe")), 1);
}

// Galera: a session waits kGaleraLockWaitSeconds at most for a row lock, and the timeout is a conflict
// (an applier can be stuck behind a lock holder it cannot abort; see SqlSession::isConflictHere): the
// transaction is rolled back whole and runs again once the holder is gone. Elsewhere 1205 stays an
// error after the server's own wait.
TEST_F(ConflictRetryTest, OnGaleraALockWaitTimeoutIsAConflictAndTheWorkRunsAgain)
{
    if (!ScratchDatabase::isGalera())
        GTEST_SKIP() << "only a Galera session shortens its lock wait and retries it";
    SqlSession& holder = t.database().session();
    EXPECT_EQ(holder.scalar(QStringLiteral("SELECT @@innodb_lock_wait_timeout")).toInt(), kGaleraLockWaitSeconds);
    auto held = std::make_unique<WriteTransaction>(holder);
    holder.update(QStringLiteral("UPDATE conflict_probe SET n = n + 1 WHERE id = ?"), {1});

    bool firstWasConflict = false;
    QString firstError;
    int landed = -1;
    std::thread waiter([&] {
        SqlSession& s = t.database().session();
        s.execute(QStringLiteral("SET SESSION innodb_lock_wait_timeout = 1")); // the test's patience, not 5 s
        try {
            WriteTransaction tx(s);
            s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 10 WHERE id = ?"), {2});
            s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 10 WHERE id = ?"), {1}); // waits, times out
            tx.commit();
        } catch (const StoreError& e) {
            firstWasConflict = e.conflict();
            firstError = e.message();
        }
        EXPECT_FALSE(s.inTransaction());
    });
    waiter.join();
    EXPECT_TRUE(firstWasConflict) << firstError.toStdString();
    held->commit();
    held.reset();
    EXPECT_EQ(t.count(QStringLiteral("SELECT n FROM conflict_probe WHERE id = 2")), 0)
        << "the timed-out transaction's first write was rolled back with it";

    std::thread again([&] {
        SqlSession& s = t.database().session();
        landed = retryOnConflict(s, [&] {
            WriteTransaction tx(s);
            const int n = s.update(QStringLiteral("UPDATE conflict_probe SET n = n + 10 WHERE id = ?"), {1});
            tx.commit();
            return n;
        });
    });
    again.join();
    EXPECT_EQ(landed, 1);
    EXPECT_EQ(t.count(QStringLiteral("SELECT n FROM conflict_probe WHERE id = 1")), 11);
}
