// Receipts that overtake the recording of their send's answer (services/api/ReceiptRoutes.h; migration
// 010's pending_receipts): a vendor that reports on a message while our try is still `sending` (no message
// id recorded yet) no longer loses the report: it is kept for a bounded time and applied when the answer
// is recorded; repeats change nothing; reports on unknown messages age out. Also Outbox::releaseLeases.
// Every engine.
#include "DeliveryLog.h"
#include "PendingReceipts.h"
#include "TestDatabase.h"

#include <gtest/gtest.h>

#include <functional>
#include <thread>

using namespace otp;
using namespace otp::test;

namespace {
const QString kPhone = QStringLiteral("+919812345678");

// A vendor whose receipt arrives before its send answer returns: `during` runs inside deliver() (on
// another thread, so on another database connection), then the message is accepted as `messageId`.
class FastGateway final : public DeliveryGateway
{
public:
    QString messageId = QStringLiteral("fast-1");
    std::function<void(const OutgoingMessage&)> during;
    QString name() const override { return QStringLiteral("fast"); }
    bool supports(Channel c) const override { return c == Channel::Sms; }
    VendorAnswer deliver(const OutgoingMessage& m) override
    {
        if (during) {
            std::thread t([&] { during(m); });
            t.join();
        }
        VendorAnswer a;
        a.vendor = name();
        a.accepted = true;
        a.httpStatus = 200;
        a.vendorCode = QStringLiteral("OK");
        a.messageId = messageId;
        return a;
    }
};

DeliveryReceipt receipt(DeliveryReceipt::State state, const QString& messageId, qint64 deliveryId = 0)
{
    DeliveryReceipt r;
    r.state = state;
    r.messageId = messageId;
    r.deliveryId = deliveryId;
    r.vendorCode = state == DeliveryReceipt::State::Delivered ? QStringLiteral("DELIVRD") : QStringLiteral("UNDELIV");
    r.reason = QStringLiteral("the vendor says so");
    return r;
}

struct Fixture
{
    TestDatabase db;
    std::shared_ptr<FastGateway> gateway = std::make_shared<FastGateway>();
    Fixture() { db.gateways().add(gateway); }
    Outcome send()
    {
        SendRequest r;
        r.destination = kPhone;
        r.vendor = QStringLiteral("fast");
        return db.service().send(r);
    }
    QString state() { return DeliveryLog(db.database().session()).forChallenge(latestChallenge()).last().state; }
    qint64 latestChallenge() { return db.count(QStringLiteral("SELECT MAX(id) FROM challenges")); }
    qint64 pending() { return db.count(QStringLiteral("SELECT COUNT(*) FROM pending_receipts")); }
};
} // namespace

TEST(OvertakingReceipts, AReceiptBeforeTheAnswerIsAppliedWhenTheAnswerIsRecorded)
{
    Fixture f;
    Outcome during;
    f.gateway->during = [&](const OutgoingMessage&) {
        during = f.db.service().applyReceipts(QStringLiteral("fast"), {receipt(DeliveryReceipt::State::Delivered, QStringLiteral("fast-1"))});
    };
    ASSERT_EQ(f.send().status, OutcomeStatus::Sent);
    EXPECT_EQ(during.details.value(QStringLiteral("unmatched")).toInt(), 1) << during.message.toStdString();
    EXPECT_EQ(during.details.value(QStringLiteral("held")).toInt(), 1) << during.message.toStdString();
    EXPECT_EQ(f.state(), QStringLiteral("delivered"));
    EXPECT_EQ(f.pending(), 0) << "taken when applied";

    // The same report again, now that the answer is recorded: nothing changes.
    const Outcome repeat = f.db.service().applyReceipts(QStringLiteral("fast"), {receipt(DeliveryReceipt::State::Delivered, QStringLiteral("fast-1"))});
    EXPECT_EQ(repeat.details.value(QStringLiteral("unchanged")).toInt(), 1) << repeat.message.toStdString();
    EXPECT_EQ(f.state(), QStringLiteral("delivered"));
    EXPECT_EQ(f.pending(), 0);
}

TEST(OvertakingReceipts, AFailureReportAndARepeatBeforeTheAnswerFailTheMessageOnce)
{
    Fixture f;
    f.gateway->during = [&](const OutgoingMessage&) {
        for (int i = 0; i < 2; ++i)
            f.db.service().applyReceipts(QStringLiteral("fast"), {receipt(DeliveryReceipt::State::Failed, QStringLiteral("fast-1"))});
    };
    ASSERT_EQ(f.send().status, OutcomeStatus::Sent);
    EXPECT_EQ(f.state(), QStringLiteral("failed"));
    EXPECT_EQ(f.db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE vendor_code = 'UNDELIV'")), 1);
    EXPECT_EQ(f.pending(), 0);
}

// Two different reports before the answer: the first one decides, as if they had come after it (the
// second then finds the message delivered and changes nothing). Reports on other messages stay held.
TEST(OvertakingReceipts, OfTwoReportsBeforeTheAnswerTheFirstDecidesAndOthersMessagesStayHeld)
{
    Fixture f;
    f.gateway->during = [&](const OutgoingMessage&) {
        f.db.service().applyReceipts(QStringLiteral("fast"), {receipt(DeliveryReceipt::State::Delivered, QStringLiteral("fast-1"))});
        f.db.service().applyReceipts(QStringLiteral("fast"), {receipt(DeliveryReceipt::State::Failed, QStringLiteral("fast-1"))});
        f.db.service().applyReceipts(QStringLiteral("fast"), {receipt(DeliveryReceipt::State::Failed, QStringLiteral("fast-2"))});
    };
    ASSERT_EQ(f.send().status, OutcomeStatus::Sent);
    EXPECT_EQ(f.state(), QStringLiteral("delivered"));
    EXPECT_EQ(f.db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE vendor_code = 'DELIVRD'")), 1);
    EXPECT_EQ(f.pending(), 1) << "fast-2's report is another message's";
    EXPECT_EQ(f.db.count(QStringLiteral("SELECT COUNT(*) FROM pending_receipts WHERE message_id = 'fast-2'")), 1);
}

// MyOperator echoes our reference (myop_ref_id): the receipt finds our row while it is still `sending`.
TEST(OvertakingReceipts, AReceiptNamingOurDeliveryWhileSendingWaitsForTheAnswer)
{
    Fixture f;
    Outcome during;
    f.gateway->during = [&](const OutgoingMessage& m) {
        during = f.db.service().applyReceipts(QStringLiteral("fast"), {receipt(DeliveryReceipt::State::Delivered, {}, m.deliveryId)});
    };
    ASSERT_EQ(f.send().status, OutcomeStatus::Sent);
    EXPECT_EQ(during.details.value(QStringLiteral("held")).toInt(), 1) << during.message.toStdString();
    EXPECT_EQ(f.state(), QStringLiteral("delivered"));
    EXPECT_EQ(f.pending(), 0);
}

TEST(OvertakingReceipts, ReportsOnUnknownMessagesAgeOutAndAreNeverAppliedLate)
{
    Fixture f;
    const Outcome o = f.db.service().applyReceipts(QStringLiteral("fast"), {receipt(DeliveryReceipt::State::Delivered, QStringLiteral("fast-1")),
                                                                           receipt(DeliveryReceipt::State::Unknown, QStringLiteral("other"))});
    EXPECT_EQ(o.details.value(QStringLiteral("unmatched")).toInt(), 2);
    EXPECT_EQ(o.details.value(QStringLiteral("held")).toInt(), 1) << "a report without news is not kept";
    EXPECT_EQ(f.pending(), 1);

    // Older than the bound: a send answered with that id now is not touched by it, and the next batch
    // drops it.
    f.db.clock().advanceMs(PendingReceipts::kKeepMs + 1000);
    ASSERT_EQ(f.send().status, OutcomeStatus::Sent);
    EXPECT_EQ(f.state(), QStringLiteral("accepted"));
    f.db.service().applyReceipts(QStringLiteral("fast"), {receipt(DeliveryReceipt::State::Failed, QStringLiteral("someone-else"))});
    EXPECT_EQ(f.db.count(QStringLiteral("SELECT COUNT(*) FROM pending_receipts WHERE message_id = 'fast-1'")), 0);
    EXPECT_EQ(f.pending(), 1);
}

TEST(OutboxLeases, ReleaseLeasesHandsBackOnlyTheOwnersQueuedRows)
{
    TestDatabase db;
    OtpService& svc = db.service();
    ASSERT_TRUE(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("delivery"), QStringLiteral("async")}},
                              Actor{QStringLiteral("asha"), QStringLiteral("admin")}).ok());
    SendRequest r;
    r.destination = kPhone;
    ASSERT_EQ(svc.send(r).status, OutcomeStatus::Queued);
    const qint64 id = db.count(QStringLiteral("SELECT MAX(id) FROM deliveries"));
    ASSERT_TRUE(svc.outbox().claim(id, db.clock().nowMs()));
    EXPECT_EQ(svc.outbox().releaseLeases(QStringLiteral("someone-else")), 0);
    EXPECT_EQ(svc.outbox().releaseLeases(svc.outbox().owner()), 1);
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE id = ? AND lease_owner IS NULL AND lease_until IS NULL "
                                      "AND state = 'queued'"), {id}), 1);
    EXPECT_EQ(svc.outbox().releaseLeases(svc.outbox().owner()), 0);
    // Free again: the next worker (this process's included) takes and delivers it.
    EXPECT_EQ(svc.deliverDue(), 1);
}
