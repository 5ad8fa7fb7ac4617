// SQLite: every write transaction of one process runs on one writer connection (SqlSession::
// setSqliteWriter). SQLite drops a connection's page cache whenever it finds that *another* connection
// committed; `PRAGMA data_version` is how a connection sees exactly that (it changes when another
// connection committed, never for the connection's own commits). So the writer connection must find
// no other writer between two turns, whichever thread took them, while another Database (another
// process, as far as the file is concerned) still shows as one.
#include "Database.h"
#include "SqlSession.h"
#include "TestDatabase.h"

#include <gtest/gtest.h>

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
