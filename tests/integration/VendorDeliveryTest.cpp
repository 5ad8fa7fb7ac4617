// Every adapter against otp-vendor-sim over real loopback HTTP, through the real core and outbox on a
// real SQLite database: success, each documented vendor error, 401, 404, 429 with backoff, 500 with
// retry, a malformed body, a connection reset and a timeout. Each test asserts the outcome, the
// `deliveries` rows, the number of tries, and from the simulator's inbox that no message went out
// twice. The clock of the core is manual (backoff is waited by moving it); the HTTP is real.
#include "AuditLog.h"
#include "ChallengeStore.h"
#include "DeliveryLog.h"
#include "DeliveryReceipts.h"
#include "GatewayFactory.h"
#include "GupshupGateway.h"
#include "CliRun.h"
#include "HttpExchange.h"
#include "OtpRuntime.h"
#include "SecretStores.h"
#include "TestDatabase.h"
#include "VendorBreaker.h"
#include "VendorStore.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QUuid>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QRegularExpression>

#include <QElapsedTimer>
#include <QThread>
#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
const Actor kAdmin{QStringLiteral("asha"), QStringLiteral("admin")};
// DLT registrations the simulator holds (--dlt-template): the text our SMS carries, and another one.
constexpr const char* kDltLogin = "1107000000000000001";
constexpr const char* kDltLoginText = "Your {#var#} code is {#var#}. It expires in {#var#} minutes. Never share it with anyone.";
constexpr const char* kDltOther = "1107000000000000002";

// A vendor payload from tests/fixtures/receipts (sources named in its README).
QByteArray fixture(const char* name)
{
    QFile f(QStringLiteral(OTP_TEST_FIXTURES "/receipts/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        ADD_FAILURE() << "missing fixture " << name;
    return f.readAll();
}

// One simulator process for the whole suite; each test uses its own phone numbers, so faults and
// inbox counts never cross tests.
class Sim
{
public:
    static Sim& instance()
    {
        static Sim sim;
        return sim;
    }
    int port() const { return m_port; }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    QJsonObject call(const QByteArray& method, const QString& path, const QJsonObject& body = {})
    {
        HttpRequest r;
        r.method = method;
        r.url = QUrl(base() + path);
        if (!body.isEmpty()) {
            r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        }
        const HttpResult res = HttpExchange::run(r);
        return QJsonDocument::fromJson(res.body).object();
    }
    void fault(const QString& to, const QString& vendor, const QString& kind, int status = 0, int count = -1)
    {
        QJsonObject f{{QStringLiteral("to"), to}, {QStringLiteral("vendor"), vendor}, {QStringLiteral("kind"), kind},
                      {QStringLiteral("count"), count}};
        if (status)
            f.insert(QStringLiteral("status"), status);
        const QJsonObject answer = call("POST", QStringLiteral("/_sim/faults"), f);
        ASSERT_TRUE(answer.contains(QStringLiteral("id"))) << QJsonDocument(answer).toJson().toStdString();
    }
    QJsonArray inbox(const QString& digits)
    {
        return call("GET", QStringLiteral("/_sim/inbox?to=") + digits).value(QStringLiteral("messages")).toArray();
    }

private:
    Sim()
    {
        m_process.setProgram(QStringLiteral(OTP_TEST_VENDORSIM));
        m_process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--quiet"),
                                QStringLiteral("--myoperator-shape"), QStringLiteral("alternate"),
                                QStringLiteral("--enforce"), QStringLiteral("otp-button,dlt"),
                                QStringLiteral("--dlt-template"), QStringLiteral("%1=%2").arg(QLatin1String(kDltLogin), QLatin1String(kDltLoginText)),
                                QStringLiteral("--dlt-template"), QStringLiteral("%1=Your {#var#} OTP is {#var#}").arg(QLatin1String(kDltOther))});
        m_process.start();
        static const QRegularExpression re(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QByteArray out;
        while (m_port == 0 && m_process.waitForReadyRead(10000)) {
            out += m_process.readAllStandardOutput();
            if (const auto m = re.match(QString::fromUtf8(out)); m.hasMatch())
                m_port = m.captured(1).toInt();
        }
    }
    ~Sim()
    {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
    QProcess m_process;
    int m_port = 0;
};

class VendorDelivery : public ::testing::Test
{
protected:
    TestDatabase t;
    OtpService& svc = t.service();
    Sim& sim = Sim::instance();

    void SetUp() override
    {
        ASSERT_NE(sim.port(), 0) << "otp-vendor-sim did not start";
        qputenv("OTP_SECRET_VENDOR_GUPSHUP", "sim-password");
        qputenv("OTP_SECRET_VENDOR_WATI", "sim-wati-token");
        qputenv("OTP_SECRET_VENDOR_MYOP", "sim-myop-token");
        qputenv("OTP_SECRET_VENDOR_BADTOKEN", "not-the-token");
        const QJsonObject dlt{{QStringLiteral("principal_entity_id"), QStringLiteral("1101000000000000001")},
                              {QStringLiteral("dlt_template_id"), QLatin1String(kDltLogin)}};
        add(QStringLiteral("gupshup"), QStringLiteral("gupshup"), QStringLiteral("vendor/gupshup"),
            with(dlt, {{QStringLiteral("userid"), QStringLiteral("sim-user")}, {QStringLiteral("format"), QStringLiteral("json")}}));
        add(QStringLiteral("gupshup-text"), QStringLiteral("gupshup"), QStringLiteral("vendor/gupshup"),
            with(dlt, {{QStringLiteral("userid"), QStringLiteral("sim-user")}, {QStringLiteral("format"), QStringLiteral("text")},
                       {QStringLiteral("method"), QStringLiteral("GET")}}));
        add(QStringLiteral("gupshup-nodlt"), QStringLiteral("gupshup"), QStringLiteral("vendor/gupshup"),
            {{QStringLiteral("userid"), QStringLiteral("sim-user")}});
        add(QStringLiteral("gupshup-otherdlt"), QStringLiteral("gupshup"), QStringLiteral("vendor/gupshup"),
            {{QStringLiteral("userid"), QStringLiteral("sim-user")}, {QStringLiteral("principal_entity_id"), QStringLiteral("1101000000000000001")},
             {QStringLiteral("dlt_template_id"), QLatin1String(kDltOther)}});
        add(QStringLiteral("wati"), QStringLiteral("wati"), QStringLiteral("vendor/wati"),
            {{QStringLiteral("template_name"), QStringLiteral("login_otp")}, {QStringLiteral("api_version"), QStringLiteral("v1")}});
        add(QStringLiteral("wati2"), QStringLiteral("wati"), QStringLiteral("vendor/wati"),
            {{QStringLiteral("template_name"), QStringLiteral("login_otp")}, {QStringLiteral("api_version"), QStringLiteral("v2")}},
            QStringLiteral("/tenant-4711"));
        add(QStringLiteral("myop"), QStringLiteral("myoperator"), QStringLiteral("vendor/myop"),
            {{QStringLiteral("template_name"), QStringLiteral("login_otp")}, {QStringLiteral("company_id"), QStringLiteral("sim-company")},
             {QStringLiteral("phone_number_id"), QStringLiteral("pn-1")}});
        add(QStringLiteral("wati-default"), QStringLiteral("wati"), QStringLiteral("vendor/wati"),
            {{QStringLiteral("template_name"), QStringLiteral("login_otp")}});
        add(QStringLiteral("wati-badtoken"), QStringLiteral("wati"), QStringLiteral("vendor/badtoken"),
            {{QStringLiteral("template_name"), QStringLiteral("login_otp")}});
        policy({{QStringLiteral("cooldown_s"), QStringLiteral("0")}, {QStringLiteral("delivery_backoff_s"), QStringLiteral("1")}});
    }
    static QJsonObject with(QJsonObject a, const QJsonObject& b)
    {
        for (auto it = b.begin(); it != b.end(); ++it)
            a.insert(it.key(), it.value());
        return a;
    }
    void add(const QString& name, const QString& kind, const QString& secret, QJsonObject settings, const QString& path = {})
    {
        VendorConfig c;
        c.name = name;
        c.kind = kind;
        c.secretName = secret;
        settings.insert(QStringLiteral("base_url"), sim.base() + path);
        settings.insert(QStringLiteral("timeout_ms"), QStringLiteral("1500"));
        c.settings = settings;
        EnvSecretStore env;
        QString error;
        auto g = createGateway(c, &env, &error);
        ASSERT_TRUE(g) << error.toStdString();
        t.gateways().add(g);
    }
    void policy(const QMap<QString, QString>& values)
    {
        ASSERT_EQ(svc.policySet(QStringLiteral("default"), std::nullopt, values, kAdmin).status, OutcomeStatus::Ok);
    }
    Outcome send(const QString& phone, Channel channel, const QString& vendor)
    {
        return svc.send({QStringLiteral("default"), phone, channel, Purpose::Login, vendor, {}});
    }
    QList<DeliveryRow> rows(const QString& phone)
    {
        const auto c = ChallengeStore(t.database().session()).latest(QStringLiteral("default"), phone, QStringLiteral("login"));
        return c ? DeliveryLog(t.database().session()).forChallenge(c->id) : QList<DeliveryRow>{};
    }
    QString states(const QString& phone)
    {
        QStringList out;
        for (const DeliveryRow& r : rows(phone))
            out << QStringLiteral("%1:%2:%3").arg(r.tryNo).arg(r.state, r.vendorCode);
        return out.join(QLatin1Char(' '));
    }
    static QString digits(QString phone) { return phone.remove(QLatin1Char('+')); }
    QString codeIn(const QJsonObject& message)
    {
        static const QRegularExpression re(QStringLiteral("\\b(\\d{6})\\b"));
        return re.match(message.value(QStringLiteral("text")).toString()).captured(1);
    }
    // Drives the outbox on the manual clock until nothing is due, at most `rounds` times.
    void drain(int rounds = 10)
    {
        for (int i = 0; i < rounds; ++i) {
            t.clock().advanceS(60);
            svc.deliverDue();
        }
    }
};
} // namespace

TEST_F(VendorDelivery, EveryAdapterDeliversAWorkingCodeExactlyOnce)
{
    struct Case { const char* vendor; Channel channel; const char* phone; };
    const Case cases[] = {{"gupshup", Channel::Sms, "+919800000101"},   {"gupshup-text", Channel::Sms, "+919800000102"},
                          {"wati", Channel::WhatsApp, "+919800000103"}, {"wati2", Channel::WhatsApp, "+919800000104"},
                          {"myop", Channel::WhatsApp, "+919800000105"}, {"myop", Channel::WhatsApp, "+919800000106"}};
    int myopIds = 0;
    for (const Case& c : cases) {
        const QString phone = QString::fromLatin1(c.phone);
        SCOPED_TRACE(c.vendor);
        const Outcome o = send(phone, c.channel, QString::fromLatin1(c.vendor));
        ASSERT_EQ(o.status, OutcomeStatus::Sent) << o.message.toStdString();
        EXPECT_EQ(o.vendor->httpStatus, 200);
        const QList<DeliveryRow> r = rows(phone);
        ASSERT_EQ(r.size(), 1);
        EXPECT_EQ(r.first().state, QStringLiteral("accepted"));
        if (QLatin1String(c.vendor) == QLatin1String("myop")) {
            myopIds += r.first().messageId.isEmpty() ? 0 : 1; // "Message Sent" carries none, "Accepted" one
        } else if (QLatin1String(c.vendor) != QLatin1String("wati")) { // WATI v1 answers without a message id
            EXPECT_FALSE(r.first().messageId.isEmpty()) << "message id kept where the vendor gives one";
        }
        const QJsonArray inbox = sim.inbox(digits(phone));
        ASSERT_EQ(inbox.size(), 1);
        const QString code = codeIn(inbox.first().toObject());
        ASSERT_EQ(code.size(), 6);
        EXPECT_EQ(svc.verify({QStringLiteral("default"), phone, code, Purpose::Login}).status, OutcomeStatus::Verified);
        for (const QString& cell : t.dumpAllText())
            ASSERT_FALSE(cell.contains(code)) << "code stored: " << cell.toStdString();
    }
    EXPECT_EQ(myopIds, 1) << "both MyOperator success shapes were met, one with a message id";
}

TEST_F(VendorDelivery, DocumentedVendorErrorsFailAtOnceWithTheVendorsCode)
{
    struct Case { const char* vendor; Channel channel; const char* phone; const char* simVendor; const char* code; };
    const Case cases[] = {{"gupshup", Channel::Sms, "+919800000201", "gupshup", "105"},
                          {"gupshup-text", Channel::Sms, "+919800000202", "gupshup", "105"},
                          {"wati", Channel::WhatsApp, "+919800000203", "wati", ""},
                          {"myop", Channel::WhatsApp, "+919800000204", "myoperator", "CHAT_0302"}};
    policy({{QStringLiteral("delivery"), QStringLiteral("async")}});
    for (const Case& c : cases) {
        const QString phone = QString::fromLatin1(c.phone);
        SCOPED_TRACE(c.vendor);
        sim.fault(digits(phone), QString::fromLatin1(c.simVendor), QStringLiteral("vendor_error"));
        ASSERT_EQ(send(phone, c.channel, QString::fromLatin1(c.vendor)).status, OutcomeStatus::Queued);
        svc.deliverPending();
        drain(3);
        const QList<DeliveryRow> r = rows(phone);
        ASSERT_EQ(r.size(), 1) << "a documented refusal is not retried";
        EXPECT_EQ(r.first().state, QStringLiteral("failed"));
        if (*c.code) {
            EXPECT_EQ(r.first().vendorCode, QString::fromLatin1(c.code));
        }
        EXPECT_FALSE(r.first().reason.isEmpty());
        EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE destination = ? AND status = 'delivery_failed'"), {phone}), 1);
        EXPECT_EQ(sim.inbox(digits(phone)).size(), 0);
    }
}

TEST_F(VendorDelivery, Http401And404AreNotRetried)
{
    policy({{QStringLiteral("delivery"), QStringLiteral("async")}});
    const QString a = QStringLiteral("+919800000301"), b = QStringLiteral("+919800000302");
    ASSERT_EQ(send(a, Channel::WhatsApp, QStringLiteral("wati-badtoken")).status, OutcomeStatus::Queued);
    sim.fault(digits(b), QStringLiteral("myoperator"), QStringLiteral("http"), 404);
    ASSERT_EQ(send(b, Channel::WhatsApp, QStringLiteral("myop")).status, OutcomeStatus::Queued);
    svc.deliverPending();
    drain(3);
    ASSERT_EQ(rows(a).size(), 1);
    EXPECT_EQ(rows(a).first().httpStatus, 401);
    ASSERT_EQ(rows(b).size(), 1);
    EXPECT_EQ(rows(b).first().httpStatus, 404);
    EXPECT_EQ(sim.inbox(digits(a)).size() + sim.inbox(digits(b)).size(), 0);
}

TEST_F(VendorDelivery, Http429IsRetriedAfterBackoffAndThenDelivered)
{
    policy({{QStringLiteral("delivery"), QStringLiteral("async")}});
    const QString phone = QStringLiteral("+919800000401");
    sim.fault(digits(phone), QStringLiteral("gupshup"), QStringLiteral("http"), 429, 2);
    ASSERT_EQ(send(phone, Channel::Sms, QStringLiteral("gupshup")).status, OutcomeStatus::Queued);
    svc.deliverPending();
    ASSERT_EQ(rows(phone).size(), 2);
    const qint64 wait = rows(phone).last().nextTryAt - t.clock().nowMs();
    EXPECT_GE(wait, 750) << "backoff before the retry";
    EXPECT_EQ(svc.deliverDue(), 0) << "not before the backoff";
    t.clock().advanceMs(wait);
    EXPECT_EQ(svc.deliverDue(), 1);
    const qint64 wait2 = rows(phone).last().nextTryAt - t.clock().nowMs();
    EXPECT_GT(wait2, wait) << "the backoff grows";
    t.clock().advanceMs(wait2);
    EXPECT_EQ(svc.deliverDue(), 1);
    EXPECT_EQ(states(phone).toStdString(), "1:failed:HTTP_429 2:failed:HTTP_429 3:accepted:OK");
    EXPECT_EQ(rows(phone).first().httpStatus, 429);
    EXPECT_EQ(sim.inbox(digits(phone)).size(), 1);
}

TEST_F(VendorDelivery, Http500IsRetriedAndTheUserGetsOneWorkingCode)
{
    policy({{QStringLiteral("delivery"), QStringLiteral("async")}});
    const QString phone = QStringLiteral("+919800000501");
    sim.fault(digits(phone), QStringLiteral("wati"), QStringLiteral("http"), 500, 1);
    ASSERT_EQ(send(phone, Channel::WhatsApp, QStringLiteral("wati2")).status, OutcomeStatus::Queued);
    svc.deliverPending();
    drain(2);
    const QList<DeliveryRow> r = rows(phone);
    ASSERT_EQ(r.size(), 2);
    EXPECT_EQ(r.at(0).httpStatus, 500);
    EXPECT_EQ(r.at(1).state, QStringLiteral("accepted"));
    const QJsonArray inbox = sim.inbox(digits(phone));
    ASSERT_EQ(inbox.size(), 1);
    EXPECT_EQ(svc.verify({QStringLiteral("default"), phone, codeIn(inbox.first().toObject()), Purpose::Login}).status,
              OutcomeStatus::Verified);
    // The retry reached the vendor as the first try did: both count in the caps (SECURITY.md row 25).
    EXPECT_EQ(svc.status(QStringLiteral("default"), phone, Purpose::Login).details.value(QStringLiteral("sends_last_hour")).toInt(), 2);
}

TEST_F(VendorDelivery, MalformedBodyIsNotRetriedBecauseTheVendorMayHaveSentIt)
{
    policy({{QStringLiteral("delivery"), QStringLiteral("async")}});
    const QString phone = QStringLiteral("+919800000601");
    sim.fault(digits(phone), QStringLiteral("gupshup"), QStringLiteral("malformed"));
    ASSERT_EQ(send(phone, Channel::Sms, QStringLiteral("gupshup")).status, OutcomeStatus::Queued);
    svc.deliverPending();
    drain(3);
    ASSERT_EQ(rows(phone).size(), 1);
    EXPECT_EQ(rows(phone).first().vendorCode, QStringLiteral("MALFORMED"));
    EXPECT_EQ(rows(phone).first().httpStatus, 200);
}

TEST_F(VendorDelivery, ConnectionResetAfterTheRequestIsNotRetriedAndItsCodeStaysUsable)
{
    // The request went out and the connection was cut: the vendor may have sent it. README,
    // "Timeouts": not sent again (no second, different code), and the code stays usable.
    policy({{QStringLiteral("delivery"), QStringLiteral("async")}, {QStringLiteral("delivery_max_tries"), QStringLiteral("3")}});
    const QString phone = QStringLiteral("+919800000701");
    sim.fault(digits(phone), QStringLiteral("gupshup"), QStringLiteral("reset"));
    ASSERT_EQ(send(phone, Channel::Sms, QStringLiteral("gupshup")).status, OutcomeStatus::Queued);
    svc.deliverPending();
    drain(5);
    const QList<DeliveryRow> r = rows(phone);
    ASSERT_EQ(r.size(), 1) << states(phone).toStdString();
    EXPECT_EQ(r.first().state, QStringLiteral("timeout"));
    EXPECT_EQ(r.first().vendorCode, QStringLiteral("CONNECTION_RESET"));
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE destination = ? AND status = 'pending' "
                                     "AND code_hash <> ''"), {phone}), 1)
        << "the code that may be on the phone still works";
}

// Item 7 of the invariants issue: a vendor answering after our timeout got 3 messages with 3 codes,
// all dead. Now: one message, and its code works.
TEST_F(VendorDelivery, AVendorAnsweringAfterTheTimeoutSendsOneCodeAndItWorks)
{
    // Sync mode with a fallback configured: neither a retry nor the fallback follows a timeout.
    policy({{QStringLiteral("route_whatsapp"), QStringLiteral("myop")}, {QStringLiteral("route_sms"), QStringLiteral("gupshup")},
            {QStringLiteral("fallback_whatsapp"), QStringLiteral("sms")}});
    const QString phone = QStringLiteral("+919800000801");
    sim.call("POST", QStringLiteral("/_sim/faults"),
             {{QStringLiteral("to"), digits(phone)}, {QStringLiteral("vendor"), QStringLiteral("myoperator")},
              {QStringLiteral("kind"), QStringLiteral("latency")}, {QStringLiteral("latency_ms"), 3000}, {QStringLiteral("count"), 1}});
    const Outcome o = send(phone, Channel::WhatsApp, {});
    ASSERT_EQ(o.status, OutcomeStatus::Unconfirmed) << o.message.toStdString();
    EXPECT_EQ(o.exitCode(), 0) << "the code is live, as a queued one is";
    const QList<DeliveryRow> r = rows(phone);
    ASSERT_EQ(r.size(), 1) << states(phone).toStdString();
    EXPECT_EQ(r.at(0).state, QStringLiteral("timeout"));
    EXPECT_GE(r.at(0).latencyMs, 1400);
    EXPECT_LE(r.at(0).latencyMs, 5000) << "bounded by the vendor's timeout_ms";
    // The vendor delivers it after we stopped waiting (the simulator processes the request anyway).
    QJsonArray inbox;
    QElapsedTimer waited;
    waited.start();
    while ((inbox = sim.inbox(digits(phone))).isEmpty() && waited.elapsed() < 15000)
        QThread::msleep(50); // waiting for another process's event, bounded; no behaviour depends on it
    ASSERT_EQ(inbox.size(), 1);
    EXPECT_EQ(svc.verify({QStringLiteral("default"), phone, codeIn(inbox.first().toObject()), Purpose::Login}).status,
              OutcomeStatus::Verified)
        << "what the user received works";
    // Every try counts in the caps (SECURITY.md row 25).
    const Outcome st = svc.status(QStringLiteral("default"), phone, Purpose::Login);
    EXPECT_EQ(st.details.value(QStringLiteral("sends_last_hour")).toInt(), 1);
}

// SECURITY.md row 17 across real processes: `otpctl worker` is killed with SIGKILL while its vendor
// calls are in flight (the simulator holds them for 2 s). A second worker — its clock moved past the
// first one's leases with libfaketime — finishes the outbox. Every delivery ends in a known state,
// and the simulator never accepts a destination's message twice.
TEST(WorkerCrash, Security17_AWorkerKilledMidDeliveryIsFinishedByAnotherWithoutADoubleSend)
{
    Sim& sim = Sim::instance();
    ASSERT_NE(sim.port(), 0);
    QTemporaryDir dir;
    const QString url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("crash.db"));
    qputenv("OTP_SECRETS", "env");
    qputenv("OTP_SECRET_VENDOR_GUPSHUP", "sim-password");
    qputenv("OTP_DEV_OUTBOX", dir.filePath(QStringLiteral("outbox.jsonl")).toUtf8());
    QString error;
    OtpRuntime::Options options;
    options.databaseUrl = url;
    auto rt = OtpRuntime::open(options, &error);
    ASSERT_TRUE(rt) << error.toStdString();
    VendorConfig c;
    c.name = QStringLiteral("gupshup");
    c.kind = QStringLiteral("gupshup");
    c.secretName = QStringLiteral("vendor/gupshup");
    c.settings = {{QStringLiteral("base_url"), sim.base()}, {QStringLiteral("userid"), QStringLiteral("sim-user")},
                  {QStringLiteral("principal_entity_id"), QStringLiteral("1101000000000000001")},
                  {QStringLiteral("dlt_template_id"), QLatin1String(kDltLogin)},
                  {QStringLiteral("timeout_ms"), QStringLiteral("10000")}};
    ASSERT_TRUE(rt->service().saveVendor(c, kAdmin).ok());
    ASSERT_TRUE(rt->service()
                    .policySet(QStringLiteral("default"), std::nullopt,
                               {{QStringLiteral("delivery"), QStringLiteral("async")},
                                {QStringLiteral("route_sms"), QStringLiteral("gupshup")},
                                {QStringLiteral("prefix_burst_cap"), QStringLiteral("1000")}},
                               kAdmin)
                    .ok());
    rt->loadVendors();

    constexpr int kSends = 12;
    QStringList phones;
    for (int i = 0; i < kSends; ++i) {
        const QString phone = QStringLiteral("+9198000009%1").arg(i, 2, 10, QLatin1Char('0'));
        phones << phone;
        sim.call("POST", QStringLiteral("/_sim/faults"),
                 {{QStringLiteral("to"), phone.mid(1)}, {QStringLiteral("kind"), QStringLiteral("latency")},
                  {QStringLiteral("latency_ms"), 2000}, {QStringLiteral("count"), 1}});
        ASSERT_EQ(rt->service().send({QStringLiteral("default"), phone, Channel::Sms, Purpose::Login, {}, {}}).status,
                  OutcomeStatus::Queued);
    }
    const int requestsBefore = sim.call("GET", QStringLiteral("/_sim/stats")).value(QStringLiteral("requests")).toInt();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OTP_DB"), url);
    QProcess first;
    first.setProcessEnvironment(env);
    first.start(QString::fromLocal8Bit(qgetenv("OTPCTL")),
                {QStringLiteral("worker"), QStringLiteral("--concurrency"), QStringLiteral("4"), QStringLiteral("--lease-s"),
                 QStringLiteral("15")}); // the shortest lease a 10 s vendor timeout allows
    ASSERT_TRUE(first.waitForStarted());
    // Wait (bounded) until four vendor calls are in flight, then kill the worker without warning.
    for (int i = 0; i < 200; ++i) {
        if (sim.call("GET", QStringLiteral("/_sim/stats")).value(QStringLiteral("requests")).toInt() >= requestsBefore + 4)
            break;
        first.waitForFinished(50);
    }
    ASSERT_GE(sim.call("GET", QStringLiteral("/_sim/stats")).value(QStringLiteral("requests")).toInt(), requestsBefore + 4);
    first.kill(); // SIGKILL
    first.waitForFinished();
    sim.call("DELETE", QStringLiteral("/_sim/faults")); // the rest may go out at full speed
    const qint64 inFlight = rt->database().session().scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = 'sending'")).toLongLong();
    EXPECT_GE(inFlight, 1) << "the kill must land while vendor calls are in flight";

    // The second worker runs a minute in the future: the dead worker's leases have expired there.
    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral("faketime"), {QStringLiteral("-f"), QStringLiteral("+60s"), QString::fromLocal8Bit(qgetenv("OTPCTL")),
                                              QStringLiteral("worker"), QStringLiteral("--once"), QStringLiteral("--json")});
    ASSERT_TRUE(second.waitForFinished(60000));
    ASSERT_EQ(second.exitCode(), 0) << second.readAllStandardError().toStdString();

    // Let the simulator finish the dead worker's held requests before counting its inbox.
    for (int i = 0; i < 100; ++i) {
        const QJsonObject st = sim.call("GET", QStringLiteral("/_sim/stats"));
        const int done = st.value(QStringLiteral("accepted")).toInt() + st.value(QStringLiteral("rejected")).toInt() +
                         st.value(QStringLiteral("faulted")).toInt();
        if (done >= st.value(QStringLiteral("requests")).toInt())
            break;
        second.waitForFinished(50);
    }
    SqlSession& s = rt->database().session();
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state NOT IN ('accepted', 'timeout')")).toInt(), 0)
        << "every delivery is accepted, or closed as lost mid-call";
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE vendor_code = 'WORKER_LOST'")).toLongLong(), inFlight);
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries")).toInt(), kSends) << "nothing was queued again";
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'pending'")).toInt(), kSends);
    for (const QString& phone : phones)
        EXPECT_LE(sim.inbox(phone.mid(1)).size(), 1) << phone.toStdString() << " received twice";
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = 'accepted'")).toLongLong(),
              kSends - inFlight);
}

// Issue 15 item 6: receipts end to end in the vendors' documented shapes, as the simulator calls back with them
// (Gupshup GET and POST reports, WATI's _v2 and templateMessageFailed events, MyOperator's observed callback),
// read by the same parsers otpctl receipt uses and matched to the rows the sends left.
TEST_F(VendorDelivery, ReceiptsTurnAcceptedIntoDeliveredOrFailed)
{
    struct Case
    {
        const char* vendor;
        const char* kind;
        Channel channel;
        const char* form;
    };
    const QList<Case> cases{{"gupshup", "gupshup", Channel::Sms, "get"},
                            {"gupshup-text", "gupshup", Channel::Sms, "post"},
                            {"wati-default", "wati", Channel::WhatsApp, ""},
                            {"myop", "myoperator", Channel::WhatsApp, ""}};
    int n = 0;
    for (const Case& c : cases) {
        for (const bool delivered : {true, false}) {
            const QString phone = QStringLiteral("+9198000013%1").arg(++n, 2, 10, QLatin1Char('0'));
            SCOPED_TRACE(std::string(c.vendor) + (delivered ? " delivered" : " failed"));
            ASSERT_EQ(send(phone, c.channel, QLatin1String(c.vendor)).status, OutcomeStatus::Sent);
            QString messageId = rows(phone).first().messageId;
            if (messageId.isEmpty()) // MyOperator's "Message Sent" answer: send again for an "Accepted" one
            {
                t.clock().advanceS(60);
                ASSERT_EQ(svc.resend({QStringLiteral("default"), phone, c.channel, Purpose::Login, QLatin1String(c.vendor), {}}).status,
                          OutcomeStatus::Sent);
                messageId = rows(phone).last().messageId;
            }
            ASSERT_FALSE(messageId.isEmpty());
            const QJsonObject receipt =
                sim.call("GET", QStringLiteral("/_sim/receipt?message_id=%1&outcome=%2&form=%3")
                                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(messageId)),
                                         delivered ? QStringLiteral("delivered") : QStringLiteral("failed"), QLatin1String(c.form)));
            ASSERT_EQ(receipt.value(QStringLiteral("vendor")).toString(), QLatin1String(c.kind)) << QJsonDocument(receipt).toJson().toStdString();
            const QByteArray body = receipt.value(QStringLiteral("body")).toString().toUtf8();
            const bool get = receipt.value(QStringLiteral("method")).toString() == QLatin1String("GET");
            QString error;
            const auto parsed = DeliveryReceipts::parse(QLatin1String(c.kind), get ? QByteArray() : body,
                                                        get ? QUrlQuery(QString::fromUtf8(body)) : QUrlQuery(), &error);
            ASSERT_TRUE(error.isEmpty()) << error.toStdString() << "\n" << body.toStdString();
            EXPECT_EQ(svc.applyReceipts(QLatin1String(c.vendor), parsed).details.value(QStringLiteral("updated")).toInt(), 1)
                << body.toStdString();
            DeliveryRow row;
            for (const DeliveryRow& r : rows(phone))
                if (r.messageId == messageId)
                    row = r;
            EXPECT_EQ(row.state, delivered ? QStringLiteral("delivered") : QStringLiteral("failed"));
            if (!delivered) {
                EXPECT_TRUE(row.vendorCode == QLatin1String("003") || row.vendorCode == QLatin1String("131026"))
                    << row.vendorCode.toStdString();
            }
        }
    }
    // A repeated or unknown receipt changes nothing and is not an error.
    QString error;
    const auto stranger = DeliveryReceipts::gupshupQuery(QUrlQuery(QStringLiteral("externalId=nope&status=SUCCESS")), &error);
    EXPECT_EQ(svc.applyReceipts(QStringLiteral("gupshup"), stranger).details.value(QStringLiteral("unmatched")).toInt(), 1);
}

// Issue 15 item 5: India's DLT rules. A Gupshup vendor without its DLT registration refuses an SMS to +91 with
// an error naming the missing settings (before: accepted, then dropped by the operator: the simulator, enforcing
// DLT, reports it FAILURE); a registered template whose text differs is dropped and reported so; Hindi goes as
// Unicode_text.
TEST_F(VendorDelivery, IndianSmsFollowsTheDltRules)
{
    const QString a = QStringLiteral("+919800001401"), b = QStringLiteral("+919800001402"), c = QStringLiteral("+919800001403");
    const Outcome refused = send(a, Channel::Sms, QStringLiteral("gupshup-nodlt"));
    EXPECT_EQ(refused.status, OutcomeStatus::DeliveryFailed) << refused.message.toStdString();
    ASSERT_EQ(rows(a).size(), 1);
    EXPECT_EQ(rows(a).first().vendorCode, QStringLiteral("NOT_SENT"));
    EXPECT_TRUE(rows(a).first().reason.contains(QStringLiteral("principal_entity_id")) &&
                rows(a).first().reason.contains(QStringLiteral("dlt_template_id")))
        << rows(a).first().reason.toStdString();
    EXPECT_EQ(sim.inbox(digits(a)).size(), 0) << "nothing left for the operator to drop";

    // Registered, but under a template whose text is not ours: accepted by Gupshup, dropped by the operator.
    ASSERT_EQ(send(b, Channel::Sms, QStringLiteral("gupshup-otherdlt")).status, OutcomeStatus::Sent);
    const QJsonArray sent = sim.inbox(digits(b));
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent.first().toObject().value(QStringLiteral("extra")).toObject().value(QStringLiteral("dropped")).toString(),
              QStringLiteral("DLT_TEMPLATE_MISMATCH"));
    const QJsonObject report = sim.call("GET", QStringLiteral("/_sim/receipt?message_id=%1").arg(rows(b).first().messageId));
    QString error;
    const auto parsed = DeliveryReceipts::parse(QStringLiteral("gupshup"), {}, QUrlQuery(report.value(QStringLiteral("body")).toString()), &error);
    svc.applyReceipts(QStringLiteral("gupshup-otherdlt"), parsed);
    EXPECT_EQ(rows(b).first().state, QStringLiteral("failed"));
    EXPECT_TRUE(rows(b).first().reason.contains(QStringLiteral("dlt template mismatch"))) << rows(b).first().reason.toStdString();

    // Registered with our text: delivered as is, the ids on the request.
    ASSERT_EQ(send(c, Channel::Sms, QStringLiteral("gupshup")).status, OutcomeStatus::Sent);
    const QJsonObject extra = sim.inbox(digits(c)).first().toObject().value(QStringLiteral("extra")).toObject();
    EXPECT_FALSE(extra.contains(QStringLiteral("dropped")));
    EXPECT_EQ(extra.value(QStringLiteral("dlttemplateid")).toString(), QLatin1String(kDltLogin));
    EXPECT_EQ(extra.value(QStringLiteral("principalentityid")).toString(), QStringLiteral("1101000000000000001"));
}

TEST_F(VendorDelivery, HindiSmsGoesThroughGupshupsUnicodePath)
{
    VendorConfig c;
    c.name = QStringLiteral("gupshup-hi");
    c.kind = QStringLiteral("gupshup");
    c.settings = {{QStringLiteral("base_url"), sim.base()}, {QStringLiteral("userid"), QStringLiteral("sim-user")},
                  {QStringLiteral("principal_entity_id"), QStringLiteral("1101000000000000001")},
                  {QStringLiteral("dlt_template_id"), QStringLiteral("1107000000000000003")}};
    GupshupGateway gateway(c, QStringLiteral("sim-password"));
    OutgoingMessage m;
    m.channel = Channel::Sms;
    m.destination = QStringLiteral("+919800001501");
    m.code = QStringLiteral("482913");
    m.body = QStringLiteral("आपका लॉगिन कोड 482913 है। यह 5 मिनट में समाप्त हो जाएगा। इसे किसी के साथ साझा न करें।");
    const VendorAnswer a = gateway.deliver(m);
    ASSERT_TRUE(a.accepted) << a.reason.toStdString();
    const QJsonObject got = sim.inbox(QStringLiteral("919800001501")).first().toObject();
    EXPECT_EQ(got.value(QStringLiteral("extra")).toObject().value(QStringLiteral("msg_type")).toString(), QStringLiteral("Unicode_text"));
    EXPECT_EQ(got.value(QStringLiteral("text")).toString(), m.body) << "Devanagari arrives intact";
}

// Issue 15 item 2: a WATI vendor configured without api_version sends through v2, whose answer gives the
// localMessageId that WATI's documented events carry; a v1 event (whatsappMessageId only) matches nothing
// rather than the wrong message.
TEST_F(VendorDelivery, WatiDocumentedReceiptsMatchTheDefaultApi)
{
    const QString a = QStringLiteral("+919800001101"), b = QStringLiteral("+919800001102"), c = QStringLiteral("+919800001103");
    ASSERT_EQ(send(a, Channel::WhatsApp, QStringLiteral("wati-default")).status, OutcomeStatus::Sent);
    ASSERT_EQ(send(b, Channel::WhatsApp, QStringLiteral("wati-default")).status, OutcomeStatus::Sent);
    ASSERT_EQ(send(c, Channel::WhatsApp, QStringLiteral("wati")).status, OutcomeStatus::Sent); // v1 on purpose
    const QString idA = rows(a).first().messageId, idB = rows(b).first().messageId;
    ASSERT_FALSE(idA.isEmpty()) << "the default API answered no localMessageId";
    ASSERT_FALSE(idB.isEmpty());

    QJsonObject delivered = QJsonDocument::fromJson(fixture("wati_sent_message_delivered_v2.json")).object();
    delivered.insert(QStringLiteral("localMessageId"), idA);
    QJsonObject failed = QJsonDocument::fromJson(fixture("wati_template_message_failed.json")).object();
    failed.insert(QStringLiteral("localMessageId"), idB);
    QString error;
    const auto receipts = DeliveryReceipts::wati(QJsonDocument(QJsonArray{delivered, failed}).toJson(), &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(svc.applyReceipts(QStringLiteral("wati-default"), receipts).details.value(QStringLiteral("updated")).toInt(), 2);
    EXPECT_EQ(rows(a).first().state, QStringLiteral("delivered"));
    EXPECT_EQ(rows(b).first().state, QStringLiteral("failed"));
    EXPECT_EQ(rows(b).first().vendorCode, QStringLiteral("131026"));

    const auto v1 = DeliveryReceipts::wati(fixture("wati_sent_message_delivered_v1.json"), &error);
    EXPECT_EQ(svc.applyReceipts(QStringLiteral("wati"), v1).details.value(QStringLiteral("unmatched")).toInt(), 1);
    EXPECT_EQ(rows(c).first().state, QStringLiteral("accepted"));
}

// Issue 15 item 4: MyOperator's callbacks carry myop_ref_id null for API sends and are matched by the message
// id; only the "Accepted" send answer carries one. The simulator alternates both documented answers.
TEST_F(VendorDelivery, MyOperatorObservedCallbacksMatchByMessageId)
{
    const QString a = QStringLiteral("+919800001201"), b = QStringLiteral("+919800001202");
    ASSERT_EQ(send(a, Channel::WhatsApp, QStringLiteral("myop")).status, OutcomeStatus::Sent);
    ASSERT_EQ(send(b, Channel::WhatsApp, QStringLiteral("myop")).status, OutcomeStatus::Sent);
    const DeliveryRow withId = rows(a).first().messageId.isEmpty() ? rows(b).first() : rows(a).first();
    const DeliveryRow withoutId = rows(a).first().messageId.isEmpty() ? rows(a).first() : rows(b).first();
    ASSERT_FALSE(withId.messageId.isEmpty()) << "one of two sends gets the 'Accepted' answer with data.message_id";
    ASSERT_TRUE(withoutId.messageId.isEmpty()) << "the other the documented 'Message Sent' without one";

    QJsonObject callback = QJsonDocument::fromJson(fixture("myoperator_status_delivered.json")).object();
    QJsonObject payload = callback.value(QStringLiteral("payload")).toObject();
    payload.insert(QStringLiteral("message_id"), withId.messageId);
    callback.insert(QStringLiteral("payload"), payload);
    QString error;
    const auto r = DeliveryReceipts::myOperator(QJsonDocument(callback).toJson(), &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(svc.applyReceipts(QStringLiteral("myop"), r).details.value(QStringLiteral("updated")).toInt(), 1);
    const QString phoneWithId = rows(a).first().id == withId.id ? a : b;
    EXPECT_EQ(rows(phoneWithId).first().state, QStringLiteral("delivered"));
    const QString phoneWithoutId = phoneWithId == a ? b : a;
    EXPECT_EQ(rows(phoneWithoutId).first().state, QStringLiteral("accepted")) << "nothing to match it on";
}

// Issue 13: Gupshup turned to HTTP 500 for every number we send to. Async mode, where a 500 is retried
// after a backoff: the breaker opens at the 3rd consecutive 500, that send and the retries still
// waiting move to the next hop (here the fallback channel, WhatsApp over WATI) at once, and later
// sends never reach Gupshup. After the cool-off the faults are gone (fresh numbers): one probe at a
// time, two successes close it. Another process (otpctl) sees the same state and closes it by hand.
TEST_F(VendorDelivery, BreakerOpensOnHttp500AndSendsLeaveTheVendorWithoutWaiting)
{
    policy({{QStringLiteral("delivery"), QStringLiteral("async")}, {QStringLiteral("route_sms"), QStringLiteral("gupshup")},
            {QStringLiteral("fallback_sms"), QStringLiteral("whatsapp")}, {QStringLiteral("route_whatsapp"), QStringLiteral("wati2")},
            {QStringLiteral("delivery_backoff_s"), QStringLiteral("30")}, {QStringLiteral("breaker_failures"), QStringLiteral("3")},
            {QStringLiteral("breaker_cooloff_s"), QStringLiteral("60")}, {QStringLiteral("breaker_close_successes"), QStringLiteral("2")},
            {QStringLiteral("alarm_min_tries"), QStringLiteral("3")}});
    const auto vendorAlarms = [&] {
        QStringList out;
        for (const QJsonValue& v : svc.alarms(QStringLiteral("default"), true).details.value(QStringLiteral("alarms")).toArray())
            if (v[QStringLiteral("rule")].toString().startsWith(QLatin1String("vendor_")))
                out << v[QStringLiteral("rule")].toString() + QLatin1Char(':') + v[QStringLiteral("subject")].toString();
        return out;
    };
    const auto breaker = [&] {
        return VendorBreaker(t.database().session()).find(QStringLiteral("gupshup")).value_or(BreakerRow{}).state;
    };
    QStringList faulted;
    for (int i = 0; i < 6; ++i) {
        faulted << QStringLiteral("+9198000013%1").arg(i, 2, 10, QLatin1Char('0'));
        sim.fault(digits(faulted.last()), QStringLiteral("gupshup"), QStringLiteral("http"), 500);
    }
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(send(faulted[i], Channel::Sms, {}).status, OutcomeStatus::Queued);
        svc.deliverPending();
        t.clock().advanceMs(10);
    }
    EXPECT_EQ(breaker(), QStringLiteral("open"));
    EXPECT_EQ(states(faulted[0]), QStringLiteral("1:failed:HTTP_500 2:queued:")) << "its retry waits out the backoff";
    EXPECT_EQ(states(faulted[2]), QStringLiteral("1:failed:HTTP_500 2:accepted:OK")) << "opened: no retry, the next hop at once";
    EXPECT_EQ(rows(faulted[2]).last().vendor, QStringLiteral("wati2"));
    // Sends while open never reach Gupshup: their first try is the next hop.
    for (int i = 3; i < 6; ++i) {
        ASSERT_EQ(send(faulted[i], Channel::Sms, {}).status, OutcomeStatus::Queued);
        svc.deliverPending();
        ASSERT_EQ(rows(faulted[i]).size(), 1);
        EXPECT_EQ(rows(faulted[i]).first().vendor, QStringLiteral("wati2"));
        EXPECT_EQ(rows(faulted[i]).first().state, QStringLiteral("accepted"));
    }
    // The retries that were waiting go to WATI when due, in place (one row each for the send caps).
    t.clock().advanceS(45);
    svc.deliverDue();
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(states(faulted[i]), QStringLiteral("1:failed:HTTP_500 2:accepted:OK"));
        EXPECT_EQ(rows(faulted[i]).last().vendor, QStringLiteral("wati2"));
    }
    int gupshupTries = 0;
    for (const QString& p : faulted)
        for (const DeliveryRow& r : rows(p))
            gupshupTries += r.vendor == QLatin1String("gupshup") ? 1 : 0;
    EXPECT_EQ(gupshupTries, 3) << "Gupshup was called exactly N times";
    EXPECT_EQ(vendorAlarms(), QStringList{QStringLiteral("vendor_success:gupshup")}) << "admins are told";

    // Another process agrees: otpctl on the same database reports the breaker open.
    VendorConfig gupshup;
    gupshup.name = QStringLiteral("gupshup");
    gupshup.kind = QStringLiteral("gupshup");
    gupshup.secretName = QStringLiteral("vendor/gupshup");
    gupshup.settings = QJsonObject{{QStringLiteral("base_url"), sim.base()}, {QStringLiteral("userid"), QStringLiteral("sim-user")}};
    VendorStore(t.database().session()).save(gupshup, t.clock().nowMs());
    const auto ctl = [&](const QStringList& args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OTP_DEV_OUTBOX"), t.dir() + QStringLiteral("/ctl-outbox.jsonl"));
        p.setProcessEnvironment(env);
        p.start(otpctlPath(), QStringList{QStringLiteral("--db"), t.url(), QStringLiteral("--json")} + args);
        return CliRun::finish(p);
    };
    CliRun health = ctl({QStringLiteral("vendors"), QStringLiteral("health"), QStringLiteral("gupshup")});
    ASSERT_EQ(health.exitCode, 0) << health.all();
    const QJsonObject row = health.json.value(QStringLiteral("vendors")).toArray().first().toObject();
    EXPECT_EQ(row.value(QStringLiteral("breaker")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("open"))
        << health.all();
    EXPECT_EQ(row.value(QStringLiteral("tries")).toInt(), 3);
    EXPECT_EQ(row.value(QStringLiteral("accepted")).toInt(), 0);

    // Faults cleared (numbers without faults), cool-off over: one probe, then a second; then closed.
    t.clock().advanceS(60);
    const QString healed[] = {QStringLiteral("+919800001390"), QStringLiteral("+919800001391")};
    ASSERT_EQ(send(healed[0], Channel::Sms, {}).status, OutcomeStatus::Queued);
    EXPECT_EQ(breaker(), QStringLiteral("half_open")) << "this send claimed the probe";
    svc.deliverPending();
    EXPECT_EQ(rows(healed[0]).first().vendor, QStringLiteral("gupshup"));
    EXPECT_EQ(states(healed[0]), QStringLiteral("1:accepted:OK"));
    EXPECT_EQ(breaker(), QStringLiteral("half_open")) << "closing needs two successes";
    ASSERT_EQ(send(healed[1], Channel::Sms, {}).status, OutcomeStatus::Queued);
    svc.deliverPending();
    EXPECT_EQ(states(healed[1]), QStringLiteral("1:accepted:OK"));
    EXPECT_EQ(breaker(), QStringLiteral("closed"));
    QStringList systemActions;
    for (const AuditRow& a : AuditLog(t.database().session()).recent(50, QStringLiteral("gupshup")))
        if (a.actor == QLatin1String("system"))
            systemActions.prepend(a.action);
    EXPECT_EQ(systemActions, (QStringList{QStringLiteral("vendor_breaker_opened"), QStringLiteral("vendor_breaker_closed")}));
    // The window slides past the outage and the healed tries: the alarm clears.
    t.clock().advanceS(16 * 60);
    EXPECT_EQ(vendorAlarms(), QStringList{});

    // And an admin in another process forces it open; this process's routes skip it as soon as its
    // breaker snapshot is renewed (within VendorBreaker::kCacheMs: dropped here rather than waited for).
    CliRun open = ctl({QStringLiteral("vendors"), QStringLiteral("open"), QStringLiteral("gupshup"), QStringLiteral("--reason"),
                       QStringLiteral("carrier incident")});
    ASSERT_EQ(open.exitCode, 0) << open.all();
    VendorBreaker::dropSnapshots();
    const QString later = QStringLiteral("+919800001392");
    ASSERT_EQ(send(later, Channel::Sms, {}).status, OutcomeStatus::Queued);
    svc.deliverPending();
    EXPECT_EQ(rows(later).first().vendor, QStringLiteral("wati2"));
    EXPECT_EQ(ctl({QStringLiteral("vendors"), QStringLiteral("close"), QStringLiteral("nosuch"), QStringLiteral("--reason"),
                   QStringLiteral("x")}).exitCode, 2);
}

// SECURITY.md rows 9, 11 and 16 with every vendor configured the way an admin would: credentials
// through `otpctl secrets set` into the real OS keychain, vendors through `otpctl vendors add`, codes
// sent over every HTTP vendor and verified, an email attempted. Afterwards no token and no code is in
// any settings file under HOME, the database (and its WAL), or anything any process printed.
TEST(NoSecretsAtRest, Security9_11_16_TokensAndCodesAreNowhereAfterFlowsWithEveryVendor)
{
    Sim& sim = Sim::instance();
    ASSERT_NE(sim.port(), 0);
    QTemporaryDir home;
    const QString db = QStringLiteral("sqlite://") + home.filePath(QStringLiteral("otp.db"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("OTP_DEV_OUTBOX"), home.filePath(QStringLiteral("outbox.jsonl")));
    env.insert(QStringLiteral("OTP_KEYCHAIN_SERVICE"), QStringLiteral("otp-console-test-") + QUuid::createUuid().toString(QUuid::Id128).left(12));
    for (const char* var : {"OTP_SECRETS", "OTP_SECRETS_DIR", "OTP_SECRET_VENDOR_GUPSHUP", "OTP_SECRET_VENDOR_WATI",
                            "OTP_SECRET_VENDOR_MYOP", "OTP_SECRET_VENDOR_SMTP"})
        env.remove(QString::fromLatin1(var));
    QByteArray printed;
    auto ctl = [&](QStringList args, const QByteArray& input = {}) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(otp::test::otpctlPath(), QStringList{QStringLiteral("--db"), db, QStringLiteral("--json")} + args);
        p.write(input);
        p.closeWriteChannel();
        const otp::test::CliRun r = otp::test::CliRun::finish(p);
        printed += r.stdoutText.toUtf8() + r.stderrText.toUtf8();
        return r;
    };
    const QMap<QString, QByteArray> secrets{{QStringLiteral("vendor/gupshup"), "sim-password"},
                                            {QStringLiteral("vendor/wati"), "sim-wati-token"},
                                            {QStringLiteral("vendor/myop"), "sim-myop-token"},
                                            {QStringLiteral("vendor/smtp"), "smtp-secret-4711"}};
    for (auto it = secrets.begin(); it != secrets.end(); ++it) {
        const auto r = ctl({QStringLiteral("secrets"), QStringLiteral("set"), it.key()}, it.value() + "\n");
        ASSERT_EQ(r.exitCode, 0) << r.all();
    }
    const QString base = QStringLiteral("base_url=") + sim.base();
    const QList<QStringList> vendors{
        {QStringLiteral("gupshup"), QStringLiteral("--kind"), QStringLiteral("gupshup"), QStringLiteral("--secret"), QStringLiteral("vendor/gupshup"), base, QStringLiteral("userid=sim-user"),
         QStringLiteral("principal_entity_id=1101000000000000001"), QStringLiteral("dlt_template_id=%1").arg(QLatin1String(kDltLogin))},
        {QStringLiteral("wati"), QStringLiteral("--kind"), QStringLiteral("wati"), QStringLiteral("--secret"), QStringLiteral("vendor/wati"), base, QStringLiteral("template_name=login_otp")},
        {QStringLiteral("myop"), QStringLiteral("--kind"), QStringLiteral("myoperator"), QStringLiteral("--secret"), QStringLiteral("vendor/myop"), base,
         QStringLiteral("template_name=login_otp"), QStringLiteral("company_id=sim-company"), QStringLiteral("phone_number_id=pn-1")},
        {QStringLiteral("smtp"), QStringLiteral("--kind"), QStringLiteral("smtp"), QStringLiteral("--secret"), QStringLiteral("vendor/smtp"),
         QStringLiteral("url=smtp://127.0.0.1:9"), QStringLiteral("starttls=none"), QStringLiteral("username=otp"), QStringLiteral("from=otp@example.com"),
         QStringLiteral("timeout_ms=2000")}};
    for (const QStringList& v : vendors) {
        const auto r = ctl(QStringList{QStringLiteral("vendors"), QStringLiteral("add")} + v);
        ASSERT_EQ(r.exitCode, 0) << r.all();
    }
    ASSERT_EQ(ctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("route_sms=gupshup"), QStringLiteral("route_whatsapp=wati,myop"),
                   QStringLiteral("route_email=smtp")}).exitCode, 0);

    QStringList codes;
    const QList<QPair<QString, QStringList>> sends{
        {QStringLiteral("+919800002001"), {}},
        {QStringLiteral("+919800002002"), {QStringLiteral("--channel"), QStringLiteral("whatsapp")}},
        {QStringLiteral("+919800002003"), {QStringLiteral("--channel"), QStringLiteral("whatsapp"), QStringLiteral("--vendor"), QStringLiteral("myop")}}};
    for (const auto& [phone, extra] : sends) {
        const auto r = ctl(QStringList{QStringLiteral("send"), QStringLiteral("--to"), phone} + extra);
        ASSERT_EQ(r.status(), QStringLiteral("sent")) << r.all();
        const QJsonArray inbox = sim.inbox(phone.mid(1));
        ASSERT_EQ(inbox.size(), 1);
        static const QRegularExpression re(QStringLiteral("\\b(\\d{6})\\b"));
        const QString code = re.match(inbox.first().toObject().value(QStringLiteral("text")).toString()).captured(1);
        ASSERT_EQ(code.size(), 6);
        codes << code;
        EXPECT_EQ(ctl({QStringLiteral("verify"), QStringLiteral("--to"), phone, QStringLiteral("--code"), code}).status(),
                  QStringLiteral("verified"));
    }
    const auto mail = ctl({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("asha@example.com")});
    EXPECT_EQ(mail.status(), QStringLiteral("delivery_failed")) << "nothing listens on port 9: " << mail.all();
    ctl({QStringLiteral("history"), QStringLiteral("--to"), QStringLiteral("+919800002001")});
    ctl({QStringLiteral("vendors"), QStringLiteral("list")});
    ctl({QStringLiteral("secrets"), QStringLiteral("list")});
    ctl({QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("100")});

    // Everything at rest under HOME (settings, the database and its WAL, the outbox) and everything printed.
    QByteArray atRest;
    QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly)) {
            atRest += f.readAll();
            ++files;
        }
    }
    ASSERT_GE(files, 2);
    ASSERT_TRUE(atRest.contains("sim-user")) << "the non-secret settings are there: the search does look";
    for (auto s = secrets.begin(); s != secrets.end(); ++s) {
        EXPECT_FALSE(atRest.contains(s.value())) << s.key().toStdString() << " found at rest";
        EXPECT_FALSE(printed.contains(s.value())) << s.key().toStdString() << " found in output";
    }
    for (const QString& code : codes) {
        EXPECT_FALSE(atRest.contains(code.toUtf8())) << "code " << code.toStdString() << " found at rest";
        EXPECT_FALSE(printed.contains(code.toUtf8())) << "code " << code.toStdString() << " found in output";
    }
    ctl({QStringLiteral("secrets"), QStringLiteral("delete"), QStringLiteral("vendor/gupshup")});
    ctl({QStringLiteral("secrets"), QStringLiteral("delete"), QStringLiteral("vendor/wati")});
    ctl({QStringLiteral("secrets"), QStringLiteral("delete"), QStringLiteral("vendor/myop")});
    ctl({QStringLiteral("secrets"), QStringLiteral("delete"), QStringLiteral("vendor/smtp")});
}
