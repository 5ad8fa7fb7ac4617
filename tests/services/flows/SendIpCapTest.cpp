// The per-address send cap (HTTP-API.md "Abuse", SECURITY.md row 22): policy key sends_per_ip_per_hour
// (default 30, 0 = off) counts a tenant's sends (first tries: sends and resends) asked for from one
// client address in the last hour, whatever the numbers; an empty address (otpctl, the console) is not
// counted, and another tenant's sends never are. Runs on every engine.
#include "TestDatabase.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace otp;
using namespace otp::test;

namespace {
const Actor kAdmin{QStringLiteral("asha"), QStringLiteral("admin")};
const QString kIp = QStringLiteral("198.51.100.7");

// A number of its own block per i (the block is the number without its last three digits), so neither
// the per-destination caps nor the per-prefix burst cap have a say.
QString number(int i) { return QStringLiteral("+9198765") + QStringLiteral("%1").arg(i, 2, 10, QLatin1Char('0')) + QStringLiteral("123"); }

SendRequest from(const QString& tenant, const QString& to, const QString& ip)
{
    SendRequest r;
    r.tenant = tenant;
    r.destination = to;
    r.clientAddress = ip;
    return r;
}
} // namespace

TEST(SendIpCap, TheThirtyFirstSendFromOneAddressIsRefusedNamingTheCap)
{
    TestDatabase db;
    OtpService& svc = db.service();
    for (int i = 0; i < 30; ++i) {
        const Outcome o = svc.send(from(QStringLiteral("default"), number(i), kIp));
        ASSERT_EQ(o.status, OutcomeStatus::Sent) << i << ": " << o.message.toStdString();
        db.clock().advanceMs(1000);
    }
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE client_ip = ?"), {kIp}), 30);

    const Outcome refused = svc.send(from(QStringLiteral("default"), number(30), kIp));
    EXPECT_EQ(refused.status, OutcomeStatus::RateLimited) << refused.message.toStdString();
    EXPECT_TRUE(refused.message.contains(QStringLiteral("sends_per_ip_per_hour"))) << refused.message.toStdString();
    EXPECT_TRUE(refused.message.contains(QStringLiteral("client address"))) << refused.message.toStdString();
    ASSERT_TRUE(refused.retryAfterS.has_value());
    // One send a second: the oldest is 30 s old when the 31st comes, so it leaves the hour in 3570 s.
    EXPECT_EQ(*refused.retryAfterS, 3600 - 30);
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE destination = ?"), {number(30)}), 0)
        << "nothing was written for the refused send";

    // A resend from the address is a send too.
    EXPECT_EQ(svc.resend(from(QStringLiteral("default"), number(0), kIp)).status, OutcomeStatus::RateLimited);
    // Another address, no address (otpctl, the console) and another tenant are not held back.
    EXPECT_EQ(svc.send(from(QStringLiteral("default"), number(31), QStringLiteral("198.51.100.8"))).status, OutcomeStatus::Sent);
    EXPECT_EQ(svc.send(from(QStringLiteral("default"), number(32), QString())).status, OutcomeStatus::Sent);
    EXPECT_EQ(svc.send(from(QStringLiteral("acme"), number(33), kIp)).status, OutcomeStatus::Sent);
    // status() (no address) does not judge the address.
    EXPECT_EQ(svc.status(QStringLiteral("default"), number(34), Purpose::Login).status, OutcomeStatus::CanSend);

    // When the oldest send leaves the hour, one more may go.
    db.clock().advanceMs(qint64(*refused.retryAfterS) * 1000);
    EXPECT_EQ(svc.send(from(QStringLiteral("default"), number(30), kIp)).status, OutcomeStatus::Sent);
    EXPECT_EQ(svc.send(from(QStringLiteral("default"), number(35), kIp)).status, OutcomeStatus::RateLimited);
}

TEST(SendIpCap, ZeroTurnsItOffAndALowerCapAppliesAtOnce)
{
    TestDatabase db;
    OtpService& svc = db.service();
    ASSERT_TRUE(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("sends_per_ip_per_hour"), QStringLiteral("2")}},
                              kAdmin).ok());
    EXPECT_EQ(svc.send(from(QStringLiteral("default"), number(0), kIp)).status, OutcomeStatus::Sent);
    EXPECT_EQ(svc.send(from(QStringLiteral("default"), number(1), kIp)).status, OutcomeStatus::Sent);
    const Outcome third = svc.send(from(QStringLiteral("default"), number(2), kIp));
    EXPECT_EQ(third.status, OutcomeStatus::RateLimited);
    EXPECT_TRUE(third.message.contains(QStringLiteral("the limit is 2"))) << third.message.toStdString();

    ASSERT_TRUE(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("sends_per_ip_per_hour"), QStringLiteral("0")}},
                              kAdmin).ok());
    for (int i = 2; i < 8; ++i)
        EXPECT_EQ(svc.send(from(QStringLiteral("default"), number(i), kIp)).status, OutcomeStatus::Sent) << i;
}

// The cap holds exactly under concurrent sends from one address to numbers of different blocks (each
// send holds its own block's key; the address's key makes them queue).
TEST(SendIpCap, ConcurrentSendsFromOneAddressStayWithinTheCap)
{
    TestDatabase db;
    OtpService& svc = db.service();
    ASSERT_TRUE(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("sends_per_ip_per_hour"), QStringLiteral("4")}},
                              kAdmin).ok());
    std::atomic<int> sent{0}, limited{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 12; ++i) {
        threads.emplace_back([&, i] {
            const Outcome o = svc.send(from(QStringLiteral("default"), number(i), kIp));
            (o.status == OutcomeStatus::Sent ? sent : o.status == OutcomeStatus::RateLimited ? limited : other) += 1;
        });
    }
    for (std::thread& t : threads)
        t.join();
    EXPECT_EQ(sent.load(), 4);
    EXPECT_EQ(limited.load(), 8);
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE client_ip = ?"), {kIp}), 4);
}
