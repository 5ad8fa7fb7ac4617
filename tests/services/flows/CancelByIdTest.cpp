// OtpService::cancelById (HTTP-API.md POST /v1/verifications/{id}/cancel): the conditional pending →
// canceled move on the one challenge named by its public id, within the tenant; "not found" (unknown id,
// another tenant's) and "already final" (with the state) are told apart; a person's cancel is audited;
// a newer send to the same destination is never touched. Every engine.
#include "TestDatabase.h"

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
const Actor kApp{QStringLiteral("api:app"), QStringLiteral("api")};
const QString kPhone = QStringLiteral("+919812345678");
} // namespace

TEST(CancelById, CancelsThatChallengeOnlyAndAuditsIt)
{
    TestDatabase db;
    OtpService& svc = db.service();
    const Outcome first = svc.send({QStringLiteral("default"), kPhone});
    ASSERT_EQ(first.status, OutcomeStatus::Sent);
    const QString code = db.outbox().lastCodeFor(kPhone);

    const Outcome o = svc.cancelById(QStringLiteral("default"), first.challengeRef.toUpper(), QStringLiteral("user gave up"), kApp);
    EXPECT_EQ(o.status, OutcomeStatus::Canceled) << o.message.toStdString();
    EXPECT_EQ(o.challengeRef, first.challengeRef);
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE ref = ? AND status = 'canceled'"), {first.challengeRef}), 1);
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cancel' AND actor = 'api:app'")), 1);
    EXPECT_NE(svc.verify({QStringLiteral("default"), kPhone, code}).status, OutcomeStatus::Verified);

    // Already final: told apart from "not found", with the state.
    const Outcome again = svc.cancelById(QStringLiteral("default"), first.challengeRef, {}, kApp);
    EXPECT_EQ(again.status, OutcomeStatus::NoActiveCode);
    EXPECT_TRUE(again.details.value(QStringLiteral("found")).toBool());
    EXPECT_EQ(again.details.value(QStringLiteral("verification_status")).toString(), QStringLiteral("canceled"));
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cancel'")), 1);
}

TEST(CancelById, ANewerSendIsNeverCanceledByTheOldId)
{
    TestDatabase db;
    OtpService& svc = db.service();
    const Outcome first = svc.send({QStringLiteral("default"), kPhone});
    ASSERT_EQ(first.status, OutcomeStatus::Sent);
    db.clock().advanceMs(31'000);
    const Outcome second = svc.send({QStringLiteral("default"), kPhone});
    ASSERT_EQ(second.status, OutcomeStatus::Sent);
    const Outcome o = svc.cancelById(QStringLiteral("default"), first.challengeRef, {}, kApp);
    EXPECT_EQ(o.status, OutcomeStatus::NoActiveCode);
    EXPECT_EQ(o.details.value(QStringLiteral("verification_status")).toString(), QStringLiteral("superseded"));
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE ref = ? AND status = 'pending'"), {second.challengeRef}), 1);

    // Past its lifetime a pending code reads expired.
    db.clock().advanceMs(301'000);
    const Outcome late = svc.cancelById(QStringLiteral("default"), second.challengeRef, {}, kApp);
    EXPECT_EQ(late.status, OutcomeStatus::NoActiveCode);
    EXPECT_EQ(late.details.value(QStringLiteral("verification_status")).toString(), QStringLiteral("expired"));
}

TEST(CancelById, UnknownOrAnotherTenantsIdIsNotFound)
{
    TestDatabase db;
    OtpService& svc = db.service();
    const Outcome sent = svc.send({QStringLiteral("default"), kPhone});
    ASSERT_EQ(sent.status, OutcomeStatus::Sent);
    for (const Outcome& o : {svc.cancelById(QStringLiteral("acme"), sent.challengeRef, {}, kApp),
                             svc.cancelById(QStringLiteral("default"), QStringLiteral("00000000-0000-0000-0000-000000000000"), {}, kApp),
                             svc.cancelById(QStringLiteral("default"), QStringLiteral("' OR '1'='1"), {}, kApp)}) {
        EXPECT_EQ(o.status, OutcomeStatus::NoActiveCode) << o.message.toStdString();
        EXPECT_FALSE(o.details.value(QStringLiteral("found")).toBool());
        EXPECT_TRUE(o.challengeRef.isEmpty());
    }
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'pending'")), 1);
    EXPECT_EQ(svc.cancelById(QStringLiteral("default"), sent.challengeRef, QString(100'000, QLatin1Char('x')), kApp).status,
              OutcomeStatus::InvalidInput);
}
