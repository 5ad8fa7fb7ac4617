// What vendors and operators hand the core, taken as data on every engine (issue 10 items 9, 11, 14):
// NUL bytes and control characters in a vendor's answer or receipt are stored (replaced) instead of
// failing the statement; a database error names the operation and never the statement's values; a
// vendor id that merely contains the code's digits is kept whole so its receipts match; vendor
// settings outside each kind's list (where credentials would hide) are refused by name.
// The vendor here is the real Gupshup gateway over real HTTP, against a one-answer server on loopback.
#include "ChallengeStore.h"
#include "DeliveryLog.h"
#include "DeliveryReceipts.h"
#include "GupshupGateway.h"
#include "SequenceRandom.h"
#include "TestDatabase.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlError>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <gtest/gtest.h>

#include <functional>

using namespace otp;
using namespace otp::test;

namespace {
const QString kPhone = QStringLiteral("+919876543210");
const Actor kAdmin{QStringLiteral("asha"), QStringLiteral("admin")};

// An HTTP/1.1 server on its own thread that answers every request 200 with the body `answer` gives
// (bytes as they are: NULs included), then closes the connection.
class OneAnswerServer
{
public:
    explicit OneAnswerServer(std::function<QByteArray()> answer) : m_answer(std::move(answer))
    {
        m_server = new QTcpServer;
        m_server->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_server,
            [this] {
                m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
                QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
                        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
                        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                    }
                });
            },
            Qt::BlockingQueuedConnection);
    }
    ~OneAnswerServer()
    {
        QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(headerEnd).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        m_buffers.remove(socket);
        const QByteArray body = m_answer();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    std::function<QByteArray()> m_answer;
    QThread m_thread;
    QTcpServer* m_server = nullptr;
    quint16 m_port = 0;
    QHash<QTcpSocket*, QByteArray> m_buffers; // server thread only
};

std::shared_ptr<GupshupGateway> gupshupAt(const QString& name, const QString& baseUrl, const QString& format)
{
    VendorConfig c;
    c.name = name;
    c.kind = QStringLiteral("gupshup");
    c.secretName = QStringLiteral("vendor/gupshup");
    c.settings = {{QStringLiteral("base_url"), baseUrl},
                  {QStringLiteral("userid"), QStringLiteral("2000")},
                  {QStringLiteral("format"), format},
                  // India's DLT registration (issue 15 item 5): an SMS to +91 is refused without it
                  {QStringLiteral("principal_entity_id"), QStringLiteral("1101000000000000001")},
                  {QStringLiteral("dlt_template_id"), QStringLiteral("1107000000000000001")}};
    return std::make_shared<GupshupGateway>(c, QStringLiteral("sim-password"));
}

bool hasControl(const QString& s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n'))
            return true;
    return false;
}

QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext&, const QString& msg) { g_log << msg; }

const QString kReplacement(QChar(0xFFFD));
} // namespace

// Item 9: a NUL (and other C0 controls) in what the vendor answered is stored, replaced by U+FFFD, on
// every engine; the delivery is recorded as accepted and the code works. Before: PostgreSQL refused
// the UPDATE, the send answered internal_error and the delivery stayed in `sending`.
TEST(VendorText, NulAndControlsInAVendorAnswerAreStoredReplacedOnEveryEngine)
{
    SequenceRandom fixed({4, 8, 2, 9, 1, 3});
    TestDatabase db({}, &fixed);
    static const char answer[] = "success | 919876543210 | 3270\0006375\x01\x1b-331\t1";
    OneAnswerServer server([] { return QByteArray(answer, sizeof answer - 1); });
    db.gateways().add(gupshupAt(QStringLiteral("nul-vendor"), server.url(), QStringLiteral("text")));

    const Outcome sent = db.service().send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login,
                                            QStringLiteral("nul-vendor")}, kAdmin);
    ASSERT_EQ(sent.status, OutcomeStatus::Sent) << sent.message.toStdString();
    auto row = DeliveryLog(db.database().session()).byId(db.count(QStringLiteral("SELECT MAX(id) FROM deliveries")));
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->state, QStringLiteral("accepted"));
    const QString id = QStringLiteral("3270") + kReplacement + QStringLiteral("6375") + kReplacement + kReplacement +
                       QStringLiteral("-331\t1");
    EXPECT_EQ(row->messageId, id) << "every control but tab and newline becomes U+FFFD, so distinct ids stay distinct";
    EXPECT_FALSE(hasControl(row->excerpt)) << row->excerpt.toStdString();
    EXPECT_TRUE(row->excerpt.contains(kReplacement)) << row->excerpt.toStdString();
    EXPECT_EQ(db.service().verify({QStringLiteral("default"), kPhone, QStringLiteral("482913"), Purpose::Login}).status,
              OutcomeStatus::Verified);

    // The receipt names the id with its NUL as the send answer gave it: it still matches, and its
    // vendor text is stored the same way.
    QString error;
    const QList<DeliveryReceipt> receipts = DeliveryReceipts::parse(
        QStringLiteral("gupshup"),
        R"([{"externalId":"3270\u00006375\u0001\u001b-331\t1","eventType":"FAILED","cause":"ABSENT\u0000SUB","errCode":"0\u00009","destAddr":"9198\u00007"}])",
        {}, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_EQ(receipts.size(), 1);
    const Outcome applied = db.service().applyReceipts(QStringLiteral("nul-vendor"), receipts);
    ASSERT_TRUE(applied.ok()) << applied.message.toStdString();
    EXPECT_EQ(applied.details.value(QStringLiteral("updated")).toInt(), 1) << applied.message.toStdString();
    row = DeliveryLog(db.database().session()).byId(row->id);
    EXPECT_EQ(row->state, QStringLiteral("failed"));
    EXPECT_EQ(row->vendorCode, QStringLiteral("0") + kReplacement + QStringLiteral("9"));
    EXPECT_FALSE(hasControl(row->reason)) << row->reason.toStdString();
    for (QString text : db.dumpAllText())
        EXPECT_FALSE(hasControl(text.remove(QLatin1Char('\r')))) << text.toStdString();
}

// Item 9: a refusal whose code and words carry NULs fails the delivery cleanly (no internal_error).
TEST(VendorText, NulInAVendorRefusalIsStoredReplacedOnEveryEngine)
{
    static const char answer[] = "error | 1\0009 | bad\0 thing\x07";
    OneAnswerServer server([] { return QByteArray(answer, sizeof answer - 1); });
    TestDatabase db;
    db.gateways().add(gupshupAt(QStringLiteral("nul-refuser"), server.url(), QStringLiteral("text")));
    const Outcome sent = db.service().send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login,
                                            QStringLiteral("nul-refuser")}, kAdmin);
    EXPECT_EQ(sent.status, OutcomeStatus::DeliveryFailed) << sent.message.toStdString();
    const auto row = DeliveryLog(db.database().session()).byId(db.count(QStringLiteral("SELECT MAX(id) FROM deliveries")));
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->state, QStringLiteral("failed"));
    EXPECT_EQ(row->vendorCode, QStringLiteral("1") + kReplacement + QStringLiteral("9"));
    EXPECT_FALSE(hasControl(row->reason)) << row->reason.toStdString();
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = 'sending'")), 0);
}

// Item 9: when a statement fails, what callers and the log get names the operation and the
// driver's words, never the values bound to it (QPSQL executes prepared statements as
// `EXECUTE name ('value', …)` and PostgreSQL quotes that text back; MariaDB quotes duplicate keys).
TEST(StoreErrorText, DriverErrorsNameTheOperationButNeverTheValues)
{
    TestDatabase db;
    SqlSession& s = db.database().session();
    const QString secretValue = QStringLiteral("s3cr3t-v4lue-7730");
    const QString insert = QStringLiteral("INSERT INTO vendors (name, kind, settings, secret_name, enabled, updated_at) "
                                          "VALUES (?, ?, ?, ?, ?, ?)");
    s.update(insert, {secretValue, QStringLiteral("dev"), QStringLiteral("{}"), QString(), 1, 0});

    QLoggingCategory::setFilterRules(QStringLiteral("otp.*=true"));
    g_log.clear();
    auto previous = qInstallMessageHandler(captureLog);
    QStringList messages;
    try {
        s.update(insert, {secretValue, QStringLiteral("dev"), QStringLiteral("{}"), QString(), 1, 0});
        ADD_FAILURE() << "a duplicate name was accepted";
    } catch (const StoreError& e) {
        messages << e.message();
    }
    // NUL inside a bound value: PostgreSQL refuses it (SQLite and MariaDB store it).
    try {
        s.update(QStringLiteral("UPDATE vendors SET settings = ? WHERE name = ?"),
                 {secretValue + QChar(0) + QStringLiteral("tail"), secretValue});
    } catch (const StoreError& e) {
        messages << e.message();
    }
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*.info=false"));

    ASSERT_FALSE(messages.isEmpty());
    RecordProperty("messages", messages.join(QStringLiteral(" | ")).toStdString());
    EXPECT_TRUE(messages.first().contains(QLatin1String("INSERT INTO vendors"))) << messages.first().toStdString();
    for (const QString& m : messages + g_log) {
        EXPECT_FALSE(m.contains(secretValue)) << m.toStdString();
        EXPECT_FALSE(m.contains(QLatin1String("EXECUTE"))) << m.toStdString();
        EXPECT_FALSE(m.contains(QLatin1String("7730"))) << m.toStdString();
    }
    if (ScratchDatabase::engine() == SqlDialect::Postgres) {
        EXPECT_EQ(messages.size(), 2) << "PostgreSQL refuses a NUL in text";
    }
}

// Item 14: a vendor id that contains the code's digits inside a longer number is the vendor's id by
// chance: it is stored whole, so the receipt naming it matches. (An id that *is* the code, standing
// alone, is an echo and stays masked: see OtpFlow.Security11_….)
TEST(VendorIds, AnIdContainingTheCodesDigitsIsKeptWholeSoItsReceiptMatches)
{
    SequenceRandom fixed({7, 3, 0, 5, 5, 1});
    TestDatabase db({}, &fixed);
    OneAnswerServer server([] {
        return QByteArray(R"({"response":{"id":"1000730551","phone":"919876543210","details":"","status":"success"}})");
    });
    db.gateways().add(gupshupAt(QStringLiteral("ids"), server.url(), QStringLiteral("json")));
    const Outcome sent = db.service().send({QStringLiteral("default"), kPhone, std::nullopt, Purpose::Login,
                                            QStringLiteral("ids")}, kAdmin);
    ASSERT_EQ(sent.status, OutcomeStatus::Sent) << sent.message.toStdString();
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE message_id = ?"), {QStringLiteral("1000730551")}), 1);

    QString error;
    const auto receipts = DeliveryReceipts::parse(
        QStringLiteral("gupshup"), {},
        QUrlQuery(QStringLiteral("externalId=1000730551&status=SUCCESS&cause=SUCCESS&errCode=000&phoneNo=919876543210")),
        &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    const Outcome applied = db.service().applyReceipts(QStringLiteral("ids"), receipts);
    EXPECT_EQ(applied.details.value(QStringLiteral("updated")).toInt(), 1) << applied.message.toStdString();
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = 'delivered'")), 1);
}

// Item 11: only the settings a vendor kind knows are accepted; anything else (where a credential
// would hide: passwd, authorization, headers) is refused by name before it reaches the table or the
// audit log, and so is a base_url with a query string or user:password@.
TEST(VendorSettings, UnknownSettingsAndCredentialBearingUrlsAreRefusedByName)
{
    TestDatabase db;
    OtpService& svc = db.service();
    auto gupshup = [](QJsonObject extra) {
        VendorConfig c;
        c.name = QStringLiteral("gs");
        c.kind = QStringLiteral("gupshup");
        c.secretName = QStringLiteral("vendor/gupshup");
        c.settings = {{QStringLiteral("base_url"), QStringLiteral("https://enterprise.smsgupshup.com")},
                      {QStringLiteral("userid"), QStringLiteral("2000")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            c.settings.insert(it.key(), it.value());
        return c;
    };
    struct Case
    {
        QString key, value, expected;
    };
    const QList<Case> refused{
        {QStringLiteral("passwd"), QStringLiteral("hunter2-leak"), QStringLiteral("unknown setting 'passwd' for a gupshup vendor")},
        {QStringLiteral("authorization"), QStringLiteral("Bearer hunter2-leak"), QStringLiteral("unknown setting 'authorization'")},
        {QStringLiteral("headers"), QStringLiteral("Authorization: hunter2-leak"), QStringLiteral("unknown setting 'headers'")},
        {QStringLiteral("base_url"), QStringLiteral("http://h.example/?password=hunter2-leak"), QStringLiteral("query string")},
        {QStringLiteral("base_url"), QStringLiteral("http://h.example/api?k=hunter2-leak"), QStringLiteral("query string")},
        {QStringLiteral("base_url"), QStringLiteral("http://u:hunter2-leak@h.example/"), QStringLiteral("user:password@")},
    };
    for (const Case& c : refused) {
        const Outcome o = svc.saveVendor(gupshup({{c.key, c.value}}), kAdmin);
        EXPECT_EQ(o.status, OutcomeStatus::InvalidInput) << c.key.toStdString();
        EXPECT_TRUE(o.message.contains(c.expected)) << o.message.toStdString();
        EXPECT_FALSE(o.message.contains(QLatin1String("hunter2-leak"))) << o.message.toStdString();
    }
    // Time is bounded too: a vendor call may hold a worker for at most a minute.
    const Outcome slow = svc.saveVendor(gupshup({{QStringLiteral("timeout_ms"), QStringLiteral("3600000")}}), kAdmin);
    EXPECT_EQ(slow.status, OutcomeStatus::InvalidInput);
    EXPECT_TRUE(slow.message.contains(QLatin1String("timeout_ms"))) << slow.message.toStdString();
    const Outcome passwd = svc.saveVendor(gupshup({{QStringLiteral("passwd"), QStringLiteral("x")}}), kAdmin);
    EXPECT_TRUE(passwd.message.contains(QLatin1String("known: base_url, userid"))) << passwd.message.toStdString();
    for (const QString& text : db.dumpAllText())
        EXPECT_FALSE(text.contains(QLatin1String("hunter2-leak"))) << text.toStdString();
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM vendors")), 0);

    // Every documented setting of every kind is still accepted.
    EXPECT_TRUE(svc.saveVendor(gupshup({{QStringLiteral("mask"), QStringLiteral("OTPSMS")},
                                        {QStringLiteral("format"), QStringLiteral("json")},
                                        {QStringLiteral("method"), QStringLiteral("POST")},
                                        {QStringLiteral("msg_type"), QStringLiteral("TEXT")},
                                        {QStringLiteral("dlt_template_id"), QStringLiteral("1107")},
                                        {QStringLiteral("principal_entity_id"), QStringLiteral("1101")},
                                        {QStringLiteral("timeout_ms"), QStringLiteral("5000")}}),
                               kAdmin).ok());
    VendorConfig wati;
    wati.name = QStringLiteral("wati");
    wati.kind = QStringLiteral("wati");
    wati.secretName = QStringLiteral("vendor/wati");
    wati.settings = {{QStringLiteral("base_url"), QStringLiteral("https://live-server-4711.wati.io/tenant-4711")},
                     {QStringLiteral("api_version"), QStringLiteral("v2")}, {QStringLiteral("template_name"), QStringLiteral("otp")},
                     {QStringLiteral("broadcast_name"), QStringLiteral("otp")}, {QStringLiteral("code_parameter"), QStringLiteral("1")},
                     {QStringLiteral("timeout_ms"), 4000}};
    EXPECT_TRUE(svc.saveVendor(wati, kAdmin).ok());
    VendorConfig myop;
    myop.name = QStringLiteral("myop");
    myop.kind = QStringLiteral("myoperator");
    myop.secretName = QStringLiteral("vendor/myop");
    myop.settings = {{QStringLiteral("base_url"), QStringLiteral("https://publicapi.myoperator.co")},
                     {QStringLiteral("company_id"), QStringLiteral("c1")}, {QStringLiteral("phone_number_id"), QStringLiteral("p1")},
                     {QStringLiteral("waba_id"), QStringLiteral("w1")}, {QStringLiteral("template_name"), QStringLiteral("otp")},
                     {QStringLiteral("language"), QStringLiteral("en")}};
    EXPECT_TRUE(svc.saveVendor(myop, kAdmin).ok());
    VendorConfig smtp;
    smtp.name = QStringLiteral("mail");
    smtp.kind = QStringLiteral("smtp");
    smtp.settings = {{QStringLiteral("url"), QStringLiteral("smtps://mail.example.org:465")},
                     {QStringLiteral("starttls"), QStringLiteral("required")}, {QStringLiteral("from"), QStringLiteral("otp@example.org")},
                     {QStringLiteral("subject"), QStringLiteral("Your code")}};
    EXPECT_TRUE(svc.saveVendor(smtp, kAdmin).ok());
    smtp.settings.insert(QStringLiteral("password"), QStringLiteral("x"));
    EXPECT_EQ(svc.saveVendor(smtp, kAdmin).status, OutcomeStatus::InvalidInput);
    VendorConfig dev;
    dev.name = QStringLiteral("dev2");
    dev.kind = QStringLiteral("dev");
    dev.settings = {{QStringLiteral("outbox"), QStringLiteral("/tmp/x.jsonl")}};
    EXPECT_TRUE(svc.saveVendor(dev, kAdmin).ok());
    dev.settings.insert(QStringLiteral("token"), QStringLiteral("x"));
    EXPECT_EQ(svc.saveVendor(dev, kAdmin).status, OutcomeStatus::InvalidInput);
}
