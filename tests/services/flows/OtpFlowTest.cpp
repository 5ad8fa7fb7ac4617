// The OTP flows against a real SQLite database, on a manual clock. Each test names the rule
// (DESIGN.md rules table) or the SECURITY.md row it proves.
#include "ChallengeStore.h"
#include "SequenceRandom.h"
#include "TestDatabase.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include "WrongCode.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace otp;
using namespace otp::test;

namespace {
const QString kPhone = QStringLiteral("+919876543210");
const QString kOtherPhone = QStringLiteral("+919812345678");
const Actor kAdmin{QStringLiteral("asha"), QStringLiteral("admin")};

class OtpFlow : public ::testing::Test
{
protected:
    TestDatabase t;
    OtpService& svc = t.service();

    QString sendAndRead(const QString& dest = kPhone, Purpose p = Purpose::Login, const QString& tenant = QStringLiteral("default"))
    {
        const Outcome o = svc.send({tenant, dest, std::nullopt, p, {}});
        EXPECT_EQ(o.status, OutcomeStatus::Sent) << o.message.toStdString();
        return t.outbox().lastCodeFor(o.destination);
    }
    Outcome verify(const QString& code, const QString& dest = kPhone, Purpose p = Purpose::Login,
                   const QString& tenant = QStringLiteral("default"))
    {
        return svc.verify({tenant, dest, code, p});
    }
    static QString wrong(const QString& code) { return wrongCode(code); }
};
} // namespace

TEST_F(OtpFlow, SendThenVerifyCreatesTheAccountAtVerification)
{
    const QString code = sendAndRead(QStringLiteral("098765 43210")); // national format, default region IN
    ASSERT_EQ(code.size(), 6);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM accounts")), 0) << "no account before verification";
    const Outcome o = verify(code);
    EXPECT_EQ(o.status, OutcomeStatus::Verified);
    EXPECT_EQ(o.exitCode(), 0);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE phone = ? AND phone_verified = 1"), {kPhone}), 1);
}

TEST_F(OtpFlow, Security2_ExpiresAtItsLifetimeOnTheServerClock)
{
    const QString code = sendAndRead();
    t.clock().advanceS(300 - 1);
    EXPECT_EQ(verify(code).status, OutcomeStatus::Verified) << "accepted at lifetime - 1 s";

    t.clock().advanceS(60);
    const QString second = sendAndRead();
    t.clock().advanceS(300);
    const Outcome late = verify(second);
    EXPECT_EQ(late.status, OutcomeStatus::Expired) << "refused at lifetime";
    EXPECT_EQ(late.exitCode(), 4);
    EXPECT_EQ(ChallengeStore(t.database().session()).latest("default", kPhone, "login")->status, QStringLiteral("expired"));
}

TEST_F(OtpFlow, Security2_LifetimeIsCappedAtTenMinutes)
{
    const Outcome o = svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("ttl_s"), QStringLiteral("601")}}, kAdmin);
    EXPECT_EQ(o.status, OutcomeStatus::InvalidInput);
    EXPECT_TRUE(o.message.contains(QLatin1String("ttl_s")));
}

TEST_F(OtpFlow, Security3_SingleUse)
{
    const QString code = sendAndRead();
    EXPECT_EQ(verify(code).status, OutcomeStatus::Verified);
    const Outcome again = verify(code);
    EXPECT_EQ(again.status, OutcomeStatus::NoActiveCode);
    EXPECT_FALSE(again.evaluated);
}

TEST_F(OtpFlow, Security4_BoundToDestinationPurposeAndTenant)
{
    const QString code = sendAndRead();
    EXPECT_NE(verify(code, kPhone, Purpose::PasswordReset).status, OutcomeStatus::Verified);
    EXPECT_NE(verify(code, kOtherPhone).status, OutcomeStatus::Verified);
    EXPECT_NE(verify(code, kPhone, Purpose::Login, QStringLiteral("acme")).status, OutcomeStatus::Verified);
    EXPECT_EQ(verify(code).status, OutcomeStatus::Verified) << "still valid where it belongs";
}

TEST_F(OtpFlow, Security5_SixteenConcurrentCorrectSubmissionsExactlyOneSucceeds)
{
    const QString code = sendAndRead();
    std::atomic<int> verified{0}, others{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 16; ++i) {
        threads.emplace_back([&] {
            const Outcome o = verify(code);
            (o.status == OutcomeStatus::Verified ? verified : others)++;
            t.database().releaseThreadSession();
        });
    }
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(verified.load(), 1);
    EXPECT_EQ(others.load(), 15);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'verified'")), 1);
}

TEST_F(OtpFlow, Security6_FiftyConcurrentWrongGuessesAtMostMaxAttemptsEvaluated)
{
    const QString code = sendAndRead();
    std::atomic<int> evaluated{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 50; ++i) {
        threads.emplace_back([&] {
            const Outcome o = verify(wrong(code));
            if (o.evaluated)
                evaluated++;
            EXPECT_NE(o.status, OutcomeStatus::Verified);
            t.database().releaseThreadSession();
        });
    }
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(evaluated.load(), 3);
    EXPECT_EQ(t.count(QStringLiteral("SELECT attempts FROM challenges")), 3);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM lockouts WHERE reason = 'max_attempts'")), 1);
    const Outcome after = verify(code);
    EXPECT_EQ(after.status, OutcomeStatus::Locked) << "even the right code is refused now";
    EXPECT_EQ(after.exitCode(), 3);
    ASSERT_TRUE(after.retryAfterS.has_value());
    EXPECT_EQ(*after.retryAfterS, 900);
}

TEST_F(OtpFlow, Security6_AttemptsRemainingCountsDown)
{
    const QString code = sendAndRead();
    Outcome o = verify(wrong(code));
    EXPECT_EQ(o.status, OutcomeStatus::WrongCode);
    EXPECT_EQ(o.attemptsRemaining.value_or(-1), 2);
    o = verify(wrong(code));
    EXPECT_EQ(o.attemptsRemaining.value_or(-1), 1);
    o = verify(wrong(code));
    EXPECT_EQ(o.status, OutcomeStatus::Locked);
    EXPECT_EQ(o.attemptsRemaining.value_or(-1), 0);
    EXPECT_TRUE(o.evaluated);
}

TEST_F(OtpFlow, Security7_ResendDoesNotResetAttempts)
{
    const QString code = sendAndRead();
    EXPECT_EQ(verify(wrong(code)).status, OutcomeStatus::WrongCode);
    EXPECT_EQ(verify(wrong(code)).status, OutcomeStatus::WrongCode);
    t.clock().advanceS(31);
    const Outcome r = svc.resend({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
    ASSERT_EQ(r.status, OutcomeStatus::Sent);
    EXPECT_EQ(r.attemptsRemaining.value_or(-1), 1) << "two wrong guesses survive the resend";
    const QString fresh = t.outbox().lastCodeFor(kPhone);
    EXPECT_EQ(verify(wrong(fresh)).status, OutcomeStatus::Locked);
}

TEST_F(OtpFlow, Security7_NewSendDoesNotResetAttemptsEither)
{
    const QString code = sendAndRead();
    EXPECT_EQ(verify(wrong(code)).status, OutcomeStatus::WrongCode);
    EXPECT_EQ(verify(wrong(code)).status, OutcomeStatus::WrongCode);
    t.clock().advanceS(31);
    const QString fresh = sendAndRead(); // a send, not a resend: supersedes and carries the count
    EXPECT_EQ(verify(wrong(fresh)).status, OutcomeStatus::Locked);
}

TEST_F(OtpFlow, Security7_EvaluatedGuessesPerHourStayUnderTheCap)
{
    // An attacker fails to the limit, resends, sends again, keeps guessing for an hour.
    const Policy p = svc.effectivePolicy(QStringLiteral("default"), Purpose::Login);
    const int cap = p.maxAttempts * p.sendsPerHour;
    int evaluated = 0;
    const qint64 start = t.clock().nowMs();
    while (t.clock().nowMs() - start < 3600 * 1000) {
        svc.resend({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
        for (int i = 0; i < 5; ++i)
            evaluated += verify(QStringLiteral("000000")).evaluated ? 1 : 0;
        t.clock().advanceS(31);
    }
    EXPECT_LE(evaluated, cap);
    EXPECT_GT(evaluated, 0);
}

TEST_F(OtpFlow, Security8_ResendKillsThePreviousCode)
{
    const QString first = sendAndRead();
    t.clock().advanceS(31);
    ASSERT_EQ(svc.resend({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}}).status, OutcomeStatus::Sent);
    const QString second = t.outbox().lastCodeFor(kPhone);
    if (first != second) { // 1 in 10^6 the new code equals the old one; then the check below is moot
        EXPECT_EQ(verify(first).status, OutcomeStatus::WrongCode);
    }
    EXPECT_EQ(verify(second).status, OutcomeStatus::Verified);
}

TEST_F(OtpFlow, Security8_CooldownAndSendCapRefuseWithRetryAfter)
{
    sendAndRead();
    t.clock().advanceS(10);
    Outcome o = svc.resend({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
    EXPECT_EQ(o.status, OutcomeStatus::Cooldown);
    EXPECT_EQ(o.retryAfterS.value_or(-1), 20);
    EXPECT_EQ(o.exitCode(), 3);

    t.clock().advanceS(21);
    sendAndRead(); // 2nd
    t.clock().advanceS(31);
    sendAndRead(); // 3rd: the hourly cap is 3
    t.clock().advanceS(31);
    o = svc.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
    EXPECT_EQ(o.status, OutcomeStatus::RateLimited);
    // The first send was 93 s ago; the window frees 3600 s after it.
    EXPECT_EQ(o.retryAfterS.value_or(-1), 3600 - 93);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM deliveries")), 3) << "a refused send writes nothing";
}

TEST_F(OtpFlow, Security8_ConcurrentSendsNeverPassTheCooldownOrTheSendCapTogether)
{
    // The gate reads counts and then inserts: on the server engines (READ COMMITTED) only the per-key
    // lock of the send transaction stops concurrent senders from all passing the same check.
    std::atomic<int> sent{0}, refused{0};
    auto burst = [&](int n, OutcomeStatus expectedRefusal) {
        std::vector<std::thread> threads;
        for (int i = 0; i < n; ++i) {
            threads.emplace_back([&, expectedRefusal] {
                const Outcome o = svc.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
                // Passed the gate: sent, or not sent because a concurrent send superseded it first.
                if (o.status == OutcomeStatus::Sent ||
                    (o.status == OutcomeStatus::DeliveryFailed && o.vendor && o.vendor->vendorCode == QLatin1String("NOT_SENT")))
                    sent++;
                else if (o.status == expectedRefusal)
                    refused++;
                else
                    ADD_FAILURE() << o.statusName().toStdString() << ": " << o.message.toStdString();
                t.database().releaseThreadSession();
            });
        }
        for (auto& th : threads)
            th.join();
    };
    burst(12, OutcomeStatus::Cooldown);
    EXPECT_EQ(sent.load(), 1) << "one send, the others inside its cooldown";
    EXPECT_EQ(refused.load(), 11);

    ASSERT_EQ(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("cooldown_s"), QStringLiteral("0")}}, kAdmin).status,
              OutcomeStatus::Ok);
    sent = 0;
    refused = 0;
    burst(12, OutcomeStatus::RateLimited);
    EXPECT_EQ(sent.load(), 2) << "the hourly cap is 3, one was sent before (the cap counts sends let through)";
    EXPECT_EQ(refused.load(), 10);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE try_no = 1")), 3);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'pending'")), 1)
        << "each new send superseded the one before";
}

TEST_F(OtpFlow, DailyCapCountsEveryPurpose)
{
    ASSERT_EQ(svc.policySet(QStringLiteral("default"), std::nullopt,
                            {{QStringLiteral("sends_per_hour"), QStringLiteral("5")}, {QStringLiteral("sends_per_day"), QStringLiteral("6")}},
                            kAdmin).status, OutcomeStatus::Ok);
    for (int i = 0; i < 6; ++i) {
        sendAndRead(kPhone, i % 2 ? Purpose::Login : Purpose::PasswordReset);
        t.clock().advanceS(15 * 60);
    }
    const Outcome o = svc.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
    EXPECT_EQ(o.status, OutcomeStatus::RateLimited);
    EXPECT_TRUE(o.message.contains(QLatin1String("24 hours")));
}

TEST_F(OtpFlow, Security9_OnlyAnHmacIsStored)
{
    SequenceRandom fixed({4, 8, 2, 9, 1, 3});
    TestDatabase db({}, &fixed);
    const Outcome o = db.service().send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
    ASSERT_EQ(o.status, OutcomeStatus::Sent);
    ASSERT_EQ(db.outbox().lastCodeFor(kPhone), QStringLiteral("482913"));
    db.service().verify({QStringLiteral("default"), kPhone, QStringLiteral("482914"), Purpose::Login});
    ASSERT_EQ(db.service().verify({QStringLiteral("default"), kPhone, QStringLiteral("482913"), Purpose::Login}).status,
              OutcomeStatus::Verified);
    const QRegularExpression codeRe(QStringLiteral("(?<!\\d)482913(?!\\d)"));
    for (const QString& value : db.dumpAllText())
        EXPECT_FALSE(codeRe.match(value).hasMatch()) << value.toStdString();
    const QString hash = db.database().session().scalar(QStringLiteral("SELECT code_hash FROM challenges")).toString();
    EXPECT_EQ(hash.size(), 64);
    if (otp::test::ScratchDatabase::isSqlite()) {
        // SQLite only: the generated pepper file beside the database. The server engines have no file
        // here; their pepper comes from OTP_PEPPER / the keychain.
        const QString pepperFile = db.path() + QStringLiteral(".pepper");
        EXPECT_TRUE(QFile::exists(pepperFile));
        EXPECT_EQ(QFile::permissions(pepperFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions{});
    }
    for (const QString& value : db.dumpAllText())
        EXPECT_FALSE(value.contains(QString::fromLatin1(db.pepper()))) << "the pepper is never in the database";
}

namespace {
// A vendor that echoes the whole message back in its answer, as some SMS gateways do.
class EchoingGateway final : public DeliveryGateway
{
public:
    QString name() const override { return QStringLiteral("echo"); }
    bool supports(Channel) const override { return true; }
    VendorAnswer deliver(const OutgoingMessage& m) override
    {
        VendorAnswer a;
        a.vendor = name();
        a.accepted = true;
        a.httpStatus = 200;
        a.messageId = QStringLiteral("m-") + m.code;
        a.excerpt = QStringLiteral("{\"status\":\"success\",\"msg\":\"%1\"}").arg(m.body);
        a.reason = QStringLiteral("accepted: ") + m.body;
        return a;
    }
};

QStringList g_logLines;
void captureLog(QtMsgType, const QMessageLogContext&, const QString& msg) { g_logLines << msg; }
} // namespace

TEST_F(OtpFlow, Security11_TheCodeNeverAppearsInAnswersLogsOrStoredExcerpts)
{
    SequenceRandom fixed({7, 3, 0, 5, 5, 1});
    TestDatabase db({}, &fixed);
    db.gateways().add(std::make_shared<EchoingGateway>());
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*=true"));
    g_logLines.clear();
    auto previous = qInstallMessageHandler(captureLog);
    QStringList output;
    OtpService& s = db.service();
    auto keep = [&](const Outcome& o) { output << QString::fromUtf8(QJsonDocument(o.toJson()).toJson()); };
    keep(s.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, QStringLiteral("echo")}, kAdmin));
    keep(s.verify({QStringLiteral("default"), kPhone, QStringLiteral("730550"), Purpose::Login}, kAdmin));
    keep(s.status(QStringLiteral("default"), kPhone, Purpose::Login));
    keep(s.history(QStringLiteral("default"), kPhone));
    keep(s.verify({QStringLiteral("default"), kPhone, QStringLiteral("730551"), Purpose::Login}, kAdmin));
    keep(s.history(QStringLiteral("default"), kPhone));
    keep(s.auditTrail(50));
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*.info=false"));

    ASSERT_GE(output.size(), 7);
    EXPECT_TRUE(output.join(QString()).contains(QLatin1String("******"))) << "the echoed code was masked";
    for (const QString& text : output + g_logLines + db.dumpAllText())
        EXPECT_FALSE(text.contains(QLatin1String("730551"))) << text.toStdString();
    EXPECT_FALSE(g_logLines.isEmpty()) << "the flow did log";
}

TEST_F(OtpFlow, Security12_SameAnswerShapeForKnownAndUnknownDestinations)
{
    const QString code = sendAndRead();
    ASSERT_EQ(verify(code).status, OutcomeStatus::Verified); // kPhone now has an account
    t.clock().advanceS(31);
    const Outcome known = svc.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::PasswordReset, {}});
    const Outcome unknown = svc.send({QStringLiteral("default"), kOtherPhone, std::nullopt, Purpose::PasswordReset, {}});
    EXPECT_EQ(known.status, unknown.status);
    EXPECT_EQ(known.toJson().keys(), unknown.toJson().keys());
    EXPECT_EQ(known.message, unknown.message);
    const Outcome wrongKnown = verify(QStringLiteral("000000"), kPhone, Purpose::PasswordReset);
    const Outcome wrongUnknown = verify(QStringLiteral("000000"), kOtherPhone, Purpose::PasswordReset);
    EXPECT_EQ(wrongKnown.toJson().keys(), wrongUnknown.toJson().keys());
    EXPECT_EQ(wrongKnown.message, wrongUnknown.message);
}

TEST_F(OtpFlow, Security13_DisallowedCountryNeverReachesAVendor)
{
    ASSERT_EQ(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("allowed_countries"), QStringLiteral("in")}}, kAdmin).status,
              OutcomeStatus::Ok);
    const Outcome o = svc.send({QStringLiteral("default"), QStringLiteral("+44 7400 123456"), std::nullopt, Purpose::Login, {}});
    EXPECT_EQ(o.status, OutcomeStatus::CountryNotAllowed);
    EXPECT_EQ(o.exitCode(), 3);
    EXPECT_TRUE(t.outbox().messages().isEmpty());
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges")), 0);
}

TEST_F(OtpFlow, Security13_BurstOverSequentialNumbersOfOnePrefixIsRefused)
{
    ASSERT_EQ(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("prefix_burst_cap"), QStringLiteral("5")}}, kAdmin).status,
              OutcomeStatus::Ok);
    int sent = 0, refused = 0;
    for (int i = 0; i < 10; ++i) {
        const Outcome o = svc.send({QStringLiteral("default"), QStringLiteral("+9198765432%1").arg(i, 2, 10, QLatin1Char('0')),
                                    std::nullopt, Purpose::Login, {}});
        o.status == OutcomeStatus::Sent ? ++sent : ++refused;
        if (o.status == OutcomeStatus::RateLimited) {
            EXPECT_TRUE(o.message.contains(QLatin1String("pumping")));
        }
    }
    EXPECT_EQ(sent, 5);
    EXPECT_EQ(refused, 5);
    EXPECT_EQ(t.outbox().messages().size(), 5);
    t.clock().advanceS(61);
    EXPECT_EQ(svc.send({QStringLiteral("default"), QStringLiteral("+919876543299"), std::nullopt, Purpose::Login, {}}).status,
              OutcomeStatus::Sent) << "the burst window slides";
}

TEST_F(OtpFlow, Security15_EveryPersonsActionLeavesOneAuditRow)
{
    const QString code = sendAndRead();
    for (int i = 0; i < 3; ++i)
        verify(wrong(code));
    const qint64 before = t.count(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    EXPECT_EQ(svc.unlock(QStringLiteral("default"), kPhone, kAdmin, QStringLiteral("user called support, identity checked")).status,
              OutcomeStatus::Unlocked);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'unlock' AND actor = 'asha' AND target = ? "
                                     "AND details LIKE '%identity checked%'"), {kPhone}), 1);
    svc.send({QStringLiteral("default"), kOtherPhone, std::nullopt, Purpose::Login, {}}, kAdmin);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'send' AND target = ?"), {kOtherPhone}), 1);
    EXPECT_EQ(svc.cancel(QStringLiteral("default"), kOtherPhone, Purpose::Login, kAdmin, QStringLiteral("QA test over")).status,
              OutcomeStatus::Canceled);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cancel' AND details LIKE '%QA test over%'")), 1);
    svc.policySet(QStringLiteral("default"), Purpose::Login, {{QStringLiteral("cooldown_s"), QStringLiteral("60")}}, kAdmin);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'policy_set' AND target = 'login'")), 1);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), before + 4);
    // Automated traffic (no person) is not audited.
    svc.send({QStringLiteral("default"), QStringLiteral("+919811111111"), std::nullopt, Purpose::Login, {}});
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), before + 4);
}

TEST_F(OtpFlow, UnlockNeedsAReasonAndReleasesTheLockout)
{
    const QString code = sendAndRead();
    for (int i = 0; i < 3; ++i)
        verify(wrong(code));
    EXPECT_EQ(svc.unlock(QStringLiteral("default"), kPhone, kAdmin, QStringLiteral("  ")).status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(svc.status(QStringLiteral("default"), kPhone, Purpose::Login).status, OutcomeStatus::Locked);
    EXPECT_EQ(svc.unlock(QStringLiteral("default"), kPhone, kAdmin, QStringLiteral("verified by phone")).status, OutcomeStatus::Unlocked);
    EXPECT_EQ(svc.unlock(QStringLiteral("default"), kPhone, kAdmin, QStringLiteral("again")).status, OutcomeStatus::NotLocked);
    t.clock().advanceS(31);
    const QString fresh = sendAndRead();
    EXPECT_EQ(verify(fresh).status, OutcomeStatus::Verified);
}

TEST_F(OtpFlow, AVerifyRefusedByALockoutLeavesNoAttemptCounted)
{
    // A sign-up code is still pending when wrong login guesses lock the number. The sign-up verify
    // counts its attempt before it reads the lockout (on PostgreSQL the two go out together); the
    // refusal must take that count back with its rollback.
    const QString signup = sendAndRead(kPhone, Purpose::Signup);
    t.clock().advanceS(31);
    const QString login = sendAndRead();
    for (int i = 0; i < 3; ++i)
        verify(wrong(login));
    const Outcome refused = verify(signup, kPhone, Purpose::Signup);
    EXPECT_EQ(refused.status, OutcomeStatus::Locked) << refused.message.toStdString();
    EXPECT_FALSE(refused.evaluated);
    EXPECT_TRUE(refused.challengeRef.isEmpty()) << "a locked number's refusal names no code";
    EXPECT_EQ(t.count(QStringLiteral("SELECT attempts FROM challenges WHERE purpose = 'signup'")), 0);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM verify_attempts v JOIN challenges c ON c.id = v.challenge_id "
                                     "WHERE c.purpose = 'signup'")), 0);
    ASSERT_EQ(svc.unlock(QStringLiteral("default"), kPhone, kAdmin, QStringLiteral("checked by phone")).status, OutcomeStatus::Unlocked);
    const Outcome ok = verify(signup, kPhone, Purpose::Signup);
    EXPECT_EQ(ok.status, OutcomeStatus::Verified) << ok.message.toStdString();
    EXPECT_EQ(t.count(QStringLiteral("SELECT attempts FROM challenges WHERE purpose = 'signup'")), 1);
}

TEST_F(OtpFlow, EachSendsDeliveryRowNamesItsOwnChallenge)
{
    // On PostgreSQL a new challenge's INSERT waits for the commit and its delivery row names it by the
    // session's sequence value; the outcome's id arrives with the commit.
    // A resend first: the delivery ids run ahead of the challenge ids, so a row naming the wrong one shows.
    sendAndRead(QStringLiteral("+919833334444"));
    t.clock().advanceS(31);
    ASSERT_EQ(svc.resend({QStringLiteral("default"), QStringLiteral("+919833334444"), std::nullopt, Purpose::Login, {}}).status,
              OutcomeStatus::Sent);
    const QStringList phones{kPhone, kOtherPhone, QStringLiteral("+919811112222")};
    QList<qint64> ids;
    for (const QString& phone : phones) {
        const Outcome o = svc.send({QStringLiteral("default"), phone, std::nullopt, Purpose::Login, {}});
        ASSERT_EQ(o.status, OutcomeStatus::Sent) << o.message.toStdString();
        ASSERT_GT(o.challengeId, 0);
        ids << o.challengeId;
        EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE id = ? AND destination = ? AND ref = ?"),
                          {o.challengeId, phone, o.challengeRef}), 1);
        EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE challenge_id = ? AND destination = ?"),
                          {o.challengeId, phone}), 1);
        // The vendor's answer was recorded on this challenge, by the id the commit brought back.
        EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE id = ? AND vendor_ref <> ''"), {o.challengeId}), 1);
    }
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(DISTINCT challenge_id) FROM deliveries")), 4);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM deliveries d JOIN challenges c ON c.id = d.challenge_id "
                                     "WHERE c.destination = d.destination")), 5);
}

TEST_F(OtpFlow, NoCooldownRefusesNothingEvenAfterASendStampedMomentsAhead)
{
    // Processes read the database's clock through offsets of their own, a few milliseconds apart, so
    // a send another process has just committed can carry a time moments after this process's now.
    // With cooldown_s = 0 that must not turn into a cooldown (it did: now - last < 0 held, once in a
    // run of twelve concurrent otpctl sends on MariaDB).
    const Actor admin{QStringLiteral("asha"), QStringLiteral("admin")};
    ASSERT_TRUE(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("cooldown_s"), QStringLiteral("0")}}, admin).ok());
    sendAndRead();
    t.clock().advanceMs(-5); // the next send's clock reads 5 ms behind the first one's
    const Outcome o = svc.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
    EXPECT_EQ(o.status, OutcomeStatus::Sent) << o.message.toStdString();
    // A real cooldown still refuses a send stamped moments ahead: it was sent within the cooldown.
    ASSERT_TRUE(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("cooldown_s"), QStringLiteral("30")}}, admin).ok());
    t.clock().advanceMs(-5);
    EXPECT_EQ(svc.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}}).status, OutcomeStatus::Cooldown);
}

TEST_F(OtpFlow, LockoutEndsAfterItsDuration)
{
    const QString code = sendAndRead();
    for (int i = 0; i < 3; ++i)
        verify(wrong(code));
    t.clock().advanceS(899);
    EXPECT_EQ(svc.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}}).status, OutcomeStatus::Locked);
    t.clock().advanceS(1);
    const QString fresh = sendAndRead();
    EXPECT_EQ(verify(fresh).status, OutcomeStatus::Verified) << "the locked challenge's count is not carried";
}

TEST_F(OtpFlow, DeliveryFailureMakesTheCodeUnusableAndTouchesNoAccount)
{
    TestDatabase failing({kPhone});
    ASSERT_EQ(failing.service().policySet(QStringLiteral("default"), std::nullopt,
                                          {{QStringLiteral("account_creation"), QStringLiteral("on_delivery")}}, kAdmin).status,
              OutcomeStatus::Ok);
    const Outcome o = failing.service().send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
    EXPECT_EQ(o.status, OutcomeStatus::DeliveryFailed);
    EXPECT_EQ(o.exitCode(), 5);
    ASSERT_TRUE(o.vendor.has_value());
    EXPECT_EQ(o.vendor->vendorCode, QStringLiteral("DEV_FAIL"));
    EXPECT_TRUE(o.message.contains(QLatin1String("OTP_DEV_FAIL")));
    EXPECT_EQ(failing.count(QStringLiteral("SELECT COUNT(*) FROM accounts")), 0);
    EXPECT_EQ(failing.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'delivery_failed'")), 1);
    EXPECT_EQ(failing.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = 'failed' AND vendor_code = 'DEV_FAIL' "
                                           "AND http_status = 422")), 1);
    const QString response = failing.database().session().scalar(QStringLiteral("SELECT vendor_response FROM challenges")).toString();
    const QJsonObject seed = QJsonDocument::fromJson(response.toUtf8()).object();
    EXPECT_EQ(seed.value(QStringLiteral("success")).toBool(true), false);
    EXPECT_FALSE(seed.value(QStringLiteral("response")).toString().isEmpty());
    EXPECT_EQ(failing.service().verify({QStringLiteral("default"), kPhone, QStringLiteral("123456"), Purpose::Login}).status,
              OutcomeStatus::NoActiveCode);
}

TEST_F(OtpFlow, AccountCreatedAtConfirmedDeliveryWhenPolicySaysSo)
{
    svc.policySet(QStringLiteral("default"), Purpose::Registration, {{QStringLiteral("account_creation"), QStringLiteral("on_delivery")}}, kAdmin);
    const QString code = sendAndRead(kPhone, Purpose::Registration);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE phone = ? AND phone_verified = 0"), {kPhone}), 1);
    EXPECT_EQ(verify(code, kPhone, Purpose::Registration).status, OutcomeStatus::Verified);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE phone = ? AND phone_verified = 1"), {kPhone}), 1);
}

TEST_F(OtpFlow, PasswordResetNeverCreatesAnAccount)
{
    const QString code = sendAndRead(kPhone, Purpose::PasswordReset);
    EXPECT_EQ(verify(code, kPhone, Purpose::PasswordReset).status, OutcomeStatus::Verified);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM accounts")), 0);
}

TEST_F(OtpFlow, EmailSignupCreatesAnEmailAccountAndProfileCompletes)
{
    const QString code = sendAndRead(QStringLiteral("  New.User@Example.COM "), Purpose::Signup);
    ASSERT_FALSE(code.isEmpty());
    EXPECT_EQ(t.outbox().messages().last().value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    EXPECT_EQ(verify(code, QStringLiteral("new.user@example.com"), Purpose::Signup).status, OutcomeStatus::Verified);
    Outcome a = svc.accounts(QStringLiteral("default"), QStringLiteral("new.user@example.com"));
    EXPECT_TRUE(a.details.value(QStringLiteral("exists")).toBool());
    EXPECT_TRUE(a.details.value(QStringLiteral("account")).toObject().value(QStringLiteral("email_verified")).toBool());
    EXPECT_FALSE(a.details.value(QStringLiteral("account")).toObject().value(QStringLiteral("profile_completed")).toBool());
    const Outcome p = svc.updateProfile(QStringLiteral("default"), QStringLiteral("new.user@example.com"),
                                        {QStringLiteral("Priya"), QStringLiteral("Nair"), {}, QStringLiteral("12 MG Road")}, kAdmin);
    EXPECT_EQ(p.status, OutcomeStatus::Ok);
    a = svc.accounts(QStringLiteral("default"), QStringLiteral("new.user@example.com"));
    EXPECT_TRUE(a.details.value(QStringLiteral("account")).toObject().value(QStringLiteral("profile_completed")).toBool());
}

TEST_F(OtpFlow, ChannelMustFitTheDestination)
{
    const Outcome o = svc.send({QStringLiteral("default"), QStringLiteral("a@b.co"), Channel::Sms, Purpose::Login, {}});
    EXPECT_EQ(o.status, OutcomeStatus::InvalidInput);
    const Outcome v = svc.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, QStringLiteral("nosuchvendor")});
    EXPECT_EQ(v.status, OutcomeStatus::InvalidInput);
    EXPECT_TRUE(v.message.contains(QLatin1String("nosuchvendor")));
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges")), 0) << "nothing half-written";
}

TEST_F(OtpFlow, BadInputIsRefusedBeforeAnyWrite)
{
    EXPECT_EQ(svc.send({QStringLiteral("default"), QStringLiteral("call me"), std::nullopt, Purpose::Login, {}}).status,
              OutcomeStatus::InvalidDestination);
    EXPECT_EQ(svc.send({QStringLiteral("bad tenant!"), kPhone, std::nullopt, Purpose::Login, {}}).status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(verify(QStringLiteral("12345a")).status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges")) + t.count(QStringLiteral("SELECT COUNT(*) FROM deliveries")), 0);
}

TEST_F(OtpFlow, Security10_MalformedCodesAreRefusedWithoutCountingAnAttempt)
{
    const QString code = sendAndRead();
    for (const QString& bad : {QString(), QStringLiteral("1234567890123"), QStringLiteral("12a456"), QStringLiteral("١٢٣٤٥٦"),
                               QStringLiteral("12345"), QStringLiteral("１２３４５６")}) {
        const Outcome o = verify(bad);
        EXPECT_EQ(o.status, OutcomeStatus::InvalidInput) << bad.toStdString();
        EXPECT_FALSE(o.evaluated);
    }
    EXPECT_EQ(t.count(QStringLiteral("SELECT attempts FROM challenges")), 0);
    EXPECT_EQ(verify(code).status, OutcomeStatus::Verified);
}

TEST_F(OtpFlow, PoliciesArePerTenantAndPurpose)
{
    ASSERT_EQ(svc.policySet(QStringLiteral("acme"), Purpose::Login, {{QStringLiteral("code_length"), QStringLiteral("8")}}, kAdmin).status,
              OutcomeStatus::Ok);
    EXPECT_EQ(sendAndRead(kPhone, Purpose::Login, QStringLiteral("acme")).size(), 8);
    EXPECT_EQ(sendAndRead(kOtherPhone, Purpose::Login).size(), 6) << "the default tenant keeps 6";
    EXPECT_EQ(svc.effectivePolicy(QStringLiteral("acme"), Purpose::PasswordReset).codeLength, 6) << "other purposes keep 6";
    const Outcome bad = svc.policySet(QStringLiteral("acme"), std::nullopt,
                                      {{QStringLiteral("max_attempts"), QStringLiteral("5")}, {QStringLiteral("sends_per_day"), QStringLiteral("1")}}, kAdmin);
    EXPECT_EQ(bad.status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(svc.effectivePolicy(QStringLiteral("acme"), Purpose::Login).maxAttempts, 3) << "all or nothing";
}

TEST_F(OtpFlow, AsyncModeAnswersQueuedThenDeliversInProcess)
{
    svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("delivery"), QStringLiteral("async")}}, kAdmin);
    const Outcome o = svc.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}});
    EXPECT_EQ(o.status, OutcomeStatus::Queued);
    EXPECT_TRUE(t.outbox().messages().isEmpty());
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = 'queued'")), 1);
    EXPECT_EQ(svc.deliverPending(), 1);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = 'accepted'")), 1);
    EXPECT_EQ(verify(t.outbox().lastCodeFor(kPhone)).status, OutcomeStatus::Verified);
}

TEST_F(OtpFlow, AsyncSendOfADeadProcessEndsInAKnownStateAndIsNeverSent)
{
    {
        // This service "dies" with its queued send still in memory.
        SystemRandomSource random;
        OtpService dying(t.database(), t.gateways(), t.clock(), random, t.pepper());
        dying.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("delivery"), QStringLiteral("async")}}, kAdmin);
        EXPECT_EQ(dying.send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login, {}}).status, OutcomeStatus::Queued);
    }
    t.clock().advanceS(601);
    const Outcome c = svc.cleanup(kAdmin, 600);
    EXPECT_EQ(c.details.value(QStringLiteral("abandoned_deliveries")).toInt(), 1);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'delivery_failed'")), 1);
    EXPECT_TRUE(t.outbox().messages().isEmpty());
}

TEST_F(OtpFlow, CleanupExpiresOverdueChallenges)
{
    sendAndRead();
    sendAndRead(kOtherPhone);
    t.clock().advanceS(301);
    EXPECT_EQ(svc.cleanup(kAdmin).details.value(QStringLiteral("expired")).toInt(), 2);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'expired'")), 2);
}

TEST_F(OtpFlow, StatusExplainsWhenTheNextCodeCanBeSent)
{
    sendAndRead();
    t.clock().advanceS(5);
    const Outcome s = svc.status(QStringLiteral("default"), QStringLiteral("98765 43210"), Purpose::Login);
    EXPECT_EQ(s.status, OutcomeStatus::Cooldown);
    EXPECT_EQ(s.retryAfterS.value_or(-1), 25);
    EXPECT_EQ(s.details.value(QStringLiteral("sends_last_hour")).toInt(), 1);
    EXPECT_EQ(s.details.value(QStringLiteral("latest_challenge")).toObject().value(QStringLiteral("attempts_remaining")).toInt(), 3);
    t.clock().advanceS(25);
    EXPECT_EQ(svc.status(QStringLiteral("default"), kPhone, Purpose::Login).status, OutcomeStatus::CanSend);
}

TEST_F(OtpFlow, Security18_QuotesAndSqlFragmentsRoundTripUnchanged)
{
    const QString email = QStringLiteral("o'brien+x--y@example.com");
    const QString code = sendAndRead(email, Purpose::Signup);
    ASSERT_EQ(verify(code, email, Purpose::Signup).status, OutcomeStatus::Verified);
    const ProfileUpdate evil{QStringLiteral("Robert'); DROP TABLE accounts;--"), QStringLiteral("\"x\" OR 1=1 --"), {},
                             QStringLiteral("1 Main St'; DELETE FROM lockouts WHERE '1'='1")};
    ASSERT_EQ(svc.updateProfile(QStringLiteral("default"), email, evil, kAdmin).status, OutcomeStatus::Ok);
    const QJsonObject a = svc.accounts(QStringLiteral("default"), email).details.value(QStringLiteral("account")).toObject();
    EXPECT_EQ(a.value(QStringLiteral("email")).toString(), email);
    EXPECT_EQ(a.value(QStringLiteral("first_name")).toString(), evil.firstName);
    EXPECT_EQ(a.value(QStringLiteral("last_name")).toString(), evil.lastName);
    EXPECT_EQ(a.value(QStringLiteral("address")).toString(), evil.address);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM accounts")), 1);
}

TEST_F(OtpFlow, MigrationsAreIdempotent)
{
    EXPECT_EQ(t.database().migrate(), 0);
    EXPECT_EQ(t.database().schemaVersion(), t.database().latestVersion());
    EXPECT_GE(t.database().latestVersion(), 1);
}
