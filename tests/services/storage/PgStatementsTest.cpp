// SqlSession on PostgreSQL runs its statements over libpq's extended protocol (PgStatements): prepared
// once per connection, then only values travel. What the rest of the core reads must not change: the
// same rows, column names, value types and NULLs that QPSQL's QSqlQuery gives for the same statement on
// the same connection, and the same SQLSTATEs in errors.
#include "PgStatements.h"
#include "SqlSession.h"
#include "StoreError.h"
#include "TestDatabase.h"

#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

TEST(PgStatements, PlaceholdersOutsideQuotesAreNumbered)
{
    int count = -1;
    EXPECT_EQ(PgStatements::numberedPlaceholders(
                  QStringLiteral("SELECT '?', ? FROM t WHERE a = ? AND b = 'it''s ?' AND \"c?\" = ?"), &count),
              QStringLiteral("SELECT '?', $1 FROM t WHERE a = $2 AND b = 'it''s ?' AND \"c?\" = $3"));
    EXPECT_EQ(count, 3);
    EXPECT_EQ(PgStatements::numberedPlaceholders(QStringLiteral("SELECT 1"), &count), QStringLiteral("SELECT 1"));
    EXPECT_EQ(count, 0);
}

// A migrated scratch database on the engine under test; every test of it skips unless that is PostgreSQL.
class PgStatementsOnServer : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (s.dialect() != SqlDialect::Postgres)
            GTEST_SKIP() << "PostgreSQL only";
        if (!SqlSession::pgExtendedProtocol())
            GTEST_SKIP() << "OTP_PG_STATEMENTS=qpsql";
    }
    TestDatabase t;
    SqlSession& s = t.database().session();
};

TEST_F(PgStatementsOnServer, RowsHoldTheValuesTypesAndNullsQpsqlGivesForTheSameStatement)
{
    const QString sql = QStringLiteral(
        "SELECT CAST(? AS integer) AS i, CAST(? AS bigint) AS b, CAST(? AS text) AS t, CAST(? AS integer) AS n, "
        "CAST(? AS text) AS e, SUM(x) AS s, MAX(x) AS m, COUNT(*) AS c, (MIN(x) = 1) AS flag, "
        "CAST(0.25 AS double precision) AS d, CAST(NULL AS text) AS nt "
        "FROM (VALUES (CAST(9000000000 AS bigint)), (CAST(1 AS bigint))) AS v(x)");
    const QVariantList binds{42, qint64(1) << 40, QStringLiteral("h\u00e9llo ' \" \\ ?"), QVariant(), QStringLiteral("")};

    const Rows ours = s.select(sql, binds);
    QSqlQuery q(s.database());
    ASSERT_TRUE(q.prepare(sql)) << q.lastError().text().toStdString();
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
    ASSERT_TRUE(q.next());
    const QSqlRecord theirs = q.record();
    q.finish();

    ASSERT_EQ(ours.size(), 1);
    const SqlRow& mine = ours.first();
    ASSERT_EQ(mine.count(), theirs.count());
    for (int c = 0; c < theirs.count(); ++c) {
        const std::string name = theirs.fieldName(c).toStdString();
        EXPECT_EQ(mine.fieldName(c), theirs.fieldName(c));
        EXPECT_EQ(mine.metaType(c).id(), theirs.field(c).metaType().id()) << name;
        EXPECT_EQ(mine.value(c).typeId(), theirs.value(c).typeId()) << name;
        EXPECT_EQ(mine.isNull(c), theirs.isNull(c)) << name;
        EXPECT_EQ(mine.value(c), theirs.value(c)) << name;
    }
    EXPECT_EQ(mine.value(QStringLiteral("t")).toString(), QStringLiteral("h\u00e9llo ' \" \\ ?"));
    EXPECT_EQ(mine.value(QStringLiteral("s")).toLongLong(), 9000000001LL);
    EXPECT_TRUE(mine.isNull(QStringLiteral("n")));
    EXPECT_FALSE(mine.isNull(QStringLiteral("e")));
    // SqlSession's convention: a null QString binds as '', an invalid QVariant as NULL.
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT CAST(? AS text) IS NULL"), {QString()}).toBool(), false);
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT CAST(? AS text) IS NULL"), {QVariant()}).toBool(), true);
}

TEST_F(PgStatementsOnServer, EachStatementIsPreparedOnceOverTheProtocolAndNeverAsSqlText)
{
    const QString sql = QStringLiteral("SELECT CAST(? AS bigint) + 1 AS otp_marker");
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(s.scalar(sql, {i}).toLongLong(), i + 1);
    // pg_prepared_statements lists this connection's statements; from_sql is true for a SQL PREPARE
    // (QPSQL's way, run by a text EXECUTE each time) and false for the protocol's Parse message.
    const QString listed = QStringLiteral("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE "
                                          "'%otp_marker%' AND statement NOT LIKE '%pg_prepared%' AND from_sql = ?");
    EXPECT_EQ(s.scalar(listed, {false}).toInt(), 1);
    EXPECT_EQ(s.scalar(listed, {true}).toInt(), 0);
}

TEST_F(PgStatementsOnServer, ServerErrorsKeepTheirSqlstateAndNeverTheValues)
{
    const QString secret = QStringLiteral("lock-key-7730-secret");
    const QString insert = QStringLiteral("INSERT INTO write_locks (lock_key, taken_at) VALUES (?, ?)");
    s.update(insert, {secret, 1});
    try {
        s.update(insert, {secret, 2});
        FAIL() << "a duplicate key was accepted";
    } catch (const StoreError& e) {
        EXPECT_FALSE(e.conflict());
        EXPECT_TRUE(e.message().contains(QLatin1String("[23505]"))) << e.message().toStdString();
        EXPECT_TRUE(e.message().contains(QLatin1String("INSERT INTO write_locks"))) << e.message().toStdString();
        EXPECT_FALSE(e.message().contains(secret)) << e.message().toStdString();
    }
    // The session goes on after the failed statement.
    EXPECT_EQ(s.update(QStringLiteral("UPDATE write_locks SET taken_at = ? WHERE lock_key = ?"), {3, secret}), 1);
}

// A write transaction's BEGIN travels with its first statement (one pipeline); the statements after it
// are inside that transaction, a rollback undoes them, and a transaction that ran nothing commits.
TEST_F(PgStatementsOnServer, ATransactionsBeginGoesWithItsFirstStatementAndStillHoldsWhatFollows)
{
    const QString insert = QStringLiteral("INSERT INTO write_locks (lock_key, taken_at) VALUES (?, ?)");
    const QString count = QStringLiteral("SELECT COUNT(*) FROM write_locks WHERE lock_key LIKE 'tx-%'");
    const QString xid = QStringLiteral("SELECT CAST(pg_current_xact_id() AS text)");
    {
        WriteTransaction tx(s);
        s.update(insert, {QStringLiteral("tx-1"), 1}); // a new statement: BEGIN, its Parse and itself at once
        const QString first = s.scalar(xid).toString();
        s.update(insert, {QStringLiteral("tx-2"), 2});
        EXPECT_EQ(s.scalar(xid).toString(), first) << "every statement ran in the one transaction";
    } // no commit: rolled back
    EXPECT_EQ(s.scalar(count).toInt(), 0);
    {
        WriteTransaction tx(s);
        s.update(insert, {QStringLiteral("tx-3"), 3}); // a known statement this time
        tx.commit();
    }
    EXPECT_EQ(s.scalar(count).toInt(), 1);
    {
        WriteTransaction tx(s);
        tx.commit(); // nothing ran: nothing was sent, nothing to commit
    }
    {
        WriteTransaction tx(s); // nothing ran, nothing to roll back
    }
    // Two autocommitted reads are two transactions: the check above can tell them apart.
    EXPECT_NE(s.scalar(xid).toString(), s.scalar(xid).toString());
    // A first statement that fails leaves the transaction aborted and rolled back; the session goes on.
    {
        WriteTransaction tx(s);
        EXPECT_THROW(s.update(insert, {QStringLiteral("tx-3"), 4}), StoreError); // duplicate key
    }
    EXPECT_EQ(s.scalar(count).toInt(), 1);
    // DDL through execute() as a transaction's first statement sends the BEGIN first.
    {
        WriteTransaction tx(s, WriteTransaction::Statements::IncludingDdl);
        s.execute(QStringLiteral("CREATE TABLE tx_probe (n INTEGER)"));
    } // rolled back: PostgreSQL's DDL is transactional
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'tx_probe'")).toInt(), 0);
}

// BEGIN and COMMIT are prepared once per connection (a Parse per transaction was server CPU on every
// send and verify), and a COMMIT the server refuses still fails the transaction whole: here a deferred
// unique key that only COMMIT checks, with nothing waiting to go out with it.
TEST_F(PgStatementsOnServer, BeginAndCommitArePreparedOnceAndARefusedCommitStillFails)
{
    const QString insert = QStringLiteral("INSERT INTO write_locks (lock_key, taken_at) VALUES (?, ?)");
    for (int i = 0; i < 3; ++i) {
        WriteTransaction tx(s);
        s.update(insert, {QStringLiteral("pc-%1").arg(i), i});
        tx.commit();
    }
    // Prepared over the protocol, once, and run by every transaction (PostgreSQL counts each run's plan).
    const QString listed = QStringLiteral("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement = ? AND NOT from_sql");
    const QString runs = QStringLiteral("SELECT SUM(generic_plans + custom_plans) FROM pg_prepared_statements WHERE statement = ?");
    for (const QString& command : {QStringLiteral("BEGIN"), QStringLiteral("COMMIT")}) {
        EXPECT_EQ(s.scalar(listed, {command}).toInt(), 1) << command.toStdString();
        EXPECT_GE(s.scalar(runs, {command}).toInt(), 3) << command.toStdString();
    }
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM write_locks WHERE lock_key LIKE 'pc-%'")).toInt(), 3);

    s.execute(QStringLiteral("CREATE TABLE commit_probe (n INTEGER, CONSTRAINT commit_probe_n UNIQUE (n) DEFERRABLE INITIALLY DEFERRED)"));
    {
        WriteTransaction tx(s);
        s.update(QStringLiteral("INSERT INTO commit_probe (n) VALUES (?)"), {7});
        s.update(QStringLiteral("INSERT INTO commit_probe (n) VALUES (?)"), {7}); // accepted until COMMIT
        try {
            tx.commit();
            FAIL() << "a COMMIT that broke a deferred unique key succeeded";
        } catch (const StoreError& e) {
            EXPECT_TRUE(e.message().contains(QLatin1String("23505"))) << e.message().toStdString();
        }
    }
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM commit_probe")).toInt(), 0);
    // The session goes on.
    {
        WriteTransaction tx(s);
        s.update(QStringLiteral("INSERT INTO commit_probe (n) VALUES (?)"), {8});
        tx.commit();
    }
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM commit_probe")).toInt(), 1);
}

// SqlSession::write(): in a write transaction the write waits and goes out with the next statement or
// the COMMIT. What it must keep: order (the next statement sees it), all-or-nothing (a failed write fails
// its transaction whole, with its own statement named), nothing sent for a transaction that is dropped.
// On the other engines write() is update(), and the same assertions hold but for the deferral itself.
class WaitingWrites : public ::testing::Test
{
protected:
    TestDatabase t;
    SqlSession& s = t.database().session();
    const QString insert = QStringLiteral("INSERT INTO write_locks (lock_key, taken_at) VALUES (?, ?)");
    int count() { return s.scalar(QStringLiteral("SELECT COUNT(*) FROM write_locks WHERE lock_key LIKE 'ww-%'")).toInt(); }
    bool deferred() const { return s.dialect() == SqlDialect::Postgres && SqlSession::pgExtendedProtocol(); }
};

TEST_F(WaitingWrites, GoWithTheCommitAndAreSeenByTheStatementsAfterThem)
{
    {
        WriteTransaction tx(s);
        s.write(insert, {QStringLiteral("ww-1"), 1}); // the transaction's first statement: BEGIN waits too
        s.write(insert, {QStringLiteral("ww-2"), 2});
        EXPECT_EQ(count(), 2) << "a read after the writes sees them: they go first, in order";
        s.write(insert, {QStringLiteral("ww-3"), 3});
        tx.commit(); // ww-3 with the COMMIT
    }
    EXPECT_EQ(count(), 3);
    {
        WriteTransaction tx(s);
        s.write(insert, {QStringLiteral("ww-4"), 4}); // BEGIN, the write and COMMIT in one pipeline
        tx.commit();
    }
    EXPECT_EQ(count(), 4);
    s.write(insert, {QStringLiteral("ww-5"), 5}); // outside a transaction: at once
    EXPECT_EQ(count(), 5);
}

TEST_F(WaitingWrites, AFailedWriteFailsItsCommitWithItsOwnStatementAndNothingOfTheTransactionStays)
{
    s.update(insert, {QStringLiteral("ww-taken"), 1});
    try {
        WriteTransaction tx(s);
        s.update(insert, {QStringLiteral("ww-a"), 2});
        if (deferred()) {
            EXPECT_NO_THROW(s.write(insert, {QStringLiteral("ww-taken"), 3})) << "the write waits: no error yet";
            EXPECT_NO_THROW(s.write(insert, {QStringLiteral("ww-b"), 4}));
            tx.commit();
        } else {
            s.write(insert, {QStringLiteral("ww-taken"), 3});
        }
        ADD_FAILURE() << "a duplicate key was committed";
    } catch (const StoreError& e) {
        EXPECT_TRUE(e.message().contains(QLatin1String("INSERT INTO write_locks"))) << e.message().toStdString();
        EXPECT_FALSE(e.message().contains(QLatin1String("ww-taken"))) << "values are never in errors";
    }
    EXPECT_EQ(count(), 1) << "ww-a and ww-b were rolled back with the failed write";
    s.update(insert, {QStringLiteral("ww-c"), 5}); // the session goes on
    EXPECT_EQ(count(), 2);
}

TEST_F(WaitingWrites, AFailedWriteFailsTheNextStatementNamingTheWrite)
{
    s.update(insert, {QStringLiteral("ww-taken"), 1});
    {
        WriteTransaction tx(s);
        s.update(insert, {QStringLiteral("ww-a"), 2});
        try {
            s.write(insert, {QStringLiteral("ww-taken"), 3});
            s.select(QStringLiteral("SELECT lock_key FROM write_locks"));
            ADD_FAILURE() << "the duplicate key went unnoticed";
        } catch (const StoreError& e) {
            EXPECT_TRUE(e.message().contains(QLatin1String("INSERT INTO write_locks"))) << e.message().toStdString();
        }
    }
    EXPECT_EQ(count(), 1);
}

TEST_F(WaitingWrites, ATransactionDroppedBeforeItsCommitSendsThemNever)
{
    if (deferred()) {
        WriteTransaction tx(s);
        s.write(insert, {QStringLiteral("ww-1"), 1});
        s.write(insert, {QStringLiteral("ww-1"), 2}); // would fail: never sent, so never fails
    }
    EXPECT_EQ(count(), 0);
    {
        WriteTransaction tx(s);
        s.update(insert, {QStringLiteral("ww-2"), 1});
        s.write(insert, {QStringLiteral("ww-3"), 2});
    } // rolled back: the BEGIN and ww-2 went out, ww-3 never did
    EXPECT_EQ(count(), 0);
    {
        WriteTransaction tx(s, WriteTransaction::Statements::IncludingDdl);
        s.write(insert, {QStringLiteral("ww-4"), 1});
        s.execute(QStringLiteral("CREATE TABLE ww_probe (n INTEGER)")); // the write goes first
        EXPECT_EQ(count(), 1);
        tx.commit();
    }
    EXPECT_EQ(count(), 1);
}

// SqlSession::insertWaiting(): the INSERT waits like write(), and its id arrives with the statement or
// the COMMIT it travelled with (on the other engines at once). The id is the row's own.
TEST_F(WaitingWrites, AnInsertsIdArrivesWithTheCommitOrTheNextStatement)
{
    const QString audit = QStringLiteral("INSERT INTO audit_log (created_at, actor, role, action, tenant, target, details) "
                                         "VALUES (?, 'tester', 'qa', ?, 'default', '', '{}')");
    auto idOf = [&](const QString& action) {
        return s.scalar(QStringLiteral("SELECT id FROM audit_log WHERE action = ?"), {action}).toLongLong();
    };
    qint64 first = -1, second = -1, third = -1;
    {
        WriteTransaction tx(s);
        s.insertWaiting(audit, {1, QStringLiteral("ww-first")}, &first);
        if (deferred())
            EXPECT_EQ(first, 0) << "the INSERT waits: no id yet";
        else
            EXPECT_GT(first, 0);
        s.insertWaiting(audit, {2, QStringLiteral("ww-second")}, &second);
        EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'ww-%'")).toInt(), 2);
        EXPECT_GT(first, 0) << "the read carried both INSERTs, and their ids came back with it";
        EXPECT_GT(second, first);
        s.insertWaiting(audit, {3, QStringLiteral("ww-third")}, &third);
        tx.commit(); // the third with the COMMIT
    }
    EXPECT_EQ(first, idOf(QStringLiteral("ww-first")));
    EXPECT_EQ(second, idOf(QStringLiteral("ww-second")));
    EXPECT_EQ(third, idOf(QStringLiteral("ww-third")));
    qint64 outside = -1;
    s.insertWaiting(audit, {4, QStringLiteral("ww-outside")}, &outside); // outside a transaction: at once
    EXPECT_EQ(outside, idOf(QStringLiteral("ww-outside")));
    qint64 dropped = -1;
    {
        WriteTransaction tx(s);
        s.insertWaiting(audit, {5, QStringLiteral("ww-dropped")}, &dropped);
    } // rolled back
    EXPECT_EQ(idOf(QStringLiteral("ww-dropped")), 0);
    EXPECT_TRUE(dropped == 0 || !deferred()) << "never sent, so no id";
}
