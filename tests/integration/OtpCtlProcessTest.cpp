// otpctl as separate processes on one database: the CLI contract (exit codes, --json statuses)
// and the atomicity rules across processes (SECURITY.md rows 5, 6, 11). The database is the run's
// engine (OTP_TEST_ENGINE: SQLite, PostgreSQL or MariaDB; see ScratchDatabase.h), reached with --db.
#include "CliRun.h"
#include "DevOutbox.h"
#include "ScratchDatabase.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include "WrongCode.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using otp::test::CliRun;
using otp::test::DevOutbox;
using otp::test::wrongCode;

namespace {
const QString kPhone = QStringLiteral("+919876543210");

class OtpCtlProcess : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    otp::test::ScratchDatabase database{dir.path()};
    QString db() const { return database.url(); }
    DevOutbox outbox{dir.filePath(QStringLiteral("outbox.jsonl"))};

    QProcessEnvironment env(const QString& failing = {}) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("OTP_DEV_OUTBOX"), outbox.path());
        e.insert(QStringLiteral("HOME"), dir.path());
        database.addTo(e);
        if (!failing.isEmpty())
            e.insert(QStringLiteral("OTP_DEV_FAIL"), failing);
        return e;
    }
    static QString otpctl() { return otp::test::otpctlPath(); }
    std::unique_ptr<QProcess> start(QStringList args, const QString& failing = {}, const QString& fakeTime = {}) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env(failing));
        if (!args.contains(QStringLiteral("--db")))
            args << QStringLiteral("--db") << db();
        args << QStringLiteral("--json");
        if (fakeTime.isEmpty()) {
            p->start(otpctl(), args);
        } else {
            // libfaketime moves the child's clock; the code under test is unchanged.
            p->start(QStringLiteral("faketime"), QStringList{QStringLiteral("-f"), fakeTime, otpctl()} + args);
        }
        return p;
    }
    static CliRun finish(QProcess& p) { return CliRun::finish(p); }
    CliRun run(const QStringList& args, const QString& failing = {}, const QString& fakeTime = {}) const
    {
        auto p = start(args, failing, fakeTime);
        return finish(*p);
    }
    qint64 scalar(const QString& sql) { return database.scalar(sql); }
    static QString wrong(const QString& code) { return wrongCode(code); }
};
} // namespace

TEST_F(OtpCtlProcess, NewUserFlowSendReadOutboxVerify)
{
    const CliRun sent = run({QStringLiteral("send"), QStringLiteral("--to"), kPhone});
    ASSERT_EQ(sent.exitCode, 0) << sent.stdoutText.toStdString() << sent.stderrText.toStdString();
    EXPECT_EQ(sent.status(), QStringLiteral("sent"));
    EXPECT_EQ(sent.json.value(QStringLiteral("attempts_remaining")).toInt(), 3);
    const QString code = outbox.lastCodeFor(kPhone);
    ASSERT_EQ(code.size(), 6);
    const CliRun ok = run({QStringLiteral("verify"), QStringLiteral("--to"), QStringLiteral("98765 43210"), QStringLiteral("--code"), code});
    EXPECT_EQ(ok.exitCode, 0);
    EXPECT_EQ(ok.status(), QStringLiteral("verified"));
}

TEST_F(OtpCtlProcess, EveryErrorCaseGivesItsExitCodeAndStatus)
{
    struct Case
    {
        QStringList args;
        int exitCode;
        QString status;
    };
    // bad input: 2
    for (const Case& c : std::vector<Case>{
             {{QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("+91 12345")}, 2, QStringLiteral("invalid_destination")},
             {{QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("call-me-maybe")}, 2, QStringLiteral("invalid_destination")},
             {{QStringLiteral("send")}, 2, QStringLiteral("invalid_input")},
             {{QStringLiteral("send"), QStringLiteral("--to"), kPhone, QStringLiteral("--channel"), QStringLiteral("pigeon")}, 2, QStringLiteral("invalid_input")},
             {{QStringLiteral("send"), QStringLiteral("--to"), kPhone, QStringLiteral("--purpose"), QStringLiteral("fun")}, 2, QStringLiteral("invalid_input")},
             {{QStringLiteral("frobnicate")}, 2, QStringLiteral("invalid_input")},
             {{QStringLiteral("send"), QStringLiteral("--bogus")}, 2, QStringLiteral("invalid_input")},
             {{QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), QStringLiteral("12ab56")}, 2, QStringLiteral("invalid_input")},
             {{QStringLiteral("unlock"), QStringLiteral("--to"), kPhone}, 2, QStringLiteral("invalid_input")},
             {{QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("ttl_s=9999")}, 2, QStringLiteral("invalid_input")},
             {{QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("colour=blue")}, 2, QStringLiteral("invalid_input")},
             {{QStringLiteral("stats"), QStringLiteral("--since"), QStringLiteral("forever")}, 2, QStringLiteral("invalid_input")},
             // verification failed: 4
             {{QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), QStringLiteral("123456")}, 4, QStringLiteral("no_active_code")},
         }) {
        const CliRun r = run(c.args);
        EXPECT_EQ(r.exitCode, c.exitCode) << c.args.join(' ').toStdString() << " → " << r.stdoutText.toStdString();
        EXPECT_EQ(r.status(), c.status) << c.args.join(' ').toStdString();
        EXPECT_FALSE(r.json.value(QStringLiteral("message")).toString().isEmpty()) << "a clear error names the problem";
    }

    // delivery failed: 5
    const CliRun failed = run({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("+919800000001")}, QStringLiteral("+919800000001"));
    EXPECT_EQ(failed.exitCode, 5);
    EXPECT_EQ(failed.status(), QStringLiteral("delivery_failed"));
    EXPECT_EQ(failed.json.value(QStringLiteral("vendor")).toObject().value(QStringLiteral("vendor_code")).toString(), QStringLiteral("DEV_FAIL"));

    // refused by policy: 3 (cooldown, then the send cap, with retry_after_s)
    ASSERT_EQ(run({QStringLiteral("send"), QStringLiteral("--to"), kPhone}).exitCode, 0);
    const QString code = outbox.lastCodeFor(kPhone);
    const CliRun cooldown = run({QStringLiteral("resend"), QStringLiteral("--to"), kPhone});
    EXPECT_EQ(cooldown.exitCode, 3);
    EXPECT_EQ(cooldown.status(), QStringLiteral("cooldown"));
    EXPECT_GT(cooldown.json.value(QStringLiteral("retry_after_s")).toInt(), 0);
    ASSERT_EQ(run({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("cooldown_s=0")}).exitCode, 0);
    run({QStringLiteral("resend"), QStringLiteral("--to"), kPhone});
    run({QStringLiteral("resend"), QStringLiteral("--to"), kPhone});
    const CliRun capped = run({QStringLiteral("resend"), QStringLiteral("--to"), kPhone});
    EXPECT_EQ(capped.exitCode, 3);
    EXPECT_EQ(capped.status(), QStringLiteral("rate_limited"));
    EXPECT_GT(capped.json.value(QStringLiteral("retry_after_s")).toInt(), 3000);

    // wrong code (4) with attempts_remaining, then locked (3)
    const QString current = outbox.lastCodeFor(kPhone);
    const CliRun wrong1 = run({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), wrong(current)});
    EXPECT_EQ(wrong1.exitCode, 4);
    EXPECT_EQ(wrong1.status(), QStringLiteral("wrong_code"));
    EXPECT_EQ(wrong1.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);
    run({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), wrong(current)});
    const CliRun locked = run({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), wrong(current)});
    EXPECT_EQ(locked.exitCode, 3);
    EXPECT_EQ(locked.status(), QStringLiteral("locked"));
    EXPECT_EQ(locked.json.value(QStringLiteral("retry_after_s")).toInt(), 900);
    const CliRun lockouts = run({QStringLiteral("lockouts"), QStringLiteral("--active")});
    EXPECT_EQ(lockouts.json.value(QStringLiteral("lockouts")).toArray().size(), 1);
    const CliRun unlocked = run({QStringLiteral("unlock"), QStringLiteral("--to"), kPhone, QStringLiteral("--reason"), QStringLiteral("ticket 42")});
    EXPECT_EQ(unlocked.status(), QStringLiteral("unlocked"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'unlock' AND details LIKE '%ticket 42%'")), 1);
    Q_UNUSED(code);
}

// A process whose clock runs 301 s ahead. On SQLite the database lives in the process and its clock
// is the process's: the code is past its 300 s. On PostgreSQL and MariaDB the server's clock judges
// (SECURITY.md row 20): one client's clock moves nothing (ServerClockTest has the other directions).
TEST_F(OtpCtlProcess, ExpiredCodeAcrossProcessesWithAMovedClock)
{
    ASSERT_EQ(run({QStringLiteral("send"), QStringLiteral("--to"), kPhone}).exitCode, 0);
    const CliRun late = run({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), outbox.lastCodeFor(kPhone)},
                         {}, QStringLiteral("+301s"));
    const bool processClock = otp::test::ScratchDatabase::isSqlite();
    EXPECT_EQ(late.exitCode, processClock ? 4 : 0) << late.stdoutText.toStdString() << late.stderrText.toStdString();
    EXPECT_EQ(late.status(), processClock ? QStringLiteral("expired") : QStringLiteral("verified"));
}

TEST_F(OtpCtlProcess, InternalErrorWhenTheDatabaseCannotBeOpened)
{
    const CliRun r = run({QStringLiteral("status"), QStringLiteral("--to"), kPhone, QStringLiteral("--db"),
                       QStringLiteral("sqlite:///proc/no/such/dir/otp.db")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.status(), QStringLiteral("internal_error"));
}

TEST_F(OtpCtlProcess, Security5_SixteenProcessesSubmittingTheRightCodeExactlyOneSucceeds)
{
    ASSERT_EQ(run({QStringLiteral("send"), QStringLiteral("--to"), kPhone}).exitCode, 0);
    const QString code = outbox.lastCodeFor(kPhone);
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < 16; ++i)
        procs.push_back(start({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), code}));
    int verified = 0;
    for (auto& p : procs) {
        const CliRun r = finish(*p);
        if (r.exitCode == 0) {
            EXPECT_EQ(r.status(), QStringLiteral("verified"));
            ++verified;
        } else {
            EXPECT_TRUE(r.status() == QLatin1String("no_active_code") || r.status() == QLatin1String("locked"))
                << r.stdoutText.toStdString() << r.stderrText.toStdString();
        }
    }
    EXPECT_EQ(verified, 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'verified'")), 1);
}

TEST_F(OtpCtlProcess, Security6_FiftyProcessesGuessingWrongAtMostMaxAttemptsEvaluated)
{
    ASSERT_EQ(run({QStringLiteral("send"), QStringLiteral("--to"), kPhone}).exitCode, 0);
    const QString guess = wrong(outbox.lastCodeFor(kPhone));
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < 50; ++i)
        procs.push_back(start({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), guess}));
    int wrongCode = 0, verified = 0;
    for (auto& p : procs) {
        const CliRun r = finish(*p);
        ASSERT_NE(r.exitCode, 1) << r.stdoutText.toStdString() << r.stderrText.toStdString();
        wrongCode += r.status() == QLatin1String("wrong_code");
        verified += r.status() == QLatin1String("verified");
    }
    EXPECT_EQ(verified, 0);
    EXPECT_EQ(wrongCode, 2) << "two wrong answers, the third evaluated guess locks";
    EXPECT_EQ(scalar(QStringLiteral("SELECT attempts FROM challenges")), 3);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM lockouts")), 1);
}

TEST_F(OtpCtlProcess, Security8_TwelveProcessesSendingAtOnceNeverPassTheSendCapTogether)
{
    ASSERT_EQ(run({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("cooldown_s=0")}).exitCode, 0);
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < 12; ++i)
        procs.push_back(start({QStringLiteral("send"), QStringLiteral("--to"), kPhone}));
    int sent = 0, limited = 0;
    QStringList outcomes; // every process's exit code and status, printed when a count is off
    for (auto& p : procs) {
        const CliRun r = finish(*p);
        outcomes << QStringLiteral("%1 %2").arg(r.exitCode).arg(r.status());
        // Let through: sent, or not sent because a concurrent send superseded it before its vendor call.
        const bool superseded = r.exitCode == 5 &&
            r.json.value(QStringLiteral("vendor")).toObject().value(QStringLiteral("vendor_code")).toString() == QLatin1String("NOT_SENT");
        sent += (r.exitCode == 0 && r.status() == QLatin1String("sent")) || superseded;
        limited += r.exitCode == 3 && r.status() == QLatin1String("rate_limited");
        EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 3 || superseded) << r.all();
    }
    EXPECT_EQ(sent, 3) << "the hourly cap counts the sends let through; " << outcomes.join(QStringLiteral(", ")).toStdString();
    EXPECT_EQ(limited, 9) << outcomes.join(QStringLiteral(", ")).toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries")), 3);
}

TEST_F(OtpCtlProcess, Security11_TheCodeIsInNoOutputOfAFullFlow)
{
    QString all;
    auto keep = [&](const CliRun& r) { all += r.stdoutText + r.stderrText; };
    keep(run({QStringLiteral("send"), QStringLiteral("--to"), kPhone}));
    const QString code = outbox.lastCodeFor(kPhone);
    ASSERT_EQ(code.size(), 6);
    keep(run({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), wrong(code)}));
    keep(run({QStringLiteral("status"), QStringLiteral("--to"), kPhone}));
    keep(run({QStringLiteral("history"), QStringLiteral("--to"), kPhone}));
    keep(run({QStringLiteral("verify"), QStringLiteral("--to"), kPhone, QStringLiteral("--code"), code}));
    keep(run({QStringLiteral("history"), QStringLiteral("--to"), kPhone}));
    keep(run({QStringLiteral("audit")}));
    keep(run({QStringLiteral("stats"), QStringLiteral("--by"), QStringLiteral("channel")}));
    EXPECT_FALSE(all.isEmpty());
    const QRegularExpression re(QStringLiteral("(?<!\\d)%1(?!\\d)").arg(code));
    EXPECT_FALSE(re.match(all).hasMatch());
}

TEST_F(OtpCtlProcess, SimulateMakesMixedTraffic)
{
    // A fixed number of flows with a fixed seed: the same traffic however fast the machine is.
    const CliRun r = run({QStringLiteral("simulate"), QStringLiteral("--rate"), QStringLiteral("10000"), QStringLiteral("--flows"),
                       QStringLiteral("150"), QStringLiteral("--seed"), QStringLiteral("7")});
    ASSERT_EQ(r.exitCode, 0) << r.stderrText.toStdString();
    const QJsonObject outcomes = r.json.value(QStringLiteral("outcomes")).toObject();
    EXPECT_EQ(r.json.value(QStringLiteral("flows")).toInt(), 150);
    for (const char* s : {"sent", "verified", "wrong_code", "delivery_failed", "invalid_destination"})
        EXPECT_GT(outcomes.value(QLatin1String(s)).toInt(), 0) << s;
    EXPECT_GT(scalar(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'verified'")), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), 0) << "simulated traffic is not a person";
}
