// SqlSession on MariaDB runs its statements through the client library's prepared statements directly
// (MariaDbStatements): prepared once per connection, then each run is one COM_STMT_EXECUTE, without the
// COM_STMT_RESET round trip QMYSQL sends before every execution. What the rest of the core reads must not
// change: the same rows, column names, value types and NULLs that QMYSQL's QSqlQuery gives for the same
// statement on the same connection, and the same error numbers.
#include "MariaDbStatements.h"
#include "SqlSession.h"
#include "StoreError.h"
#include "TestDatabase.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {

const QString kAudit = QStringLiteral("INSERT INTO audit_log (created_at, actor, role, action, tenant, target, details) "
                                      "VALUES (?, 'test', 'admin', 'test', 'default', ?, ?)");

// A migrated scratch database on the engine under test; every test of it skips unless that is MariaDB.
class MariaDbStatementsOnServer : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (s.dialect() != SqlDialect::MySql)
            GTEST_SKIP() << "MariaDB only";
        if (!SqlSession::mariaDbDirect())
            GTEST_SKIP() << "OTP_MARIADB_STATEMENTS=qmysql";
    }
    // One of this connection's server counters (SHOW SESSION STATUS), read through QSqlQuery's text protocol
    // so that reading it does not move the prepared-statement counters.
    qint64 counter(const char* name)
    {
        QSqlQuery q(s.database());
        EXPECT_TRUE(q.exec(QStringLiteral("SHOW SESSION STATUS LIKE '%1'").arg(QLatin1String(name))));
        return q.next() ? q.value(1).toLongLong() : -1;
    }
    TestDatabase t;
    SqlSession& s = t.database().session();
};

QSqlRecord throughQSqlQuery(QSqlDatabase db, const QString& sql, const QVariantList& binds, QList<QVariant>* values)
{
    QSqlQuery q(db);
    EXPECT_TRUE(q.prepare(sql)) << q.lastError().text().toStdString();
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
    EXPECT_TRUE(q.next());
    const QSqlRecord record = q.record();
    for (int c = 0; c < record.count(); ++c)
        values->append(q.value(c));
    q.finish();
    return record;
}

} // namespace

namespace {
// `ours` (SqlSession) and QSqlQuery's answer for the same statement: the same names, types, values, NULLs.
void expectSameFirstRow(SqlSession& s, const QString& sql, const QVariantList& binds)
{
    const Rows ours = s.select(sql, binds);
    QList<QVariant> theirValues;
    const QSqlRecord theirs = throughQSqlQuery(s.database(), sql, binds, &theirValues);
    ASSERT_EQ(ours.size(), 1);
    const SqlRow& mine = ours.first();
    ASSERT_EQ(mine.count(), theirs.count());
    for (int c = 0; c < theirs.count(); ++c) {
        const std::string name = theirs.fieldName(c).toStdString();
        EXPECT_EQ(mine.fieldName(c), theirs.fieldName(c));
        EXPECT_EQ(mine.metaType(c).id(), theirs.field(c).metaType().id()) << name;
        EXPECT_EQ(mine.value(c).typeId(), theirValues.at(c).typeId()) << name;
        EXPECT_EQ(mine.isNull(c), theirValues.at(c).isNull()) << name;
        EXPECT_EQ(mine.value(c), theirValues.at(c)) << name;
    }
}
} // namespace

// Parameters stand only where the core's statements put them (values and conditions, never a column of
// the result): a prepared "SELECT ? AS x" run with a value wider than its first one comes back without
// its row through QMYSQL and this path alike (client library 3.3, server 10.11).
TEST_F(MariaDbStatementsOnServer, RowsHoldTheValuesTypesAndNullsQmysqlGivesForTheSameStatement)
{
    // Every kind of column the schema and its statements produce: BIGINT, INT, VARCHAR and TEXT in the
    // database's utf8mb4_bin collation, COUNT, SUM (a DECIMAL), MAX, a comparison, literals, NULLs.
    const QString tricky = QStringLiteral("h\u00e9llo ' \" \\ ? k-\u00e9");
    s.update(kAudit, {7, tricky, QStringLiteral("{\"a\": 1}")});
    expectSameFirstRow(s,
                       QStringLiteral("SELECT id, created_at, target, details, 42 AS i, 0.25 AS d, CAST(0.5 AS DOUBLE) AS dd, "
                                      "NULL AS nt, (created_at = 7) AS flag, CAST(created_at AS UNSIGNED) AS u, "
                                      "CAST(created_at AS INTEGER) * 1099511627776 AS b FROM audit_log WHERE created_at = ? "
                                      "AND target = ?"),
                       {7, tricky});
    s.update(kAudit, {8, QStringLiteral(""), QStringLiteral("")});
    expectSameFirstRow(s, QStringLiteral("SELECT target, details, NULL AS nt FROM audit_log WHERE created_at = ?"), {8});
    expectSameFirstRow(s,
                       QStringLiteral("SELECT SUM(created_at) AS s, MAX(created_at) AS m, COUNT(*) AS c, MAX(target) AS k, "
                                      "MIN(details) AS dt, (MIN(created_at) = 7) AS flag FROM audit_log WHERE created_at > ?"),
                       {0});
    const Rows row = s.select(QStringLiteral("SELECT target, SUM(created_at) AS s FROM audit_log WHERE target = ? "
                                             "GROUP BY target"),
                              {tricky});
    ASSERT_EQ(row.size(), 1);
    EXPECT_EQ(row.first().value(QStringLiteral("target")).toString(), tricky);
    EXPECT_EQ(row.first().value(QStringLiteral("s")).toDouble(), 7.0);
    s.update(kAudit, {qint64(1) << 40, QStringLiteral("big"), QStringLiteral("{}")});
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT created_at FROM audit_log WHERE target = ?"), {QStringLiteral("big")}).toLongLong(),
              qint64(1) << 40);
    // SqlSession's convention: a null QString binds as '', an invalid QVariant as NULL.
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT ? IS NULL"), {QString()}).toInt(), 0);
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT ? IS NULL"), {QVariant()}).toInt(), 1);
}

TEST_F(MariaDbStatementsOnServer, EachStatementIsPreparedOnceAndRunsWithoutAReset)
{
    const QString sql = QStringLiteral("SELECT CAST(? AS SIGNED) + 1 AS otp_marker");
    EXPECT_EQ(s.scalar(sql, {0}).toLongLong(), 1); // prepared here
    const qint64 prepares = counter("Com_stmt_prepare"), executes = counter("Com_stmt_execute");
    const qint64 resets = counter("Com_stmt_reset");
    for (int i = 1; i <= 5; ++i)
        EXPECT_EQ(s.scalar(sql, {i}).toLongLong(), i + 1);
    EXPECT_EQ(counter("Com_stmt_prepare"), prepares);
    EXPECT_EQ(counter("Com_stmt_execute"), executes + 5);
    EXPECT_EQ(counter("Com_stmt_reset"), resets); // QMYSQL sends one before every execution
}

TEST_F(MariaDbStatementsOnServer, WritesCountMatchedRowsAndInsertsTellTheirId)
{
    const qint64 first = s.insert(kAudit, {1, QStringLiteral("x"), QStringLiteral("{}")});
    const qint64 second = s.insert(kAudit, {2, QStringLiteral("y"), QStringLiteral("{}")});
    EXPECT_GT(first, 0);
    EXPECT_GT(second, first);
    // A conditional UPDATE reads "1" as "the condition held", even when no value changed (CLIENT_FOUND_ROWS).
    const QString touch = QStringLiteral("UPDATE audit_log SET target = ? WHERE id = ?");
    EXPECT_EQ(s.update(touch, {QStringLiteral("x"), first}), 1);
    EXPECT_EQ(s.update(touch, {QStringLiteral("x"), first}), 1);
    EXPECT_EQ(s.update(touch, {QStringLiteral("x"), second + 1000}), 0);
}

TEST_F(MariaDbStatementsOnServer, ServerErrorsKeepTheirNumberAndNeverTheValues)
{
    const QString secret = QStringLiteral("lock-key-7731-secret");
    const QString insert = QStringLiteral("INSERT INTO write_locks (lock_key, taken_at) VALUES (?, ?)");
    s.update(insert, {secret, 1});
    try {
        s.update(insert, {secret, 2});
        FAIL() << "a duplicate key was accepted";
    } catch (const StoreError& e) {
        EXPECT_FALSE(e.conflict());
        EXPECT_TRUE(e.message().contains(QLatin1String("1062"))) << e.message().toStdString();
        EXPECT_TRUE(e.message().contains(QLatin1String("INSERT INTO write_locks"))) << e.message().toStdString();
        EXPECT_FALSE(e.message().contains(secret)) << e.message().toStdString();
    }
    // The session goes on after the failed statement, the same statement included.
    EXPECT_EQ(s.update(QStringLiteral("UPDATE write_locks SET taken_at = ? WHERE lock_key = ?"), {3, secret}), 1);
    s.update(insert, {secret + QLatin1Char('2'), 4});
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM write_locks WHERE lock_key LIKE ?"), {secret + QLatin1Char('%')})
                  .toLongLong(),
              2);
}

TEST_F(MariaDbStatementsOnServer, ColumnsQmysqlReadsItsOwnWayStillComeAsItGivesThem)
{
    // A DATETIME column is left to QSqlQuery (MariaDbStatements refuses it, nothing runs twice).
    const QString sql = QStringLiteral("SELECT CAST('2026-12-01 10:20:30' AS DATETIME) AS at, ? AS n");
    const Rows ours = s.select(sql, {5});
    QList<QVariant> theirs;
    throughQSqlQuery(s.database(), sql, {5}, &theirs);
    ASSERT_EQ(ours.size(), 1);
    EXPECT_EQ(ours.first().value(0).typeId(), QMetaType::QDateTime);
    EXPECT_EQ(ours.first().value(0), theirs.at(0));
    EXPECT_EQ(ours.first().value(1), theirs.at(1));
}

TEST_F(MariaDbStatementsOnServer, ManyRowsAndLongTextsComeBackWhole)
{
    const QString longText(5000, QChar(0x00e9)); // 10,000 bytes of UTF-8
    s.update(kAudit, {1, QStringLiteral("x"), longText});
    for (int i = 0; i < 300; ++i)
        s.update(QStringLiteral("INSERT INTO write_locks (lock_key, taken_at) VALUES (?, ?)"),
                 {QStringLiteral("many-%1").arg(i), i});
    const Rows rows = s.select(QStringLiteral("SELECT lock_key, taken_at FROM write_locks WHERE lock_key LIKE ? "
                                              "ORDER BY taken_at"),
                               {QStringLiteral("many-%")});
    ASSERT_EQ(rows.size(), 300);
    EXPECT_EQ(rows.at(299).value(0).toString(), QStringLiteral("many-299"));
    EXPECT_EQ(rows.at(299).value(1).toLongLong(), 299);
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT details FROM audit_log WHERE details = ?"), {longText}).toString(), longText);
}
