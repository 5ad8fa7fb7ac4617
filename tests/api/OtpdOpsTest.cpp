// otpd's operations routes, black-box (HTTP-API.md; SECURITY.md row 24): a real otpd on loopback.
//   - receipts: Gupshup GET and POST, WATI and MyOperator bodies on /v1/receipts/{vendor}/{token} turn an
//     accepted delivery into delivered/failed, seen through GET /v1/verifications/{id}; a wrong token and
//     an unknown vendor get the same 404; a repeated receipt changes nothing;
//   - /metrics parsed as Prometheus text (every line a comment or a sample, types declared, histogram
//     buckets cumulative) and its counters moving after a send and a check; who may read it;
//   - /openapi.json: every route of the router in it, every path in it served; the OpenAPI linter
//     (@redocly/cli) passes; every answer these tests receive validates against the document.
// The deliveries are made by real sends through the dev gateway, then handed to a configured vendor in
// the database (vendor and message id as that vendor's send answer would have set them).
#include "CliRun.h"
#include "DevOutbox.h"
#include "OtpdHarness.h"
#include "OtpdProcess.h"
#include "OtpRuntime.h"
#include "ScratchDatabase.h"
#include "SecretStores.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

#include <cmath>

using namespace otp::test;

namespace {

const QString kPhone = QStringLiteral("+919876543299");

QByteArray json(const QJsonValue& v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

// ---- a JSON Schema subset (type, const, enum, required, properties, items, local $ref) ----
class ApiSpec
{
public:
    QJsonObject doc;

    QJsonObject resolve(QJsonObject o) const
    {
        for (int depth = 0; o.contains(QStringLiteral("$ref")) && depth < 10; ++depth) {
            QJsonValue at = doc;
            for (const QString& part : o.value(QStringLiteral("$ref")).toString().mid(2).split(QLatin1Char('/')))
                at = at.toObject().value(part);
            o = at.toObject();
        }
        return o;
    }

    static bool hasType(const QJsonValue& v, const QString& type)
    {
        if (type == QLatin1String("object")) return v.isObject();
        if (type == QLatin1String("array")) return v.isArray();
        if (type == QLatin1String("string")) return v.isString();
        if (type == QLatin1String("boolean")) return v.isBool();
        if (type == QLatin1String("null")) return v.isNull();
        if (type == QLatin1String("number")) return v.isDouble();
        if (type == QLatin1String("integer")) return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
        return false;
    }

    QString validate(const QJsonValue& v, const QJsonObject& given, const QString& at) const
    {
        const QJsonObject s = resolve(given);
        if (s.contains(QStringLiteral("type"))) {
            const QJsonValue t = s.value(QStringLiteral("type"));
            const QJsonArray types = t.isArray() ? t.toArray() : QJsonArray{t};
            bool any = false;
            for (const QJsonValue& one : types)
                any = any || hasType(v, one.toString());
            if (!any)
                return QStringLiteral("%1: not of type %2").arg(at, QString::fromUtf8(QJsonDocument(QJsonArray(types)).toJson(QJsonDocument::Compact)));
        }
        if (s.contains(QStringLiteral("const")) && s.value(QStringLiteral("const")) != v)
            return QStringLiteral("%1: not the constant %2").arg(at, s.value(QStringLiteral("const")).toString());
        if (s.contains(QStringLiteral("enum")) && !s.value(QStringLiteral("enum")).toArray().contains(v))
            return QStringLiteral("%1: '%2' not in the enum").arg(at, v.toVariant().toString());
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (const QJsonValue& r : s.value(QStringLiteral("required")).toArray())
                if (!o.contains(r.toString()))
                    return QStringLiteral("%1: required '%2' missing").arg(at, r.toString());
            const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (props.contains(it.key()))
                    if (const QString p = validate(it.value(), props.value(it.key()).toObject(), at + QLatin1Char('.') + it.key()); !p.isEmpty())
                        return p;
            }
        }
        if (v.isArray() && s.contains(QStringLiteral("items"))) {
            const QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                if (const QString p = validate(a.at(i), s.value(QStringLiteral("items")).toObject(), QStringLiteral("%1[%2]").arg(at).arg(i)); !p.isEmpty())
                    return p;
        }
        return {};
    }

    // The documented response for this answer (route pattern + method + status), or for a 404/405 of
    // the router itself (components/responses); empty with *problem when there is none.
    QJsonObject responseFor(const QString& method, const QString& pattern, int status, QString* problem) const
    {
        const QJsonObject op = doc.value(QStringLiteral("paths")).toObject().value(pattern).toObject().value(method.toLower()).toObject();
        if (op.isEmpty()) {
            const QJsonObject shared = doc.value(QStringLiteral("components")).toObject().value(QStringLiteral("responses")).toObject();
            if (status == 404)
                return resolve(shared.value(QStringLiteral("NotFound")).toObject());
            if (status == 405)
                return resolve(shared.value(QStringLiteral("MethodNotAllowed")).toObject());
            *problem = QStringLiteral("%1 %2 is not in the document").arg(method, pattern);
            return {};
        }
        const QJsonObject r = resolve(op.value(QStringLiteral("responses")).toObject().value(QString::number(status)).toObject());
        if (r.isEmpty())
            *problem = QStringLiteral("%1 %2 does not document status %3").arg(method, pattern).arg(status);
        return r;
    }

    // Empty when the answer (status, required headers, body) fits the document.
    QString check(const QString& method, const QString& pattern, const HttpAnswer& a) const
    {
        QString problem;
        const QJsonObject r = responseFor(method, pattern, a.status, &problem);
        if (r.isEmpty())
            return problem;
        const QJsonObject headers = r.value(QStringLiteral("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            const QJsonObject h = resolve(it.value().toObject());
            if (h.value(QStringLiteral("required")).toBool() && !a.headers.contains(it.key().toLower().toLatin1()))
                return QStringLiteral("%1 %2 %3: header %4 missing").arg(method, pattern).arg(a.status).arg(it.key());
        }
        const QString type = QString::fromLatin1(a.header("content-type")).split(QLatin1Char(';')).value(0).trimmed();
        const QJsonObject content = r.value(QStringLiteral("content")).toObject();
        for (auto it = content.begin(); it != content.end(); ++it) {
            if (it.key().split(QLatin1Char(';')).value(0).trimmed() != type)
                continue;
            const QJsonObject schema = it.value().toObject().value(QStringLiteral("schema")).toObject();
            QJsonValue body = QString::fromUtf8(a.raw);
            if (type == QLatin1String("application/json")) {
                const QJsonDocument d = QJsonDocument::fromJson(a.raw);
                body = d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
            }
            const QString p = validate(body, schema, QStringLiteral("body"));
            return p.isEmpty() ? QString() : QStringLiteral("%1 %2 %3: %4").arg(method, pattern).arg(a.status).arg(p);
        }
        return QStringLiteral("%1 %2 %3: content type '%4' not documented").arg(method, pattern).arg(a.status).arg(type);
    }
};

// ---- Prometheus text format 0.0.4 ----
struct Sample
{
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

struct Exposition
{
    QMap<QString, QString> types; // family → counter | gauge | histogram | …
    QList<Sample> samples;
    QStringList problems;

    double sum(const QString& name, const QMap<QString, QString>& want = {}) const
    {
        double total = 0;
        for (const Sample& s : samples) {
            if (s.name != name)
                continue;
            bool all = true;
            for (auto it = want.begin(); it != want.end(); ++it)
                all = all && s.labels.value(it.key()) == it.value();
            if (all)
                total += s.value;
        }
        return total;
    }
};

QString familyOf(const QString& name, const QMap<QString, QString>& types)
{
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
        const QString base = name.endsWith(QLatin1String(suffix)) ? name.chopped(int(qstrlen(suffix))) : QString();
        if (!base.isEmpty() && types.value(base) == QLatin1String("histogram"))
            return base;
    }
    return name;
}

bool parseLabels(const QString& text, QMap<QString, QString>* out)
{
    static const QRegularExpression pair(QStringLiteral("\\G\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)"));
    qsizetype at = 0;
    while (at < text.size()) {
        const QRegularExpressionMatch m = pair.match(text, at);
        if (!m.hasMatch())
            return false;
        QString v = m.captured(2);
        v.replace(QLatin1String("\\n"), QLatin1String("\n")).replace(QLatin1String("\\\""), QLatin1String("\"")).replace(QLatin1String("\\\\"), QLatin1String("\\"));
        out->insert(m.captured(1), v);
        at = m.capturedEnd(0);
    }
    return true;
}

Exposition parsePrometheus(const QByteArray& text)
{
    Exposition e;
    static const QRegularExpression sample(QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)( -?\\d+)?$"));
    static const QRegularExpression typeLine(QStringLiteral("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$"));
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.isEmpty() && i == lines.size() - 1)
            break; // the final newline
        if (line.startsWith(QLatin1Char('#'))) {
            if (const auto m = typeLine.match(line); m.hasMatch())
                e.types.insert(m.captured(1), m.captured(2));
            else if (line.startsWith(QLatin1String("# TYPE")))
                e.problems << QStringLiteral("bad TYPE line: ") + line;
            continue;
        }
        const QRegularExpressionMatch m = sample.match(line);
        Sample s;
        bool ok = m.hasMatch() && parseLabels(m.captured(2), &s.labels);
        if (ok) {
            s.name = m.captured(1);
            const QString v = m.captured(3);
            s.value = v == QLatin1String("+Inf") ? INFINITY : v == QLatin1String("-Inf") ? -INFINITY : v.toDouble(&ok);
        }
        if (!ok) {
            e.problems << QStringLiteral("not a comment nor a sample: ") + line;
            continue;
        }
        if (!e.types.contains(familyOf(s.name, e.types)))
            e.problems << QStringLiteral("no TYPE declared before ") + s.name;
        e.samples << s;
    }
    // Histograms: per series, buckets cumulative in le order, +Inf equal to _count.
    for (auto t = e.types.begin(); t != e.types.end(); ++t) {
        if (t.value() != QLatin1String("histogram"))
            continue;
        QMap<QString, QList<QPair<double, double>>> buckets;
        QMap<QString, double> counts;
        for (const Sample& s : e.samples) {
            QMap<QString, QString> key = s.labels;
            key.remove(QStringLiteral("le"));
            QString id;
            for (auto it = key.begin(); it != key.end(); ++it)
                id += it.key() + QLatin1Char('=') + it.value() + QLatin1Char(',');
            if (s.name == t.key() + QLatin1String("_bucket")) {
                const QString le = s.labels.value(QStringLiteral("le"));
                buckets[id] << qMakePair(le == QLatin1String("+Inf") ? INFINITY : le.toDouble(), s.value);
            } else if (s.name == t.key() + QLatin1String("_count")) {
                counts[id] = s.value;
            }
        }
        for (auto b = buckets.begin(); b != buckets.end(); ++b) {
            auto list = b.value();
            std::sort(list.begin(), list.end());
            for (qsizetype i = 1; i < list.size(); ++i)
                if (list.at(i).second < list.at(i - 1).second)
                    e.problems << QStringLiteral("%1{%2}: buckets not cumulative").arg(t.key(), b.key());
            if (list.isEmpty() || !std::isinf(list.last().first) || list.last().second != counts.value(b.key(), -1))
                e.problems << QStringLiteral("%1{%2}: +Inf bucket missing or not equal to _count").arg(t.key(), b.key());
        }
    }
    return e;
}

class OtpdOps : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    ScratchDatabase database{dir.path()};
    DevOutbox outbox{dir.filePath(QStringLiteral("outbox.jsonl"))};
    HttpClient http;
    std::unique_ptr<RunningOtpd> otpd;
    ApiSpec spec;
    int ports = 0;
    int phones = 0;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("OTP_DEV_OUTBOX"), outbox.path());
        e.insert(QStringLiteral("HOME"), dir.path());
        e.insert(QStringLiteral("OTP_SECRETS_DIR"), dir.filePath(QStringLiteral("secrets")));
        e.remove(QStringLiteral("OTP_PUBLIC_URL"));
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
    void SetUp() override
    {
        otpd = start();
        ASSERT_TRUE(otpd->started());
        const HttpAnswer doc = http.call(otpd->baseUrl(), {"GET", QStringLiteral("/openapi.json")});
        ASSERT_EQ(doc.status, 200) << doc.text();
        spec.doc = doc.json;
        ASSERT_EQ(spec.doc.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
    }
    CliRun otpctl(QStringList args) const
    {
        QProcess p;
        p.setProcessEnvironment(env());
        args << QStringLiteral("--db") << database.url() << QStringLiteral("--json");
        p.start(otpctlPath(), args);
        return CliRun::finish(p);
    }
    QString key(const QString& tenant, const QString& name) const
    {
        const CliRun r = otpctl({QStringLiteral("apikeys"), QStringLiteral("create"), QStringLiteral("--tenant"), tenant,
                                 QStringLiteral("--name"), name, QStringLiteral("--scopes"), QStringLiteral("send,verify,read,accounts")});
        EXPECT_EQ(r.exitCode, 0) << r.all();
        return r.json.value(QStringLiteral("key")).toString();
    }
    // Every answer is checked against the document: `pattern` is the route the call should match.
    HttpAnswer call(const QString& pattern, const HttpCall& c, RunningOtpd* server = nullptr)
    {
        const HttpAnswer a = http.call((server ? server : otpd.get())->baseUrl(), c);
        EXPECT_NE(a.status, 0) << a.error.toStdString();
        const QString problem = spec.check(QString::fromLatin1(c.method), pattern, a);
        EXPECT_TRUE(problem.isEmpty()) << problem.toStdString() << "\n" << a.text();
        return a;
    }
    QString nextPhone() { return QStringLiteral("+9198765432%1").arg(10 + ++phones); }
    // A configured vendor (disabled: sends keep going to the dev gateway) and its receipt URL's path.
    QString receiptPath(const QString& name, const QString& kind, const QStringList& settings)
    {
        CliRun r = otpctl(QStringList{QStringLiteral("vendors"), QStringLiteral("add"), name, QStringLiteral("--kind"), kind,
                                      QStringLiteral("--secret"), QStringLiteral("vendor/") + name, QStringLiteral("--disabled")} + settings);
        EXPECT_EQ(r.exitCode, 0) << r.all();
        r = otpctl({QStringLiteral("vendors"), QStringLiteral("receipt-url"), name, otpd->baseUrl()});
        EXPECT_EQ(r.exitCode, 0) << r.all();
        EXPECT_TRUE(r.json.value(QStringLiteral("created")).toBool()) << r.all();
        const QUrl url(r.json.value(QStringLiteral("url")).toString());
        EXPECT_EQ(url.toString(QUrl::RemovePath), otpd->baseUrl());
        return url.path();
    }
    // Sends a code through otpd (dev gateway), then gives its delivery to `vendor` with `messageId`,
    // accepted, as that vendor's send answer would have. Returns the verification id; *deliveryId set.
    QString acceptedDelivery(const QString& k, const QString& vendor, const QString& messageId, qint64* deliveryId, QString* phone = nullptr)
    {
        const QString to = nextPhone();
        if (phone)
            *phone = to;
        const HttpAnswer s = call(QStringLiteral("/v1/verifications"), {"POST", QStringLiteral("/v1/verifications"), json(QJsonObject{{QStringLiteral("to"), to}}), k});
        EXPECT_EQ(s.status, 201) << s.text();
        const QString id = s.json.value(QStringLiteral("id")).toString();
        *deliveryId = database.scalar(QStringLiteral("SELECT MAX(d.id) FROM deliveries d JOIN challenges c ON c.id = d.challenge_id WHERE c.ref = ?"), {id});
        EXPECT_GT(*deliveryId, 0);
        database.scalar(QStringLiteral("UPDATE deliveries SET vendor = ?, message_id = ?, state = 'accepted' WHERE id = ?"),
                        {vendor, messageId, *deliveryId});
        return id;
    }
    QString deliveryState(const QString& k, const QString& id)
    {
        const HttpAnswer v = call(QStringLiteral("/v1/verifications/{id}"), {"GET", QStringLiteral("/v1/verifications/") + id, {}, k});
        EXPECT_EQ(v.status, 200) << v.text();
        return v.json.value(QStringLiteral("deliveries")).toArray().first().toObject().value(QStringLiteral("state")).toString();
    }
    HttpAnswer receipt(const QString& path, const QByteArray& method, const QByteArray& body, const QString& query = {})
    {
        HttpCall c{method, path + (query.isEmpty() ? QString() : QStringLiteral("?") + query), body};
        c.json = !body.isEmpty();
        return call(QStringLiteral("/v1/receipts/{vendor}/{token}"), c);
    }
    Exposition scrape(RunningOtpd* server = nullptr)
    {
        const HttpAnswer m = call(QStringLiteral("/metrics"), {"GET", QStringLiteral("/metrics")}, server);
        EXPECT_EQ(m.status, 200) << m.text();
        EXPECT_TRUE(m.header("content-type").startsWith("text/plain; version=0.0.4")) << m.header("content-type").toStdString();
        const Exposition e = parsePrometheus(m.raw);
        EXPECT_TRUE(e.problems.isEmpty()) << e.problems.join(QLatin1Char('\n')).toStdString();
        return e;
    }
};
} // namespace

TEST_F(OtpdOps, ReceiptsInEachVendorFormatMarkTheDelivery)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    const QString gs = receiptPath(QStringLiteral("gs"), QStringLiteral("gupshup"),
                                   {QStringLiteral("base_url=http://127.0.0.1:9"), QStringLiteral("userid=u")});
    const QString wa = receiptPath(QStringLiteral("wa"), QStringLiteral("wati"),
                                   {QStringLiteral("base_url=http://127.0.0.1:9"), QStringLiteral("template_name=login_otp")});
    const QString mo = receiptPath(QStringLiteral("mo"), QStringLiteral("myoperator"),
                                   {QStringLiteral("base_url=http://127.0.0.1:9"), QStringLiteral("company_id=c"),
                                    QStringLiteral("phone_number_id=1"), QStringLiteral("template_name=login_otp")});
    qint64 d = 0;

    // Gupshup GET (the documented delivery report).
    const QString v1 = acceptedDelivery(k, QStringLiteral("gs"), QStringLiteral("3940265861"), &d);
    HttpAnswer a = receipt(gs, "GET", {}, QStringLiteral("externalId=3940265861&deliveredTS=1700000000123&status=SUCCESS&phoneNo=919876543211&cause=SUCCESS&errCode=000&noOfFrags=1"));
    ASSERT_EQ(a.status, 200) << a.text();
    EXPECT_EQ(a.json.value(QStringLiteral("applied")).toInt(), 1) << a.text();
    EXPECT_EQ(a.json.value(QStringLiteral("unmatched")).toInt(), 0) << a.text();
    EXPECT_EQ(deliveryState(k, v1), QStringLiteral("delivered"));

    // Gupshup POST: a JSON array of events; one FAILED, one for a message of another system.
    const QString v2 = acceptedDelivery(k, QStringLiteral("gs"), QStringLiteral("3940265862"), &d);
    a = receipt(gs, "POST", json(QJsonArray{QJsonObject{{QStringLiteral("externalId"), QStringLiteral("3940265862")}, {QStringLiteral("eventType"), QStringLiteral("FAILED")},
                                                        {QStringLiteral("cause"), QStringLiteral("ABSENT_SUBSCRIBER")}, {QStringLiteral("errCode"), QStringLiteral("27")}},
                                            QJsonObject{{QStringLiteral("externalId"), QStringLiteral("999")}, {QStringLiteral("eventType"), QStringLiteral("DELIVERED")}}}));
    ASSERT_EQ(a.status, 200) << a.text();
    EXPECT_EQ(a.json.value(QStringLiteral("received")).toInt(), 2) << a.text();
    EXPECT_EQ(a.json.value(QStringLiteral("applied")).toInt(), 1) << a.text();
    EXPECT_EQ(a.json.value(QStringLiteral("unmatched")).toInt(), 1) << a.text();
    EXPECT_EQ(deliveryState(k, v2), QStringLiteral("failed"));

    // WATI v2 webhook, matched on localMessageId; any Content-Type.
    const QString v3 = acceptedDelivery(k, QStringLiteral("wa"), QStringLiteral("d38f0a1e-wati"), &d);
    HttpCall watiCall{"POST", wa, json(QJsonObject{{QStringLiteral("eventType"), QStringLiteral("sentMessageDELIVERED_v2")},
                                                   {QStringLiteral("localMessageId"), QStringLiteral("d38f0a1e-wati")},
                                                   {QStringLiteral("whatsappMessageId"), QStringLiteral("wamid.1")},
                                                   {QStringLiteral("statusString"), QStringLiteral("Delivered")},
                                                   {QStringLiteral("timestamp"), QStringLiteral("1700000000")}}),
                      {}, {{"Content-Type", "text/plain"}}, false};
    a = call(QStringLiteral("/v1/receipts/{vendor}/{token}"), watiCall);
    ASSERT_EQ(a.status, 200) << a.text();
    EXPECT_EQ(a.json.value(QStringLiteral("applied")).toInt(), 1) << a.text();
    EXPECT_EQ(deliveryState(k, v3), QStringLiteral("delivered"));

    // MyOperator status callback as integrations observe it (payload, event_type, nine fractional digits),
    // matched on our own reference (myop_ref_id = "<verification>-<delivery id>").
    const QString v4 = acceptedDelivery(k, QStringLiteral("mo"), QStringLiteral("mo-msg-1"), &d);
    a = receipt(mo, "POST", json(QJsonObject{{QStringLiteral("event_type"), QStringLiteral("delivered")},
                                             {QStringLiteral("payload"), QJsonObject{{QStringLiteral("message_id"), QStringLiteral("other-id")},
                                                                                     {QStringLiteral("myop_ref_id"), QStringLiteral("%1-%2").arg(v4).arg(d)},
                                                                                     {QStringLiteral("timestamp"), QStringLiteral("1700000000.123456789")}}}}));
    ASSERT_EQ(a.status, 200) << a.text();
    EXPECT_EQ(a.json.value(QStringLiteral("applied")).toInt(), 1) << a.text();
    EXPECT_EQ(deliveryState(k, v4), QStringLiteral("delivered"));

    // Unparsable: 400 naming the problem; a WATI body by GET is no body at all.
    a = receipt(gs, "POST", "[{\"externalId\": ");
    EXPECT_EQ(a.status, 400) << a.text();
    EXPECT_EQ(a.statusName(), QStringLiteral("invalid_input"));
    a = receipt(wa, "GET", {});
    EXPECT_EQ(a.status, 400) << a.text();
    a = receipt(gs, "GET", {}, QStringLiteral("status=SUCCESS"));
    EXPECT_EQ(a.status, 400) << a.text();
}

TEST_F(OtpdOps, WrongTokenAndUnknownVendorAnswerAlikeAndRepeatsChangeNothing)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    const QString gs = receiptPath(QStringLiteral("gs"), QStringLiteral("gupshup"),
                                   {QStringLiteral("base_url=http://127.0.0.1:9"), QStringLiteral("userid=u")});
    const QString token = gs.section(QLatin1Char('/'), -1);
    qint64 d = 0;
    const QString v = acceptedDelivery(k, QStringLiteral("gs"), QStringLiteral("777"), &d);
    const QString query = QStringLiteral("externalId=777&status=SUCCESS");

    QString wrong = token;
    wrong[0] = wrong[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    const QList<QString> refused{
        QStringLiteral("/v1/receipts/gs/") + wrong,                    // wrong token
        QStringLiteral("/v1/receipts/gs/") + token.left(10),           // a prefix of it
        QStringLiteral("/v1/receipts/nosuchvendor/") + token,          // unknown vendor, right token
        QStringLiteral("/v1/receipts/wa/") + token,                    // unknown vendor
        QStringLiteral("/v1/receipts/Bad%20Name/") + token,            // not even a vendor name
    };
    QList<HttpAnswer> answers;
    for (const QString& path : refused)
        for (const QByteArray& method : {QByteArray("GET"), QByteArray("POST")})
            answers << receipt(path, method, method == "POST" ? QByteArray("[{\"externalId\":\"777\",\"eventType\":\"DELIVERED\"}]") : QByteArray(),
                               method == "GET" ? query : QString());
    for (HttpAnswer a : answers) {
        EXPECT_EQ(a.status, 404) << a.text();
        a.json.remove(QStringLiteral("request_id"));
        HttpAnswer first = answers.first();
        first.json.remove(QStringLiteral("request_id"));
        EXPECT_EQ(a.json, first.json) << "one answer for every refusal: " << a.text();
        EXPECT_EQ(a.raw.size(), answers.first().raw.size());
        EXPECT_EQ(a.header("content-type"), answers.first().header("content-type"));
    }
    EXPECT_EQ(deliveryState(k, v), QStringLiteral("accepted")) << "a refused receipt changes nothing";
    EXPECT_FALSE(otpd->log().contains(token)) << "the token is never logged";

    // The right one, then the same again, then a late FAILURE for it: only the first changes anything.
    HttpAnswer a = receipt(gs, "GET", {}, query);
    ASSERT_EQ(a.status, 200) << a.text();
    EXPECT_EQ(a.json.value(QStringLiteral("applied")).toInt(), 1);
    const qint64 updatedAt = database.scalar(QStringLiteral("SELECT updated_at FROM deliveries WHERE id = ?"), {d});
    for (const QString& again : {query, QStringLiteral("externalId=777&status=FAILURE&cause=EXPIRED")}) {
        a = receipt(gs, "GET", {}, again);
        ASSERT_EQ(a.status, 200) << a.text();
        EXPECT_EQ(a.json.value(QStringLiteral("applied")).toInt(), 0) << a.text();
        EXPECT_EQ(a.json.value(QStringLiteral("unchanged")).toInt(), 1) << a.text();
    }
    EXPECT_EQ(deliveryState(k, v), QStringLiteral("delivered"));
    EXPECT_EQ(database.scalar(QStringLiteral("SELECT updated_at FROM deliveries WHERE id = ?"), {d}), updatedAt);

    // receipt-url again: the same token (the URL keeps working), nothing new made.
    const CliRun r = otpctl({QStringLiteral("vendors"), QStringLiteral("receipt-url"), QStringLiteral("gs"), QStringLiteral("https://otp.example.com/")});
    ASSERT_EQ(r.exitCode, 0) << r.all();
    EXPECT_FALSE(r.json.value(QStringLiteral("created")).toBool());
    EXPECT_EQ(r.json.value(QStringLiteral("url")).toString(), QStringLiteral("https://otp.example.com/v1/receipts/gs/") + token);
    EXPECT_EQ(database.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'secret_set' AND target = 'secret:receipt-token/gs'")), 1)
        << "the token's creation is audited once";
    EXPECT_NE(otpctl({QStringLiteral("vendors"), QStringLiteral("receipt-url"), QStringLiteral("nosuch")}).exitCode, 0);
}

TEST_F(OtpdOps, MetricsAreValidPrometheusTextAndMoveWithTraffic)
{
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    const Exposition before = scrape();
    for (const char* family : {"otp_sends_total", "otp_checks_total", "otp_http_requests_total", "otp_deliveries_total"})
        EXPECT_EQ(before.types.value(QLatin1String(family)), QStringLiteral("counter")) << family;
    for (const char* family : {"otp_http_request_duration_seconds", "otp_vendor_request_duration_seconds"})
        EXPECT_EQ(before.types.value(QLatin1String(family)), QStringLiteral("histogram")) << family;
    EXPECT_EQ(before.types.value(QStringLiteral("otp_outbox_depth")), QStringLiteral("gauge"));
    EXPECT_EQ(before.samples.size() > 0, true);

    const QString to = nextPhone();
    const HttpAnswer s = call(QStringLiteral("/v1/verifications"), {"POST", QStringLiteral("/v1/verifications"), json(QJsonObject{{QStringLiteral("to"), to}}), k});
    ASSERT_EQ(s.status, 201) << s.text();
    const QString id = s.json.value(QStringLiteral("id")).toString();
    const QString code = outbox.lastCodeFor(to);
    ASSERT_FALSE(code.isEmpty());
    const HttpAnswer c = call(QStringLiteral("/v1/verifications/check"),
                              {"POST", QStringLiteral("/v1/verifications/check"), json(QJsonObject{{QStringLiteral("to"), to}, {QStringLiteral("code"), code}}), k});
    ASSERT_EQ(c.status, 200) << c.text();
    call(QStringLiteral("/v1/verifications/{id}"), {"GET", QStringLiteral("/v1/verifications/") + id, {}, k});
    call(QStringLiteral("/v1/verifications/check"), {"POST", QStringLiteral("/v1/verifications/check"), json(QJsonObject{{QStringLiteral("to"), to}}), k});
    call({}, {"GET", QStringLiteral("/no/such/route")});

    const QByteArray raw = http.call(otpd->baseUrl(), {"GET", QStringLiteral("/metrics")}).raw;
    const Exposition after = parsePrometheus(raw);
    ASSERT_TRUE(after.problems.isEmpty()) << after.problems.join(QLatin1Char('\n')).toStdString();
    using L = QMap<QString, QString>;
    EXPECT_EQ(after.sum(QStringLiteral("otp_sends_total"), L{{QStringLiteral("tenant"), QStringLiteral("acme")}, {QStringLiteral("channel"), QStringLiteral("sms")}, {QStringLiteral("outcome"), QStringLiteral("sent")}}) -
                  before.sum(QStringLiteral("otp_sends_total"), L{{QStringLiteral("tenant"), QStringLiteral("acme")}, {QStringLiteral("channel"), QStringLiteral("sms")}, {QStringLiteral("outcome"), QStringLiteral("sent")}}),
              1);
    EXPECT_EQ(after.sum(QStringLiteral("otp_checks_total"), L{{QStringLiteral("tenant"), QStringLiteral("acme")}, {QStringLiteral("outcome"), QStringLiteral("verified")}}), 1);
    EXPECT_EQ(after.sum(QStringLiteral("otp_checks_total"), L{{QStringLiteral("outcome"), QStringLiteral("invalid_input")}}), 1);
    EXPECT_EQ(after.sum(QStringLiteral("otp_http_requests_total"), L{{QStringLiteral("route"), QStringLiteral("/v1/verifications")}, {QStringLiteral("code"), QStringLiteral("201")}}), 1);
    EXPECT_EQ(after.sum(QStringLiteral("otp_http_requests_total"), L{{QStringLiteral("route"), QStringLiteral("/v1/verifications/{id}")}, {QStringLiteral("code"), QStringLiteral("200")}}), 1);
    EXPECT_GE(after.sum(QStringLiteral("otp_http_requests_total"), L{{QStringLiteral("route"), QStringLiteral("unmatched")}, {QStringLiteral("code"), QStringLiteral("404")}}), 1);
    EXPECT_GE(after.sum(QStringLiteral("otp_http_requests_total"), L{{QStringLiteral("route"), QStringLiteral("/metrics")}}), 1);
    EXPECT_EQ(after.sum(QStringLiteral("otp_http_request_duration_seconds_count"), L{{QStringLiteral("route"), QStringLiteral("/v1/verifications/check")}}), 2);
    // The send's delivery row, read from the database at scrape: its state and the vendor's answer time.
    EXPECT_GE(after.sum(QStringLiteral("otp_deliveries_total"), L{{QStringLiteral("vendor"), QStringLiteral("dev")}}), 1);
    EXPECT_GE(after.sum(QStringLiteral("otp_vendor_request_duration_seconds_count"), L{{QStringLiteral("vendor"), QStringLiteral("dev")}}), 1);
    EXPECT_EQ(after.sum(QStringLiteral("otp_outbox_depth")), 0);
    // Labels: route patterns, never a path, destination, code or key.
    for (const Sample& sample : after.samples)
        for (auto it = sample.labels.begin(); it != sample.labels.end(); ++it)
            EXPECT_FALSE(it.value().contains(id) || it.value().contains(QStringLiteral("98765")) || it.value().contains(code) ||
                         it.value().contains(QStringLiteral("/no/such")))
                << sample.name.toStdString() << " " << it.key().toStdString() << "=" << it.value().toStdString();
    EXPECT_FALSE(raw.contains(k.toLatin1()));
    EXPECT_FALSE(raw.contains(to.mid(3).toLatin1()));
    // A second scrape counts no delivery twice.
    const Exposition again = scrape();
    EXPECT_EQ(again.sum(QStringLiteral("otp_deliveries_total")), after.sum(QStringLiteral("otp_deliveries_total")));
    EXPECT_EQ(again.sum(QStringLiteral("otp_vendor_request_duration_seconds_count")), after.sum(QStringLiteral("otp_vendor_request_duration_seconds_count")));
}

TEST_F(OtpdOps, MetricsNeedLoopbackOrTheToken)
{
    // Behind a trusted proxy on this host the client is the forwarded address, not loopback.
    auto proxied = start({QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1/32"), QStringLiteral("--metrics-token"), QStringLiteral("scrape-secret-1")});
    ASSERT_TRUE(proxied->started());
    const QList<QPair<QByteArray, QByteArray>> remote{{"X-Forwarded-For", "203.0.113.7"}};
    HttpAnswer a = call(QStringLiteral("/metrics"), {"GET", QStringLiteral("/metrics"), {}, {}, remote}, proxied.get());
    EXPECT_EQ(a.status, 403) << a.text();
    a = call(QStringLiteral("/metrics"), {"GET", QStringLiteral("/metrics"), {}, QStringLiteral("scrape-secret-2"), remote}, proxied.get());
    EXPECT_EQ(a.status, 403) << a.text();
    a = call(QStringLiteral("/metrics"), {"GET", QStringLiteral("/metrics"), {}, QStringLiteral("scrape-secret-1"), remote}, proxied.get());
    EXPECT_EQ(a.status, 200) << a.text();
    EXPECT_TRUE(parsePrometheus(a.raw).problems.isEmpty());
    a = call(QStringLiteral("/metrics"), {"GET", QStringLiteral("/metrics")}, proxied.get());
    EXPECT_EQ(a.status, 200) << "a loopback client needs no token";
    EXPECT_FALSE(proxied->log().contains(QStringLiteral("scrape-secret")));
    // Without --metrics-token, a remote client is refused whatever it presents.
    auto plain = start({QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1/32")});
    ASSERT_TRUE(plain->started());
    a = call(QStringLiteral("/metrics"), {"GET", QStringLiteral("/metrics"), {}, QStringLiteral("scrape-secret-1"), remote}, plain.get());
    EXPECT_EQ(a.status, 403) << a.text();
}

TEST_F(OtpdOps, OpenApiCoversEveryRouteAndEveryPathIsServed)
{
    // The router otpd builds, built here in-process over the same database.
    if (!ScratchDatabase::isSqlite())
        qputenv("OTP_PEPPER", ScratchDatabase::serverPepper());
    otp::OtpRuntime::Options ro;
    ro.databaseUrl = database.url();
    ro.databasePassword = database.config().password;
    ro.secrets = std::make_shared<otp::FileSecretStore>(dir.filePath(QStringLiteral("secrets")));
    QString error;
    auto runtime = otp::OtpRuntime::open(ro, &error);
    ASSERT_TRUE(runtime) << error.toStdString();
    otp::ApiRouter router;
    otp::OtpdProcess::addRoutes(router, *runtime, otp::OtpdOptions{});
    const QJsonObject paths = spec.doc.value(QStringLiteral("paths")).toObject();
    int operations = 0;
    for (const otp::ApiRoute& r : router.routes()) {
        const QJsonObject op = paths.value(r.pattern).toObject().value(r.method.toLower()).toObject();
        EXPECT_FALSE(op.isEmpty()) << r.method.toStdString() << " " << r.pattern.toStdString() << " is not in /openapi.json";
        bool success = false;
        for (const QString& status : op.value(QStringLiteral("responses")).toObject().keys())
            success = success || status.startsWith(QLatin1Char('2'));
        EXPECT_TRUE(success) << r.pattern.toStdString() << ": its own answers are described";
        EXPECT_EQ(op.contains(QStringLiteral("x-otp-scope")), r.scope.has_value()) << r.pattern.toStdString();
    }
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        for (const QString& method : p.value().toObject().keys()) {
            ++operations;
            QString path = p.key();
            path.replace(QRegularExpression(QStringLiteral("\\{[^}]+\\}")), QStringLiteral("x1"));
            const HttpAnswer a = call(p.key(), {method.toUpper().toLatin1(), path});
            EXPECT_NE(a.status, 405) << method.toStdString() << " " << p.key().toStdString();
            EXPECT_FALSE(a.status == 404 && a.json.value(QStringLiteral("message")).toString().startsWith(QLatin1String("there is no route")))
                << method.toStdString() << " " << p.key().toStdString() << " is not served";
        }
    }
    EXPECT_EQ(operations, router.routes().size());
    // The shared shapes the contract names.
    const QJsonObject components = spec.doc.value(QStringLiteral("components")).toObject();
    for (const char* h : {"X-Request-Id", "Retry-After", "WWW-Authenticate", "Allow"})
        EXPECT_TRUE(components.value(QStringLiteral("headers")).toObject().contains(QLatin1String(h))) << h;
    EXPECT_EQ(components.value(QStringLiteral("securitySchemes")).toObject().value(QStringLiteral("bearerAuth")).toObject().value(QStringLiteral("scheme")).toString(),
              QStringLiteral("bearer"));
    // A 405, 413, 415 and keyed refusals validate against the document too.
    call(QStringLiteral("/v1/verifications"), {"DELETE", QStringLiteral("/v1/verifications")});
    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    HttpAnswer a = call(QStringLiteral("/v1/verifications"), {"POST", QStringLiteral("/v1/verifications"), QByteArray(20 * 1024, 'a'), k});
    EXPECT_EQ(a.status, 413) << a.text();
    a = call(QStringLiteral("/v1/verifications"), {"POST", QStringLiteral("/v1/verifications"), "to=1", k, {{"Content-Type", "text/plain"}}, false});
    EXPECT_EQ(a.status, 415) << a.text();
    a = call(QStringLiteral("/v1/verifications"), {"POST", QStringLiteral("/v1/verifications"), json(QJsonObject{{QStringLiteral("to"), 5}}), k});
    EXPECT_EQ(a.status, 400) << a.text();
    a = call(QStringLiteral("/v1/verifications"), {"POST", QStringLiteral("/v1/verifications"), json(QJsonObject{{QStringLiteral("to"), kPhone}}), k + QStringLiteral("x")});
    EXPECT_EQ(a.status, 401) << a.text();
    const HttpAnswer noKey = call(QStringLiteral("/v1/status"), {"GET", QStringLiteral("/v1/status?to=%2B919876543210")});
    EXPECT_EQ(noKey.status, 401);
}

TEST_F(OtpdOps, OpenApiDocumentPassesTheLinter)
{
    // @redocly/cli as CI installs it (.ci/install-deps: npm install -g), else through npx (downloads once
    // into the npm cache). 1.34.20: the newest 1.x whose dependencies are all published.
    QString program = QStandardPaths::findExecutable(QStringLiteral("redocly"));
    QStringList args{QStringLiteral("lint")};
    if (program.isEmpty()) {
        program = QStandardPaths::findExecutable(QStringLiteral("npx"));
        args = QStringList{QStringLiteral("--yes"), QStringLiteral("@redocly/cli@1.34.20"), QStringLiteral("lint")};
    }
    if (program.isEmpty())
        GTEST_SKIP() << "neither redocly nor npx is installed: run .ci/install-deps (Node.js and @redocly/cli) to lint /openapi.json";
    const QString file = dir.filePath(QStringLiteral("openapi.json"));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(spec.doc).toJson());
    f.close();
    QProcess lint;
    lint.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("REDOCLY_TELEMETRY"), QStringLiteral("off"));
    e.insert(QStringLiteral("REDOCLY_SUPPRESS_UPDATE_NOTICE"), QStringLiteral("true"));
    lint.setProcessEnvironment(e);
    lint.start(program, args << file << QStringLiteral("--format=stylish"));
    ASSERT_TRUE(lint.waitForFinished(600000)) << "the linter did not finish";
    const QString out = QString::fromUtf8(lint.readAll());
    if (lint.exitCode() != 0 && (out.contains(QLatin1String("ENOTFOUND")) || out.contains(QLatin1String("EAI_AGAIN")) ||
                                 out.contains(QLatin1String("ETARGET"))))
        GTEST_SKIP() << "@redocly/cli could not be fetched (offline?): run .ci/install-deps\n" << out.toStdString();
    EXPECT_EQ(lint.exitCode(), 0) << out.toStdString();
}

// End to end with the real otp-vendor-sim: sends go to the simulated Gupshup, WATI and MyOperator APIs,
// and the simulator calls each vendor's delivery receipt back to the URL `otpctl vendors receipt-url`
// printed; otpd applies them. Waits on otpd's access log (its stderr), never on time. The simulator
// reports 1 s after accepting: a receipt that overtakes the recording of the send answer (its row still
// 'sending', no message id yet) matches nothing and is lost today (see ReceiptRoutes.h).
TEST_F(OtpdOps, VendorSimulatorReceiptsArriveOverHttp)
{
    QProcess sim;
    sim.start(QStringLiteral(OTP_TEST_VENDORSIM), {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--quiet"),
                                                   QStringLiteral("--receipt-delay-ms"), QStringLiteral("1000")});
    static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QString simBase;
    QByteArray simOut;
    while (simBase.isEmpty() && sim.waitForReadyRead(10000)) {
        simOut += sim.readAllStandardOutput();
        if (const auto m = listening.match(QString::fromUtf8(simOut)); m.hasMatch())
            simBase = m.captured(1);
    }
    ASSERT_FALSE(simBase.isEmpty()) << "otp-vendor-sim did not start: " << sim.readAllStandardError().constData();
    const auto secret = [&](const QString& name, const QByteArray& value) {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(otpctlPath(), {QStringLiteral("secrets"), QStringLiteral("set"), name, QStringLiteral("--db"), database.url()});
        p.write(value);
        p.closeWriteChannel();
        EXPECT_EQ(CliRun::finish(p).exitCode, 0);
    };
    const auto vendor = [&](const QString& name, const QString& kind, QStringList settings) {
        settings.prepend(QStringLiteral("base_url=") + simBase);
        const CliRun r = otpctl(QStringList{QStringLiteral("vendors"), QStringLiteral("add"), name, QStringLiteral("--kind"), kind,
                                            QStringLiteral("--secret"), QStringLiteral("vendor/") + name} + settings);
        EXPECT_EQ(r.exitCode, 0) << r.all();
    };
    secret(QStringLiteral("vendor/gs"), "sim-password");
    secret(QStringLiteral("vendor/wa"), "sim-wati-token");
    secret(QStringLiteral("vendor/mo"), "sim-myop-token");
    vendor(QStringLiteral("gs"), QStringLiteral("gupshup"), {QStringLiteral("userid=sim-user"), QStringLiteral("principal_entity_id=1101"),
                                                             QStringLiteral("dlt_template_id=1107"), QStringLiteral("mask=OTPSIM")});
    vendor(QStringLiteral("wa"), QStringLiteral("wati"), {QStringLiteral("template_name=login_otp")});
    vendor(QStringLiteral("mo"), QStringLiteral("myoperator"), {QStringLiteral("company_id=sim-company"), QStringLiteral("phone_number_id=1234"),
                                                                QStringLiteral("template_name=login_otp")});
    auto served = start(); // loads the vendors configured above
    ASSERT_TRUE(served->started());
    QJsonObject urls;
    for (const auto& [name, kind] : {std::pair{"gs", "gupshup"}, std::pair{"wa", "wati"}, std::pair{"mo", "myoperator"}}) {
        const CliRun r = otpctl({QStringLiteral("vendors"), QStringLiteral("receipt-url"), QLatin1String(name), served->baseUrl()});
        ASSERT_EQ(r.exitCode, 0) << r.all();
        urls.insert(QLatin1String(kind), r.json.value(QStringLiteral("url")));
    }
    const HttpAnswer set = http.call(simBase, {"POST", QStringLiteral("/_sim/receipts"), json(QJsonObject{{QStringLiteral("urls"), urls}})});
    ASSERT_EQ(set.status, 200) << set.text();

    const QString k = key(QStringLiteral("acme"), QStringLiteral("app"));
    QStringList ids;
    for (const auto& [name, channel] : {std::pair{"gs", "sms"}, std::pair{"wa", "whatsapp"}, std::pair{"mo", "whatsapp"}}) {
        const HttpAnswer s = call(QStringLiteral("/v1/verifications"),
                                  {"POST", QStringLiteral("/v1/verifications"),
                                   json(QJsonObject{{QStringLiteral("to"), nextPhone()}, {QStringLiteral("channel"), QLatin1String(channel)},
                                                    {QStringLiteral("vendor"), QLatin1String(name)}}), k}, served.get());
        ASSERT_EQ(s.status, 201) << name << ": " << s.text();
        ids << s.json.value(QStringLiteral("id")).toString();
    }
    // The simulator's three callbacks, as otpd logs them (route pattern and status; never the token).
    const QString line = QStringLiteral("POST /v1/receipts/{vendor}/{token} 200");
    QDeadlineTimer deadline(20000);
    while (served->log().count(line) < 3 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    ASSERT_EQ(served->log().count(line), 3) << served->log().toStdString();
    for (const QString& id : ids) {
        const HttpAnswer v = call(QStringLiteral("/v1/verifications/{id}"), {"GET", QStringLiteral("/v1/verifications/") + id, {}, k}, served.get());
        const QJsonObject d = v.json.value(QStringLiteral("deliveries")).toArray().first().toObject();
        EXPECT_EQ(d.value(QStringLiteral("state")).toString(), QStringLiteral("delivered")) << v.text();
    }
    EXPECT_FALSE(served->log().contains(urls.value(QStringLiteral("wati")).toString().section(QLatin1Char('/'), -1)));
    const Exposition m = scrape(served.get());
    using L = QMap<QString, QString>;
    for (const char* v : {"gs", "wa", "mo"}) {
        EXPECT_GE(m.sum(QStringLiteral("otp_deliveries_total"), L{{QStringLiteral("vendor"), QLatin1String(v)}, {QStringLiteral("state"), QStringLiteral("delivered")}}), 1) << v;
        EXPECT_GE(m.sum(QStringLiteral("otp_vendor_request_duration_seconds_count"), L{{QStringLiteral("vendor"), QLatin1String(v)}}), 1) << v;
    }
    sim.kill();
    sim.waitForFinished(5000);
}

// The checks above are only as good as their parser and validator: each catches what it must.
TEST(OtpdOpsHelpers, PrometheusParserAndSchemaValidatorCatchTheirCases)
{
    EXPECT_TRUE(parsePrometheus("# HELP a_total x\n# TYPE a_total counter\na_total{k=\"v\\\"q\"} 3\n").problems.isEmpty());
    EXPECT_FALSE(parsePrometheus("a_total 1\n").problems.isEmpty()) << "no TYPE";
    EXPECT_FALSE(parsePrometheus("# TYPE a gauge\na{k=v} 1\n").problems.isEmpty()) << "unquoted label";
    EXPECT_FALSE(parsePrometheus("# TYPE a gauge\nnot a sample line\n").problems.isEmpty());
    EXPECT_FALSE(parsePrometheus("# TYPE h histogram\nh_bucket{le=\"1\"} 5\nh_bucket{le=\"+Inf\"} 4\nh_sum 1\nh_count 4\n").problems.isEmpty())
        << "buckets must be cumulative";
    EXPECT_FALSE(parsePrometheus("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n").problems.isEmpty())
        << "+Inf must equal _count";
    ApiSpec spec;
    spec.doc = QJsonDocument::fromJson(R"({"components":{"schemas":{"E":{"type":"string","enum":["a","b"]}}}})").object();
    const QJsonObject schema = QJsonDocument::fromJson(
        R"({"type":"object","required":["n"],"properties":{"n":{"type":"integer"},"e":{"$ref":"#/components/schemas/E"},
            "l":{"type":"array","items":{"type":["string","null"]}}}})").object();
    const auto check = [&](const char* body) { return spec.validate(QJsonDocument::fromJson(body).object(), schema, QStringLiteral("body")); };
    EXPECT_TRUE(check(R"({"n":1,"e":"a","l":["x",null]})").isEmpty());
    EXPECT_FALSE(check(R"({"e":"a"})").isEmpty()) << "required";
    EXPECT_FALSE(check(R"({"n":1.5})").isEmpty()) << "integer";
    EXPECT_FALSE(check(R"({"n":1,"e":"c"})").isEmpty()) << "enum through $ref";
    EXPECT_FALSE(check(R"({"n":1,"l":[1]})").isEmpty()) << "items";
}
