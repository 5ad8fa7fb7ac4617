// SECURITY.md row 20: on PostgreSQL and MariaDB the database's clock judges a code's life. otpctl
// runs under libfaketime (its own clock a day or minutes off); the server's clock is the truth.
// SQLite lives inside the process, so its clock is the process's: these tests skip there.
#include "CliRun.h"
#include "DevOutbox.h"
#include "ScratchDatabase.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using otp::test::CliRun;
using otp::test::DevOutbox;

namespace {
const QString kPhone = QStringLiteral("+919876500001");

class ServerClock : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    otp::test::ScratchDatabase database{dir.path()};
    DevOutbox outbox{dir.filePath(QStringLiteral("outbox.jsonl"))};

    void SetUp() override
    {
        if (otp::test::ScratchDatabase::isSqlite())
            GTEST_SKIP() << "SQLite's clock is the process's own";
    }
    CliRun run(QStringList args, const QString& fakeTime = {}) const
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("OTP_DEV_OUTBOX"), outbox.path());
        e.insert(QStringLiteral("HOME"), dir.path());
        database.addTo(e);
        p.setProcessEnvironment(e);
        args << QStringLiteral("--db") << database.url() << QStringLiteral("--json");
        if (fakeTime.isEmpty())
            p.start(otp::test::otpctlPath(), args);
        else
            p.start(QStringLiteral("faketime"), QStringList{QStringLiteral("-f"), fakeTime, otp::test::otpctlPath()} + args);
        return CliRun::finish(p);
    }
    qint64 serverNowMs() const
    {
        return database.scalar(otp::test::ScratchDatabase::engine() == otp::SqlDialect::Postgres
                                   ? QStringLiteral("SELECT CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS BIGINT)")
                                   : QStringLiteral("SELECT CAST(FLOOR(UNIX_TIMESTAMP(SYSDATE(6)) * 1000) AS SIGNED)"));
    }
    qint64 expiresAt() const
    {
        return database.scalar(QStringLiteral("SELECT expires_at FROM challenges WHERE destination = ? ORDER BY id DESC LIMIT 1"),
                               {kPhone});
    }
};
} // namespace

TEST_F(ServerClock, AProcessADayAheadOrBehindNeitherExtendsNorShortensACode)
{
    for (const QString& skew : {QStringLiteral("+1d"), QStringLiteral("-1d")}) {
        const qint64 before = serverNowMs();
        const CliRun sent = run({QStringLiteral("send"), QStringLiteral("--to"), kPhone}, skew);
        ASSERT_EQ(sent.status(), QStringLiteral("sent")) << skew.toStdString() << sent.all();
        const qint64 after = serverNowMs();
        EXPECT_GE(expiresAt(), before + 300 * 1000) << skew.toStdString() << ": the lifetime starts on the server's clock";
        EXPECT_LE(expiresAt(), after + 300 * 1000) << skew.toStdString();
        EXPECT_EQ(run({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"),
                       outbox.lastCodeFor(kPhone)},
                      skew)
                      .status(),
                  QStringLiteral("verified"))
            << skew.toStdString();
        ASSERT_EQ(run({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("cooldown_s=0")}).exitCode, 0);
    }
}

TEST_F(ServerClock, ACodePastItsLifetimeOnTheServerIsExpiredForASlowClock)
{
    const CliRun sent = run({QStringLiteral("send"), QStringLiteral("--to"), kPhone});
    ASSERT_EQ(sent.status(), QStringLiteral("sent")) << sent.all();
    // The code's lifetime ended 2 s ago by the server's clock.
    database.scalar(QStringLiteral("UPDATE challenges SET expires_at = ? WHERE destination = ?"), {serverNowMs() - 2000, kPhone});
    const CliRun late = run({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"),
                             outbox.lastCodeFor(kPhone)},
                            QStringLiteral("-5m"));
    EXPECT_EQ(late.status(), QStringLiteral("expired")) << late.all();
}
