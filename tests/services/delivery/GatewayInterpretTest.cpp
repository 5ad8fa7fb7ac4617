// The vendor gateways without a network: every answer VENDORS.md documents goes through each
// gateway's pure interpret() function, and the requests they would send are checked field by field.
// SECURITY.md row 11: the code and the credentials never reach a reason or an excerpt.
#include "GatewayFactory.h"
#include "GupshupGateway.h"
#include "MyOperatorGateway.h"
#include "Redactor.h"
#include "SmtpGateway.h"
#include "WatiGateway.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QUrlQuery>

#include <curl/curl.h>

#include <ostream>

// QString lives in the global namespace: gtest finds this printer there by ADL.
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }
inline void PrintTo(const QByteArray& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace {

using namespace otp;

const QString kCode = QStringLiteral("482913");
const QString kPassword = QStringLiteral("p@ss+w/rd");
const QString kToken = QStringLiteral("eyJhbGciOi.tok/en+value");

Redactor redactor() { return Redactor({kCode, kPassword, kToken}); }

void expectClean(const VendorAnswer& a)
{
    for (const QString& secret : {kCode, kPassword, kToken}) {
        EXPECT_FALSE(a.excerpt.contains(secret)) << a.excerpt.toStdString();
        EXPECT_FALSE(a.reason.contains(secret)) << a.reason.toStdString();
    }
    EXPECT_LE(a.excerpt.size(), Redactor::kExcerptChars);
    EXPECT_FALSE(a.reason.isEmpty());
}

OutgoingMessage sms(const QString& body = QStringLiteral("Your login code is 482913. It expires in 5 minutes."))
{
    OutgoingMessage m;
    m.tenant = QStringLiteral("default");
    m.challengeRef = QStringLiteral("CH-7f3a");
    m.deliveryId = 42;
    m.channel = Channel::Sms;
    m.destination = QStringLiteral("+919876543210");
    m.code = kCode;
    m.body = body;
    return m;
}

// x-www-form-urlencoded → (key → decoded value), strictly: '+' must not appear unencoded.
QMap<QString, QString> decodeForm(const QByteArray& form)
{
    QMap<QString, QString> out;
    for (const QByteArray& pair : form.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(eq))),
                   QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(eq + 1))));
    }
    return out;
}

VendorConfig config(const QString& kind, const QJsonObject& settings, const QString& secretName = QStringLiteral("vendor/x"))
{
    VendorConfig c;
    c.name = kind + QStringLiteral("-main");
    c.kind = kind;
    c.settings = settings;
    c.secretName = secretName;
    return c;
}

// ---- Redactor -----------------------------------------------------------------------------------

TEST(Redactor, ReplacesRawUrlAndJsonFormsOfEverySecret)
{
    const Redactor r({kCode, kPassword, QString()});
    EXPECT_EQ(r.apply(QStringLiteral("code 482913 pw p@ss+w/rd")), QStringLiteral("code *** pw ***"));
    EXPECT_EQ(r.apply(QStringLiteral("password=p%40ss%2Bw%2Frd")), QStringLiteral("password=***"));
    EXPECT_EQ(r.apply(QStringLiteral("password=p%40ss%2bw%2frd")), QStringLiteral("password=***")); // lower-case hex
    EXPECT_EQ(r.apply(QStringLiteral("{\"pw\":\"p@ss+w\\/rd\"}")), QStringLiteral("{\"pw\":\"***\"}"));
}

TEST(Redactor, RedactsBeforeCuttingSoNoPrefixOfTheCodeSurvives)
{
    const Redactor r({kCode});
    const QByteArray body = QByteArray(197, 'x') + kCode.toLatin1() + QByteArray(50, 'y');
    const QString excerpt = r.excerpt(body);
    EXPECT_EQ(excerpt.size(), 200);
    EXPECT_FALSE(excerpt.contains(QStringLiteral("482")));
    EXPECT_TRUE(excerpt.endsWith(QStringLiteral("***")));
}

// ---- Gupshup answers ----------------------------------------------------------------------------

TEST(GupshupInterpret, TextSuccess)
{
    const VendorAnswer a = GupshupGateway::interpret(
        200, "success | 919876543210 | 3270637570192393521-331166354051551677\n", redactor());
    EXPECT_TRUE(a.accepted);
    EXPECT_FALSE(a.retryable);
    EXPECT_EQ(a.httpStatus, 200);
    EXPECT_EQ(a.vendorCode, QStringLiteral("OK"));
    EXPECT_EQ(a.messageId, QStringLiteral("3270637570192393521-331166354051551677"));
    EXPECT_EQ(a.excerpt, QStringLiteral("success | 919876543210 | 3270637570192393521-331166354051551677"));
    expectClean(a);
}

TEST(GupshupInterpret, TextInvalidPhone)
{
    const VendorAnswer a = GupshupGateway::interpret(200, "error | 105 | Invalid phone", redactor());
    EXPECT_FALSE(a.accepted);
    EXPECT_FALSE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("105"));
    EXPECT_EQ(a.reason, QStringLiteral("Gupshup refused the number as invalid (105)"));
    EXPECT_TRUE(a.messageId.isEmpty());
    expectClean(a);
}

TEST(GupshupInterpret, JsonSuccess)
{
    const VendorAnswer a = GupshupGateway::interpret(
        200, R"({"response":{"id":"3940265861","phone":"919876543210","details":"","status":"success"}})", redactor());
    EXPECT_TRUE(a.accepted);
    EXPECT_EQ(a.messageId, QStringLiteral("3940265861"));
    expectClean(a);
}

TEST(GupshupInterpret, JsonNumericIdKeepsEveryDigit)
{
    const VendorAnswer a = GupshupGateway::interpret(
        200, R"({"response":{"id":3940265861123456789,"phone":"919876543210","status":"success"}})", redactor());
    EXPECT_TRUE(a.accepted);
    EXPECT_EQ(a.messageId, QStringLiteral("3940265861123456789"));
}

TEST(GupshupInterpret, JsonAuthenticationFailedCarriesTheCodeInId)
{
    const VendorAnswer a = GupshupGateway::interpret(
        200, R"({"response":{"id":"102","details":"Authentication failed due to invalid userId or password","status":"error"}})",
        redactor());
    EXPECT_FALSE(a.accepted);
    EXPECT_FALSE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("102"));
    EXPECT_TRUE(a.reason.contains(QStringLiteral("authentication failed"))) << a.reason.toStdString();
    EXPECT_TRUE(a.messageId.isEmpty());
    expectClean(a);
}

TEST(GupshupInterpret, JsonListOfResponsesUsesTheFirst)
{
    const VendorAnswer a = GupshupGateway::interpret(
        200, R"({"response":[{"id":"77","phone":"919876543210","details":"","status":"success"}]})", redactor());
    EXPECT_TRUE(a.accepted);
    EXPECT_EQ(a.messageId, QStringLiteral("77"));
}

TEST(GupshupInterpret, EveryDocumentedErrorCodeHasItsOwnPlainReason)
{
    QSet<QString> reasons;
    for (const char* code : {"100", "101", "102", "103", "104", "105", "106", "107", "108", "109", "175"}) {
        SCOPED_TRACE(code);
        for (const QByteArray& body : {QByteArray("error | ") + code + " | something",
                                       QByteArray(R"({"response":{"id":")") + code + R"(","details":"x","status":"error"}})"}) {
            const VendorAnswer a = GupshupGateway::interpret(200, body, redactor());
            EXPECT_FALSE(a.accepted);
            EXPECT_FALSE(a.retryable);
            EXPECT_EQ(a.vendorCode, QString::fromLatin1(code));
            EXPECT_TRUE(a.reason.startsWith(QStringLiteral("Gupshup "))) << a.reason.toStdString();
            EXPECT_TRUE(a.reason.endsWith(QStringLiteral("(%1)").arg(QLatin1String(code)))) << a.reason.toStdString();
            reasons.insert(a.reason);
        }
    }
    EXPECT_EQ(reasons.size(), 11);
    EXPECT_EQ(GupshupGateway::reasonForCode(QStringLiteral("175")),
              QStringLiteral("Gupshup has international SMS disabled for this account (175)"));
}

TEST(GupshupInterpret, UnknownErrorCodeQuotesTheDetails)
{
    const VendorAnswer a = GupshupGateway::interpret(200, "error | 322 | Template mismatch", redactor());
    EXPECT_FALSE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("322"));
    EXPECT_EQ(a.reason, QStringLiteral("Gupshup refused the SMS (error 322: Template mismatch)"));
}

TEST(GupshupInterpret, HttpStatusesWithoutAGupshupBody)
{
    struct Case { int status; bool retryable; const char* code; };
    for (const Case c : {Case{503, true, "HTTP_503"}, Case{500, true, "HTTP_500"}, Case{429, true, "HTTP_429"},
                         Case{401, false, "HTTP_401"}, Case{403, false, "HTTP_403"}, Case{404, false, "HTTP_404"},
                         Case{400, false, "HTTP_400"}, Case{301, false, "HTTP_301"}}) {
        SCOPED_TRACE(c.status);
        const VendorAnswer a = GupshupGateway::interpret(c.status, "<html>Service Unavailable</html>", redactor());
        EXPECT_FALSE(a.accepted);
        EXPECT_EQ(a.retryable, c.retryable);
        EXPECT_EQ(a.httpStatus, c.status);
        EXPECT_EQ(a.vendorCode, QString::fromLatin1(c.code));
        expectClean(a);
    }
}

TEST(GupshupInterpret, MalformedSuccessIsNeverRetried)
{
    for (const QByteArray& body : {QByteArray("<html>ok</html>"), QByteArray(), QByteArray("{\"response\":{}}"),
                                   QByteArray("{not json"), QByteArray("success")}) {
        SCOPED_TRACE(body.toStdString());
        const VendorAnswer a = GupshupGateway::interpret(200, body, redactor());
        EXPECT_FALSE(a.accepted);
        EXPECT_FALSE(a.retryable);
        EXPECT_EQ(a.vendorCode, QStringLiteral("MALFORMED"));
        expectClean(a);
    }
}

TEST(GupshupInterpret, EchoedCodeAndPasswordAreRedacted)
{
    const QByteArray body = "error | 101 | Parameter missing: msg=Your+code+is+482913&password=p%40ss%2Bw%2Frd&userid=2000";
    const VendorAnswer a = GupshupGateway::interpret(200, body, redactor());
    EXPECT_EQ(a.vendorCode, QStringLiteral("101"));
    EXPECT_TRUE(a.excerpt.contains(QStringLiteral("password=***"))) << a.excerpt.toStdString();
    expectClean(a);
    const VendorAnswer b = GupshupGateway::interpret(200, "error | 999 | bad msg 482913 for p@ss+w/rd", redactor());
    EXPECT_EQ(b.reason, QStringLiteral("Gupshup refused the SMS (error 999: bad msg *** for ***)"));
    expectClean(b);
}

// ---- Gupshup requests ---------------------------------------------------------------------------

GupshupGateway gupshup(QJsonObject extra = {})
{
    QJsonObject s{{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9/")},
                  {QStringLiteral("userid"), QStringLiteral("2000123456")},
                  {QStringLiteral("mask"), QStringLiteral("ACMEOT")},
                  // India's DLT registration: without it an SMS to +91 is refused (issue 15 item 5)
                  {QStringLiteral("principal_entity_id"), QStringLiteral("1101000000000000001")},
                  {QStringLiteral("dlt_template_id"), QStringLiteral("1107000000000000001")}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        s.insert(it.key(), it.value());
    return GupshupGateway(config(QStringLiteral("gupshup"), s), kPassword);
}

TEST(GupshupRequest, PostFormCarriesEveryParameter)
{
    const OutgoingMessage m = sms(QStringLiteral("Your code is 482913 & a+b=c; 100% yours"));
    QString problem;
    const HttpRequest r = gupshup().buildRequest(m, &problem);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    EXPECT_EQ(r.method, QByteArray("POST"));
    EXPECT_EQ(r.url.toString(), QStringLiteral("http://127.0.0.1:9/GatewayAPI/rest"));
    bool formType = false;
    for (const auto& h : r.headers)
        formType = formType || (h.first == "Content-Type" && h.second == "application/x-www-form-urlencoded");
    EXPECT_TRUE(formType);
    // '+', '&', '=' and '%' inside values are percent-encoded, so the server reads them back exactly.
    EXPECT_FALSE(r.body.contains("a+b"));
    EXPECT_TRUE(r.body.contains("a%2Bb%3Dc"));
    const QMap<QString, QString> form = decodeForm(r.body);
    EXPECT_EQ(form.value(QStringLiteral("method")), QStringLiteral("SendMessage"));
    EXPECT_EQ(form.value(QStringLiteral("send_to")), QStringLiteral("919876543210"));
    EXPECT_EQ(form.value(QStringLiteral("msg")), m.body);
    EXPECT_EQ(form.value(QStringLiteral("msg_type")), QStringLiteral("TEXT"));
    EXPECT_EQ(form.value(QStringLiteral("userid")), QStringLiteral("2000123456"));
    EXPECT_EQ(form.value(QStringLiteral("password")), kPassword);
    EXPECT_EQ(form.value(QStringLiteral("auth_scheme")), QStringLiteral("plain"));
    EXPECT_EQ(form.value(QStringLiteral("v")), QStringLiteral("1.1"));
    EXPECT_EQ(form.value(QStringLiteral("format")), QStringLiteral("json"));
    EXPECT_EQ(form.value(QStringLiteral("mask")), QStringLiteral("ACMEOT"));
    EXPECT_EQ(form.value(QStringLiteral("dltTemplateId")), QStringLiteral("1107000000000000001"));
    EXPECT_EQ(form.value(QStringLiteral("principalEntityId")), QStringLiteral("1101000000000000001"));
}

TEST(GupshupRequest, DevanagariGoesAsUnicodeText)
{
    const OutgoingMessage m = sms(QStringLiteral("आपका लॉगिन कोड 482913 है"));
    const HttpRequest r = gupshup().buildRequest(m, nullptr);
    const QMap<QString, QString> form = decodeForm(r.body);
    EXPECT_EQ(form.value(QStringLiteral("msg_type")), QStringLiteral("Unicode_text"));
    EXPECT_EQ(form.value(QStringLiteral("msg")), m.body); // UTF-8, percent-encoded
    EXPECT_TRUE(r.body.contains("%E0%A4%86")); // आ
}

TEST(GupshupRequest, GsmAlphabetDecidesTheMessageType)
{
    EXPECT_TRUE(GupshupGateway::fitsGsm7(QStringLiteral("Code 482913 [valid 5 min] €, é, ü, Ø, Δ")));
    EXPECT_FALSE(GupshupGateway::fitsGsm7(QStringLiteral("código á")));      // á is not GSM-7
    EXPECT_FALSE(GupshupGateway::fitsGsm7(QStringLiteral("code 🙂")));
    EXPECT_FALSE(GupshupGateway::fitsGsm7(QStringLiteral("कोड")));
}

TEST(GupshupRequest, GetPutsTheSameParametersInTheQueryWithDltIds)
{
    const GupshupGateway g = gupshup({{QStringLiteral("method"), QStringLiteral("GET")},
                                      {QStringLiteral("format"), QStringLiteral("text")},
                                      {QStringLiteral("dlt_template_id"), QStringLiteral("1107160000000012345")},
                                      {QStringLiteral("principal_entity_id"), QStringLiteral("1101500000000067890")}});
    const OutgoingMessage m = sms(QStringLiteral("Code 482913 a+b"));
    const HttpRequest r = g.buildRequest(m, nullptr);
    EXPECT_EQ(r.method, QByteArray("GET"));
    EXPECT_TRUE(r.body.isEmpty());
    EXPECT_EQ(r.url.path(), QStringLiteral("/GatewayAPI/rest"));
    const QMap<QString, QString> query = decodeForm(r.url.query(QUrl::FullyEncoded).toLatin1());
    EXPECT_EQ(query.value(QStringLiteral("send_to")), QStringLiteral("919876543210"));
    EXPECT_EQ(query.value(QStringLiteral("msg")), m.body);
    EXPECT_EQ(query.value(QStringLiteral("format")), QStringLiteral("text"));
    EXPECT_EQ(query.value(QStringLiteral("dltTemplateId")), QStringLiteral("1107160000000012345"));
    EXPECT_EQ(query.value(QStringLiteral("principalEntityId")), QStringLiteral("1101500000000067890"));
    EXPECT_EQ(query.value(QStringLiteral("password")), kPassword);
}

TEST(GupshupRequest, NoDigitsIsRefusedBeforeSending)
{
    OutgoingMessage m = sms();
    m.destination = QStringLiteral("user@example.com");
    QString problem;
    gupshup().buildRequest(m, &problem);
    EXPECT_FALSE(problem.isEmpty());
    const VendorAnswer a = gupshup().deliver(m); // an e-mail on an SMS gateway: refused, nothing sent
    EXPECT_FALSE(a.accepted);
    EXPECT_FALSE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("NOT_SENT"));
    EXPECT_EQ(a.vendor, QStringLiteral("gupshup-main"));
}

// ---- WATI ---------------------------------------------------------------------------------------

TEST(WatiInterpret, V1Success)
{
    const VendorAnswer a = WatiGateway::interpret(
        200, R"({"result":true,"phone_number":"919876543210","template_name":"login_otp","parameteres":[{"name":"1","value":"482913"}],"contact":null,"model":null,"validWhatsAppNumber":true})",
        redactor());
    EXPECT_TRUE(a.accepted);
    EXPECT_EQ(a.vendorCode, QStringLiteral("OK"));
    EXPECT_TRUE(a.messageId.isEmpty()); // v1 returns no id
    expectClean(a); // the echoed parameter value is redacted
}

TEST(WatiInterpret, V2SuccessCarriesTheLocalMessageId)
{
    const VendorAnswer a = WatiGateway::interpret(
        200, R"({"result":true,"error":null,"templateName":"login_otp","receivers":[{"localMessageId":"d38f0c2e-7a44-4a9e-9a3b-2f7c1a0e5b11","waId":"919876543210","isValidWhatsAppNumber":true,"errors":[]}],"parameters":[]})",
        redactor());
    EXPECT_TRUE(a.accepted);
    EXPECT_EQ(a.messageId, QStringLiteral("d38f0c2e-7a44-4a9e-9a3b-2f7c1a0e5b11"));
    expectClean(a);
}

TEST(WatiInterpret, ResultFalseIsARefusal)
{
    const VendorAnswer a = WatiGateway::interpret(200, R"({"result":false,"info":"template error"})", redactor());
    EXPECT_FALSE(a.accepted);
    EXPECT_FALSE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("RESULT_FALSE"));
    EXPECT_EQ(a.reason, QStringLiteral("WATI refused the message: template error"));
    expectClean(a);
}

TEST(WatiInterpret, NumberWithoutWhatsApp)
{
    const VendorAnswer v1 = WatiGateway::interpret(200, R"({"result":true,"validWhatsAppNumber":false})", redactor());
    EXPECT_FALSE(v1.accepted);
    EXPECT_FALSE(v1.retryable);
    EXPECT_EQ(v1.vendorCode, QStringLiteral("INVALID_WHATSAPP_NUMBER"));
    const VendorAnswer v2 = WatiGateway::interpret(
        200, R"({"result":true,"receivers":[{"localMessageId":"x","isValidWhatsAppNumber":false,"errors":["Invalid number"]}]})",
        redactor());
    EXPECT_FALSE(v2.accepted);
    EXPECT_EQ(v2.vendorCode, QStringLiteral("INVALID_WHATSAPP_NUMBER"));
}

TEST(WatiInterpret, UnauthorizedAndNotFound)
{
    const VendorAnswer u = WatiGateway::interpret(401, "", redactor());
    EXPECT_FALSE(u.accepted);
    EXPECT_FALSE(u.retryable);
    EXPECT_EQ(u.vendorCode, QStringLiteral("HTTP_401"));
    EXPECT_EQ(u.reason, QStringLiteral("WATI rejected the API token (HTTP 401)"));
    const VendorAnswer n = WatiGateway::interpret(404, "<html>Not Found</html>", redactor());
    EXPECT_FALSE(n.retryable);
    EXPECT_EQ(n.vendorCode, QStringLiteral("HTTP_404"));
    EXPECT_TRUE(n.reason.contains(QStringLiteral("tenant path"))) << n.reason.toStdString();
}

TEST(WatiInterpret, ServerErrorsAndRateLimitsAreRetryable)
{
    EXPECT_TRUE(WatiGateway::interpret(502, "Bad Gateway", redactor()).retryable);
    const VendorAnswer a = WatiGateway::interpret(429, R"({"message":"Too many requests"})", redactor());
    EXPECT_TRUE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("HTTP_429"));
}

TEST(WatiInterpret, MalformedSuccess)
{
    for (const QByteArray& body : {QByteArray("OK"), QByteArray("{}"), QByteArray("[]"), QByteArray(R"({"result":"maybe"})")}) {
        const VendorAnswer a = WatiGateway::interpret(200, body, redactor());
        EXPECT_FALSE(a.accepted);
        EXPECT_FALSE(a.retryable);
        EXPECT_EQ(a.vendorCode, QStringLiteral("MALFORMED"));
    }
}

TEST(WatiInterpret, BodyEchoingCodeAndTokenIsRedacted)
{
    const QByteArray body = R"({"result":false,"info":"parameter 482913 invalid for Bearer eyJhbGciOi.tok\/en+value"})";
    const VendorAnswer a = WatiGateway::interpret(200, body, redactor());
    EXPECT_EQ(a.vendorCode, QStringLiteral("RESULT_FALSE"));
    expectClean(a);
    EXPECT_FALSE(a.excerpt.contains(QStringLiteral("tok\\/en"))) << a.excerpt.toStdString();
}

TEST(WatiRequest, TemplateCallWithTenantPathAndBearerToken)
{
    const VendorConfig c = config(QStringLiteral("wati"),
                                  {{QStringLiteral("base_url"), QStringLiteral("https://live-mt-server.wati.io/301234/")},
                                   {QStringLiteral("api_version"), QStringLiteral("v2")},
                                   {QStringLiteral("template_name"), QStringLiteral("login_otp")}});
    const WatiGateway g(c, QStringLiteral("Bearer ") + kToken); // pasted with its scheme: dropped
    OutgoingMessage m = sms();
    m.channel = Channel::WhatsApp;
    const HttpRequest r = g.buildRequest(m, nullptr);
    EXPECT_EQ(r.method, QByteArray("POST"));
    EXPECT_EQ(r.url.toString(QUrl::FullyEncoded),
              QStringLiteral("https://live-mt-server.wati.io/301234/api/v2/sendTemplateMessage?whatsappNumber=919876543210"));
    QMap<QByteArray, QByteArray> headers;
    for (const auto& h : r.headers)
        headers.insert(h.first, h.second);
    EXPECT_EQ(headers.value("Authorization"), QByteArray("Bearer ") + kToken.toUtf8());
    EXPECT_EQ(headers.value("Content-Type"), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    EXPECT_EQ(body.value(QStringLiteral("template_name")).toString(), QStringLiteral("login_otp"));
    EXPECT_EQ(body.value(QStringLiteral("broadcast_name")).toString(), QStringLiteral("login_otp"));
    const QJsonArray params = body.value(QStringLiteral("parameters")).toArray();
    ASSERT_EQ(params.size(), 1);
    EXPECT_EQ(params.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("1"));
    EXPECT_EQ(params.at(0).toObject().value(QStringLiteral("value")).toString(), kCode);
}

// Issue 15 item 2: v1's send answer carries no message id, so its receipts could never be matched.
TEST(WatiRequest, DefaultsToV2)
{
    const WatiGateway g(config(QStringLiteral("wati"), {{QStringLiteral("base_url"), QStringLiteral("https://live-server-1234.wati.io")},
                                                        {QStringLiteral("template_name"), QStringLiteral("otp")}}),
                        kToken);
    OutgoingMessage m = sms();
    m.channel = Channel::WhatsApp;
    EXPECT_EQ(g.buildRequest(m, nullptr).url.path(), QStringLiteral("/api/v2/sendTemplateMessage"));
    m.code.clear();
    QString problem;
    g.buildRequest(m, &problem);
    EXPECT_FALSE(problem.isEmpty()); // a template vendor cannot send without the code
}

// ---- MyOperator ---------------------------------------------------------------------------------

TEST(MyOperatorInterpret, BothSuccessShapes)
{
    const VendorAnswer sent = MyOperatorGateway::interpret(200, R"({"status":"success","code":"200","message":"Message Sent"})", redactor());
    EXPECT_TRUE(sent.accepted);
    EXPECT_EQ(sent.vendorCode, QStringLiteral("OK"));
    EXPECT_TRUE(sent.messageId.isEmpty());
    const VendorAnswer accepted = MyOperatorGateway::interpret(
        200, R"({"status":"success","code":200,"message":"Accepted","data":{"conversation_id":"c-91","message_id":"wamid.HBgMOTE5ODc2NTQzMjEw"}})",
        redactor());
    EXPECT_TRUE(accepted.accepted);
    EXPECT_EQ(accepted.messageId, QStringLiteral("wamid.HBgMOTE5ODc2NTQzMjEw"));
    expectClean(accepted);
}

TEST(MyOperatorInterpret, WabaDisabled)
{
    for (int status : {200, 400}) {
        const VendorAnswer a = MyOperatorGateway::interpret(
            status, R"({"status":"error","code":"CHAT_0302","message":"WABA is disabled"})", redactor());
        EXPECT_FALSE(a.accepted);
        EXPECT_FALSE(a.retryable);
        EXPECT_EQ(a.httpStatus, status);
        EXPECT_EQ(a.vendorCode, QStringLiteral("CHAT_0302"));
        EXPECT_EQ(a.reason, QStringLiteral("MyOperator says the WhatsApp Business account (WABA) is disabled (CHAT_0302)"));
    }
}

TEST(MyOperatorInterpret, UnauthorizedAndForbidden)
{
    const VendorAnswer u = MyOperatorGateway::interpret(401, R"({"message":"Unauthorized"})", redactor());
    EXPECT_FALSE(u.retryable);
    EXPECT_EQ(u.vendorCode, QStringLiteral("HTTP_401"));
    EXPECT_EQ(u.reason, QStringLiteral("MyOperator rejected the API token (HTTP 401)"));

    const VendorAnswer company = MyOperatorGateway::interpret(403, R"({"message":"Invalid company ID!"})", redactor());
    EXPECT_FALSE(company.retryable);
    EXPECT_EQ(company.vendorCode, QStringLiteral("HTTP_403"));
    EXPECT_TRUE(company.reason.contains(QStringLiteral("company id"))) << company.reason.toStdString();

    const VendorAnswer deny = MyOperatorGateway::interpret(
        403, R"({"Message":"User is not authorized to access this resource with an explicit deny"})", redactor());
    EXPECT_FALSE(deny.retryable);
    EXPECT_TRUE(deny.reason.contains(QStringLiteral("denied access"))) << deny.reason.toStdString();
}

TEST(MyOperatorInterpret, NotProvisioned500IsRetryableWithAnExplanation)
{
    const VendorAnswer a = MyOperatorGateway::interpret(500, R"({"message":null})", redactor());
    EXPECT_FALSE(a.accepted);
    EXPECT_TRUE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("HTTP_500"));
    EXPECT_TRUE(a.reason.contains(QStringLiteral("not provisioned"))) << a.reason.toStdString();
}

TEST(MyOperatorInterpret, MalformedSuccessAndPlainErrors)
{
    const VendorAnswer m = MyOperatorGateway::interpret(200, "<html/>", redactor());
    EXPECT_EQ(m.vendorCode, QStringLiteral("MALFORMED"));
    EXPECT_FALSE(m.retryable);
    const VendorAnswer e = MyOperatorGateway::interpret(200, R"({"status":"error","message":"Template not approved"})", redactor());
    EXPECT_FALSE(e.accepted);
    EXPECT_FALSE(e.retryable);
    EXPECT_EQ(e.reason, QStringLiteral("MyOperator refused the message: Template not approved"));
}

TEST(MyOperatorInterpret, EchoedSecretsAreRedacted)
{
    const VendorAnswer a = MyOperatorGateway::interpret(
        400, R"({"status":"error","code":"CHAT_0410","message":"bad body {\"1\":\"482913\"} token eyJhbGciOi.tok/en+value"})", redactor());
    EXPECT_EQ(a.vendorCode, QStringLiteral("CHAT_0410"));
    expectClean(a);
}

TEST(MyOperatorRequest, TemplateBodyWithSplitNumberAndReference)
{
    const VendorConfig c = config(QStringLiteral("myoperator"),
                                  {{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9")},
                                   {QStringLiteral("company_id"), QStringLiteral("5f1a2b3c4d5e6")},
                                   {QStringLiteral("phone_number_id"), QStringLiteral("1234567890")},
                                   {QStringLiteral("template_name"), QStringLiteral("login_otp")}});
    const MyOperatorGateway g(c, kToken);
    OutgoingMessage m = sms();
    m.channel = Channel::WhatsApp;
    const HttpRequest r = g.buildRequest(m, nullptr);
    EXPECT_EQ(r.method, QByteArray("POST"));
    EXPECT_EQ(r.url.toString(), QStringLiteral("http://127.0.0.1:9/chat/messages"));
    QMap<QByteArray, QByteArray> headers;
    for (const auto& h : r.headers)
        headers.insert(h.first, h.second);
    EXPECT_EQ(headers.value("Authorization"), QByteArray("Bearer ") + kToken.toUtf8());
    EXPECT_EQ(headers.value("X-MYOP-COMPANY-ID"), QByteArray("5f1a2b3c4d5e6"));
    EXPECT_EQ(headers.value("Content-Type"), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    EXPECT_EQ(body.value(QStringLiteral("phone_number_id")).toString(), QStringLiteral("1234567890"));
    EXPECT_EQ(body.value(QStringLiteral("customer_country_code")).toString(), QStringLiteral("91"));
    EXPECT_EQ(body.value(QStringLiteral("customer_number")).toString(), QStringLiteral("9876543210"));
    EXPECT_EQ(body.value(QStringLiteral("myop_ref_id")).toString(), QStringLiteral("CH-7f3a-42"));
    EXPECT_FALSE(body.contains(QStringLiteral("waba_id")));
    const QJsonObject data = body.value(QStringLiteral("data")).toObject();
    EXPECT_EQ(data.value(QStringLiteral("type")).toString(), QStringLiteral("template"));
    const QJsonObject context = data.value(QStringLiteral("context")).toObject();
    EXPECT_EQ(context.value(QStringLiteral("template_name")).toString(), QStringLiteral("login_otp"));
    EXPECT_EQ(context.value(QStringLiteral("language")).toString(), QStringLiteral("en"));
    EXPECT_EQ(context.value(QStringLiteral("body")).toObject().value(QStringLiteral("1")).toString(), kCode);
    // Issue 15 item 3: an authentication template also needs the code in its copy-code button.
    const QJsonArray buttons = context.value(QStringLiteral("buttons")).toArray();
    ASSERT_EQ(buttons.size(), 1);
    EXPECT_EQ(buttons.at(0).toObject().value(QStringLiteral("index")).toInt(-1), 0);
    EXPECT_EQ(buttons.at(0).toObject().value(QStringLiteral("otp")).toString(), kCode);

    VendorConfig noButton = c;
    noButton.settings.insert(QStringLiteral("otp_button"), QStringLiteral("false"));
    const QJsonObject plain = QJsonDocument::fromJson(MyOperatorGateway(noButton, kToken).buildRequest(m, nullptr).body)
                                  .object().value(QStringLiteral("data")).toObject().value(QStringLiteral("context")).toObject();
    EXPECT_FALSE(plain.contains(QStringLiteral("buttons"))) << "otp_button=false: a template without the button";

    m.destination = QStringLiteral("+14155550123");
    EXPECT_EQ(QJsonDocument::fromJson(g.buildRequest(m, nullptr).body).object().value(QStringLiteral("customer_country_code")).toString(),
              QStringLiteral("1"));
    m.destination = QStringLiteral("+390612345678"); // Italy keeps its leading zero
    EXPECT_EQ(QJsonDocument::fromJson(g.buildRequest(m, nullptr).body).object().value(QStringLiteral("customer_number")).toString(),
              QStringLiteral("0612345678"));
}

// Issue 15 item 5: an SMS to +91 needs the DLT registration; the refusal names what is missing.
TEST(GupshupRequest, AnIndianNumberNeedsTheDltRegistration)
{
    VendorConfig c = config(QStringLiteral("gupshup"), {{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9")},
                                                        {QStringLiteral("userid"), QStringLiteral("2000")}});
    c.name = QStringLiteral("acme-sms");
    OutgoingMessage m = sms();
    m.destination = QStringLiteral("+919876543210");
    QString problem;
    GupshupGateway(c, kToken).buildRequest(m, &problem);
    EXPECT_TRUE(problem.contains(QStringLiteral("principal_entity_id")) && problem.contains(QStringLiteral("dlt_template_id")) &&
                problem.contains(QStringLiteral("acme-sms")) && problem.contains(QStringLiteral("+91")))
        << problem.toStdString();

    c.settings.insert(QStringLiteral("principal_entity_id"), QStringLiteral("1101000000000000001"));
    problem.clear();
    GupshupGateway(c, kToken).buildRequest(m, &problem);
    EXPECT_TRUE(problem.contains(QStringLiteral("has no dlt_template_id")) && !problem.contains(QStringLiteral("no principal_entity_id")))
        << problem.toStdString();

    c.settings.insert(QStringLiteral("dlt_template_id"), QStringLiteral("1107000000000000001"));
    problem.clear();
    const HttpRequest r = GupshupGateway(c, kToken).buildRequest(m, &problem);
    EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
    EXPECT_TRUE(r.body.contains("principalEntityId=1101000000000000001") && r.body.contains("dltTemplateId=1107000000000000001"));

    // With the registered text given, a body that differs in one word is refused before sending.
    c.settings.insert(QStringLiteral("dlt_template_text"), QStringLiteral("Your {#var#} code is {#var#}. Do not share it."));
    m.body = QStringLiteral("Your login code is 482913. Do not share it.");
    problem.clear();
    GupshupGateway(c, kToken).buildRequest(m, &problem);
    EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
    m.body = QStringLiteral("Your login code is 482913. Never share it.");
    GupshupGateway(c, kToken).buildRequest(m, &problem);
    EXPECT_TRUE(problem.contains(QStringLiteral("word for word")) && problem.contains(QStringLiteral("1107000000000000001")))
        << problem.toStdString();
    EXPECT_TRUE(GupshupGateway::matchesDltTemplate(QStringLiteral("कोड {#var#} है"), QStringLiteral("कोड 482913 है")));
    EXPECT_FALSE(GupshupGateway::matchesDltTemplate(QStringLiteral("Code {#var#}."), QStringLiteral("Code 1. Extra")));
    c.settings.remove(QStringLiteral("dlt_template_text"));

    // Elsewhere DLT does not apply.
    c.settings.remove(QStringLiteral("dlt_template_id"));
    m.destination = QStringLiteral("+14155550123");
    problem.clear();
    GupshupGateway(c, kToken).buildRequest(m, &problem);
    EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
}

// ---- SMTP ---------------------------------------------------------------------------------------

TEST(SmtpInterpret, CurlResultsAndReplyCodes)
{
    const Redactor r = redactor();
    const VendorAnswer ok = SmtpGateway::interpret(CURLE_OK, 250, QStringLiteral("250 OK"), QString(), r);
    EXPECT_TRUE(ok.accepted);

    const VendorAnswer auth = SmtpGateway::interpret(CURLE_LOGIN_DENIED, 535, QStringLiteral("535 5.7.8 Authentication credentials invalid"),
                                                     QStringLiteral("Login denied"), r);
    EXPECT_FALSE(auth.accepted);
    EXPECT_FALSE(auth.retryable);
    EXPECT_EQ(auth.vendorCode, QStringLiteral("SMTP_535"));
    EXPECT_TRUE(auth.reason.contains(QStringLiteral("username or password")));

    const VendorAnswer later = SmtpGateway::interpret(CURLE_SEND_ERROR, 451, QStringLiteral("451 4.3.0 Try again later"),
                                                      QStringLiteral("RCPT failed: 451"), r);
    EXPECT_TRUE(later.retryable);
    EXPECT_EQ(later.vendorCode, QStringLiteral("SMTP_451"));

    const VendorAnswer never = SmtpGateway::interpret(CURLE_SEND_ERROR, 550, QStringLiteral("550 5.1.1 No such user"),
                                                      QStringLiteral("RCPT failed: 550"), r);
    EXPECT_FALSE(never.retryable);
    EXPECT_EQ(never.vendorCode, QStringLiteral("SMTP_550"));
    EXPECT_EQ(never.excerpt, QStringLiteral("550 5.1.1 No such user"));

    const VendorAnswer refused = SmtpGateway::interpret(CURLE_COULDNT_CONNECT, 0, QString(),
                                                        QStringLiteral("Failed to connect to 127.0.0.1 port 1: Connection refused"), r);
    EXPECT_TRUE(refused.retryable);
    EXPECT_EQ(refused.vendorCode, QStringLiteral("CONNECTION_REFUSED"));

    const VendorAnswer slow = SmtpGateway::interpret(CURLE_OPERATION_TIMEDOUT, 0, QString(), QStringLiteral("Operation timed out"), r);
    EXPECT_TRUE(slow.retryable);
    EXPECT_EQ(slow.vendorCode, QStringLiteral("TIMEOUT"));

    const VendorAnswer tls = SmtpGateway::interpret(CURLE_USE_SSL_FAILED, 250, QString(), QStringLiteral("STARTTLS not supported."), r);
    EXPECT_FALSE(tls.retryable);
    EXPECT_EQ(tls.vendorCode, QStringLiteral("STARTTLS_UNAVAILABLE"));

    const VendorAnswer echoed = SmtpGateway::interpret(CURLE_SEND_ERROR, 554, QStringLiteral("554 rejected body with 482913"), QString(), r);
    expectClean(echoed);
}

TEST(SmtpMessage, HeadersAndQuotedPrintableBody)
{
    const VendorConfig c = config(QStringLiteral("smtp"), {{QStringLiteral("url"), QStringLiteral("smtp://127.0.0.1:2525")},
                                                          {QStringLiteral("from"), QStringLiteral("Äcme Sign-in <otp@acme.example>")},
                                                          {QStringLiteral("subject"), QStringLiteral("Votre code de connexion")}});
    const SmtpGateway g(c, QString());
    OutgoingMessage m = sms(QStringLiteral("Votre code est 482913.\nIl expire dans 5 minutes — à bientôt."));
    m.channel = Channel::Email;
    m.destination = QStringLiteral("user@example.com");
    const QDateTime date(QDate(2024, 3, 1), QTime(10, 0, 0), Qt::UTC);
    const QByteArray msg = g.buildMessage(m, date, QStringLiteral("abc@acme.example"));
    const QByteArray head = msg.left(msg.indexOf("\r\n\r\n"));
    const QByteArray body = msg.mid(msg.indexOf("\r\n\r\n") + 4);
    EXPECT_TRUE(head.contains("From: =?UTF-8?B?")) << head.toStdString();
    EXPECT_TRUE(head.contains("<otp@acme.example>\r\n"));
    EXPECT_TRUE(head.contains("\r\nTo: user@example.com\r\n"));
    EXPECT_TRUE(head.contains("\r\nSubject: Votre code de connexion\r\n"));
    EXPECT_TRUE(head.contains("\r\nDate: 01 Mar 2024 10:00:00 +0000\r\n")) << head.toStdString();
    EXPECT_TRUE(head.contains("\r\nMessage-ID: <abc@acme.example>\r\n"));
    EXPECT_TRUE(head.contains("\r\nMIME-Version: 1.0\r\n"));
    EXPECT_TRUE(head.contains("\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
    EXPECT_TRUE(head.contains("\r\nContent-Transfer-Encoding: quoted-printable"));
    EXPECT_FALSE(head.contains(kCode.toLatin1())); // the code is in the body only
    EXPECT_TRUE(body.contains("482913"));
    EXPECT_TRUE(body.contains("=E2=80=94 =C3=A0 bient=C3=B4t.")) << body.toStdString();
    EXPECT_TRUE(body.contains("482913.\r\nIl expire"));
    for (const QByteArray& line : body.split('\n'))
        EXPECT_LE(line.size(), 77);
}

TEST(SmtpMessage, AsciiBodyIs7bitAndHeadersCannotBeInjected)
{
    const VendorConfig c = config(QStringLiteral("smtp"), {{QStringLiteral("url"), QStringLiteral("smtp://127.0.0.1:2525")},
                                                          {QStringLiteral("from"), QStringLiteral("otp@acme.example")},
                                                          {QStringLiteral("subject"), QStringLiteral("Code\r\nBcc: victim@example.com")}});
    const SmtpGateway g(c, QString());
    OutgoingMessage m = sms(QStringLiteral("Your code is 482913."));
    m.channel = Channel::Email;
    m.destination = QStringLiteral("user@example.com");
    const QByteArray msg = g.buildMessage(m, QDateTime::currentDateTimeUtc(), QStringLiteral("x@acme.example"));
    EXPECT_TRUE(msg.contains("Content-Transfer-Encoding: 7bit\r\n"));
    EXPECT_TRUE(msg.contains("\r\n\r\nYour code is 482913.\r\n"));
    EXPECT_FALSE(msg.contains("\r\nBcc:"));
}

TEST(SmtpMessage, QuotedPrintableEdgeCases)
{
    EXPECT_EQ(SmtpGateway::quotedPrintable("a=b \r\nc\t"), QByteArray("a=3Db=20\r\nc=09"));
    const QByteArray longLine = SmtpGateway::quotedPrintable(QByteArray(200, 'x'));
    for (const QByteArray& line : longLine.split('\n'))
        EXPECT_LE(line.size(), 77); // 76 + the '\r'
    EXPECT_EQ(QByteArray(longLine).replace("=\r\n", ""), QByteArray(200, 'x'));
    EXPECT_EQ(SmtpGateway::bareAddress(QStringLiteral(" \"Acme\" <otp@acme.example> ")), QStringLiteral("otp@acme.example"));
    EXPECT_EQ(SmtpGateway::headerText(QStringLiteral("plain")), QByteArray("plain"));
    EXPECT_EQ(SmtpGateway::headerText(QStringLiteral("é")), QByteArray("=?UTF-8?B?w6k=?="));
}

// ---- the factory --------------------------------------------------------------------------------

class MapSecretStore : public SecretStore
{
public:
    QMap<QString, QString> values;
    QString failure;
    QString describe() const override { return QStringLiteral("test store"); }
    std::optional<QString> get(const QString& name, QString* error) override
    {
        if (!failure.isEmpty()) {
            *error = failure;
            return std::nullopt;
        }
        return values.contains(name) ? std::optional<QString>(values.value(name)) : std::nullopt;
    }
    bool set(const QString& name, const QString& value, QString*) override
    {
        values.insert(name, value);
        return true;
    }
    bool remove(const QString& name, QString*) override { return values.remove(name) > 0; }
    QStringList names(QString*) override { return values.keys(); }
};

TEST(GatewayFactory, BuildsEachKindWithItsNameAndChannel)
{
    MapSecretStore store;
    store.values.insert(QStringLiteral("vendor/x"), QStringLiteral("s3cret"));
    struct Case { QString kind; QJsonObject settings; Channel channel; };
    const Case cases[] = {
        {QStringLiteral("gupshup"), {{QStringLiteral("userid"), QStringLiteral("2000")}}, Channel::Sms},
        {QStringLiteral("wati"), {{QStringLiteral("base_url"), QStringLiteral("https://live-server-1.wati.io")},
                                  {QStringLiteral("template_name"), QStringLiteral("otp")}}, Channel::WhatsApp},
        {QStringLiteral("myoperator"), {{QStringLiteral("company_id"), QStringLiteral("c")},
                                        {QStringLiteral("phone_number_id"), QStringLiteral("p")},
                                        {QStringLiteral("template_name"), QStringLiteral("otp")}}, Channel::WhatsApp},
        {QStringLiteral("smtp"), {{QStringLiteral("url"), QStringLiteral("smtp://mail.example:587")},
                                  {QStringLiteral("username"), QStringLiteral("otp")},
                                  {QStringLiteral("from"), QStringLiteral("otp@example.com")}}, Channel::Email},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.kind.toStdString());
        QString error;
        const auto g = createGateway(config(c.kind, c.settings), &store, &error);
        ASSERT_TRUE(g) << error.toStdString();
        EXPECT_EQ(g->name(), c.kind + QStringLiteral("-main"));
        for (Channel ch : {Channel::Sms, Channel::WhatsApp, Channel::Email})
            EXPECT_EQ(g->supports(ch), ch == c.channel);
    }
}

TEST(GatewayFactory, ClearErrors)
{
    MapSecretStore store;
    QString error;
    EXPECT_FALSE(createGateway(config(QStringLiteral("dev"), {}), &store, &error));
    EXPECT_EQ(error, QStringLiteral("dev is built by the runtime"));

    EXPECT_FALSE(createGateway(config(QStringLiteral("twilio"), {}), &store, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("unknown kind 'twilio'"))) << error.toStdString();

    EXPECT_FALSE(createGateway(config(QStringLiteral("gupshup"), {}), &store, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("'userid' is missing"))) << error.toStdString();

    EXPECT_FALSE(createGateway(config(QStringLiteral("wati"), {{QStringLiteral("template_name"), QStringLiteral("t")}}), &store, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("'base_url' is missing"))) << error.toStdString();

    EXPECT_FALSE(createGateway(config(QStringLiteral("gupshup"), {{QStringLiteral("userid"), QStringLiteral("1")},
                                                                 {QStringLiteral("format"), QStringLiteral("xml")}}),
                               &store, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("'format'"))) << error.toStdString();

    EXPECT_FALSE(createGateway(config(QStringLiteral("smtp"), {{QStringLiteral("url"), QStringLiteral("http://mail.example")},
                                                              {QStringLiteral("from"), QStringLiteral("otp@example.com")}}),
                               &store, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("'url'"))) << error.toStdString();

    // The secret: named, with the store, and never its value.
    const VendorConfig gupshup = config(QStringLiteral("gupshup"), {{QStringLiteral("userid"), QStringLiteral("2000")}},
                                        QStringLiteral("vendor/gupshup"));
    EXPECT_FALSE(createGateway(gupshup, &store, &error));
    EXPECT_EQ(error, QStringLiteral("vendor 'gupshup-main': secret 'vendor/gupshup' is not in test store"));
    store.failure = QStringLiteral("keychain locked");
    EXPECT_FALSE(createGateway(gupshup, &store, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("keychain locked"))) << error.toStdString();
    EXPECT_FALSE(createGateway(config(QStringLiteral("gupshup"), {{QStringLiteral("userid"), QStringLiteral("2000")}}, QString()),
                               &store, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("no secret name"))) << error.toStdString();

    // SMTP without a username is an unauthenticated relay: no secret needed.
    store.failure.clear();
    EXPECT_TRUE(createGateway(config(QStringLiteral("smtp"), {{QStringLiteral("url"), QStringLiteral("smtp://127.0.0.1:25")},
                                                             {QStringLiteral("from"), QStringLiteral("otp@example.com")},
                                                             {QStringLiteral("starttls"), QStringLiteral("none")}},
                                     QString()),
                              &store, &error))
        << error.toStdString();
}

} // namespace
