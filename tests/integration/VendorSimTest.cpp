// otp-vendor-sim embedded in-process on a free loopback port and driven over real HTTP with
// QNetworkAccessManager: every vendor's success and auth failure, each fault kind, the inbox, keep-alive.
#include "VendorSimulator.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <QUrlQuery>
#include <QUuid>

#include <gtest/gtest.h>

#include <memory>
#include <utility>
#include <vector>

using otp::VendorSimulator;

namespace {

const QString kPhone = QStringLiteral("919876543210");

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray retryAfter;
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

using Headers = std::vector<std::pair<QByteArray, QByteArray>>;

HttpResult collect(QNetworkReply* reply, const QElapsedTimer& timer)
{
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        r.body = reply->readAll();
    r.error = reply->error();
    r.retryAfter = reply->rawHeader("Retry-After");
    r.elapsedMs = timer.elapsed();
    reply->deleteLater();
    return r;
}

class VendorSimTest : public ::testing::Test
{
protected:
    std::unique_ptr<VendorSimulator> sim;
    QNetworkAccessManager nam;
    QString base;

    void SetUp() override
    {
        VendorSimulator::Config config;
        config.logRequests = false;
        sim = std::make_unique<VendorSimulator>(config);
        ASSERT_NE(sim->start(QHostAddress::LocalHost, 0), 0);
        base = sim->baseUrl().toString();
        nam.setProxy(QNetworkProxy::NoProxy);
    }

    QNetworkReply* start(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body = {},
                         const Headers& headers = {}, int timeoutMs = 5000)
    {
        QNetworkRequest request(QUrl(base + pathAndQuery));
        request.setTransferTimeout(timeoutMs);
        for (const auto& [name, value] : headers)
            request.setRawHeader(name, value);
        return nam.sendCustomRequest(request, verb, body);
    }

    HttpResult send(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body = {},
                    const Headers& headers = {}, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        QNetworkReply* reply = start(verb, pathAndQuery, body, headers, timeoutMs);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs + 5000, &loop, &QEventLoop::quit); // never hang the suite
        if (!reply->isFinished())
            loop.exec();
        EXPECT_TRUE(reply->isFinished()) << "no answer for " << qPrintable(pathAndQuery);
        return collect(reply, timer);
    }

    static QString gupshupQuery(const QString& to, const QString& extra = {})
    {
        return QStringLiteral(
                   "/GatewayAPI/rest?method=SendMessage&userid=sim-user&password=sim-password&send_to=%1"
                   "&msg=Your%20code%20is%20482913&msg_type=TEXT&auth_scheme=plain&v=1.1%2")
            .arg(to, extra);
    }

    HttpResult gupshup(const QString& to, const QString& extra = {}, int timeoutMs = 5000)
    {
        return send("GET", gupshupQuery(to, extra), {}, {}, timeoutMs);
    }

    HttpResult wati(const QString& to, const QString& api = QStringLiteral("v1"),
                    const QByteArray& token = "Bearer sim-wati-token", const QString& prefix = {})
    {
        Headers headers{{"Content-Type", "application/json"}};
        if (!token.isEmpty())
            headers.emplace_back("Authorization", token);
        return send(
            "POST", QStringLiteral("%1/api/%2/sendTemplateMessage?whatsappNumber=%3").arg(prefix, api, to),
            R"({"template_name":"login_otp","broadcast_name":"login_otp","parameters":[{"name":"1","value":"482913"}]})",
            headers);
    }

    HttpResult myOperator(const QString& number, const QByteArray& company = "sim-company",
                          const QByteArray& token = "Bearer sim-myop-token")
    {
        const QByteArray body =
            QByteArrayLiteral(
                R"({"phone_number_id":"1234","customer_country_code":"91","customer_number":")") +
            number.toUtf8() +
            R"(","data":{"type":"template","context":{"template_name":"login_otp","language":"en","body":{"otp":"482913"}}},"myop_ref_id":"ref-1"})";
        return send(
            "POST", QStringLiteral("/chat/messages"), body,
            {{"Content-Type", "application/json"}, {"Authorization", token}, {"X-MYOP-COMPANY-ID", company}});
    }

    QJsonArray inbox(const QString& to = {})
    {
        const HttpResult r = send("GET", QStringLiteral("/_sim/inbox") +
                                             (to.isEmpty() ? QString() : QStringLiteral("?to=") + to));
        EXPECT_EQ(r.status, 200);
        return r.json().value(QStringLiteral("messages")).toArray();
    }

    void addFault(const QByteArray& json)
    {
        const HttpResult r =
            send("POST", QStringLiteral("/_sim/faults"), json, {{"Content-Type", "application/json"}});
        ASSERT_EQ(r.status, 201) << r.body.constData();
    }
};

TEST_F(VendorSimTest, HealthAnswersOk)
{
    const HttpResult r = send("GET", QStringLiteral("/_sim/health"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, QByteArray(R"({"ok":true})"));
}

TEST_F(VendorSimTest, GupshupTextSuccessIsRecordedInTheInbox)
{
    const HttpResult r = gupshup(kPhone);
    EXPECT_EQ(r.status, 200);
    static const QRegularExpression text(QStringLiteral(R"(^success \| 919876543210 \| \d{19}-\d{18}$)"));
    EXPECT_TRUE(text.match(QString::fromUtf8(r.body)).hasMatch()) << r.body.constData();

    const QJsonArray messages = inbox(kPhone);
    ASSERT_EQ(messages.size(), 1);
    const QJsonObject m = messages.first().toObject();
    EXPECT_EQ(m.value(QStringLiteral("vendor")).toString(), QStringLiteral("gupshup"));
    EXPECT_EQ(m.value(QStringLiteral("to")).toString(), kPhone);
    EXPECT_EQ(m.value(QStringLiteral("text")).toString(), QStringLiteral("Your code is 482913"));
    EXPECT_EQ(m.value(QStringLiteral("message_id")).toString(),
              QString::fromUtf8(r.body.split('|').last().trimmed()));
}

TEST_F(VendorSimTest, GupshupFormPostAnswersJson)
{
    const QByteArray form = "method=sendmessage&userid=sim-user&password=sim-password&send_to=919876543210"
                            "&msg=Code+111222+%26+more&v=1.1&format=json";
    const HttpResult r = send("POST", QStringLiteral("/GatewayAPI/rest"), form,
                              {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(r.status, 200);
    const QJsonObject response = r.json().value(QStringLiteral("response")).toObject();
    EXPECT_EQ(response.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    EXPECT_EQ(response.value(QStringLiteral("phone")).toString(), kPhone);
    EXPECT_EQ(response.value(QStringLiteral("id")).toString().size(), 10);
    ASSERT_EQ(inbox(kPhone).size(), 1);
    EXPECT_EQ(inbox(kPhone).first().toObject().value(QStringLiteral("text")).toString(),
              QStringLiteral("Code 111222 & more"));
}

TEST_F(VendorSimTest, GupshupRejectsWithHttp200AndAVendorCode)
{
    HttpResult r =
        send("GET", QStringLiteral("/GatewayAPI/rest?method=SendMessage&userid=sim-user&password=wrong"
                                   "&send_to=919876543210&msg=x&v=1.1&format=json"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(
        r.body,
        QByteArray(
            R"({"response":{"id":"102","details":"Authentication failed due to invalid userId or password","status":"error"}})"));

    r = gupshup(QStringLiteral("%2B919876543210")); // a '+' is not digits-only
    EXPECT_EQ(r.body, QByteArray("error | 105 | Invalid phone"));
    r = send("GET",
             QStringLiteral(
                 "/GatewayAPI/"
                 "rest?method=Send&userid=sim-user&password=sim-password&send_to=919876543210&msg=x&v=1.1"));
    EXPECT_EQ(r.body, QByteArray("error | 106 | Method not supported"));
    r = send("GET", QStringLiteral("/GatewayAPI/"
                                   "rest?method=SendMessage&userid=sim-user&password=sim-password&send_to="
                                   "919876543210&msg=x&v=1.0"));
    EXPECT_EQ(r.body, QByteArray("error | 107 | Version unknown"));
    r = send("GET",
             QStringLiteral(
                 "/GatewayAPI/"
                 "rest?method=SendMessage&userid=sim-user&password=sim-password&send_to=919876543210&v=1.1"));
    EXPECT_TRUE(r.body.startsWith("error | 101 | ")) << r.body.constData();
    EXPECT_TRUE(inbox().isEmpty());
}

TEST_F(VendorSimTest, WatiV1AndV2UnderATenantPrefix)
{
    HttpResult r = wati(kPhone);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(
        r.body,
        QByteArray(
            R"({"result":true,"phone_number":"919876543210","template_name":"login_otp","validWhatsAppNumber":true})"));

    r = wati(QStringLiteral("919876543211"), QStringLiteral("v2"), "Bearer sim-wati-token",
             QStringLiteral("/4711"));
    EXPECT_EQ(r.status, 200);
    const QJsonObject json = r.json();
    EXPECT_TRUE(json.value(QStringLiteral("result")).toBool());
    EXPECT_TRUE(json.value(QStringLiteral("error")).isNull());
    const QJsonObject receiver = json.value(QStringLiteral("receivers")).toArray().first().toObject();
    EXPECT_EQ(receiver.value(QStringLiteral("waId")).toString(), QStringLiteral("919876543211"));
    EXPECT_EQ(receiver.value(QStringLiteral("localMessageId")).toString().size(), 36);

    const QJsonArray messages = inbox(QStringLiteral("919876543211"));
    ASSERT_EQ(messages.size(), 1);
    const QJsonObject m = messages.first().toObject();
    EXPECT_EQ(m.value(QStringLiteral("template_name")).toString(), QStringLiteral("login_otp"));
    EXPECT_EQ(m.value(QStringLiteral("text")).toString(), QStringLiteral("482913"));
    EXPECT_EQ(m.value(QStringLiteral("message_id")), receiver.value(QStringLiteral("localMessageId")));
    EXPECT_EQ(m.value(QStringLiteral("extra")).toObject().value(QStringLiteral("tenant")).toString(),
              QStringLiteral("4711"));
}

TEST_F(VendorSimTest, WatiWithoutTheTokenIs401AndNotRecorded)
{
    EXPECT_EQ(wati(kPhone, QStringLiteral("v1"), {}).status, 401);
    EXPECT_EQ(wati(kPhone, QStringLiteral("v1"), "Bearer wrong").status, 401);
    const HttpResult r =
        send("POST", QStringLiteral("/api/v1/sendTemplateMessage?whatsappNumber=919876543210"),
             R"({"parameters":[]})", {{"Authorization", "Bearer sim-wati-token"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, QByteArray(R"({"result":false,"info":"template error"})"));
    EXPECT_TRUE(inbox().isEmpty());
}

TEST_F(VendorSimTest, MyOperatorAcceptsAndChecksTokenAndCompany)
{
    HttpResult r = myOperator(QStringLiteral("9876543210"));
    EXPECT_EQ(r.status, 200);
    const QJsonObject json = r.json();
    EXPECT_EQ(json.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    EXPECT_EQ(json.value(QStringLiteral("message")).toString(), QStringLiteral("Accepted"));
    const QString messageId =
        json.value(QStringLiteral("data")).toObject().value(QStringLiteral("message_id")).toString();
    EXPECT_FALSE(messageId.isEmpty());

    const QJsonArray messages = inbox(QStringLiteral("+919876543210"));
    ASSERT_EQ(messages.size(), 1);
    EXPECT_EQ(messages.first().toObject().value(QStringLiteral("message_id")).toString(), messageId);
    EXPECT_EQ(messages.first()
                  .toObject()
                  .value(QStringLiteral("params"))
                  .toObject()
                  .value(QStringLiteral("otp"))
                  .toString(),
              QStringLiteral("482913"));

    r = myOperator(QStringLiteral("9876543210"), "other-company");
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(r.body, QByteArray(R"({"message":"Invalid company ID!"})"));
    r = myOperator(QStringLiteral("9876543210"), "sim-company", "Bearer wrong");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.body, QByteArray(R"({"message":"Unauthorized"})"));
    EXPECT_EQ(inbox().size(), 1);
}

// Issue 15 items 3 and 6: asked to, the simulator refuses an OTP template whose copy-code button lacks the code.
TEST_F(VendorSimTest, MyOperatorEnforcesTheOtpButtonWhenAsked)
{
    VendorSimulator::Config config;
    config.logRequests = false;
    config.requireOtpButton = true;
    sim = std::make_unique<VendorSimulator>(config);
    ASSERT_NE(sim->start(QHostAddress::LocalHost, 0), 0);
    base = sim->baseUrl().toString();

    HttpResult r = myOperator(QStringLiteral("9876543210"));
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("132000"));
    EXPECT_EQ(inbox().size(), 0);

    const QByteArray withButton =
        R"({"phone_number_id":"1234","customer_country_code":"91","customer_number":"9876543210","data":{"type":"template",)"
        R"("context":{"template_name":"login_otp","language":"en","body":{"1":"482913"},"buttons":[{"index":0,"otp":"482913"}]}}})";
    r = send("POST", QStringLiteral("/chat/messages"), withButton,
             {{"Content-Type", "application/json"}, {"Authorization", "Bearer sim-myop-token"}, {"X-MYOP-COMPANY-ID", "sim-company"}});
    EXPECT_EQ(r.status, 200) << r.body.constData();
    ASSERT_EQ(inbox().size(), 1);
}

// Issue 15 item 6: receipts in the vendors' documented shapes, for messages the simulator accepted.
TEST_F(VendorSimTest, ReceiptsComeInTheVendorsDocumentedShapes)
{
    const QString myopId = myOperator(QStringLiteral("9876543210")).json().value(QStringLiteral("data")).toObject()
                               .value(QStringLiteral("message_id")).toString();
    EXPECT_EQ(QUuid::fromString(myopId).isNull(), false) << "MyOperator's observed message_id is a UUID: " << myopId.toStdString();
    HttpResult r = send("GET", QStringLiteral("/_sim/receipt?message_id=%1&outcome=failed").arg(myopId));
    ASSERT_EQ(r.status, 200);
    QJsonObject callback = QJsonDocument::fromJson(r.json().value(QStringLiteral("body")).toString().toUtf8()).object();
    EXPECT_EQ(callback.value(QStringLiteral("event_type")).toString(), QStringLiteral("message_status"));
    EXPECT_TRUE(callback.value(QStringLiteral("payload")).toObject().value(QStringLiteral("myop_ref_id")).isNull());

    const QString watiId = wati(QStringLiteral("919876543210"), QStringLiteral("v2")).json().value(QStringLiteral("receivers"))
                               .toArray().first().toObject().value(QStringLiteral("localMessageId")).toString();
    r = send("GET", QStringLiteral("/_sim/receipt?message_id=%1&outcome=failed").arg(watiId));
    callback = QJsonDocument::fromJson(r.json().value(QStringLiteral("body")).toString().toUtf8()).object();
    EXPECT_EQ(callback.value(QStringLiteral("eventType")).toString(), QStringLiteral("templateMessageFailed"));
    EXPECT_EQ(callback.value(QStringLiteral("failedCode")).toString(), QStringLiteral("131026"));
    EXPECT_EQ(callback.value(QStringLiteral("localMessageId")).toString(), watiId);

    const QString gupshupId = QString::fromUtf8(gupshup(QStringLiteral("919876543210")).body).section(QLatin1Char('|'), 2).trimmed();
    r = send("GET", QStringLiteral("/_sim/receipt?message_id=%1&outcome=failed").arg(gupshupId));
    EXPECT_EQ(r.json().value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    const QUrlQuery report(r.json().value(QStringLiteral("body")).toString());
    EXPECT_EQ(report.queryItemValue(QStringLiteral("status")), QStringLiteral("FAILURE"));
    EXPECT_EQ(report.queryItemValue(QStringLiteral("externalId")), gupshupId);
    EXPECT_EQ(report.queryItemValue(QStringLiteral("noOfFrags")), QStringLiteral("1"));

    EXPECT_EQ(send("GET", QStringLiteral("/_sim/receipt?message_id=nope")).status, 404);
}

TEST_F(VendorSimTest, LatencyFaultDelaysButAcceptsWithoutBlockingOthers)
{
    addFault(R"({"vendor":"gupshup","to":"919876543210","kind":"latency","latency_ms":400})");
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* slow = start("GET", gupshupQuery(kPhone));
    // Another destination is answered while the slow one waits.
    const HttpResult fast = gupshup(QStringLiteral("919876543219"));
    EXPECT_EQ(fast.status, 200);
    EXPECT_LT(fast.elapsedMs, 350);
    EXPECT_FALSE(slow->isFinished());

    QEventLoop loop;
    QObject::connect(slow, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    if (!slow->isFinished())
        loop.exec();
    const HttpResult r = collect(slow, timer);
    EXPECT_EQ(r.status, 200);
    EXPECT_GE(r.elapsedMs, 390);
    EXPECT_TRUE(r.body.startsWith("success | "));
    EXPECT_EQ(inbox(kPhone).size(), 1);
}

TEST_F(VendorSimTest, HttpFaultAnswersTheStatusOnceThenClears)
{
    addFault(R"({"vendor":"*","to":"919876543210","kind":"http","status":429,"count":1})");
    HttpResult r = gupshup(kPhone);
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(r.retryAfter, QByteArray("1"));
    EXPECT_TRUE(inbox().isEmpty());

    r = gupshup(kPhone); // count 1: the next request goes through
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(inbox().size(), 1);
    EXPECT_TRUE(send("GET", QStringLiteral("/_sim/faults"))
                    .json()
                    .value(QStringLiteral("faults"))
                    .toArray()
                    .isEmpty());

    addFault(R"({"vendor":"myoperator","kind":"http","status":500})");
    r = myOperator(QStringLiteral("9876543210"));
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(r.body, QByteArray(R"({"message":null})"));
    EXPECT_EQ(send("DELETE", QStringLiteral("/_sim/faults")).json().value(QStringLiteral("cleared")).toInt(),
              1);
    EXPECT_EQ(myOperator(QStringLiteral("9876543210")).status, 200);
}

TEST_F(VendorSimTest, VendorErrorFaultsUseEachVendorsErrorShape)
{
    addFault(R"({"kind":"vendor_error"})");
    HttpResult r = gupshup(kPhone, QStringLiteral("&format=json"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, QByteArray(R"({"response":{"id":"105","details":"Invalid phone","status":"error"}})"));
    r = gupshup(kPhone);
    EXPECT_EQ(r.body, QByteArray("error | 105 | Invalid phone"));
    r = wati(kPhone);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, QByteArray(R"({"result":false,"info":"template error"})"));
    r = myOperator(QStringLiteral("9876543210"));
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.body, QByteArray(R"({"status":"error","code":"CHAT_0302","message":"WABA is disabled"})"));
    EXPECT_TRUE(inbox().isEmpty());
}

TEST_F(VendorSimTest, MalformedFaultSendsATruncatedBody)
{
    addFault(R"({"vendor":"gupshup","kind":"malformed"})");
    const HttpResult r = gupshup(kPhone, QStringLiteral("&format=json"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, QByteArray(R"({"respo)"));
    QJsonParseError error{};
    QJsonDocument::fromJson(r.body, &error);
    EXPECT_NE(error.error, QJsonParseError::NoError);
    EXPECT_TRUE(inbox().isEmpty());
}

TEST_F(VendorSimTest, ResetFaultAbortsTheConnection)
{
    addFault(R"({"to":"919876543210","kind":"reset"})");
    const HttpResult r = gupshup(kPhone);
    EXPECT_NE(r.error, QNetworkReply::NoError);
    EXPECT_EQ(r.status, 0);
    EXPECT_TRUE(inbox().isEmpty());
    // QNAM silently re-sends once when the connection dies before any answer: gateways see the
    // error only when the reset repeats (hence count -1 here).
    const int attempts = send("GET", QStringLiteral("/_sim/faults"))
                             .json()
                             .value(QStringLiteral("faults"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QStringLiteral("applied"))
                             .toInt();
    EXPECT_GE(attempts, 1);
    std::printf("[          ] reset seen by QNAM as error %d after %d attempt(s)\n", int(r.error), attempts);
    EXPECT_EQ(gupshup(QStringLiteral("919876543219")).status, 200); // other destinations unaffected
}

TEST_F(VendorSimTest, HangFaultNeverAnswersSoTheClientTimesOut)
{
    addFault(R"({"to":"919876543210","kind":"hang"})");
    const HttpResult r = gupshup(kPhone, {}, 300);
    EXPECT_NE(r.error, QNetworkReply::NoError);
    EXPECT_EQ(r.status, 0);
    EXPECT_GE(r.elapsedMs, 250);
    EXPECT_LT(r.elapsedMs, 3000);
    EXPECT_TRUE(inbox().isEmpty());
    EXPECT_EQ(wati(QStringLiteral("919876543219")).status, 200);
}

TEST_F(VendorSimTest, BadFaultIsRefused)
{
    const HttpResult r = send("POST", QStringLiteral("/_sim/faults"), R"({"kind":"flood"})");
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(send("GET", QStringLiteral("/_sim/faults"))
                    .json()
                    .value(QStringLiteral("faults"))
                    .toArray()
                    .isEmpty());
}

TEST_F(VendorSimTest, InboxFiltersByDigitsAndClears)
{
    gupshup(kPhone);
    wati(QStringLiteral("919876543211"));
    myOperator(QStringLiteral("9876543210"));
    EXPECT_EQ(inbox().size(), 3);
    EXPECT_EQ(inbox(kPhone).size(), 2);
    EXPECT_EQ(inbox(QStringLiteral("%2B919876543211")).size(), 1);
    EXPECT_EQ(inbox(QStringLiteral("919800000000")).size(), 0);

    const QJsonObject stats = send("GET", QStringLiteral("/_sim/stats")).json();
    EXPECT_EQ(stats.value(QStringLiteral("requests")).toInt(), 3);
    EXPECT_EQ(stats.value(QStringLiteral("accepted")).toInt(), 3);
    EXPECT_EQ(stats.value(QStringLiteral("by_vendor"))
                  .toObject()
                  .value(QStringLiteral("wati"))
                  .toObject()
                  .value(QStringLiteral("accepted"))
                  .toInt(),
              1);

    EXPECT_EQ(send("DELETE", QStringLiteral("/_sim/inbox")).json().value(QStringLiteral("cleared")).toInt(),
              3);
    EXPECT_TRUE(inbox().isEmpty());
}

TEST_F(VendorSimTest, KeepAliveServesSeveralRequestsOnOneConnection)
{
    // The server shares this thread, so wait through the event loop, never with waitFor…().
    QTcpSocket socket;
    QByteArray answer;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        answer += socket.readAll();
        if (answer.endsWith(R"({"ok":true})"))
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer guard;
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(5000);
    socket.connectToHost(QHostAddress::LocalHost, sim->port());
    loop.exec();
    ASSERT_EQ(socket.state(), QAbstractSocket::ConnectedState);
    const QByteArray request = "GET /_sim/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    for (int i = 0; i < 3; ++i) {
        answer.clear();
        socket.write(request);
        loop.exec();
        EXPECT_TRUE(answer.startsWith("HTTP/1.1 200 OK\r\n")) << answer.constData();
        EXPECT_TRUE(answer.contains("Content-Length: 11\r\n"));
        EXPECT_FALSE(answer.contains("Connection: close"));
        EXPECT_EQ(socket.state(), QAbstractSocket::ConnectedState);
    }
}

TEST_F(VendorSimTest, ManyConcurrentDeliveriesAllLand)
{
    constexpr int kCount = 600;
    int finished = 0, ok = 0;
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kCount; ++i) {
        QNetworkReply* reply =
            start("GET", gupshupQuery(QStringLiteral("9198%1").arg(i, 8, 10, QLatin1Char('0'))));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            ok += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 ? 1 : 0;
            reply->deleteLater();
            if (++finished == kCount)
                loop.quit();
        });
    }
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    EXPECT_EQ(ok, kCount);
    EXPECT_EQ(sim->inbox().size(), kCount);
    std::printf("[          ] %d deliveries in %lld ms\n", kCount, static_cast<long long>(timer.elapsed()));
}

// Issue 14 item 3: embedded, the simulator says when a receipt callback ends; one nobody takes (the port
// refuses connections) is tried `retries` more times, then given up.
TEST_F(VendorSimTest, ReceiptCallbackNobodyTakesIsGivenUpAndSignalled)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 refusing = closed.serverPort();
    closed.close();

    VendorSimulator::Config config;
    config.logRequests = false;
    config.receipts.urls.insert(QStringLiteral("wati"), QUrl(QStringLiteral("http://127.0.0.1:%1/wati").arg(refusing)));
    config.receipts.delayMs = 0;
    config.receipts.retries = 1;
    config.receipts.retryMs = 10;
    sim = std::make_unique<VendorSimulator>(config);
    ASSERT_NE(sim->start(QHostAddress::LocalHost, 0), 0);
    base = sim->baseUrl().toString();

    QEventLoop loop;
    QString finishedId;
    bool taken = true;
    QObject::connect(sim.get(), &VendorSimulator::receiptCallbackFinished, &loop,
                     [&](const QString& vendor, const QString& messageId, bool wasTaken) {
                         EXPECT_EQ(vendor, QStringLiteral("wati"));
                         finishedId = messageId;
                         taken = wasTaken;
                         loop.quit();
                     });
    const QString id = wati(kPhone, QStringLiteral("v2")).json().value(QStringLiteral("receivers")).toArray().first()
                           .toObject().value(QStringLiteral("localMessageId")).toString();
    if (finishedId.isEmpty()) {
        QTimer::singleShot(10000, &loop, &QEventLoop::quit); // never hang the suite
        loop.exec();
    }
    EXPECT_EQ(finishedId, id);
    EXPECT_FALSE(taken);
    const QJsonObject stats = sim->receiptStats();
    EXPECT_EQ(stats.value(QStringLiteral("retried")).toInt(), 1);
    EXPECT_EQ(stats.value(QStringLiteral("given_up")).toInt(), 1);
}

} // namespace
