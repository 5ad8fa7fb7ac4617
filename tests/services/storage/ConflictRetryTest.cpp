// retryOnConflict (SqlSession.h) on the real servers: two transactions that take two rows in opposite
// orders deadlock; the server rolls one back, and the helper runs that one again so both land. SQLite
// serialises writers with BEGIN IMMEDIATE, so a deadlock cannot happen there and the test says so.
#include "SqlSession.h"
#include "TestDatabase.h"

#include <QSqlError>

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
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

    const QSqlError lockWait(QStringLiteral("QMYSQL: Unable to execute query"),
                             QStringLiteral("Lock wait timeout exceeded; try restarting transaction"),
                             QSqlError::StatementError, QStringLiteral("1205"));
    EXPECT_FALSE(SqlSession::isConflict(lockWait)) << "a 50 s wait repeated would keep the caller waiting minutes";
    EXPECT_FALSE(SqlSession::isConnectionLost(lockWait));
}
