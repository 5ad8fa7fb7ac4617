// otpd black-box, the per-address send cap (HTTP-API.md "Abuse"; SECURITY.md row 22): with the default
// policy (sends_per_ip_per_hour = 30) the 31st send from one client address, each to another number, is
// 429 rate_limited with Retry-After; a forged X-Forwarded-For from an untrusted peer changes nothing; a
// trusted proxy's forwarded address is what is counted; another tenant is not counted. Every engine.
#include "CliRun.h"
#include "DevOutbox.h"
#include "OtpdHarness.h"
#include "ScratchDatabase.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace otp::test;

namespace {
QByteArray json(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

// A number of its own block per i, so only the per-address cap can refuse.
QString number(int i) { return QStringLiteral("+9198765") + QStringLiteral("%1").arg(i, 2, 10, QLatin1Char('0')) + QStringLiteral("123"); }

class OtpdIpCap : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    ScratchDatabase database{dir.path()};
    DevOutbox outbox{dir.filePath(QStringLiteral("outbox.jsonl"))};
    HttpClient http;
    int ports = 0;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("OTP_DEV_OUTBOX"), outbox.path());
        e.insert(QStringLiteral("HOME"), dir.path());
        database.addTo(e);
        return e;
    }
    std::unique_ptr<RunningOtpd> start(QStringList args = {})
    {
        args << QStringLiteral("--db") << database.url() << QStringLiteral("--threads") << QStringLiteral("4");
        auto p = std::make_unique<RunningOtpd>(env(), args, dir.filePath(QStringLiteral("port%1").arg(++ports)));
        EXPECT_TRUE(p->started()) << p->startupOutput().toStdString();
        return p;
    }
    CliRun otpctl(QStringList args) const
    {
        QProcess p;
        p.setProcessEnvironment(env());
        args << QStringLiteral("--db") << database.url() << QStringLiteral("--json");
        p.start(otpctlPath(), args);
        return CliRun::finish(p);
    }
    QString key(const QString& tenant) const
    {
        // Key names are unique across tenants: the tenant's name serves.
        const CliRun r = otpctl({QStringLiteral("apikeys"), QStringLiteral("create"), QStringLiteral("--tenant"), tenant,
                                 QStringLiteral("--name"), tenant, QStringLiteral("--scopes"), QStringLiteral("send")});
        EXPECT_EQ(r.exitCode, 0) << r.all();
        return r.json.value(QStringLiteral("key")).toString();
    }
    HttpAnswer send(RunningOtpd& otpd, const QString& k, const QString& to, const QByteArray& forwardedFor = {})
    {
        HttpCall c{"POST", QStringLiteral("/v1/verifications"), json({{QStringLiteral("to"), to}}), k};
        if (!forwardedFor.isEmpty())
            c.headers.append({"X-Forwarded-For", forwardedFor});
        return http.call(otpd.baseUrl(), c);
    }
    static void expectIpCapped(const HttpAnswer& a)
    {
        EXPECT_EQ(a.status, 429) << a.text();
        EXPECT_EQ(a.statusName(), QStringLiteral("rate_limited")) << a.text();
        EXPECT_GT(a.header("retry-after").toInt(), 0) << a.text();
        EXPECT_EQ(a.header("retry-after").toLongLong(), a.json.value(QStringLiteral("retry_after_s")).toInteger()) << a.text();
        EXPECT_TRUE(a.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("sends_per_ip_per_hour"))) << a.text();
    }
};
} // namespace

TEST_F(OtpdIpCap, TheThirtyFirstSendFromOneAddressIs429AndAForgedForwardedForChangesNothing)
{
    auto otpd = start();
    ASSERT_TRUE(otpd->started());
    const QString k = key(QStringLiteral("acme"));
    for (int i = 0; i < 30; ++i) {
        const HttpAnswer a = send(*otpd, k, number(i));
        ASSERT_EQ(a.status, 201) << i << ": " << a.text();
    }
    expectIpCapped(send(*otpd, k, number(30)));
    // otpd trusts no proxy: a claimed client address is the peer's word and is not used.
    for (const QByteArray& forged : {QByteArray("203.0.113.9"), QByteArray("198.51.100.1, 203.0.113.10")})
        expectIpCapped(send(*otpd, k, number(31), forged));
    EXPECT_EQ(database.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE client_ip = ?"), {QStringLiteral("127.0.0.1")}), 30);
    EXPECT_EQ(database.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE client_ip <> ?"), {QStringLiteral("127.0.0.1")}), 0);

    // Another tenant's sends from the same address are its own.
    const QString other = key(QStringLiteral("zenith"));
    EXPECT_EQ(send(*otpd, other, number(40)).status, 201);
}

TEST_F(OtpdIpCap, BehindATrustedProxyTheForwardedAddressIsCounted)
{
    const CliRun set = otpctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--tenant"), QStringLiteral("acme"),
                               QStringLiteral("sends_per_ip_per_hour=2")});
    ASSERT_EQ(set.exitCode, 0) << set.all();
    auto otpd = start({QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.0/8")});
    ASSERT_TRUE(otpd->started());
    const QString k = key(QStringLiteral("acme"));
    EXPECT_EQ(send(*otpd, k, number(0), "203.0.113.7").status, 201);
    EXPECT_EQ(send(*otpd, k, number(1), "192.0.2.1, 203.0.113.7").status, 201);
    expectIpCapped(send(*otpd, k, number(2), "203.0.113.7"));
    EXPECT_EQ(send(*otpd, k, number(3), "203.0.113.8").status, 201) << "another client behind the proxy";
    EXPECT_EQ(database.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE client_ip = ?"), {QStringLiteral("203.0.113.7")}), 2);
}
