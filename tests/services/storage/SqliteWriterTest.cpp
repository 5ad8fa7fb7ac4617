// SQLite: every write transaction of one process runs on one writer connection (SqlSession::
// setSqliteWriter). SQLite drops a connection's page cache whenever it finds that *another* connection
// committed; `PRAGMA data_version` is how a connection sees exactly that (it changes when another
// connection committed, never for the connection's own commits). So the writer connection must find
// no other writer between two turns, whichever thread took them, while another Database (another
// process, as far as the file is concerned) still shows as one.
#include "Database.h"
#include "SqlSession.h"
#include "SqliteCheckpointer.h"
#include "TestDatabase.h"

#include <QFileInfo>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

using namespace otp;
using namespace otp::test;

namespace {
class SqliteWriterTest : public ::testing::Test
{
protected:
    TestDatabase t;

    void SetUp() override
    {
        if (!t.scratch().isSqlite())
            GTEST_SKIP() << "one writer connection per process is SQLite's; the servers take row locks";
        t.database().session().execute(QStringLiteral("CREATE TABLE writer_probe (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"));
    }

    // A write transaction on `db` from this thread: inserts a row and returns the data_version its
    // connection saw at the start, with the connection's name.
    static std::pair<qint64, QString> writeOnce(Database& db, int n)
    {
        SqlSession& s = db.session();
        WriteTransaction tx(s);
        const qint64 version = s.scalar(QStringLiteral("PRAGMA data_version")).toLongLong();
        s.insert(QStringLiteral("INSERT INTO writer_probe (n) VALUES (?)"), {n});
        const QString connection = s.database().connectionName();
        tx.commit();
        return {version, connection};
    }
};
} // namespace

TEST_F(SqliteWriterTest, WriteTransactionsOfEveryThreadRunOnOneConnectionThatSeesNoOtherWriter)
{
    const auto first = writeOnce(t.database(), 1);
    std::pair<qint64, QString> other;
    std::thread([&] {
        other = writeOnce(t.database(), 2);
        t.database().releaseThreadSession();
    }).join();
    const auto again = writeOnce(t.database(), 3);

    EXPECT_EQ(other.second, first.second) << "another thread's write transaction ran on a connection of its own";
    EXPECT_EQ(again.first, first.first) << "the writer connection saw another connection's commit, and dropped its cache";
    EXPECT_NE(first.second, t.database().session().ownDatabase().connectionName())
        << "the write ran on the thread's own connection";
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM writer_probe")), 3);
}

TEST_F(SqliteWriterTest, AnotherConnectionsCommitStillShowsAsAChange)
{
    // The control: data_version does move when a connection other than the writer commits.
    const auto first = writeOnce(t.database(), 1);
    {
        Database elsewhere(t.database().config());
        writeOnce(elsewhere, 2);
    }
    const auto after = writeOnce(t.database(), 3);
    EXPECT_NE(after.first, first.first);
}

TEST_F(SqliteWriterTest, ReadsOutsideAWriteStayOnTheThreadsConnectionAndSeeCommittedRows)
{
    std::thread([&] {
        writeOnce(t.database(), 7);
        t.database().releaseThreadSession();
    }).join();
    SqlSession& s = t.database().session();
    EXPECT_EQ(s.database().connectionName(), s.ownDatabase().connectionName());
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT n FROM writer_probe")).toInt(), 7);
}

TEST_F(SqliteWriterTest, AFailedTransactionRollsBackOnTheWriterAndHandsItBack)
{
    SqlSession& s = t.database().session();
    try {
        WriteTransaction tx(s);
        s.insert(QStringLiteral("INSERT INTO writer_probe (n) VALUES (?)"), {1});
        s.insert(QStringLiteral("INSERT INTO no_such_table (n) VALUES (?)"), {2});
        tx.commit();
        FAIL() << "the insert into a missing table did not throw";
    } catch (const StoreError&) {
    }
    EXPECT_EQ(s.database().connectionName(), s.ownDatabase().connectionName()) << "the writer was not handed back";
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM writer_probe")), 0) << "the first insert was not rolled back";
    writeOnce(t.database(), 2); // the writer is free for the next transaction
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM writer_probe")), 1);
}

TEST_F(SqliteWriterTest, TheWalIsCopiedIntoTheDatabaseFileByTheCheckpointerNotByTheWriter)
{
    // Only a checkpoint writes the database file itself (a commit appends to the -wal file). The writer's
    // own checkpoint waits for 4,000 WAL pages; ~600 pages written here must reach the file all the same.
    const QString path = t.database().config().path;
    SqlSession& s = t.database().session();
    {
        WriteTransaction tx(s);
        EXPECT_EQ(s.scalar(QStringLiteral("PRAGMA wal_autocheckpoint")).toInt(), SqliteCheckpointer::kWriterAutoCheckpointPages);
        tx.commit();
    }
    const qint64 before = QFileInfo(path).size();
    {
        WriteTransaction tx(s);
        s.execute(QStringLiteral("CREATE TABLE bulk (b BLOB NOT NULL)"));
        for (int i = 0; i < 300; ++i)
            s.insert(QStringLiteral("INSERT INTO bulk (b) VALUES (randomblob(8000))"));
        tx.commit();
    }
    const qint64 wanted = before + 2 * 1024 * 1024;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (QFileInfo(path).size() < wanted && std::chrono::steady_clock::now() < deadline)
        std::this_thread::yield();
    EXPECT_GE(QFileInfo(path).size(), wanted) << "the WAL was not checkpointed while the writer stayed open";
}

// Group commit (WriteTransaction): a transaction that finishes while another thread waits for the turn
// hands the turn on and waits for the COMMIT the last one runs for both.
namespace {
class SqliteGroupCommitTest : public SqliteWriterTest
{
protected:
    QString file() { return t.database().config().path; }
    WriteTransaction::SqliteGroupCounts counts() { return WriteTransaction::sqliteGroupCounts(file()); }

    // Returns once `n` threads wait for the writer turn (they block in WriteTransaction's constructor).
    void awaitWaiters(int n)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (counts().waiting < n) {
            ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "no thread came to wait for the turn";
            std::this_thread::yield();
        }
    }

    // On another thread: a write transaction that inserts `n`, holds the turn until `waiters` threads wait
    // for it, then commits. Reports whether commit() returned, and whether the thread's own connection
    // (which sees committed rows only) saw the row right after it did.
    struct Member
    {
        std::thread thread;
        bool committed = false;
        bool visibleAfterCommit = false;
        QString error;
    };
    void startMember(Member& m, Database& db, int n, int waiters, std::promise<void>& holding)
    {
        m.thread = std::thread([&, n, waiters] {
            {
                SqlSession& s = db.session();
                try {
                    WriteTransaction tx(s);
                    s.insert(QStringLiteral("INSERT INTO writer_probe (n) VALUES (?)"), {n});
                    holding.set_value();
                    awaitWaiters(waiters);
                    tx.commit();
                    m.committed = true;
                    m.visibleAfterCommit =
                        s.scalar(QStringLiteral("SELECT COUNT(*) FROM writer_probe WHERE n = ?"), {n}).toInt() == 1;
                } catch (const StoreError& e) {
                    m.error = e.message();
                }
            }
            db.releaseThreadSession();
        });
    }
};
} // namespace

TEST_F(SqliteGroupCommitTest, AWriteThatFinishesWhileAnotherWaitsIsCommittedWithItInOneCommit)
{
    writeOnce(t.database(), 0); // a lone transaction: its own COMMIT at once
    const auto before = counts();
    Member a;
    std::promise<void> holding;
    startMember(a, t.database(), 1, 1, holding);
    holding.get_future().wait();
    writeOnce(t.database(), 2); // waits for a's turn, runs in a's group, commits both
    a.thread.join();

    const auto after = counts();
    EXPECT_TRUE(a.committed) << a.error.toStdString();
    EXPECT_TRUE(a.visibleAfterCommit) << "commit() returned before the transaction was in the file";
    EXPECT_EQ(after.transactions - before.transactions, 2u);
    EXPECT_EQ(after.commits - before.commits, 1u) << "the two transactions were not committed together";
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM writer_probe")), 3);
}

TEST_F(SqliteGroupCommitTest, ARollbackInsideAGroupUndoesOnlyItsOwnWrites)
{
    const auto before = counts();
    Member a;
    std::promise<void> holding;
    startMember(a, t.database(), 1, 1, holding);
    holding.get_future().wait();
    {
        SqlSession& s = t.database().session();
        WriteTransaction tx(s); // joins a's group once a hands the turn over
        s.insert(QStringLiteral("INSERT INTO writer_probe (n) VALUES (?)"), {2});
    } // rolled back: no commit()
    a.thread.join();

    EXPECT_TRUE(a.committed) << a.error.toStdString();
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM writer_probe WHERE n = 1")), 1);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM writer_probe WHERE n = 2")), 0) << "the rolled-back insert landed";
    EXPECT_EQ(counts().transactions - before.transactions, 1u);
}

TEST_F(SqliteGroupCommitTest, WhenTheGroupsCommitFailsEveryMemberFailsAndNothingOfItLands)
{
    // A deferred foreign key is checked at COMMIT only: the second member's orphan row fails the
    // group's COMMIT, after both savepoints were released.
    SqlSession& s = t.database().session();
    s.execute(QStringLiteral("CREATE TABLE fk_parent (id INTEGER PRIMARY KEY)"));
    s.execute(QStringLiteral("CREATE TABLE fk_child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL "
                             "REFERENCES fk_parent (id) DEFERRABLE INITIALLY DEFERRED)"));
    const auto before = counts();
    Member a;
    std::promise<void> holding;
    startMember(a, t.database(), 1, 1, holding);
    holding.get_future().wait();
    QString error;
    try {
        WriteTransaction tx(s);
        s.insert(QStringLiteral("INSERT INTO fk_child (parent) VALUES (?)"), {42});
        tx.commit();
    } catch (const StoreError& e) {
        error = e.message();
    }
    a.thread.join();

    EXPECT_FALSE(a.committed) << "a member's commit() returned although its group's COMMIT failed";
    EXPECT_TRUE(a.error.contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive)) << a.error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive)) << error.toStdString();
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM writer_probe")), 0) << "part of a failed group landed";
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM fk_child")), 0);
    EXPECT_EQ(counts().transactions, before.transactions);
    writeOnce(t.database(), 3); // the writer works on
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM writer_probe")), 1);
}

TEST_F(SqliteGroupCommitTest, AnotherDatabaseOnTheFileEndsTheOpenGroupBeforeItWrites)
{
    // Two Database objects on one file share the turn but not the writer connection: the group open on
    // the first one's writer must be committed before the second begins, or the second would wait on
    // SQLite's lock for a COMMIT that only it could run.
    Database other(t.database().config());
    const auto before = counts();
    Member a;
    std::promise<void> holding;
    startMember(a, t.database(), 1, 1, holding);
    holding.get_future().wait();
    writeOnce(other, 2);
    a.thread.join();

    EXPECT_TRUE(a.committed) << a.error.toStdString();
    EXPECT_TRUE(a.visibleAfterCommit);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM writer_probe")), 2);
    EXPECT_EQ(counts().commits - before.commits, 2u);
}
