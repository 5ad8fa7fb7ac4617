// Vendor health and the circuit breaker per vendor (issue 13 steps 1-2) on every engine, with scripted
// in-process vendors and the manual clock: the breaker opens after N consecutive retryable failures or
// on a low success rate, routes skip the open vendor with no wait, the cool-off ends in one probe,
// closing takes successes, state changes are audited, and two services on one database agree.
// The same against real HTTP (otp-vendor-sim) is tests/integration/VendorDeliveryTest.cpp.
#include "AuditLog.h"
#include "ChallengeStore.h"
#include "DeliveryLog.h"
#include "PepperSource.h"
#include "TestDatabase.h"
#include "VendorBreaker.h"

#include <QJsonArray>
#include <QMutex>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
const Actor kAdmin{QStringLiteral("asha"), QStringLiteral("admin")};

class Vendor final : public DeliveryGateway
{
public:
    explicit Vendor(QString name) : m_name(std::move(name)) {}
    QString name() const override { return m_name; }
    bool supports(Channel c) const override { return c == Channel::Sms; }
    VendorAnswer deliver(const OutgoingMessage&) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_calls;
        VendorAnswer a = m_script.isEmpty() ? accepted(m_latencyMs) : m_script.takeFirst();
        a.vendor = m_name;
        return a;
    }
    void script(QList<VendorAnswer> answers) { QMutexLocker lock(&m_mutex); m_script = std::move(answers); }
    int calls() const { QMutexLocker lock(&m_mutex); return m_calls; }
    void setLatency(int ms) { m_latencyMs = ms; }

    static VendorAnswer accepted(int latencyMs)
    {
        VendorAnswer a;
        a.accepted = true;
        a.httpStatus = 200;
        a.messageId = QStringLiteral("m");
        a.latencyMs = latencyMs;
        return a;
    }
    static VendorAnswer http500()
    {
        VendorAnswer a;
        a.httpStatus = 500;
        a.retryable = true;
        a.reason = QStringLiteral("server error");
        a.latencyMs = 40;
        return a;
    }
    static VendorAnswer timeout()
    {
        VendorAnswer a;
        a.vendorCode = QStringLiteral("TIMEOUT");
        a.mayHaveSent = true;
        a.retryable = true;
        a.reason = QStringLiteral("no answer in time");
        a.latencyMs = 1500;
        return a;
    }

private:
    QString m_name;
    mutable QMutex m_mutex;
    QList<VendorAnswer> m_script;
    int m_calls = 0;
    int m_latencyMs = 100;
};

class VendorBreakerTest : public ::testing::Test
{
protected:
    TestDatabase t;
    OtpService& svc = t.service();
    std::shared_ptr<Vendor> primary = std::make_shared<Vendor>(QStringLiteral("primary"));
    std::shared_ptr<Vendor> backup = std::make_shared<Vendor>(QStringLiteral("backup"));
    int m_phone = 0;

    void SetUp() override
    {
        t.gateways().add(primary);
        t.gateways().add(backup);
        policy({{QStringLiteral("route_sms"), QStringLiteral("primary,backup")},
                {QStringLiteral("cooldown_s"), QStringLiteral("0")},
                {QStringLiteral("breaker_failures"), QStringLiteral("3")},
                {QStringLiteral("breaker_cooloff_s"), QStringLiteral("30")},
                {QStringLiteral("breaker_close_successes"), QStringLiteral("2")}});
    }
    void policy(const QMap<QString, QString>& values)
    {
        ASSERT_EQ(svc.policySet(QStringLiteral("default"), std::nullopt, values, kAdmin).status, OutcomeStatus::Ok);
    }
    QString nextPhone() { return QStringLiteral("+9198000%1").arg(++m_phone, 5, 10, QLatin1Char('0')); }
    Outcome send(OtpService& service, const QString& phone)
    {
        return service.send({QStringLiteral("default"), phone, Channel::Sms, Purpose::Login, {}});
    }
    Outcome send() { return send(svc, nextPhone()); }
    QString breakerState(const QString& vendor)
    {
        return VendorBreaker(t.database().session()).find(vendor).value_or(BreakerRow{}).state;
    }
    QString states(const QString& phone)
    {
        QStringList out;
        const auto c = ChallengeStore(t.database().session()).latest(QStringLiteral("default"), phone, QStringLiteral("login"));
        for (const DeliveryRow& r : c ? DeliveryLog(t.database().session()).forChallenge(c->id) : QList<DeliveryRow>{})
            out << QStringLiteral("%1:%2:%3").arg(r.tryNo).arg(r.vendor, r.state);
        return out.join(QLatin1Char(' '));
    }
    QStringList auditActions(const QString& actor)
    {
        QStringList out;
        const QList<AuditRow> rows = AuditLog(t.database().session()).recent(100, QStringLiteral("primary"));
        for (auto it = rows.crbegin(); it != rows.crend(); ++it)
            if (it->actor == actor)
                out << it->action;
        return out;
    }
};
} // namespace

TEST_F(VendorBreakerTest, OpensAfterNConsecutiveRetryableFailuresAndRoutesSkipItWithNoWait)
{
    primary->script({Vendor::http500(), Vendor::http500(), Vendor::http500()});
    for (int i = 0; i < 3; ++i) {
        const Outcome o = send();
        ASSERT_EQ(o.status, OutcomeStatus::Sent) << o.message.toStdString();
        EXPECT_EQ(o.vendor->vendor, QStringLiteral("backup")) << "each failed send went on to the next vendor";
        EXPECT_EQ(breakerState(QStringLiteral("primary")), i < 2 ? QStringLiteral("closed") : QStringLiteral("open"));
    }
    EXPECT_EQ(primary->calls(), 3);
    // Open: the next sends go straight to the backup; the primary is not called at all.
    for (int i = 0; i < 4; ++i) {
        const QString phone = nextPhone();
        ASSERT_EQ(send(svc, phone).status, OutcomeStatus::Sent);
        EXPECT_EQ(states(phone), QStringLiteral("1:backup:accepted"));
    }
    EXPECT_EQ(primary->calls(), 3);
    EXPECT_EQ(auditActions(QStringLiteral("system")), QStringList{QStringLiteral("vendor_breaker_opened")});
    const auto b = VendorBreaker(t.database().session()).find(QStringLiteral("primary"));
    ASSERT_TRUE(b);
    EXPECT_TRUE(b->reason.contains(QStringLiteral("3 consecutive retryable failures"))) << b->reason.toStdString();
    EXPECT_TRUE(b->reason.contains(QStringLiteral("HTTP 500"))) << b->reason.toStdString();
}

TEST_F(VendorBreakerTest, AfterTheCoolOffOneProbeDecidesAndClosingNeedsSuccesses)
{
    primary->script({Vendor::http500(), Vendor::http500(), Vendor::http500()});
    for (int i = 0; i < 3; ++i)
        send();
    ASSERT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("open"));
    t.clock().advanceS(29);
    send();
    EXPECT_EQ(primary->calls(), 3) << "still cooling off";

    // The cool-off is over: the next send is the probe, and it fails: open again for a new cool-off.
    t.clock().advanceS(1);
    primary->script({Vendor::http500()});
    QString phone = nextPhone();
    ASSERT_EQ(send(svc, phone).status, OutcomeStatus::Sent);
    EXPECT_EQ(states(phone), QStringLiteral("1:primary:failed 2:backup:accepted"));
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("open"));
    send();
    EXPECT_EQ(primary->calls(), 4);

    // Healed: two successful probes close it; until then it stays half-open.
    t.clock().advanceS(30);
    phone = nextPhone();
    ASSERT_EQ(send(svc, phone).status, OutcomeStatus::Sent);
    EXPECT_EQ(states(phone), QStringLiteral("1:primary:accepted"));
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("half_open"));
    phone = nextPhone();
    ASSERT_EQ(send(svc, phone).status, OutcomeStatus::Sent);
    EXPECT_EQ(states(phone), QStringLiteral("1:primary:accepted"));
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("closed"));
    EXPECT_EQ(auditActions(QStringLiteral("system")),
              (QStringList{QStringLiteral("vendor_breaker_opened"), QStringLiteral("vendor_breaker_opened"),
                           QStringLiteral("vendor_breaker_closed")}));
    // Closed again, and its counts start afresh: two failures do not reopen it.
    primary->script({Vendor::http500(), Vendor::http500()});
    send();
    send();
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("closed"));
}

TEST_F(VendorBreakerTest, ASuccessResetsTheConsecutiveCount)
{
    primary->script({Vendor::http500(), Vendor::http500(), Vendor::accepted(50), Vendor::http500(), Vendor::http500()});
    for (int i = 0; i < 5; ++i)
        send();
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("closed"));
    EXPECT_EQ(primary->calls(), 5);
}

TEST_F(VendorBreakerTest, OpensOnALowSuccessRateOverEnoughTriesTimeoutsIncluded)
{
    // Timeouts are never retried and do not count as consecutive retryable failures, but they are
    // failures for the success rate: 1 of 4 accepted is under 50 %.
    policy({{QStringLiteral("breaker_failures"), QStringLiteral("100")},
            {QStringLiteral("breaker_min_tries"), QStringLiteral("4")},
            {QStringLiteral("breaker_min_success_pct"), QStringLiteral("50")},
            {QStringLiteral("breaker_window_min"), QStringLiteral("5")}});
    primary->script({Vendor::accepted(80), Vendor::timeout(), Vendor::timeout(), Vendor::timeout()});
    QList<OutcomeStatus> outcomes;
    for (int i = 0; i < 3; ++i)
        outcomes << send().status;
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("closed")) << "3 tries are fewer than M = 4";
    outcomes << send().status;
    EXPECT_EQ(outcomes, (QList<OutcomeStatus>{OutcomeStatus::Sent, OutcomeStatus::Unconfirmed, OutcomeStatus::Unconfirmed,
                                              OutcomeStatus::Unconfirmed}))
        << "a timeout still ends its send (README, Timeouts)";
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("open"));
    const auto b = VendorBreaker(t.database().session()).find(QStringLiteral("primary"));
    EXPECT_TRUE(b && b->reason.contains(QStringLiteral("1 of 4 tries accepted"))) << (b ? b->reason.toStdString() : "");
    const QString phone = nextPhone();
    ASSERT_EQ(send(svc, phone).status, OutcomeStatus::Sent);
    EXPECT_EQ(states(phone), QStringLiteral("1:backup:accepted"));
}

TEST_F(VendorBreakerTest, AQueuedRetryMovesToTheNextVendorWhenTheBreakerOpens)
{
    // Async: a 500 queues a retry on the same vendor after a backoff. Once the breaker opens, neither
    // that retry nor new sends wait for the failing vendor.
    policy({{QStringLiteral("delivery"), QStringLiteral("async")}, {QStringLiteral("breaker_failures"), QStringLiteral("2")},
            {QStringLiteral("delivery_backoff_s"), QStringLiteral("20")}});
    primary->script({Vendor::http500(), Vendor::http500(), Vendor::http500()});
    const QString first = nextPhone();
    ASSERT_EQ(send(svc, first).status, OutcomeStatus::Queued);
    svc.deliverPending();
    EXPECT_EQ(states(first), QStringLiteral("1:primary:failed 2:primary:queued")) << "a retry waits out its backoff";
    t.clock().advanceS(1);
    const QString second = nextPhone();
    ASSERT_EQ(send(svc, second).status, OutcomeStatus::Queued);
    svc.deliverPending();
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("open"));
    EXPECT_EQ(states(second), QStringLiteral("1:primary:failed 2:backup:accepted")) << "no retry wait on an open vendor";
    t.clock().advanceS(25);
    svc.deliverDue();
    EXPECT_EQ(states(first), QStringLiteral("1:primary:failed 2:backup:accepted")) << "the queued retry moved, in place";
    EXPECT_EQ(primary->calls(), 2);
}

TEST_F(VendorBreakerTest, TwoServicesOnOneDatabaseAgreeAndOnlyOneTakesTheProbe)
{
    // A second "process": its own connection, gateways and service on the same database and clock.
    Database db2(t.database().config());
    GatewayRegistry gateways2;
    auto primary2 = std::make_shared<Vendor>(QStringLiteral("primary"));
    auto backup2 = std::make_shared<Vendor>(QStringLiteral("backup"));
    gateways2.add(primary2);
    gateways2.add(backup2);
    SystemRandomSource random;
    OtpService svc2(db2, gateways2, t.clock(), random, t.pepper());

    primary->script({Vendor::http500(), Vendor::http500()});
    primary2->script({Vendor::http500()});
    send(svc, nextPhone());
    send(svc2, nextPhone());
    send(svc, nextPhone());
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("open")) << "consecutive across processes";
    send(svc2, nextPhone());
    EXPECT_EQ(primary2->calls(), 1) << "the other process skips the vendor this one opened";

    t.clock().advanceS(30);
    QString e1, e2;
    const auto plan1 = svc.outbox().plan(Channel::Sms, {}, svc.effectivePolicy(QStringLiteral("default"), Purpose::Login), &e1);
    const auto plan2 = svc2.outbox().plan(Channel::Sms, {}, svc2.effectivePolicy(QStringLiteral("default"), Purpose::Login), &e2);
    ASSERT_FALSE(plan1.isEmpty());
    ASSERT_FALSE(plan2.isEmpty());
    EXPECT_EQ(plan1.first().vendor, QStringLiteral("primary")) << "the first to look takes the probe";
    EXPECT_EQ(plan2.first().vendor, QStringLiteral("backup")) << "and only it";
    EXPECT_EQ(breakerState(QStringLiteral("primary")), QStringLiteral("half_open"));

    // An admin closes it from one process; the other routes through it at once.
    ASSERT_EQ(svc2.forceBreaker(QStringLiteral("primary"), false, QStringLiteral("vendor confirmed the fix"), kAdmin).status,
              OutcomeStatus::Ok);
    const QString phone = nextPhone();
    ASSERT_EQ(send(svc, phone).status, OutcomeStatus::Sent);
    EXPECT_EQ(states(phone), QStringLiteral("1:primary:accepted"));
}

TEST_F(VendorBreakerTest, AnAdminForcesItOpenUntilClosedByHandAudited)
{
    EXPECT_EQ(svc.forceBreaker(QStringLiteral("nosuch"), true, QStringLiteral("x"), kAdmin).status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(svc.forceBreaker(QStringLiteral("primary"), true, QStringLiteral("  "), kAdmin).status, OutcomeStatus::InvalidInput);
    ASSERT_EQ(svc.forceBreaker(QStringLiteral("primary"), true, QStringLiteral("vendor maintenance"), kAdmin).status, OutcomeStatus::Ok);
    t.clock().advanceS(3600); // no cool-off ends a forced opening
    QString phone = nextPhone();
    ASSERT_EQ(send(svc, phone).status, OutcomeStatus::Sent);
    EXPECT_EQ(states(phone), QStringLiteral("1:backup:accepted"));
    // A requested vendor is still tried: QA asked for its answer.
    const Outcome qa = svc.send({QStringLiteral("default"), nextPhone(), Channel::Sms, Purpose::Login, QStringLiteral("primary")});
    EXPECT_EQ(qa.vendor->vendor, QStringLiteral("primary"));
    ASSERT_EQ(svc.forceBreaker(QStringLiteral("primary"), false, QStringLiteral("maintenance over"), kAdmin).status, OutcomeStatus::Ok);
    phone = nextPhone();
    ASSERT_EQ(send(svc, phone).status, OutcomeStatus::Sent);
    EXPECT_EQ(states(phone), QStringLiteral("1:primary:accepted"));
    EXPECT_EQ(auditActions(QStringLiteral("asha")),
              (QStringList{QStringLiteral("vendor_breaker_forced_open"), QStringLiteral("vendor_breaker_forced_closed")}));
}

TEST_F(VendorBreakerTest, WhenEveryVendorIsOpenTheRouteStaysWhole)
{
    ASSERT_EQ(svc.forceBreaker(QStringLiteral("primary"), true, QStringLiteral("down"), kAdmin).status, OutcomeStatus::Ok);
    ASSERT_EQ(svc.forceBreaker(QStringLiteral("backup"), true, QStringLiteral("down"), kAdmin).status, OutcomeStatus::Ok);
    const QString phone = nextPhone();
    ASSERT_EQ(send(svc, phone).status, OutcomeStatus::Sent) << "a vendor that may fail beats sending nothing";
    EXPECT_EQ(states(phone), QStringLiteral("1:primary:accepted"));
}

TEST_F(VendorBreakerTest, HealthPerVendorOverTheWindow)
{
    primary->script({Vendor::accepted(100), Vendor::accepted(200), Vendor::accepted(300), Vendor::timeout(),
                     Vendor::http500(), Vendor::accepted(400)});
    for (int i = 0; i < 6; ++i)
        send();
    const Outcome h = svc.vendorHealth(900);
    ASSERT_EQ(h.status, OutcomeStatus::Ok) << h.message.toStdString();
    QJsonObject p;
    for (const QJsonValue& v : h.details.value(QStringLiteral("vendors")).toArray())
        if (v.toObject().value(QStringLiteral("vendor")).toString() == QLatin1String("primary"))
            p = v.toObject();
    EXPECT_EQ(p.value(QStringLiteral("tries")).toInt(), 6);
    EXPECT_EQ(p.value(QStringLiteral("accepted")).toInt(), 4);
    EXPECT_EQ(p.value(QStringLiteral("timeouts")).toInt(), 1);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("success_pct")).toDouble(), 66.7);
    EXPECT_EQ(p.value(QStringLiteral("p95_latency_ms")).toInt(), 1500) << "nearest rank of 40,100,200,300,400,1500";
    EXPECT_EQ(p.value(QStringLiteral("breaker")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    // The window slides: 16 minutes later nothing of it counts.
    t.clock().advanceS(16 * 60);
    for (const QJsonValue& v : svc.vendorHealth(900).details.value(QStringLiteral("vendors")).toArray())
        EXPECT_EQ(v.toObject().value(QStringLiteral("tries")).toInt(), 0);
    EXPECT_EQ(svc.vendorHealth(10).status, OutcomeStatus::InvalidInput);
}
