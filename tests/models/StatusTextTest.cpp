#include "ModelFixture.h"
#include "StatusText.h"

using namespace otp;
using namespace otp::models;

using StatusTextTest = otp::test::ModelFixture;

// The console words the core's decisions itself (translatable), from the status and its facts.
TEST_F(StatusTextTest, OutcomesAreWordedFromTheirFactsNotTheCoresSentence)
{
    const Outcome first = sendTo(QStringLiteral("+919812345001"));
    ASSERT_EQ(first.status, OutcomeStatus::Sent) << first.message.toStdString();
    EXPECT_EQ(StatusText::outcome(first), QStringLiteral("Code sent through dev."));

    m_db.clock().advanceS(20);
    const Outcome again = sendTo(QStringLiteral("+919812345001"));
    ASSERT_EQ(again.status, OutcomeStatus::Cooldown);
    ASSERT_TRUE(again.retryAfterS.has_value());
    EXPECT_EQ(StatusText::outcome(again),
              QStringLiteral("A code was sent moments ago; the next one can go in %1.").arg(StatusText::duration(*again.retryAfterS)));

    lockOut(QStringLiteral("+919812345002"));
    const Outcome locked = m_db.service().status(QStringLiteral("default"), QStringLiteral("+919812345002"), Purpose::Login);
    ASSERT_EQ(locked.status, OutcomeStatus::Locked);
    EXPECT_EQ(StatusText::outcome(locked), QStringLiteral("Locked after too many wrong codes; unlocks in 15 min."));

    // A refusal whose reason only the core knows keeps the core's words as the detail.
    SendRequest bad;
    bad.destination = QStringLiteral("12");
    const Outcome refused = m_db.service().send(bad);
    EXPECT_EQ(refused.status, OutcomeStatus::InvalidDestination);
    EXPECT_EQ(StatusText::outcome(refused), QStringLiteral("Not a usable phone number or email. — %1").arg(refused.message));
}

TEST(StatusTextDuration, ReadsAsPeopleSayIt)
{
    EXPECT_EQ(StatusText::duration(-5), QStringLiteral("0 s"));
    EXPECT_EQ(StatusText::duration(45), QStringLiteral("45 s"));
    EXPECT_EQ(StatusText::duration(120), QStringLiteral("2 min"));
    EXPECT_EQ(StatusText::duration(200), QStringLiteral("3 min 20 s"));
    EXPECT_EQ(StatusText::duration(7500), QStringLiteral("2 h 5 min"));
}

// Issue 12, everywhere: "(105) [105]" said a vendor code twice.
TEST(StatusTextVendorAnswer, NamesTheVendorCodeOnce)
{
    otp::models::SendRow row;
    row.deliveryState = QStringLiteral("failed");
    row.httpStatus = 200;
    row.vendorCode = QStringLiteral("105");
    row.reason = QStringLiteral("number unreachable (105)");
    EXPECT_EQ(otp::models::StatusText::vendorAnswer(row), QStringLiteral("refused (HTTP 200): number unreachable (105)"));
    row.reason = QStringLiteral("number unreachable");
    EXPECT_EQ(otp::models::StatusText::vendorAnswer(row), QStringLiteral("refused (HTTP 200): number unreachable [105]"));
}

// Issue 12 (audit events in words): an audited answer reads as words, not the core's key ("wrong_code").
TEST(StatusTextAuditDetails, AnAnswerIsInWords)
{
    EXPECT_EQ(StatusText::auditDetails({{QStringLiteral("status"), QStringLiteral("wrong_code")}}), QStringLiteral("outcome: wrong code"));
    EXPECT_EQ(StatusText::auditDetails({{QStringLiteral("status"), QStringLiteral("sent")}, {QStringLiteral("purpose"), QStringLiteral("login")}}),
              QStringLiteral("purpose: login · outcome: sent"));
    EXPECT_EQ(StatusText::auditDetails({{QStringLiteral("status"), QStringLiteral("rate_limited")}}), QStringLiteral("outcome: send limit reached"));
    EXPECT_EQ(StatusText::outcomeName(QStringLiteral("delivery_failed")), QStringLiteral("delivery failed"));
}
