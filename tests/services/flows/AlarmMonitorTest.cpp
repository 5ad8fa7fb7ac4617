// Alarms (issue 13 step 3) on every engine: each rule raises one row when its threshold is crossed and
// clears it when the window no longer shows it; the conversion alarm catches a burst of delivered codes
// to one number block that nobody types in (SMS pumping) and leaves normal traffic alone.
#include "AlarmMonitor.h"
#include "TestDatabase.h"
#include "WrongCode.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
const Actor kAdmin{QStringLiteral("asha"), QStringLiteral("admin")};
const QString kTenant = QStringLiteral("default");

class AlarmMonitorTest : public ::testing::Test
{
protected:
    explicit AlarmMonitorTest(QSet<QString> failing = {}) : t(std::move(failing)) {}
    TestDatabase t;
    OtpService& svc = t.service();

    void SetUp() override
    {
        policy({{QStringLiteral("cooldown_s"), QStringLiteral("0")}, {QStringLiteral("prefix_burst_cap"), QStringLiteral("1000")},
                {QStringLiteral("alarm_min_tries"), QStringLiteral("10")}});
    }
    void policy(const QMap<QString, QString>& values)
    {
        ASSERT_EQ(svc.policySet(kTenant, std::nullopt, values, kAdmin).status, OutcomeStatus::Ok);
    }
    Outcome send(const QString& phone) { return svc.send({kTenant, phone, Channel::Sms, Purpose::Login, {}}); }
    // Active alarms as "rule:subject", in order.
    QStringList active()
    {
        QStringList out;
        const Outcome o = svc.alarms(kTenant, true);
        EXPECT_EQ(o.status, OutcomeStatus::Ok) << o.message.toStdString();
        for (const QJsonValue& v : o.details.value(QStringLiteral("alarms")).toArray())
            out.prepend(v[QStringLiteral("rule")].toString() + QLatin1Char(':') + v[QStringLiteral("subject")].toString());
        return out;
    }
};

class VendorAlarmTest : public AlarmMonitorTest
{
protected:
    VendorAlarmTest() : AlarmMonitorTest(failingPhones()) {}
    static QSet<QString> failingPhones()
    {
        QSet<QString> out;
        for (int i = 0; i < 12; ++i)
            out.insert(QStringLiteral("+9198100010%1").arg(i, 2, 10, QLatin1Char('0')));
        return out;
    }
};
} // namespace

TEST_F(AlarmMonitorTest, ABurstToOneBlockThatNeverVerifiesRaisesTheConversionAlarmNormalTrafficDoesNot)
{
    // Normal traffic: 12 numbers of one block, 11 codes typed in; and 12 more spread over other blocks.
    for (int i = 0; i < 12; ++i) {
        const QString phone = QStringLiteral("+9198200011%1").arg(i, 2, 10, QLatin1Char('0'));
        ASSERT_EQ(send(phone).status, OutcomeStatus::Sent);
        if (i != 0) {
            ASSERT_EQ(svc.verify({kTenant, phone, t.outbox().lastCodeFor(phone), Purpose::Login}).status, OutcomeStatus::Verified);
        }
    }
    for (int i = 0; i < 12; ++i) {
        const QString phone = QStringLiteral("+919%1").arg(870000000 + i * 1000);
        ASSERT_EQ(send(phone).status, OutcomeStatus::Sent) << phone.toStdString();
        ASSERT_EQ(svc.verify({kTenant, phone, t.outbox().lastCodeFor(phone), Purpose::Login}).status, OutcomeStatus::Verified);
    }
    t.clock().advanceS(301); // every code has ended
    EXPECT_EQ(active(), QStringList{}) << "normal traffic raises nothing";

    // The pump: 15 numbers of one block within a minute, none typed in.
    for (int i = 0; i < 15; ++i)
        ASSERT_EQ(send(QStringLiteral("+9198400022%1").arg(i, 2, 10, QLatin1Char('0'))).status, OutcomeStatus::Sent);
    EXPECT_EQ(active(), QStringList{}) << "codes still alive may yet be typed";
    t.clock().advanceS(301);
    EXPECT_EQ(active(), QStringList{QStringLiteral("conversion:+919840002")});
    const Outcome all = svc.alarms(kTenant, false);
    const QJsonObject a = all.details.value(QStringLiteral("alarms")).toArray().first().toObject();
    EXPECT_EQ(a.value(QStringLiteral("observed")).toString(), QStringLiteral("0.0 %"));
    EXPECT_TRUE(a.value(QStringLiteral("message")).toString().contains(QStringLiteral("0 of 15"))) << all.details.value(QStringLiteral("alarms")).toArray().first().toObject().value(QStringLiteral("message")).toString().toStdString();
    EXPECT_EQ(active(), QStringList{QStringLiteral("conversion:+919840002")}) << "one row while it lasts";
    // The window slides past the burst: cleared, and the row keeps its times.
    t.clock().advanceS(15 * 60);
    EXPECT_EQ(active(), QStringList{});
    const QJsonArray history = svc.alarms(kTenant, false).details.value(QStringLiteral("alarms")).toArray();
    ASSERT_EQ(history.size(), 1);
    EXPECT_FALSE(history.first()[QStringLiteral("active")].toBool());
    EXPECT_TRUE(history.first().toObject().contains(QStringLiteral("cleared_at")));
}

TEST_F(AlarmMonitorTest, OutboxDepthAndLockoutsPerMinute)
{
    policy({{QStringLiteral("delivery"), QStringLiteral("async")}, {QStringLiteral("alarm_outbox_depth"), QStringLiteral("2")},
            {QStringLiteral("alarm_lockouts_per_min"), QStringLiteral("1")}, {QStringLiteral("max_attempts"), QStringLiteral("1")}});
    QStringList phones;
    for (int i = 0; i < 3; ++i) {
        phones << QStringLiteral("+9198500033%1").arg(i, 2, 10, QLatin1Char('0'));
        ASSERT_EQ(send(phones.last()).status, OutcomeStatus::Queued);
    }
    EXPECT_EQ(active(), QStringList{QStringLiteral("outbox_depth:default")});
    svc.deliverPending();
    EXPECT_EQ(active(), QStringList{});
    for (const QString& phone : phones.mid(0, 2))
        EXPECT_EQ(svc.verify({kTenant, phone, wrongCode(t.outbox().lastCodeFor(phone)), Purpose::Login}).status, OutcomeStatus::Locked);
    EXPECT_EQ(active(), QStringList{QStringLiteral("lockouts:default")});
    t.clock().advanceS(61);
    EXPECT_EQ(active(), QStringList{});
}

TEST_F(VendorAlarmTest, AVendorsSuccessRateRaisesAndClears)
{
    for (int i = 0; i < 12; ++i)
        EXPECT_EQ(send(QStringLiteral("+9198100010%1").arg(i, 2, 10, QLatin1Char('0'))).status, OutcomeStatus::DeliveryFailed);
    EXPECT_EQ(active(), QStringList{QStringLiteral("vendor_success:dev")});
    t.clock().advanceS(16 * 60);
    EXPECT_EQ(active(), QStringList{});
}

TEST_F(AlarmMonitorTest, AnInvalidTenantIsRefused)
{
    EXPECT_EQ(svc.alarms(QStringLiteral("no such tenant!"), false).status, OutcomeStatus::InvalidInput);
}
