// Live views wake on PostgreSQL LISTEN/NOTIFY: a send committed on another connection reaches the
// console's worker thread as DatabaseThread::changed() within a second, without waiting for a poll.
#include "DatabaseThread.h"
#include "ScratchDatabase.h"
#include "TestDatabase.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

TEST(LiveUpdates, PostgresNotifyWakesTheConsoleWhenAnotherConnectionSends)
{
    if (qEnvironmentVariableIsEmpty("OTP_TEST_PG_URL"))
        GTEST_SKIP() << "needs the PostgreSQL server that `make test` starts (.ci/db-servers)";
    qputenv("OTP_TEST_ENGINE", "postgresql");
    TestDatabase t;
    qunsetenv("OTP_TEST_ENGINE");
    ASSERT_EQ(t.database().config().dialect, SqlDialect::Postgres);

    models::DatabaseThread worker(t.database()); // the console's own connection, on its own thread
    QSignalSpy changed(&worker, &models::DatabaseThread::changed);
    QSignalSpy idle(&worker, &models::DatabaseThread::idle);
    worker.listenForChanges();
    ASSERT_TRUE(idle.wait(5000)) << "LISTEN was set up";

    // The main thread's connection plays "another process".
    const Outcome o = t.service().send({QStringLiteral("default"), QStringLiteral("+919876543210"), std::nullopt, Purpose::Login, {}});
    ASSERT_EQ(o.status, OutcomeStatus::Sent) << o.message.toStdString();
    EXPECT_TRUE(changed.wait(1000)) << "the console hears about the send within 1 s";
}
