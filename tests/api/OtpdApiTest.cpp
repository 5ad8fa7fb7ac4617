// otpd black-box (HTTP-API.md; SECURITY.md rows 5, 6, 12, 21, 22, 23): a real otpd process on loopback,
// keys made with the real otpctl, every call over HTTP with QNetworkAccessManager, codes read from the
// dev gateway's outbox as QA does. Runs on every engine (OTP_TEST_ENGINE; ScratchDatabase.h).
#include "CliRun.h"
#include "DevOutbox.h"
#include "OtpdHarness.h"
#include "ScratchDatabase.h"
#include "WrongCode.h"

#include "Database.h"
#include "SqlSession.h"

#include <QJsonArray>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace otp::test;

namespace {
const QString kPhone = QStringLiteral("+919876543210");

QByteArray json(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

class OtpdApi : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    ScratchDatabase database{dir.path()};
    DevOutbox outbox{dir.filePath(QStringLiteral("outbox.jsonl"))};
    HttpClient http;
    std::unique_ptr<RunningOtpd> otpd;
    int ports = 0;

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
    std::unique_ptr<RunningOtpd> start(QStringList args = {}, const QString& failing = {})
    {
        args << QStringLiteral("--db") << database.url() << QStringLiteral("--threads") << QStringLiteral("8");
        auto p = std::make_unique<RunningOtpd>(env(failing), args, dir.filePath(QStringLiteral("port%1").arg(++ports)));
        EXPECT_TRUE(p->started()) << p->startupOutput().toStdString();
        return p;
    }
    void SetUp() override
    {
        otpd = start();
        ASSERT_TRUE(otpd->started());
    }
    CliRun otpctl(QStringList args) const
    {
        QProcess p;
        p.setProcessEnvironment(env());
        args << QStringLiteral("--db") << database.url() << QStringLiteral("--json");
        p.start(otpctlPath(), args);
        return CliRun::finish(p);
    }
    QString key(const QString& tenant, const QString& name, const QString& scopes = QStringLiteral("send,verify,read,accounts")) const
    {
        const CliRun r = otpctl({QStringLiteral("apikeys"), QStringLiteral("create"), QStringLiteral("--tenant"), tenant,
                                 QStringLiteral("--name"), name, QStringLiteral("--scopes"), scopes});
        EXPECT_EQ(r.exitCode, 0) << r.all();
        return r.json.value(QStringLiteral("key")).toString();
    }
    HttpAnswer call(const HttpCall& c, RunningOtpd* server = nullptr) { return http.call((server ? server : otpd.get())->baseUrl(), c); }
    HttpAnswer post(const QString& path, const QJsonObject& body, const QString& k) { return call({"POST", path, json(body), k}); }
    HttpAnswer get(const QString& path, const QString& k) { return call({"GET", path, {}, k}); }
    static void expectShape(const HttpAnswer& a)
    {
        EXPECT_TRUE(a.json.contains(QStringLiteral("status"))) << a.text();
        EXPECT_FALSE(a.json.value(QStringLiteral("message")).toString().isEmpty()) << a.text();
        EXPECT_FALSE(a.json.value(QStringLiteral("request_id")).toString().isEmpty()) << a.text();
        EXPECT_EQ(a.header("x-request-id"), a.json.value(QStringLiteral("request_id")).toString().toLatin1());
        EXPECT_TRUE(a.header("content-type").startsWith("application/json")) << a.text();
    }
    static void expectRetryAfter(const HttpAnswer& a)
    {
        EXPECT_EQ(a.status, 429) << a.text();
        EXPECT_GT(a.header("retry-after").toInt(), 0) << a.text();
        EXPECT_EQ(a.header("retry-after").toLongLong(), a.json.value(QStringLiteral("retry_after_s")).toInteger()) << a.text();
    }
    QString sendAndRead(const QString& k, const QString& to = kPhone, QString* id = nullptr)
    {
        const HttpAnswer s = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), to}}, k);
        EXPECT_EQ(s.status, 201) << s.text();
        if (id)
            *id = s.json.value(QStringLiteral("id")).toString();
        return outbox.lastCodeFor(to);
    }
};
} // namespace

TEST_F(OtpdApi, HealthAndReadinessNeedNoKey)
{
    const HttpAnswer h = get(QStringLiteral("/healthz"), {});
    EXPECT_EQ(h.status, 200) << h.text();
    expectShape(h);
    const HttpAnswer r = get(QStringLiteral("/readyz"), {});
    EXPECT_EQ(r.status, 200) << r.text();
    EXPECT_GT(r.json.value(QStringLiteral("schema_version")).toInt(), 6);
    expectShape(r);
    // a schema this otpd does not know (another process upgraded it): not ready, with the reason
    database.scalar(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)"));
    const HttpAnswer future = get(QStringLiteral("/readyz"), {});
    EXPECT_EQ(future.status, 503) << future.text();
    EXPECT_TRUE(future.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("999"))) << future.text();
    expectShape(future);
    EXPECT_EQ(get(QStringLiteral("/healthz"), {}).status, 200) << "the process still serves";
}

TEST_F(OtpdApi, AsyncSendAnswers202AndTheCodeFollows)
{
    ASSERT_EQ(otpctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("delivery=async")}).exitCode, 0);
    // The reads below come back to back: a key rate that does not refuse them (the rate is tested on its own).
    otpd = start({QStringLiteral("--key-rate"), QStringLiteral("100000/s")});
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    const HttpAnswer s = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), kPhone}}, k);
    ASSERT_EQ(s.status, 202) << s.text();
    EXPECT_EQ(s.statusName(), QStringLiteral("queued"));
    const QString id = s.json.value(QStringLiteral("id")).toString();
    EXPECT_FALSE(id.isEmpty());
    EXPECT_EQ(s.json.value(QStringLiteral("attempts_remaining")).toInt(), 3);
    // Each read is a round trip to otpd, which hands the queued send to the vendor right after answering.
    QString state;
    for (int i = 0; i < 500 && state != QLatin1String("accepted"); ++i)
        state = get(QStringLiteral("/v1/verifications/") + id, k).json.value(QStringLiteral("deliveries")).toArray()
                    .at(0).toObject().value(QStringLiteral("state")).toString();
    ASSERT_EQ(state, QStringLiteral("accepted"));
    const QString code = outbox.lastCodeFor(kPhone);
    ASSERT_EQ(code.size(), 6);
    EXPECT_EQ(post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), code}}, k).status, 200);
}

TEST_F(OtpdApi, SendReadCheckFlowWithEveryField)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    const HttpAnswer s = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), QStringLiteral("98765 43210")}}, k);
    ASSERT_EQ(s.status, 201) << s.text();
    expectShape(s);
    EXPECT_EQ(s.statusName(), QStringLiteral("sent"));
    const QString id = s.json.value(QStringLiteral("id")).toString();
    EXPECT_FALSE(id.isEmpty());
    EXPECT_EQ(s.json.value(QStringLiteral("to")).toString(), kPhone);
    EXPECT_EQ(s.json.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
    EXPECT_EQ(s.json.value(QStringLiteral("purpose")).toString(), QStringLiteral("login"));
    EXPECT_FALSE(s.json.value(QStringLiteral("expires_at")).toString().isEmpty());
    EXPECT_EQ(s.json.value(QStringLiteral("attempts_remaining")).toInt(), 3);
    const QString code = outbox.lastCodeFor(kPhone);
    ASSERT_EQ(code.size(), 6);
    EXPECT_FALSE(s.raw.contains(code.toLatin1())) << "never a code in an answer";

    const HttpAnswer v = get(QStringLiteral("/v1/verifications/") + id, k);
    ASSERT_EQ(v.status, 200) << v.text();
    expectShape(v);
    EXPECT_EQ(v.statusName(), QStringLiteral("pending"));
    EXPECT_EQ(v.json.value(QStringLiteral("attempts")).toInt(), 0);
    EXPECT_EQ(v.json.value(QStringLiteral("attempts_remaining")).toInt(), 3);
    const QJsonArray deliveries = v.json.value(QStringLiteral("deliveries")).toArray();
    ASSERT_EQ(deliveries.size(), 1);
    EXPECT_EQ(deliveries.at(0).toObject().value(QStringLiteral("vendor")).toString(), QStringLiteral("dev"));
    EXPECT_EQ(deliveries.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("accepted"));

    const HttpAnswer wrong = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), wrongCode(code)}}, k);
    EXPECT_EQ(wrong.status, 422) << wrong.text();
    EXPECT_EQ(wrong.statusName(), QStringLiteral("wrong_code"));
    EXPECT_EQ(wrong.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);
    const HttpAnswer ok = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), code}}, k);
    ASSERT_EQ(ok.status, 200) << ok.text();
    EXPECT_EQ(ok.statusName(), QStringLiteral("verified"));
    EXPECT_EQ(ok.json.value(QStringLiteral("id")).toString(), id);
    EXPECT_EQ(ok.json.value(QStringLiteral("to")).toString(), kPhone);
    EXPECT_EQ(ok.json.value(QStringLiteral("purpose")).toString(), QStringLiteral("login"));
    EXPECT_FALSE(ok.json.value(QStringLiteral("verified_at")).toString().isEmpty());
    // The time the check answers is the one stored: a later read of the verification says the same.
    const HttpAnswer read = get(QStringLiteral("/v1/verifications/") + id, k);
    ASSERT_EQ(read.status, 200) << read.text();
    EXPECT_EQ(read.json.value(QStringLiteral("verified_at")).toString(), ok.json.value(QStringLiteral("verified_at")).toString());
    const HttpAnswer again = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), code}}, k);
    EXPECT_EQ(again.status, 404) << again.text();
    EXPECT_EQ(again.statusName(), QStringLiteral("no_active_code"));

    const QString log = otpd->log();
    EXPECT_FALSE(log.contains(code)) << "never a code in the log";
    EXPECT_FALSE(log.contains(k)) << "never a key in the log";
    EXPECT_FALSE(log.contains(QStringLiteral("9876543210"))) << "never a full number in the log";
    EXPECT_TRUE(log.contains(QStringLiteral("POST /v1/verifications/check 200"))) << log.toStdString();
    EXPECT_TRUE(log.contains(QStringLiteral("GET /v1/verifications/{id} 200"))) << "the route pattern, not the raw path";
}

TEST_F(OtpdApi, SendRefusalsCarryTheirStatusAndRetryAfter)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    HttpAnswer a = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), QStringLiteral("+91 12345")}}, k);
    EXPECT_EQ(a.status, 400) << a.text();
    EXPECT_EQ(a.statusName(), QStringLiteral("invalid_destination"));
    expectShape(a);
    a = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("channel"), QStringLiteral("pigeon")}}, k);
    EXPECT_EQ(a.status, 400) << a.text();
    EXPECT_TRUE(a.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("channel"))) << a.text();

    // cooldown, then the hourly cap
    ASSERT_EQ(post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), kPhone}}, k).status, 201);
    a = post(QStringLiteral("/v1/verifications/resend"), {{QStringLiteral("to"), kPhone}}, k);
    expectRetryAfter(a);
    EXPECT_EQ(a.statusName(), QStringLiteral("cooldown"));
    ASSERT_EQ(otpctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("cooldown_s=0")}).exitCode, 0);
    otpd = start(); // a fresh process reads the new policy now (each caches it for PolicyStore::kCacheMs)
    EXPECT_EQ(post(QStringLiteral("/v1/verifications/resend"), {{QStringLiteral("to"), kPhone}}, k).status, 201);
    EXPECT_EQ(post(QStringLiteral("/v1/verifications/resend"), {{QStringLiteral("to"), kPhone}}, k).status, 201);
    a = post(QStringLiteral("/v1/verifications/resend"), {{QStringLiteral("to"), kPhone}}, k);
    expectRetryAfter(a);
    EXPECT_EQ(a.statusName(), QStringLiteral("rate_limited"));
    EXPECT_GT(a.json.value(QStringLiteral("retry_after_s")).toInt(), 3000);

    // a country outside the allowed list
    ASSERT_EQ(otpctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("allowed_countries=IN")}).exitCode, 0);
    otpd = start();
    a = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), QStringLiteral("+447911123456")}}, k);
    EXPECT_EQ(a.status, 403) << a.text();
    EXPECT_EQ(a.statusName(), QStringLiteral("country_not_allowed"));
}

TEST_F(OtpdApi, DeliveryFailureIs502)
{
    otpd = start({}, QStringLiteral("+919800000001"));
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    const HttpAnswer a = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), QStringLiteral("+919800000001")}}, k);
    EXPECT_EQ(a.status, 502) << a.text();
    EXPECT_EQ(a.statusName(), QStringLiteral("delivery_failed"));
    expectShape(a);
}

TEST_F(OtpdApi, CheckRefusals)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    HttpAnswer a = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), QStringLiteral("123456")}}, k);
    EXPECT_EQ(a.status, 404) << a.text();
    EXPECT_EQ(a.statusName(), QStringLiteral("no_active_code"));
    a = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), QStringLiteral("12ab56")}}, k);
    EXPECT_EQ(a.status, 400) << a.text();
    EXPECT_EQ(a.statusName(), QStringLiteral("invalid_input"));

    // expired: the code's end moved into the past (no waiting)
    QString id;
    QString code = sendAndRead(k, kPhone, &id);
    database.scalar(QStringLiteral("UPDATE challenges SET expires_at = 1000 WHERE ref = ?"), {id});
    a = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), code}}, k);
    EXPECT_EQ(a.status, 410) << a.text();
    EXPECT_EQ(a.statusName(), QStringLiteral("expired"));

    // locked after the attempts, with Retry-After
    const QString other = QStringLiteral("+919876500001");
    code = sendAndRead(k, other);
    for (int i = 0; i < 2; ++i)
        EXPECT_EQ(post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), other}, {QStringLiteral("code"), wrongCode(code)}}, k).status, 422);
    a = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), other}, {QStringLiteral("code"), wrongCode(code)}}, k);
    expectRetryAfter(a);
    EXPECT_EQ(a.statusName(), QStringLiteral("locked"));
    a = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), other}, {QStringLiteral("code"), code}}, k);
    expectRetryAfter(a);
    EXPECT_EQ(a.statusName(), QStringLiteral("locked"));
    a = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), other}}, k);
    expectRetryAfter(a);
}

TEST_F(OtpdApi, CancelByIdAndConflictWhenFinal)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    QString id;
    sendAndRead(k, kPhone, &id);
    HttpAnswer a = post(QStringLiteral("/v1/verifications/%1/cancel").arg(id), {{QStringLiteral("reason"), QStringLiteral("user gave up")}}, k);
    EXPECT_EQ(a.status, 200) << a.text();
    EXPECT_EQ(a.statusName(), QStringLiteral("canceled"));
    a = call({"POST", QStringLiteral("/v1/verifications/%1/cancel").arg(id), {}, k});
    EXPECT_EQ(a.status, 409) << a.text();
    expectShape(a);
    a = post(QStringLiteral("/v1/verifications/00000000-0000-0000-0000-000000000000/cancel"), {}, k);
    EXPECT_EQ(a.status, 404) << a.text();
    a = get(QStringLiteral("/v1/verifications/") + id, k);
    EXPECT_EQ(a.statusName(), QStringLiteral("canceled")) << a.text();
    const CliRun audit = otpctl({QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("50")});
    EXPECT_TRUE(audit.stdoutText.contains(QStringLiteral("api:app"))) << "the cancel is audited under its key";
}

TEST_F(OtpdApi, StatusSaysWhetherACodeCanGo)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    HttpAnswer a = get(QStringLiteral("/v1/status?to=%2B919876543210"), k);
    ASSERT_EQ(a.status, 200) << a.text();
    EXPECT_TRUE(a.json.value(QStringLiteral("can_send")).toBool());
    EXPECT_EQ(a.statusName(), QStringLiteral("can_send"));
    sendAndRead(k);
    a = get(QStringLiteral("/v1/status?to=%2B919876543210&purpose=login"), k);
    ASSERT_EQ(a.status, 200) << a.text();
    EXPECT_FALSE(a.json.value(QStringLiteral("can_send")).toBool());
    EXPECT_EQ(a.statusName(), QStringLiteral("cooldown"));
    EXPECT_GT(a.json.value(QStringLiteral("retry_after_s")).toInt(), 0);
    EXPECT_FALSE(a.json.value(QStringLiteral("next_send_at")).toString().isEmpty());
    EXPECT_EQ(a.json.value(QStringLiteral("sends_last_hour")).toInt(), 1);
    EXPECT_EQ(get(QStringLiteral("/v1/status"), k).status, 400);
    EXPECT_EQ(get(QStringLiteral("/v1/status?to=x&colour=blue"), k).status, 400);
    EXPECT_EQ(get(QStringLiteral("/v1/status?to=%2B919876543210&purpose=fun"), k).status, 400);
}

TEST_F(OtpdApi, AccountsAndProfile)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    const QString noAccounts = key(QStringLiteral("acme"), QStringLiteral("sender"), QStringLiteral("send,verify"));
    HttpAnswer a = get(QStringLiteral("/v1/accounts?to=%2B919876543210"), k);
    EXPECT_EQ(a.status, 404) << a.text();
    expectShape(a);
    const QString code = sendAndRead(k);
    ASSERT_EQ(post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), code}}, k).status, 200);
    a = get(QStringLiteral("/v1/accounts?to=%2B919876543210"), k);
    ASSERT_EQ(a.status, 200) << a.text();
    EXPECT_FALSE(a.json.value(QStringLiteral("profile_completed")).toBool());
    a = call({"PATCH", QStringLiteral("/v1/accounts/profile"),
              json({{QStringLiteral("to"), kPhone}, {QStringLiteral("first_name"), QStringLiteral("Asha")},
                    {QStringLiteral("last_name"), QStringLiteral("Rao")}, {QStringLiteral("email"), QStringLiteral("asha@example.com")},
                    {QStringLiteral("address"), QStringLiteral("1 MG Road")}}), k});
    ASSERT_EQ(a.status, 200) << a.text();
    EXPECT_TRUE(a.json.value(QStringLiteral("profile_completed")).toBool()) << a.text();
    a = call({"PATCH", QStringLiteral("/v1/accounts/profile"), json({{QStringLiteral("to"), QStringLiteral("+919876500002")}}), k});
    EXPECT_EQ(a.status, 404) << a.text();
    a = call({"PATCH", QStringLiteral("/v1/accounts/profile"), json({{QStringLiteral("to"), kPhone}, {QStringLiteral("email"), QStringLiteral("not an email")}}), k});
    EXPECT_EQ(a.status, 400) << a.text();
    a = get(QStringLiteral("/v1/accounts?to=%2B919876543210"), noAccounts);
    EXPECT_EQ(a.status, 403) << a.text();
    EXPECT_EQ(a.statusName(), QStringLiteral("forbidden"));
}

TEST_F(OtpdApi, KeysAndScopes)
{
    HttpAnswer a = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), kPhone}}, {});
    EXPECT_EQ(a.status, 401) << a.text();
    EXPECT_TRUE(a.header("www-authenticate").startsWith("Bearer")) << a.text();
    expectShape(a);
    a = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), kPhone}}, QStringLiteral("otp_live_") + QString(43, QLatin1Char('A')));
    EXPECT_EQ(a.status, 401) << a.text();
    EXPECT_TRUE(a.header("www-authenticate").startsWith("Bearer")) << a.text();
    a = call({"POST", QStringLiteral("/v1/verifications"), json({{QStringLiteral("to"), kPhone}}), {}, {{"Authorization", "Basic Zm9vOmJhcg=="}}});
    EXPECT_EQ(a.status, 401) << a.text();

    const QString reader = key(QStringLiteral("acme"), QStringLiteral("reader"), QStringLiteral("read"));
    a = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), kPhone}}, reader);
    EXPECT_EQ(a.status, 403) << a.text();
    EXPECT_TRUE(a.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("send"))) << a.text();
    a = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), QStringLiteral("123456")}}, reader);
    EXPECT_EQ(a.status, 403) << a.text();
    EXPECT_EQ(get(QStringLiteral("/v1/status?to=%2B919876543210"), reader).status, 200);

    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"), QStringLiteral("send"));
    EXPECT_EQ(post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), kPhone}}, k).status, 201);
    const CliRun revoked = otpctl({QStringLiteral("apikeys"), QStringLiteral("revoke"), QStringLiteral("app"), QStringLiteral("--reason"), QStringLiteral("rotated")});
    ASSERT_EQ(revoked.exitCode, 0) << revoked.all();
    a = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), QStringLiteral("+919876500003")}}, k);
    EXPECT_EQ(a.status, 401) << "a revoked key is refused at once: " << a.text();

    // the key is stored only as a hash; list shows the prefix, never the key
    const CliRun list = otpctl({QStringLiteral("apikeys"), QStringLiteral("list")});
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_FALSE(list.stdoutText.contains(k));
    EXPECT_EQ(database.scalar(QStringLiteral("SELECT COUNT(*) FROM api_keys WHERE key_hash = ?"), {k}), 0);
    EXPECT_EQ(list.json.value(QStringLiteral("keys")).toArray().size(), 2);
}

TEST_F(OtpdApi, ProtocolRefusalsAreJson)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    HttpAnswer a = get(QStringLiteral("/v1/nothing"), k);
    EXPECT_EQ(a.status, 404) << a.text();
    expectShape(a);
    a = call({"DELETE", QStringLiteral("/v1/verifications"), {}, k});
    EXPECT_EQ(a.status, 405) << a.text();
    EXPECT_EQ(a.header("allow"), QByteArray("POST"));
    expectShape(a);
    a = call({"PUT", QStringLiteral("/v1/verifications/abc"), {}, k});
    EXPECT_EQ(a.status, 405) << a.text();
    EXPECT_EQ(a.header("allow"), QByteArray("GET"));

    a = call({"POST", QStringLiteral("/v1/verifications"), QByteArray(20 * 1024, 'x'), k});
    EXPECT_EQ(a.status, 413) << a.text();
    EXPECT_FALSE(a.json.value(QStringLiteral("request_id")).toString().isEmpty()) << a.text();
    a = call({"POST", QStringLiteral("/v1/verifications"), "to=%2B919876543210", k, {{"Content-Type", "text/plain"}}, false});
    EXPECT_EQ(a.status, 415) << a.text();
    expectShape(a);
    // the server still answers after those (the 413 closed only that connection)
    EXPECT_EQ(get(QStringLiteral("/healthz"), {}).status, 200);
}

TEST_F(OtpdApi, HostileBodiesAreInvalidInputNamingTheField)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    auto send = [&](const QByteArray& body) { return call({"POST", QStringLiteral("/v1/verifications"), body, k}); };
    struct Case
    {
        QByteArray body;
        QString mentions;
    };
    const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
    const QByteArray deepObject = "{\"to\":" + QByteArray(3000, '[') + QByteArray(3000, ']') + "}";
    for (const Case& c : {Case{"{\"to\":", QStringLiteral("JSON")},
                          Case{deep, QString()},
                          Case{deepObject, QString()},
                          Case{"[1,2]", QStringLiteral("object")},
                          Case{"\"to\"", QStringLiteral("object")},
                          Case{"{\"to\":123}", QStringLiteral("'to'")},
                          Case{"{\"to\":null}", QStringLiteral("'to'")},
                          Case{"{\"to\":[\"+919876543210\"]}", QStringLiteral("'to'")},
                          Case{"{}", QStringLiteral("'to'")},
                          Case{"{\"to\":\"+919876543210\",\"purpose\":7}", QStringLiteral("'purpose'")},
                          Case{"{\"to\":\"+91987654\\u00003210\"}", QStringLiteral("'to'")},
                          Case{QByteArray("{\"to\":\"+91987654\0" "3210\"}", 22), QString()},
                          Case{"{\"to\":\"" + QByteArray(10000, '9') + "\"}", QStringLiteral("'to'")},
                          Case{"{\"to\":\"+919876543210\",\"admin\":true}", QStringLiteral("'admin'")},
                          Case{"{\"to\":\"+919876543210\",\"to\":\"+919876500004\"}", QString()}}) {
        const HttpAnswer a = send(c.body);
        if (c.body.startsWith("{\"to\":\"+919876543210\",\"to\""))
            continue; // duplicate keys: Qt keeps the last one; any 2xx/4xx answer is fine, never a crash
        EXPECT_EQ(a.status, 400) << c.body.left(60).toStdString() << " → " << a.text();
        EXPECT_EQ(a.statusName(), QStringLiteral("invalid_input")) << a.text();
        if (!c.mentions.isEmpty()) {
            EXPECT_TRUE(a.json.value(QStringLiteral("message")).toString().contains(c.mentions)) << a.text();
        }
        expectShape(a);
    }
    HttpAnswer a = call({"POST", QStringLiteral("/v1/verifications/check"),
                         json({{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), QString(100000, QLatin1Char('1'))}}), k});
    EXPECT_EQ(a.status, 413) << "100,000 characters are over the body limit: " << a.text();
    a = call({"POST", QStringLiteral("/v1/verifications/check"), json({{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), QString(1000, QLatin1Char('1'))}}), k});
    EXPECT_EQ(a.status, 400) << a.text();
    EXPECT_TRUE(a.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("'code'"))) << a.text();
    a = call({"POST", QStringLiteral("/v1/verifications/check"), json({{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), QStringLiteral("١٢٣٤٥٦")}}), k});
    EXPECT_EQ(a.status, 400) << "Unicode digits are refused before any compare: " << a.text();
    EXPECT_EQ(get(QStringLiteral("/healthz"), {}).status, 200) << "still serving";
}

TEST_F(OtpdApi, RequestIdsAreEchoedWhenSane)
{
    HttpAnswer a = call({"GET", QStringLiteral("/healthz"), {}, {}, {{"X-Request-Id", "abc-123_req.7"}}});
    EXPECT_EQ(a.header("x-request-id"), QByteArray("abc-123_req.7"));
    EXPECT_EQ(a.json.value(QStringLiteral("request_id")).toString(), QStringLiteral("abc-123_req.7"));
    a = call({"GET", QStringLiteral("/healthz"), {}, {}, {{"X-Request-Id", "bad id <script>"}}});
    EXPECT_NE(a.header("x-request-id"), QByteArray("bad id <script>"));
    EXPECT_FALSE(a.header("x-request-id").isEmpty());
    a = call({"GET", QStringLiteral("/healthz"), {}, {}, {{"X-Request-Id", QByteArray(500, 'a')}}});
    EXPECT_EQ(a.header("x-request-id").size(), 32);
}

TEST_F(OtpdApi, TenantsAreIsolated)
{
    const QString a = key(QStringLiteral("tenant-a"), QStringLiteral("a-app"));
    const QString b = key(QStringLiteral("tenant-b"), QStringLiteral("b-app"));
    QString id;
    const QString code = sendAndRead(a, kPhone, &id);
    EXPECT_EQ(get(QStringLiteral("/v1/verifications/") + id, a).status, 200);
    HttpAnswer r = get(QStringLiteral("/v1/verifications/") + id, b);
    EXPECT_EQ(r.status, 404) << "another tenant's id reads as unknown: " << r.text();
    const HttpAnswer unknown = get(QStringLiteral("/v1/verifications/00000000-0000-0000-0000-000000000000"), b);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(r.json.value(QStringLiteral("message")), unknown.json.value(QStringLiteral("message")));
    EXPECT_EQ(post(QStringLiteral("/v1/verifications/%1/cancel").arg(id), {}, b).status, 404);
    r = post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), code}}, b);
    EXPECT_EQ(r.status, 404) << r.text();
    EXPECT_EQ(r.statusName(), QStringLiteral("no_active_code"));
    EXPECT_EQ(post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), code}}, a).status, 200);
}

TEST_F(OtpdApi, KnownAndUnknownDestinationsAnswerAlike)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    const QString code = sendAndRead(k);
    ASSERT_EQ(post(QStringLiteral("/v1/verifications/check"), {{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), code}}, k).status, 200);
    ASSERT_EQ(otpctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("cooldown_s=0")}).exitCode, 0);
    otpd = start();
    const HttpAnswer known = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), kPhone}}, k);
    const HttpAnswer unknown = post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), QStringLiteral("+919876500005")}}, k);
    EXPECT_EQ(known.status, unknown.status);
    EXPECT_EQ(known.json.keys(), unknown.json.keys());
    EXPECT_EQ(known.statusName(), unknown.statusName());
}

TEST_F(OtpdApi, ForgedForwardedForFromAnUntrustedPeerChangesNothing)
{
    // otpd trusts no proxy here: ten wrong keys from loopback, each claiming another address, and the
    // eleventh is refused whatever it claims.
    for (int i = 0; i < 10; ++i) {
        const HttpAnswer a = call({"GET", QStringLiteral("/v1/status?to=%2B919876543210"), {}, QStringLiteral("otp_live_") + QString(43, QLatin1Char('B')),
                                   {{"X-Forwarded-For", QByteArray("198.51.100.") + QByteArray::number(i)}}});
        EXPECT_EQ(a.status, 401) << a.text();
    }
    const HttpAnswer refused = call({"GET", QStringLiteral("/v1/status?to=%2B919876543210"), {}, QStringLiteral("otp_live_") + QString(43, QLatin1Char('B')),
                                     {{"X-Forwarded-For", "203.0.113.99"}}});
    expectRetryAfter(refused);
    EXPECT_TRUE(otpd->log().contains(QStringLiteral("client=127.0.0.1"))) << "the peer is the client";
    EXPECT_FALSE(otpd->log().contains(QStringLiteral("client=198.51.100.")));
}

TEST_F(OtpdApi, TrustedProxyForwardsTheClientAddress)
{
    otpd = start({QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.0/8"), QStringLiteral("--trusted-proxy"), QStringLiteral("10.0.0.0/8")});
    const QString wrong = QStringLiteral("otp_live_") + QString(43, QLatin1Char('C'));
    // the right-most untrusted hop is the client: "spoofed, real, proxy-inside"
    for (int i = 0; i < 10; ++i) {
        const HttpAnswer a = call({"GET", QStringLiteral("/v1/status?to=%2B919876543210"), {}, wrong,
                                   {{"X-Forwarded-For", QByteArray("192.0.2.") + QByteArray::number(i) + ", 203.0.113.7, 10.1.2.3"}}});
        EXPECT_EQ(a.status, 401) << a.text();
    }
    expectRetryAfter(call({"GET", QStringLiteral("/v1/status?to=%2B919876543210"), {}, wrong, {{"X-Forwarded-For", "203.0.113.7"}}}));
    const HttpAnswer other = call({"GET", QStringLiteral("/v1/status?to=%2B919876543210"), {}, wrong, {{"X-Forwarded-For", "203.0.113.8"}}});
    EXPECT_EQ(other.status, 401) << "another client behind the proxy is not refused: " << other.text();
    EXPECT_TRUE(otpd->log().contains(QStringLiteral("client=203.0.113.7")));
    EXPECT_FALSE(otpd->log().contains(QStringLiteral("client=192.0.2.")));
}

TEST_F(OtpdApi, PerKeyRateLimit)
{
    otpd = start({QStringLiteral("--key-rate"), QStringLiteral("2/s")});
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    QList<QPair<QString, HttpCall>> calls;
    for (int i = 0; i < 8; ++i)
        calls.append({otpd->baseUrl(), HttpCall{"GET", QStringLiteral("/v1/status?to=%2B919876543210"), {}, k}});
    int limited = 0;
    for (const HttpAnswer& a : http.all(calls)) {
        if (a.status == 429) {
            ++limited;
            expectRetryAfter(a);
            EXPECT_EQ(a.statusName(), QStringLiteral("rate_limited"));
        } else {
            EXPECT_EQ(a.status, 200) << a.text();
        }
    }
    EXPECT_GE(limited, 3) << "a burst of 2, then 2 per second (a slow machine may refill one or two)";
}

TEST_F(OtpdApi, SigtermFinishesAndExitsZero)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    EXPECT_EQ(post(QStringLiteral("/v1/verifications"), {{QStringLiteral("to"), kPhone}}, k).status, 201);
    EXPECT_EQ(otpd->terminate(), 0);
    EXPECT_TRUE(otpd->log().contains(QStringLiteral("stopped"))) << otpd->log().toStdString();
    EXPECT_EQ(get(QStringLiteral("/healthz"), {}).status, 0) << "no longer accepting";
}

TEST_F(OtpdApi, SigtermLetsARequestInFlightFinish)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    ASSERT_EQ(get(QStringLiteral("/healthz"), {}).status, 200);
    // The send waits on a write lock the test holds (the lock the send itself takes on its number
    // block; on SQLite the database's one write lock), so it is in flight when SIGTERM arrives.
    otp::Database blocker(database.config());
    auto hold = std::make_unique<otp::WriteTransaction>(blocker.session());
    hold->lockKey(QStringLiteral("send:+919876543"));
    QNetworkReply* reply = http.start(otpd->baseUrl(), {"POST", QStringLiteral("/v1/verifications"), json({{QStringLiteral("to"), kPhone}}), k});
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::requestSent, &loop, &QEventLoop::quit);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    otpd->signalTerm();
    hold.reset(); // rolled back: the send goes on
    const HttpAnswer a = HttpClient::finish(reply);
    EXPECT_EQ(a.status, 201) << "served, never reset: " << a.text() << a.error.toStdString();
    EXPECT_EQ(a.header("connection").toLower(), QByteArray("close"));
    EXPECT_EQ(outbox.lastCodeFor(kPhone).size(), 6);
    EXPECT_EQ(otpd->terminate(), 0) << otpd->log().toStdString();
}

// otpd killed (SIGKILL) while sends are in flight: every send it answered "sent" is in the database with
// the vendor's acceptance recorded. On SQLite this is the group commit's promise (WriteTransaction): an
// answer goes out only after the COMMIT that holds it, though concurrent sends share COMMITs.
TEST_F(OtpdApi, KilledUnderLoadEverySendItAnsweredIsInTheDatabase)
{
    ASSERT_EQ(otpctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--tenant"), QStringLiteral("acme"),
                      QStringLiteral("prefix_burst_cap=100000")}).exitCode, 0);
    otpd = start({QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1"), QStringLiteral("--key-rate"), QStringLiteral("100000/s")});
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    constexpr int kSends = 240, kKillAfter = 80;
    QList<QNetworkReply*> replies;
    int finished = 0;
    QEventLoop loop;
    for (int i = 0; i < kSends; ++i) {
        HttpCall c{"POST", QStringLiteral("/v1/verifications"),
                   json({{QStringLiteral("to"), QStringLiteral("+9198765%1").arg(i, 5, 10, QLatin1Char('0'))}}), k};
        c.headers.append({"X-Forwarded-For", QStringLiteral("198.18.%1.%2").arg(i / 200).arg(i % 200 + 1).toLatin1()});
        QNetworkReply* r = http.start(otpd->baseUrl(), c);
        QObject::connect(r, &QNetworkReply::finished, &loop, [&] {
            if (++finished == kKillAfter)
                loop.quit();
        });
        replies.append(r);
    }
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_GE(finished, kKillAfter) << "otpd did not answer " << kKillAfter << " sends";
    otpd->kill();

    int sent = 0;
    QString firstRefusal;
    for (QNetworkReply* r : replies) {
        const HttpAnswer a = HttpClient::finish(r);
        if (a.status != 201) {
            if (a.status != 0 && firstRefusal.isEmpty())
                firstRefusal = QString::fromStdString(a.text());
            continue;
        }
        ++sent;
        const QString id = a.json.value(QStringLiteral("id")).toString();
        EXPECT_EQ(database.scalar(QStringLiteral("SELECT COUNT(*) FROM challenges c JOIN deliveries d ON d.challenge_id = c.id "
                                                 "WHERE c.ref = ? AND d.state = 'accepted'"), {id}), 1)
            << "answered sent, not in the database as accepted: " << a.text();
    }
    EXPECT_GE(sent, kKillAfter) << "refused: " << firstRefusal.toStdString();
    EXPECT_LT(sent, kSends) << "every send was answered before the kill: the test killed nothing in flight";
}

// SECURITY.md rows 5 and 6 across two otpd processes on one database (on PostgreSQL this is the
// production shape; the other engines run it too).
TEST_F(OtpdApi, TwoProcessesOneCodeVerifiesOnceAndGuessesStayCapped)
{
    ASSERT_EQ(otpctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("cooldown_s=0")}).exitCode, 0);
    otpd = start();
    auto second = start();
    ASSERT_TRUE(second->started());
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    const QString code = sendAndRead(k);
    ASSERT_EQ(code.size(), 6);
    QList<QPair<QString, HttpCall>> checks;
    for (int i = 0; i < 16; ++i)
        checks.append({(i % 2 ? second : otpd)->baseUrl(),
                       HttpCall{"POST", QStringLiteral("/v1/verifications/check"), json({{QStringLiteral("to"), kPhone}, {QStringLiteral("code"), code}}), k}});
    int verified = 0;
    for (const HttpAnswer& a : http.all(checks)) {
        verified += a.statusName() == QLatin1String("verified");
        EXPECT_TRUE(a.status == 200 || a.status == 404) << a.text();
    }
    EXPECT_EQ(verified, 1);

    const QString other = QStringLiteral("+919876500006");
    const QString code2 = sendAndRead(k, other);
    QList<QPair<QString, HttpCall>> guesses;
    for (int i = 0; i < 50; ++i)
        guesses.append({(i % 2 ? second : otpd)->baseUrl(),
                        HttpCall{"POST", QStringLiteral("/v1/verifications/check"), json({{QStringLiteral("to"), other}, {QStringLiteral("code"), wrongCode(code2)}}), k}});
    int wrong = 0, lockedNow = 0;
    for (const HttpAnswer& a : http.all(guesses)) {
        wrong += a.statusName() == QLatin1String("wrong_code");
        lockedNow += a.statusName() == QLatin1String("locked") && a.json.value(QStringLiteral("message")).toString().startsWith(QLatin1String("wrong code"));
        EXPECT_TRUE(a.status == 422 || a.status == 429) << a.text();
    }
    EXPECT_LE(wrong + lockedNow, 3) << "at most max_attempts evaluated";
    EXPECT_EQ(wrong, 2);
    EXPECT_EQ(lockedNow, 1);
    EXPECT_EQ(database.scalar(QStringLiteral("SELECT attempts FROM challenges WHERE destination = ?"), {other}), 3);

    // the hourly send cap (3) holds exactly across both processes
    const QString third = QStringLiteral("+919876500007");
    QList<QPair<QString, HttpCall>> sends;
    for (int i = 0; i < 10; ++i)
        sends.append({(i % 2 ? second : otpd)->baseUrl(),
                      HttpCall{"POST", QStringLiteral("/v1/verifications"), json({{QStringLiteral("to"), third}}), k}});
    // Admitted sends race each other: a newer one supersedes an older one before its vendor call, which
    // then answers 502 "superseded" (only the newest code goes out). Admitted ones are counted by the cap.
    int admitted = 0, capped = 0;
    for (const HttpAnswer& a : http.all(sends)) {
        admitted += a.status == 201 || (a.status == 502 && a.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("superseded")));
        capped += a.status == 429 && a.statusName() == QLatin1String("rate_limited");
        EXPECT_TRUE(a.status == 201 || a.status == 502 || a.status == 429) << a.text();
    }
    EXPECT_EQ(admitted, 3);
    EXPECT_EQ(capped, 7);
    EXPECT_EQ(database.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE destination = ?"), {third}), 3);
    EXPECT_GE(outbox.countFor(third), 1);
    EXPECT_LE(outbox.countFor(third), 3);
}
