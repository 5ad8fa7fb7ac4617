// Crash consistency (SECURITY.md row 19): otpctl is killed with SIGKILL at every named step
// (FlowSteps.h, OTP_KILL_AT) of send, resend, verify, cancel and unlock, then what it left is checked
// the way an operator would meet it: attempts never went backwards, a number at its attempt limit is
// locked and unlockable, at most one code verifies, and the next ordinary call works.
// On SQLite, PostgreSQL and MariaDB.
#include "CliRun.h"
#include "DevOutbox.h"
#include "ScratchDatabase.h"
#include "WrongCode.h"

#include <QDateTime>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using otp::test::DevOutbox;
using otp::test::wrongCode;

namespace {

struct ProcessRun
{
    bool crashed = false;
    int exitCode = -1;
    QJsonObject json;
    QString output;
    QString status() const { return json.value(QStringLiteral("status")).toString(); }
};

class CrashConsistency : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    otp::test::ScratchDatabase database{dir.path()};
    DevOutbox outbox{dir.filePath(QStringLiteral("outbox.jsonl"))};
    int m_phoneNo = 0;

    void SetUp() override
    {
        const ProcessRun p = run({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("cooldown_s=0"),
                           QStringLiteral("sends_per_hour=100"), QStringLiteral("sends_per_day=1000"),
                           QStringLiteral("max_attempts=3"), QStringLiteral("lockout_s=900")});
        ASSERT_EQ(p.exitCode, 0) << p.output.toStdString();
    }

    QString nextPhone() { return QStringLiteral("+9198765%1").arg(10000 + ++m_phoneNo * 7); }

    ProcessRun run(QStringList args, const QString& killAt = {}) const
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("OTP_DEV_OUTBOX"), outbox.path());
        e.insert(QStringLiteral("HOME"), dir.path());
        e.remove(QStringLiteral("OTP_KILL_AT"));
        if (!killAt.isEmpty())
            e.insert(QStringLiteral("OTP_KILL_AT"), killAt);
        database.addTo(e);
        p.setProcessEnvironment(e);
        args << QStringLiteral("--db") << database.url() << QStringLiteral("--json");
        p.start(otp::test::otpctlPath(), args);
        ProcessRun r;
        EXPECT_TRUE(p.waitForFinished(60000));
        r.crashed = p.exitStatus() == QProcess::CrashExit;
        r.exitCode = r.crashed ? -1 : p.exitCode();
        r.output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        r.json = QJsonDocument::fromJson(r.output.toUtf8()).object();
        return r;
    }
    ProcessRun send(const QString& phone, const QString& killAt = {}) const
    {
        return run({QStringLiteral("send"), QStringLiteral("--to"), phone}, killAt);
    }
    ProcessRun resend(const QString& phone, const QString& killAt = {}) const
    {
        return run({QStringLiteral("resend"), QStringLiteral("--to"), phone}, killAt);
    }
    ProcessRun verify(const QString& phone, const QString& code, const QString& killAt = {}) const
    {
        return run({QStringLiteral("verify"), QStringLiteral("--to"), phone, QStringLiteral("--code"), code}, killAt);
    }
    // A pending code with every attempt used: its number must be locked (the bug left it unlocked).
    bool pendingAtCap(const QString& phone) const
    {
        return database.scalar(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE destination = ? AND status = 'pending' "
                                              "AND attempts >= max_attempts"),
                               {phone}) > 0;
    }
    qint64 attempts(const QString& phone) const
    {
        return database.scalar(QStringLiteral("SELECT attempts FROM challenges WHERE destination = ? ORDER BY id DESC LIMIT 1"),
                               {phone});
    }
    QString challengeStatus(const QString& phone) const
    {
        const qint64 verified = database.scalar(
            QStringLiteral("SELECT COUNT(*) FROM challenges WHERE destination = ? AND status = 'verified'"), {phone});
        return verified > 0 ? QStringLiteral("verified") : QString();
    }
    bool lockedNow(const QString& phone) const
    {
        return database.scalar(QStringLiteral("SELECT COUNT(*) FROM lockouts WHERE destination = ? AND released_at IS NULL "
                                              "AND locked_until > ?"),
                               {phone, QDateTime::currentMSecsSinceEpoch()}) > 0;
    }
    // A phone with a delivered code and `wrong` wrong guesses already counted.
    QString phoneWithGuesses(int wrong)
    {
        const QString phone = nextPhone();
        const ProcessRun s = send(phone);
        EXPECT_EQ(s.status(), QStringLiteral("sent")) << s.output.toStdString();
        for (int i = 0; i < wrong; ++i)
            EXPECT_EQ(verify(phone, wrongCode(outbox.lastCodeFor(phone))).status(), QStringLiteral("wrong_code"));
        return phone;
    }
    // After any crash: a number at its cap is locked (and so unlockable); then the next ordinary send
    // works, carries at least `carried` attempts, and exactly one code verifies.
    void expectRecoverable(const QString& phone, int carried, const std::string& where)
    {
        SCOPED_TRACE(where);
        if (pendingAtCap(phone)) {
            EXPECT_TRUE(lockedNow(phone)) << "a number at its attempt limit must be locked, or nobody can unlock it";
        }
        if (lockedNow(phone)) {
            const ProcessRun u = run({QStringLiteral("unlock"), QStringLiteral("--to"), phone, QStringLiteral("--reason"),
                               QStringLiteral("crash test")});
            ASSERT_EQ(u.status(), QStringLiteral("unlocked")) << u.output.toStdString();
            carried = 0; // the lockout was the consequence; an unlock starts afresh
        }
        const ProcessRun s = send(phone);
        ASSERT_EQ(s.status(), QStringLiteral("sent")) << s.output.toStdString();
        EXPECT_LE(s.json.value(QStringLiteral("attempts_remaining")).toInt(), 3 - carried)
            << "attempts went backwards across the crash";
        const QString code = outbox.lastCodeFor(phone);
        EXPECT_EQ(verify(phone, code).status(), QStringLiteral("verified"));
        EXPECT_EQ(verify(phone, code).status(), QStringLiteral("no_active_code")) << "single use across the crash";
    }
};

const QStringList kIssueSteps{QStringLiteral("locked"), QStringLiteral("decided"), QStringLiteral("written"),
                              QStringLiteral("committed")};
const QStringList kDeliverSteps{QStringLiteral("deliver.sending"), QStringLiteral("deliver.answered"),
                                QStringLiteral("deliver.recorded")};
const QStringList kVerifySteps{QStringLiteral("verify.locked"), QStringLiteral("verify.counted"),
                               QStringLiteral("verify.written"), QStringLiteral("verify.committed")};

} // namespace

TEST_F(CrashConsistency, SendKilledAtEveryStep)
{
    QStringList steps;
    for (const QString& s : kIssueSteps)
        steps << QStringLiteral("send.") + s;
    steps << kDeliverSteps;
    for (const QString& step : steps) {
        const QString phone = phoneWithGuesses(2);
        const ProcessRun killed = send(phone, step);
        ASSERT_TRUE(killed.crashed) << step.toStdString() << " was never reached: " << killed.output.toStdString();
        EXPECT_GE(attempts(phone), 2) << step.toStdString();
        expectRecoverable(phone, 2, step.toStdString());
    }
}

TEST_F(CrashConsistency, ResendKilledAtEveryStep)
{
    QStringList steps;
    for (const QString& s : kIssueSteps)
        steps << QStringLiteral("resend.") + s;
    steps << kDeliverSteps;
    for (const QString& step : steps) {
        const QString phone = phoneWithGuesses(1);
        const QString before = outbox.lastCodeFor(phone);
        const ProcessRun killed = resend(phone, step);
        ASSERT_TRUE(killed.crashed) << step.toStdString() << " was never reached: " << killed.output.toStdString();
        EXPECT_GE(attempts(phone), 1) << step.toStdString();
        const ProcessRun again = resend(phone);
        ASSERT_EQ(again.status(), QStringLiteral("sent")) << step.toStdString() << again.output.toStdString();
        EXPECT_EQ(again.json.value(QStringLiteral("attempts_remaining")).toInt(), 2) << step.toStdString();
        const QString latest = outbox.lastCodeFor(phone);
        if (latest != before) { // the old code died with the resend: it is one more wrong guess now
            EXPECT_EQ(verify(phone, before).status(), QStringLiteral("wrong_code")) << step.toStdString();
        }
        EXPECT_EQ(verify(phone, latest).status(), QStringLiteral("verified")) << step.toStdString();
    }
}

TEST_F(CrashConsistency, LastWrongGuessKilledAtEveryStep)
{
    for (const QString& step : kVerifySteps) {
        const QString phone = phoneWithGuesses(2);
        const ProcessRun killed = verify(phone, wrongCode(outbox.lastCodeFor(phone)), step);
        ASSERT_TRUE(killed.crashed) << step.toStdString() << " was never reached: " << killed.output.toStdString();
        EXPECT_GE(attempts(phone), 2) << step.toStdString();
        // The bug: 3/3 used, pending, no lockout: every send `sent` with 0 attempts, nothing to unlock.
        if (attempts(phone) >= 3) {
            EXPECT_TRUE(lockedNow(phone)) << step.toStdString();
        }
        if (attempts(phone) < 3) {
            EXPECT_EQ(verify(phone, outbox.lastCodeFor(phone)).status(), QStringLiteral("verified"))
                << step.toStdString() << ": the uncounted guess left the delivered code usable";
        }
        expectRecoverable(phone, 0, step.toStdString());
    }
}

TEST_F(CrashConsistency, RightCodeKilledAtEveryStepVerifiesAtMostOnce)
{
    for (const QString& step : kVerifySteps) {
        const QString phone = phoneWithGuesses(0);
        const QString code = outbox.lastCodeFor(phone);
        const ProcessRun killed = verify(phone, code, step);
        ASSERT_TRUE(killed.crashed) << step.toStdString() << " was never reached: " << killed.output.toStdString();
        const bool landed = challengeStatus(phone) == QLatin1String("verified");
        EXPECT_EQ(landed, step == QLatin1String("verify.committed")) << step.toStdString();
        EXPECT_EQ(verify(phone, code).status(), landed ? QStringLiteral("no_active_code") : QStringLiteral("verified"))
            << step.toStdString();
        EXPECT_EQ(verify(phone, code).status(), QStringLiteral("no_active_code")) << step.toStdString();
    }
}

TEST_F(CrashConsistency, CancelKilledAtEveryStep)
{
    for (const QString& step : {QStringLiteral("cancel.written"), QStringLiteral("cancel.committed")}) {
        const QString phone = phoneWithGuesses(2);
        const ProcessRun killed = run({QStringLiteral("cancel"), QStringLiteral("--to"), phone, QStringLiteral("--reason"),
                                QStringLiteral("QA")}, step);
        ASSERT_TRUE(killed.crashed) << step.toStdString() << " was never reached: " << killed.output.toStdString();
        EXPECT_GE(attempts(phone), 2);
        expectRecoverable(phone, 2, step.toStdString());
    }
}

TEST_F(CrashConsistency, UnlockKilledAtEveryStep)
{
    for (const QString& step : {QStringLiteral("unlock.released"), QStringLiteral("unlock.written"),
                                QStringLiteral("unlock.committed")}) {
        const QString phone = phoneWithGuesses(2);
        ASSERT_EQ(verify(phone, wrongCode(outbox.lastCodeFor(phone))).status(), QStringLiteral("locked"));
        const ProcessRun killed = run({QStringLiteral("unlock"), QStringLiteral("--to"), phone, QStringLiteral("--reason"),
                                QStringLiteral("crash test")}, step);
        ASSERT_TRUE(killed.crashed) << step.toStdString() << " was never reached: " << killed.output.toStdString();
        const qint64 released = database.scalar(
            QStringLiteral("SELECT COUNT(*) FROM lockouts WHERE destination = ? AND released_at IS NOT NULL"), {phone});
        const qint64 audited = database.scalar(
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'unlock' AND target = ?"), {phone});
        EXPECT_EQ(released, audited) << step.toStdString() << ": a release and its audit row land together";
        EXPECT_EQ(lockedNow(phone), step != QLatin1String("unlock.committed")) << step.toStdString();
        expectRecoverable(phone, 0, step.toStdString());
    }
}
