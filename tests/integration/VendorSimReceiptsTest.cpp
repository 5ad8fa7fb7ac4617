// Issue 14 item 3: otp-vendor-sim (the real executable) calls each vendor's delivery receipts back to the
// URL it was given, in the vendor's own format. A loopback listener in the test takes the callbacks, and
// each body is read with the core's DeliveryReceipts parsers, as otpd will read it. Time is injected
// through --receipt-delay-ms and --receipt-retry-ms; the test waits on events, never sleeps.
#include "DeliveryReceipts.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <functional>
#include <vector>

using otp::DeliveryReceipt;
namespace DeliveryReceipts = otp::DeliveryReceipts;

namespace {

const QString kPhone = QStringLiteral("919876543210");

// Runs the event loop until `done` holds or `timeoutMs` passes; returns whether it holds.
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

// One HTTP request as the listener received it.
struct Callback
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
};

// A loopback HTTP/1.1 listener that reads whole requests and answers each with the next status in
// `statuses` (200 once they run out), closing the connection after every answer.
class CallbackListener
{
public:
    std::vector<Callback> received;
    QList<int> statuses;

    CallbackListener()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url(const QString& pathAndQuery) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(pathAndQuery);
    }
    bool waitFor(size_t count, int timeoutMs = 10000)
    {
        return waitUntil([&] { return received.size() >= count; }, timeoutMs);
    }

private:
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Callback c;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        c.method = requestLine.value(0);
        const QUrl target(QString::fromLatin1(requestLine.value(1)));
        c.path = target.path();
        c.query = QUrlQuery(target);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                c.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = c.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return; // the rest of the body is still coming
        c.body = buffer.mid(headerEnd + 4, length);
        m_buffers.remove(socket);
        received.push_back(c);
        const int status = statuses.isEmpty() ? 200 : statuses.takeFirst();
        socket->write(QByteArray("HTTP/1.1 ") + QByteArray::number(status) +
                      " Answer\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

class VendorSimReceipts : public ::testing::Test
{
protected:
    CallbackListener listener;
    QProcess sim;
    QNetworkAccessManager nam;
    QString base;

    void SetUp() override { nam.setProxy(QNetworkProxy::NoProxy); }
    void TearDown() override
    {
        sim.kill();
        sim.waitForFinished(3000);
    }

    // Starts otp-vendor-sim on a free port with `args` (receipt options) added.
    void startSim(const QStringList& args)
    {
        sim.setProgram(QStringLiteral(OTP_TEST_VENDORSIM));
        sim.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--quiet")} + args);
        sim.start();
        static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        QByteArray out;
        while (base.isEmpty() && sim.waitForReadyRead(10000)) {
            out += sim.readAllStandardOutput();
            if (const auto m = listening.match(QString::fromUtf8(out)); m.hasMatch())
                base = m.captured(1);
        }
        ASSERT_FALSE(base.isEmpty()) << "otp-vendor-sim did not start: " << sim.readAllStandardError().constData();
    }

    QByteArray call(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body = {},
                    const QList<std::pair<QByteArray, QByteArray>>& headers = {}, int* status = nullptr)
    {
        QNetworkRequest request(QUrl(base + pathAndQuery));
        request.setTransferTimeout(5000);
        for (const auto& [name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply* reply = nam.sendCustomRequest(request, verb, body);
        waitUntil([reply] { return reply->isFinished(); });
        EXPECT_TRUE(reply->isFinished()) << "no answer for " << qPrintable(pathAndQuery);
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        reply->deleteLater();
        return answer;
    }
    QJsonObject json(const QByteArray& bytes) { return QJsonDocument::fromJson(bytes).object(); }

    // Sends one SMS through the simulator's Gupshup API (format=json); returns the id Gupshup answered.
    QString sendGupshup()
    {
        const QJsonObject answer = json(call(
            "GET", QStringLiteral("/GatewayAPI/rest?method=SendMessage&userid=sim-user&password=sim-password&send_to=%1"
                                  "&msg=Your%20code%20is%20482913&msg_type=TEXT&auth_scheme=plain&v=1.1&format=json&mask=OTPSIM")
                       .arg(kPhone)));
        return answer.value(QStringLiteral("response")).toObject().value(QStringLiteral("id")).toString();
    }
    // A WATI v2 template send; returns receivers[0].localMessageId.
    QString sendWati()
    {
        const QJsonObject answer = json(call(
            "POST", QStringLiteral("/api/v2/sendTemplateMessage?whatsappNumber=%1").arg(kPhone),
            R"({"template_name":"login_otp","broadcast_name":"login_otp","parameters":[{"name":"1","value":"482913"}]})",
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer sim-wati-token"}}));
        return answer.value(QStringLiteral("receivers")).toArray().first().toObject().value(QStringLiteral("localMessageId")).toString();
    }
    // A MyOperator template send; returns data.message_id.
    QString sendMyOperator()
    {
        const QByteArray body =
            R"({"phone_number_id":"1234","customer_country_code":"91","customer_number":"9876543210",)"
            R"("data":{"type":"template","context":{"template_name":"login_otp","language":"en","body":{"otp":"482913"}}}})";
        const QJsonObject answer = json(call("POST", QStringLiteral("/chat/messages"), body,
                                             {{"Content-Type", "application/json"},
                                              {"Authorization", "Bearer sim-myop-token"},
                                              {"X-MYOP-COMPANY-ID", "sim-company"}}));
        return answer.value(QStringLiteral("data")).toObject().value(QStringLiteral("message_id")).toString();
    }

    static QList<DeliveryReceipt> parsed(const QString& kind, const Callback& c)
    {
        QString error;
        const QList<DeliveryReceipt> receipts = DeliveryReceipts::parse(kind, c.body, c.query, &error);
        EXPECT_TRUE(error.isEmpty()) << error.toStdString() << " in " << c.body.constData();
        return receipts;
    }
};

TEST_F(VendorSimReceipts, WatiPostsItsV2WebhookToTheUrlGivenWhole)
{
    startSim({QStringLiteral("--receipt-url-wati"), listener.url(QStringLiteral("/hooks/wati?token=t1")),
              QStringLiteral("--receipt-delay-ms"), QStringLiteral("0")});
    const QString id = sendWati();
    ASSERT_FALSE(id.isEmpty());

    ASSERT_TRUE(listener.waitFor(1)) << "no WATI callback";
    const Callback& c = listener.received.front();
    EXPECT_EQ(c.method, QByteArray("POST"));
    EXPECT_EQ(c.path, QStringLiteral("/hooks/wati"));
    EXPECT_EQ(c.query.queryItemValue(QStringLiteral("token")), QStringLiteral("t1"));
    EXPECT_TRUE(c.headers.value("content-type").startsWith("application/json"));
    EXPECT_EQ(json(c.body).value(QStringLiteral("eventType")).toString(), QStringLiteral("sentMessageDELIVERED_v2"));
    const QList<DeliveryReceipt> receipts = parsed(QStringLiteral("wati"), c);
    ASSERT_EQ(receipts.size(), 1);
    EXPECT_EQ(receipts.first().messageId, id);
    EXPECT_EQ(receipts.first().state, DeliveryReceipt::State::Delivered);
}

TEST_F(VendorSimReceipts, GupshupPostsAJsonArrayThenSendsAGetOnceSwitchedAtRuntime)
{
    startSim({QStringLiteral("--receipt-url-gupshup"), listener.url(QStringLiteral("/dlr/gupshup")),
              QStringLiteral("--receipt-delay-ms"), QStringLiteral("0")});
    const QString first = sendGupshup();
    ASSERT_TRUE(listener.waitFor(1)) << "no Gupshup callback";
    const Callback post = listener.received.at(0);
    EXPECT_EQ(post.method, QByteArray("POST"));
    EXPECT_TRUE(QJsonDocument::fromJson(post.body).isArray()) << post.body.constData();
    QList<DeliveryReceipt> receipts = parsed(QStringLiteral("gupshup"), post);
    ASSERT_EQ(receipts.size(), 1);
    EXPECT_EQ(receipts.first().messageId, first);
    EXPECT_EQ(receipts.first().state, DeliveryReceipt::State::Delivered);
    EXPECT_EQ(receipts.first().destination, kPhone);
    EXPECT_EQ(receipts.first().parts, 1);

    // The control API switches Gupshup to its GET report (VENDORS.md: both are documented).
    int status = 0;
    call("POST", QStringLiteral("/_sim/receipts"), R"({"gupshup_method":"get"})", {{"Content-Type", "application/json"}},
         &status);
    ASSERT_EQ(status, 200);
    const QString second = sendGupshup();
    ASSERT_TRUE(listener.waitFor(2)) << "no second Gupshup callback";
    const Callback get = listener.received.at(1);
    EXPECT_EQ(get.method, QByteArray("GET"));
    EXPECT_EQ(get.path, QStringLiteral("/dlr/gupshup"));
    EXPECT_EQ(get.query.queryItemValue(QStringLiteral("status")), QStringLiteral("SUCCESS"));
    EXPECT_EQ(get.query.queryItemValue(QStringLiteral("mask")), QStringLiteral("OTPSIM"));
    receipts = parsed(QStringLiteral("gupshup"), get);
    ASSERT_EQ(receipts.size(), 1);
    EXPECT_EQ(receipts.first().messageId, second);
    EXPECT_EQ(receipts.first().state, DeliveryReceipt::State::Delivered);
}

TEST_F(VendorSimReceipts, FailRateOneReportsEachVendorsOwnFailure)
{
    startSim({QStringLiteral("--receipt-url-gupshup"), listener.url(QStringLiteral("/gupshup")),
              QStringLiteral("--receipt-url-wati"), listener.url(QStringLiteral("/wati")),
              QStringLiteral("--receipt-url-myoperator"), listener.url(QStringLiteral("/myoperator")),
              QStringLiteral("--receipt-gupshup-method"), QStringLiteral("get"),
              QStringLiteral("--receipt-delay-ms"), QStringLiteral("0"),
              QStringLiteral("--receipt-fail-rate"), QStringLiteral("1")});
    const QHash<QString, QString> ids{{QStringLiteral("gupshup"), sendGupshup()},
                                      {QStringLiteral("wati"), sendWati()},
                                      {QStringLiteral("myoperator"), sendMyOperator()}};
    ASSERT_TRUE(listener.waitFor(3)) << "callbacks: " << listener.received.size();

    for (const Callback& c : listener.received) {
        const QString kind = c.path.mid(1);
        SCOPED_TRACE(kind.toStdString());
        const QList<DeliveryReceipt> receipts = parsed(kind, c);
        ASSERT_EQ(receipts.size(), 1);
        EXPECT_EQ(receipts.first().messageId, ids.value(kind));
        EXPECT_EQ(receipts.first().state, DeliveryReceipt::State::Failed);
        if (kind == QLatin1String("gupshup")) {
            EXPECT_EQ(c.query.queryItemValue(QStringLiteral("status")), QStringLiteral("FAILURE"));
            EXPECT_EQ(receipts.first().vendorCode, QStringLiteral("003"));
        } else if (kind == QLatin1String("wati")) {
            EXPECT_EQ(json(c.body).value(QStringLiteral("eventType")).toString(), QStringLiteral("templateMessageFailed"));
            EXPECT_EQ(receipts.first().vendorCode, QStringLiteral("131026"));
        } else {
            EXPECT_EQ(json(c.body).value(QStringLiteral("event_type")).toString(), QStringLiteral("message_status"));
            EXPECT_EQ(receipts.first().vendorCode, QStringLiteral("131026"));
        }
    }
}

TEST_F(VendorSimReceipts, TheAnswerDoesNotWaitForTheDelayedCallback)
{
    startSim({QStringLiteral("--receipt-url-myoperator"), listener.url(QStringLiteral("/myop")),
              QStringLiteral("--receipt-delay-ms"), QStringLiteral("400")});
    QElapsedTimer timer;
    timer.start();
    const QString id = sendMyOperator();
    ASSERT_FALSE(id.isEmpty());
    EXPECT_TRUE(listener.received.empty()) << "the callback came before the send was answered";

    ASSERT_TRUE(listener.waitFor(1));
    EXPECT_GE(timer.elapsed(), 350) << "the callback did not wait for --receipt-delay-ms";
    const QList<DeliveryReceipt> receipts = parsed(QStringLiteral("myoperator"), listener.received.front());
    ASSERT_EQ(receipts.size(), 1);
    EXPECT_EQ(receipts.first().messageId, id);
    EXPECT_EQ(receipts.first().state, DeliveryReceipt::State::Delivered);
}

TEST_F(VendorSimReceipts, ACallbackNotTakenIsTriedAgainThenGivenUp)
{
    listener.statuses = {503, 500, 200, 500, 500, 500};
    startSim({QStringLiteral("--receipt-url-wati"), listener.url(QStringLiteral("/wati")),
              QStringLiteral("--receipt-delay-ms"), QStringLiteral("0"),
              QStringLiteral("--receipt-retries"), QStringLiteral("2"),
              QStringLiteral("--receipt-retry-ms"), QStringLiteral("20")});
    sendWati();
    ASSERT_TRUE(listener.waitFor(3)) << "tries: " << listener.received.size();
    EXPECT_EQ(listener.received.at(1).body, listener.received.at(0).body);
    EXPECT_EQ(listener.received.at(2).body, listener.received.at(0).body);

    sendWati(); // three more 500s: the first try and two retries, then it is given up
    ASSERT_TRUE(listener.waitFor(6)) << "tries: " << listener.received.size();
    QJsonObject stats;
    EXPECT_TRUE(waitUntil([&] {
        stats = json(call("GET", QStringLiteral("/_sim/receipts")));
        return stats.value(QStringLiteral("given_up")).toInt() == 1;
    })) << QJsonDocument(stats).toJson().constData();
    EXPECT_EQ(stats.value(QStringLiteral("taken")).toInt(), 1);
    EXPECT_EQ(stats.value(QStringLiteral("retried")).toInt(), 4);
    EXPECT_EQ(listener.received.size(), 6u);
}

TEST_F(VendorSimReceipts, UrlsSetThroughTheControlApiAndStopped)
{
    startSim({});
    sendWati();
    EXPECT_EQ(json(call("GET", QStringLiteral("/_sim/receipts"))).value(QStringLiteral("scheduled")).toInt(), 0);

    int status = 0;
    const QByteArray settings = QStringLiteral(R"({"urls":{"wati":"%1"},"delay_ms":0})")
                                    .arg(listener.url(QStringLiteral("/runtime")))
                                    .toUtf8();
    call("POST", QStringLiteral("/_sim/receipts"), settings, {{"Content-Type", "application/json"}}, &status);
    ASSERT_EQ(status, 200);
    const QString id = sendWati();
    ASSERT_TRUE(listener.waitFor(1));
    EXPECT_EQ(listener.received.front().path, QStringLiteral("/runtime"));
    EXPECT_EQ(parsed(QStringLiteral("wati"), listener.received.front()).value(0).messageId, id);

    call("POST", QStringLiteral("/_sim/receipts"), R"({"urls":{"wati":"ftp://nowhere"}})", {}, &status);
    EXPECT_EQ(status, 400);
    call("DELETE", QStringLiteral("/_sim/receipts"), {}, {}, &status);
    EXPECT_EQ(status, 200);
    const QJsonObject after = json(call("GET", QStringLiteral("/_sim/receipts")));
    EXPECT_TRUE(after.value(QStringLiteral("urls")).toObject().isEmpty());
    sendWati();
    EXPECT_EQ(json(call("GET", QStringLiteral("/_sim/receipts"))).value(QStringLiteral("scheduled")).toInt(), 1);
}

} // namespace
