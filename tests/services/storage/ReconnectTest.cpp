// A server connection that dies under the core (the server restarted, an admin killed the session):
// the call that meets it fails with StoreError / internal_error, the session is reopened by the next
// call, and nothing is replayed — least of all inside a write transaction. Server engines only; the
// full restart of a running worker is tests/integration/DbRestartTest.cpp.
#include "StoreError.h"
#include "TestDatabase.h"

#include <QThread>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
const QString kPhone = QStringLiteral("+919876543210");

// Kills `session`'s server connection from another connection, as a restart would.
void killConnection(TestDatabase& t, SqlSession& session)
{
    Database admin(t.scratch().config());
    if (session.dialect() == SqlDialect::Postgres) {
        const QVariant pid = session.scalar(QStringLiteral("SELECT pg_backend_pid()"));
        ASSERT_TRUE(admin.session().scalar(QStringLiteral("SELECT pg_terminate_backend(?, 10000)"), {pid}).toBool());
    } else {
        const QVariant id = session.scalar(QStringLiteral("SELECT CONNECTION_ID()"));
        admin.session().execute(QStringLiteral("KILL CONNECTION %1").arg(id.toLongLong()));
        // KILL only flags the thread: wait (bounded) until the server has closed it.
        for (int i = 0; i < 100; ++i) {
            if (admin.session().scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?"),
                                       {id}).toInt() == 0)
                break;
            QThread::msleep(50);
        }
    }
}
} // namespace

TEST(Reconnect, LostConnectionFailsOneCallThenReopens)
{
    if (ScratchDatabase::isSqlite())
        GTEST_SKIP() << "a server engine only";
    TestDatabase t;
    t.database().migrate();
    SqlSession& s = t.database().session();
    ASSERT_EQ(s.scalar(QStringLiteral("SELECT 1")).toInt(), 1);
    killConnection(t, s);
    // The statement that meets the dead connection fails; it is not retried.
    EXPECT_THROW(s.scalar(QStringLiteral("SELECT COUNT(*) FROM challenges")), StoreError);
    EXPECT_TRUE(s.broken());
    // The next call reopens the same session object (references held elsewhere stay valid).
    SqlSession& again = t.database().session();
    EXPECT_EQ(&again, &s);
    EXPECT_FALSE(again.broken());
    EXPECT_EQ(again.scalar(QStringLiteral("SELECT COUNT(*) FROM challenges")).toInt(), 0);

    // Through the service: one call answers internal_error, the next works.
    killConnection(t, t.database().session());
    EXPECT_EQ(t.service().status(QStringLiteral("default"), kPhone, Purpose::Login).status, OutcomeStatus::InternalError);
    EXPECT_NE(t.service().status(QStringLiteral("default"), kPhone, Purpose::Login).status, OutcomeStatus::InternalError);

    // Write transactions before and after a lost connection: what the first connection had prepared
    // (on PostgreSQL its statements, BEGIN and COMMIT included) is prepared again on the new one.
    auto send = [&](const QString& phone) {
        return t.service().send({QStringLiteral("default"), phone, std::nullopt, Purpose::Login, {}});
    };
    ASSERT_EQ(send(kPhone).status, OutcomeStatus::Sent);
    killConnection(t, t.database().session());
    EXPECT_EQ(t.service().status(QStringLiteral("default"), kPhone, Purpose::Login).status, OutcomeStatus::InternalError);
    const Outcome after = send(QStringLiteral("+919812345678"));
    EXPECT_EQ(after.status, OutcomeStatus::Sent) << after.message.toStdString();
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM deliveries d JOIN challenges c ON c.id = d.challenge_id")), 2);
}

TEST(Reconnect, NeverReopensInsideAWriteTransaction)
{
    if (ScratchDatabase::isSqlite())
        GTEST_SKIP() << "a server engine only";
    TestDatabase t;
    t.database().migrate();
    SqlSession& s = t.database().session();
    {
        WriteTransaction tx(s);
        s.update(QStringLiteral("DELETE FROM policies WHERE tenant = ?"), {QStringLiteral("nobody")});
        killConnection(t, s);
        EXPECT_THROW(s.update(QStringLiteral("DELETE FROM policies WHERE tenant = ?"), {QStringLiteral("nobody")}),
                     StoreError);
        // Still inside the transaction: the rest of it must not run on a fresh connection.
        EXPECT_THROW(t.database().session(), StoreError);
    }
    EXPECT_EQ(t.database().session().scalar(QStringLiteral("SELECT 1")).toInt(), 1);
}
