#include "VendorSimulator.h"

#include <QDateTime>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <initializer_list>
#include <utility>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(lcVendorSim, "otp.vendorsim", QtInfoMsg)

namespace otp {

namespace {

const QString kGupshup = QStringLiteral("gupshup");
const QString kWati = QStringLiteral("wati");
const QString kMyOperator = QStringLiteral("myoperator");

using Header = QPair<QByteArray, QByteArray>;

// Vendor bodies are written field by field so that their key order matches the captures in
// VENDORS.md (QJsonObject would sort the keys).
QByteArray jsonValue(const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

using Field = std::pair<const char*, QByteArray>;

QByteArray jsonObject(std::initializer_list<Field> fields)
{
    QByteArray out("{");
    for (const Field& field : fields) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        out += field.first;
        out += "\":";
        out += field.second;
    }
    out += '}';
    return out;
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
}

// Destinations are compared as digits; a leading '+' (and stray spaces) is ignored.
QString digitsOf(const QString& raw)
{
    QString s = raw.trimmed();
    if (s.startsWith(QLatin1Char('+')))
        s.remove(0, 1);
    return s;
}

bool isDigits(const QString& s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool isPhoneDigits(const QString& s)
{
    return isDigits(s) && s.size() >= 10 && s.size() <= 15;
}

QString masked(const QString& to)
{
    if (to.isEmpty())
        return QStringLiteral("-");
    const int keep = qMin(4, int(to.size()));
    return QString(to.size() - keep, QLatin1Char('*')) + to.right(keep);
}

// application/x-www-form-urlencoded (also used for query strings): '+' is a space, keys are
// matched case-insensitively.
QHash<QString, QString> parseForm(const QByteArray& encoded)
{
    QHash<QString, QString> out;
    for (const QByteArray& pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(key)).toLower(),
                   QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return out;
}

QString scalarText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return {};
}

std::optional<QJsonObject> parseObject(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const QList<std::pair<VendorSimulator::FaultKind, QString>>& faultKindNames()
{
    static const QList<std::pair<VendorSimulator::FaultKind, QString>> names{
        {VendorSimulator::FaultKind::Latency, QStringLiteral("latency")},
        {VendorSimulator::FaultKind::Http, QStringLiteral("http")},
        {VendorSimulator::FaultKind::VendorError, QStringLiteral("vendor_error")},
        {VendorSimulator::FaultKind::Malformed, QStringLiteral("malformed")},
        {VendorSimulator::FaultKind::Reset, QStringLiteral("reset")},
        {VendorSimulator::FaultKind::Hang, QStringLiteral("hang")},
    };
    return names;
}

QString faultKindName(VendorSimulator::FaultKind kind)
{
    for (const auto& [k, name] : faultKindNames()) {
        if (k == kind)
            return name;
    }
    return {};
}

} // namespace

struct VendorSimulator::Incoming
{
    QByteArray method;
    QString path;
    QByteArray rawQuery;                   // percent-encoded, as sent
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    bool closeAfter = false;
    Vendor vendor = Vendor::None;
    QString watiApi;    // "v1" | "v2"
    QString watiTenant; // the optional first path segment
    QString to;
    qint64 requestNo = 0;
    int requestsForTo = 0;
    QElapsedTimer timer;

    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
};

struct VendorSimulator::Reply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<Header> headers;
};

struct VendorSimulator::Handled
{
    Reply reply;
    QString outcome; // for the log line: never a message body or a credential
    std::optional<Message> message;
};

namespace {

VendorSimulator::Reply jsonReply(int status, const QByteArray& body)
{
    VendorSimulator::Reply r;
    r.status = status;
    r.body = body;
    return r;
}

VendorSimulator::Reply messageReply(int status, const QString& message)
{
    return jsonReply(status, jsonObject({{"message", jsonValue(message)}}));
}

VendorSimulator::Reply methodNotAllowed(const QByteArray& allow)
{
    VendorSimulator::Reply r = messageReply(405, QStringLiteral("Method Not Allowed"));
    r.headers.append(Header("Allow", allow));
    return r;
}

// The answer of an `http` fault: the status with the body the vendors are seen to send.
VendorSimulator::Reply httpFaultReply(const QString& vendor, int status)
{
    switch (status) {
    case 401:
        if (vendor == kWati) {
            VendorSimulator::Reply r = jsonReply(401, {});
            r.contentType.clear();
            return r;
        }
        return messageReply(401, QStringLiteral("Unauthorized"));
    case 403:
        return vendor == kMyOperator ? messageReply(403, QStringLiteral("Invalid company ID!"))
                                     : messageReply(403, QStringLiteral("Forbidden"));
    case 429: {
        VendorSimulator::Reply r = messageReply(429, QStringLiteral("Too Many Requests"));
        r.headers.append(Header("Retry-After", "1"));
        return r;
    }
    case 500:
        return jsonReply(500, jsonObject({{"message", "null"}}));
    default:
        return messageReply(status, QString::fromLatin1(reasonPhrase(status)));
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Fault and Message

std::optional<VendorSimulator::Fault> VendorSimulator::Fault::fromJson(const QJsonObject& json,
                                                                       QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<Fault> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    Fault f;
    f.vendor = json.value(QStringLiteral("vendor")).toString(QStringLiteral("*")).trimmed().toLower();
    if (f.vendor.isEmpty())
        f.vendor = QStringLiteral("*");
    if (f.vendor != QLatin1String("*") && f.vendor != kGupshup && f.vendor != kWati &&
        f.vendor != kMyOperator)
        return fail(QStringLiteral("vendor must be gupshup, wati, myoperator or *"));

    f.to = digitsOf(scalarText(json.value(QStringLiteral("to"))));
    if (!f.to.isEmpty() && !isDigits(f.to))
        return fail(QStringLiteral("to must be digits (a leading + is ignored) or empty"));

    const QString kind = json.value(QStringLiteral("kind")).toString().trimmed().toLower();
    bool known = false;
    for (const auto& [k, name] : faultKindNames()) {
        if (name == kind) {
            f.kind = k;
            known = true;
        }
    }
    if (!known)
        return fail(QStringLiteral("kind must be latency, http, vendor_error, malformed, reset or hang"));

    const QJsonValue status = json.value(QStringLiteral("status"));
    if (!status.isUndefined() && !status.isNull()) {
        if (!status.isDouble() || status.toInt() < 100 || status.toInt() > 599)
            return fail(QStringLiteral("status must be an HTTP status between 100 and 599"));
        f.status = status.toInt();
    }
    if (f.kind == FaultKind::Http && f.status == 0)
        f.status = 500;

    const QJsonValue latency = json.value(QStringLiteral("latency_ms"));
    if (!latency.isUndefined() && !latency.isNull()) {
        if (!latency.isDouble() || latency.toInt() < 0)
            return fail(QStringLiteral("latency_ms must be a number >= 0"));
        f.latencyMs = latency.toInt();
    } else if (f.kind == FaultKind::Latency) {
        f.latencyMs = 1000;
    }

    const QJsonValue rate = json.value(QStringLiteral("rate"));
    if (!rate.isUndefined() && !rate.isNull()) {
        if (!rate.isDouble() || rate.toDouble() < 0.0 || rate.toDouble() > 1.0)
            return fail(QStringLiteral("rate must be a number between 0 and 1"));
        f.rate = rate.toDouble();
    }

    const QJsonValue count = json.value(QStringLiteral("count"));
    if (!count.isUndefined() && !count.isNull()) {
        if (!count.isDouble() || (count.toInt() < 1 && count.toInt() != -1))
            return fail(QStringLiteral("count must be -1 (until cleared) or >= 1"));
        f.count = count.toInt();
    }
    return f;
}

QJsonObject VendorSimulator::Fault::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},           {QStringLiteral("vendor"), vendor},
        {QStringLiteral("to"), to},           {QStringLiteral("kind"), faultKindName(kind)},
        {QStringLiteral("status"), status},   {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("rate"), rate},       {QStringLiteral("count"), count},
        {QStringLiteral("applied"), applied},
    };
}

QJsonObject VendorSimulator::Message::toJson() const
{
    return QJsonObject{
        {QStringLiteral("vendor"), vendor},
        {QStringLiteral("to"), to},
        {QStringLiteral("text"), text},
        {QStringLiteral("template_name"), templateName},
        {QStringLiteral("params"), params},
        {QStringLiteral("message_id"), messageId},
        {QStringLiteral("received_at"), receivedAtMs},
        {QStringLiteral("request_no"), requestNo},
        {QStringLiteral("requests_for_to"), requestsForTo},
        {QStringLiteral("extra"), extra},
    };
}

// ---------------------------------------------------------------------------------------------
// Server

VendorSimulator::VendorSimulator(QObject* parent) : VendorSimulator(Config{}, parent) {}

VendorSimulator::VendorSimulator(Config config, QObject* parent)
    : QAbstractHttpServer(parent), m_config(std::move(config)), m_dice(m_config.seed),
      // Ids differ between runs (a gateway may keep them) but never repeat within one.
      m_idBase(QRandomGenerator::system()->generate64() % 9000000000ULL)
{
}

VendorSimulator::~VendorSimulator() = default;

quint16 VendorSimulator::start(const QHostAddress& host, quint16 port)
{
    m_host = host;
    m_port = listen(host, port);
    return m_port;
}

QUrl VendorSimulator::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_host.toString());
    url.setPort(m_port);
    return url;
}

QList<VendorSimulator::Message> VendorSimulator::inbox(const QString& to, const QString& vendor) const
{
    const QString wanted = digitsOf(to);
    QList<Message> out;
    for (const Message& m : m_inbox) {
        if ((wanted.isEmpty() || m.to == wanted) && (vendor.isEmpty() || m.vendor == vendor))
            out.append(m);
    }
    return out;
}

int VendorSimulator::clearInbox()
{
    const int n = int(m_inbox.size());
    m_inbox.clear();
    m_requestsByTo.clear();
    return n;
}

int VendorSimulator::addFault(Fault fault)
{
    fault.id = m_nextFaultId++;
    fault.applied = 0;
    m_faults.append(fault);
    return fault.id;
}

int VendorSimulator::clearFaults()
{
    const int n = int(m_faults.size());
    m_faults.clear();
    return n;
}

QJsonObject VendorSimulator::stats() const
{
    QJsonObject byVendor;
    qint64 rejected = 0, faulted = 0;
    for (const QString& name : {kGupshup, kWati, kMyOperator}) {
        const VendorCounters c = m_byVendor.value(name);
        rejected += c.rejected;
        faulted += c.faulted;
        byVendor.insert(name, QJsonObject{{QStringLiteral("requests"), c.requests},
                                          {QStringLiteral("accepted"), c.accepted},
                                          {QStringLiteral("rejected"), c.rejected},
                                          {QStringLiteral("faulted"), c.faulted}});
    }
    return QJsonObject{
        {QStringLiteral("requests"), m_requests},
        {QStringLiteral("accepted"), m_accepted},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("faulted"), faulted},
        {QStringLiteral("control_requests"), m_controlRequests},
        {QStringLiteral("inbox"), qint64(m_inbox.size())},
        {QStringLiteral("faults"), qint64(m_faults.size())},
        {QStringLiteral("by_vendor"), byVendor},
    };
}

void VendorSimulator::resetStats()
{
    m_requests = 0;
    m_controlRequests = 0;
    m_accepted = 0;
    m_byVendor.clear();
    m_requestsByTo.clear();
}

QString VendorSimulator::vendorName(Vendor vendor)
{
    switch (vendor) {
    case Vendor::Gupshup:
        return kGupshup;
    case Vendor::Wati:
        return kWati;
    case Vendor::MyOperator:
        return kMyOperator;
    case Vendor::None:
        break;
    }
    return {};
}

VendorSimulator::Vendor VendorSimulator::vendorForPath(const QString& path, QString* watiApi,
                                                       QString* watiTenant)
{
    if (path == QLatin1String("/GatewayAPI/rest"))
        return Vendor::Gupshup;
    if (path == QLatin1String("/chat/messages"))
        return Vendor::MyOperator;
    // WATI: /api/v1|v2/sendTemplateMessage, optionally under one tenant segment
    // (live-mt-server.wati.io/<tenant>).
    static const QRegularExpression wati(QStringLiteral("^(?:/([^/]+))?/api/(v1|v2)/sendTemplateMessage/?$"));
    const QRegularExpressionMatch m = wati.match(path);
    if (m.hasMatch()) {
        *watiTenant = m.captured(1);
        *watiApi = m.captured(2);
        return Vendor::Wati;
    }
    return Vendor::None;
}

QString VendorSimulator::destinationOf(Vendor vendor, const Incoming& in)
{
    switch (vendor) {
    case Vendor::Gupshup: {
        QHash<QString, QString> params = parseForm(in.rawQuery);
        if (in.method == "POST")
            params.insert(parseForm(in.body));
        return digitsOf(params.value(QStringLiteral("send_to")));
    }
    case Vendor::Wati:
        return digitsOf(parseForm(in.rawQuery).value(QStringLiteral("whatsappnumber")));
    case Vendor::MyOperator: {
        const std::optional<QJsonObject> body = parseObject(in.body);
        if (!body)
            return {};
        return digitsOf(scalarText(body->value(QStringLiteral("customer_country_code")))) +
               digitsOf(scalarText(body->value(QStringLiteral("customer_number"))));
    }
    case Vendor::None:
        break;
    }
    return {};
}

bool VendorSimulator::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // The request object is reused for the next request on this connection, so everything a delayed
    // answer needs is copied out now.
    Incoming in;
    in.timer.start();
    in.method =
        QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method())))
            .toUpper();
    in.path = request.url().path();
    in.rawQuery = request.url().query(QUrl::FullyEncoded).toUtf8();
    for (const auto& [name, value] : request.headers())
        in.headers.insert(name.toLower(), value);
    in.body = request.body();
    in.closeAfter = in.header("connection").toLower().contains("close");

    if (in.path == QLatin1String("/_sim") || in.path.startsWith(QLatin1String("/_sim/"))) {
        ++m_controlRequests;
        writeReply(socket, in, handleControl(in));
        return true;
    }

    in.vendor = vendorForPath(in.path, &in.watiApi, &in.watiTenant);
    if (in.vendor == Vendor::None) {
        const Reply r = messageReply(404, QStringLiteral("Not Found"));
        writeReply(socket, in, r);
        logRequest(in, QStringLiteral("404 unknown path"));
        return true;
    }

    const QString vendor = vendorName(in.vendor);
    in.to = destinationOf(in.vendor, in);
    in.requestNo = ++m_requests;
    ++m_byVendor[vendor].requests;
    if (!in.to.isEmpty())
        in.requestsForTo = ++m_requestsByTo[in.to];

    // Latency faults add up; the first other matching fault decides the answer.
    int delayMs = m_config.latencyMs;
    std::optional<Fault> decisive;
    for (auto it = m_faults.begin(); it != m_faults.end();) {
        Fault& f = *it;
        const bool matches = (f.vendor == QLatin1String("*") || f.vendor == vendor) &&
                             (f.to.isEmpty() || f.to == in.to) && (f.kind == FaultKind::Latency || !decisive);
        const bool hit = matches && (f.rate >= 1.0 || (f.rate > 0.0 && m_dice.generateDouble() < f.rate));
        if (hit) {
            ++f.applied;
            if (f.count > 0)
                --f.count;
            if (f.kind == FaultKind::Latency)
                delayMs += f.latencyMs;
            else
                decisive = f;
            if (f.count == 0) {
                it = m_faults.erase(it);
                continue;
            }
        }
        ++it;
    }
    if (decisive)
        ++m_byVendor[vendor].faulted;

    if (delayMs <= 0) {
        finishVendorRequest(socket, in, decisive);
        return true;
    }
    // Delay on a timer: other connections keep being served meanwhile.
    QTimer::singleShot(delayMs, this, [this, guard = QPointer<QTcpSocket>(socket), in, decisive] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
            // A real vendor does not notice that its caller gave up waiting: the message still goes
            // out. This is the case of a code delivered after the caller's timeout (SECURITY.md row 25).
            logRequest(in, QStringLiteral("client gone before the delayed answer; processed anyway, as a vendor would"));
            finishVendorRequest(nullptr, in, decisive);
            return;
        }
        finishVendorRequest(guard, in, decisive);
    });
    return true;
}

void VendorSimulator::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // handleRequest() answers everything; this only satisfies the interface.
    Incoming in;
    in.closeAfter = request.value("connection").toLower().contains("close");
    writeReply(socket, in, messageReply(404, QStringLiteral("Not Found")));
}

void VendorSimulator::finishVendorRequest(QTcpSocket* socket, const Incoming& in,
                                          const std::optional<Fault>& fault)
{
    if (!socket && fault && (fault->kind == FaultKind::Hang || fault->kind == FaultKind::Reset))
        return;
    if (fault && fault->kind == FaultKind::Hang) {
        logRequest(in, QStringLiteral("fault hang: connection kept open, no answer"));
        return;
    }
    if (fault && fault->kind == FaultKind::Reset) {
        logRequest(in, QStringLiteral("fault reset: connection aborted"));
#ifdef Q_OS_UNIX
        // Linger 0 makes the close a real TCP RST rather than an orderly FIN.
        const struct linger hard
        {
            1, 0
        };
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
#endif
        socket->abort();
        return;
    }

    Handled h;
    switch (in.vendor) {
    case Vendor::Gupshup:
        h = handleGupshup(in, fault);
        break;
    case Vendor::Wati:
        h = handleWati(in, fault);
        break;
    case Vendor::MyOperator:
        h = handleMyOperator(in, fault);
        break;
    case Vendor::None:
        return;
    }

    VendorCounters& counters = m_byVendor[vendorName(in.vendor)];
    if (h.message) {
        ++counters.accepted;
        accept(*h.message);
    } else if (!fault) {
        ++counters.rejected;
    }
    if (socket)
        writeReply(socket, in, h.reply); // null: the caller hung up before the (delayed) answer
    logRequest(in, h.outcome);
}

void VendorSimulator::accept(Message message)
{
    ++m_accepted;
    m_inbox.append(std::move(message));
    while (m_config.inboxLimit > 0 && m_inbox.size() > m_config.inboxLimit)
        m_inbox.removeFirst();
}

void VendorSimulator::writeReply(QTcpSocket* socket, const Incoming& in, const Reply& reply)
{
    QByteArray out;
    out.reserve(160 + reply.body.size());
    out += "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Server: otp-vendor-sim\r\n";
    if (!reply.body.isEmpty() && !reply.contentType.isEmpty())
        out += "Content-Type: " + reply.contentType + "\r\n";
    // Always a Content-Length, so keep-alive clients know where the answer ends.
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    for (const Header& h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (in.closeAfter)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (in.method != "HEAD")
        out += reply.body;
    socket->write(out);
    if (in.closeAfter)
        socket->disconnectFromHost();
}

void VendorSimulator::logRequest(const Incoming& in, const QString& outcome) const
{
    if (!m_config.logRequests)
        return;
    // Path only: the query string carries Gupshup's password and message text.
    qCInfo(lcVendorSim).noquote() << QString::fromLatin1(in.method) << in.path
                                  << (in.vendor == Vendor::None ? QStringLiteral("-") : vendorName(in.vendor))
                                  << QStringLiteral("to=") + masked(in.to) << "->" << outcome
                                  << QStringLiteral("(%1 ms)").arg(in.timer.elapsed());
}

// ---------------------------------------------------------------------------------------------
// Control endpoints: /_sim/…

std::optional<VendorSimulator::Receipt> VendorSimulator::receiptFor(const QString& messageId, bool delivered,
                                                                   const QString& form, QString* error) const
{
    const Message* found = nullptr;
    for (const Message& m : m_inbox) {
        if (m.messageId == messageId)
            found = &m;
    }
    if (!found) {
        *error = QStringLiteral("no accepted message has the id '%1'").arg(messageId);
        return std::nullopt;
    }
    const Message& m = *found;
    const qint64 at = m.receivedAtMs + 2000;
    const QString dropped = m.extra.value(QStringLiteral("dropped")).toString();
    if (!dropped.isEmpty())
        delivered = false; // the operator dropped it (DLT): nothing can report it delivered
    Receipt r;
    r.vendor = m.vendor;
    r.method = "POST";
    r.contentType = "application/json";
    if (m.vendor == kGupshup) {
        // The SMS's parts, as the handset counts them: 160 GSM characters, 70 UCS-2 (one part each).
        const bool unicode = m.extra.value(QStringLiteral("msg_type")).toString().compare(QLatin1String("Unicode_text"),
                                                                                          Qt::CaseInsensitive) == 0;
        const int perPart = unicode ? 70 : 160;
        const int parts = m.text.size() <= perPart ? 1 : int((m.text.size() + (perPart - 7) - 1) / (perPart - 7));
        const QString mask = m.extra.value(QStringLiteral("mask")).toString();
        if (form.compare(QLatin1String("post"), Qt::CaseInsensitive) == 0) {
            r.body = '[' + jsonObject({{"externalId", jsonValue(m.messageId)},
                                       {"eventType", jsonValue(delivered ? QStringLiteral("DELIVERED") : QStringLiteral("FAILED"))},
                                       {"eventTs", QByteArray::number(at)},
                                       {"destAddr", jsonValue(m.to)},
                                       {"srcAddr", jsonValue(mask)},
                                       {"cause", jsonValue(delivered ? QStringLiteral("SUCCESS")
                                                           : dropped.isEmpty() ? QStringLiteral("UNKNOWN_SUBSCRIBER") : dropped)},
                                       {"errCode", jsonValue(delivered ? QStringLiteral("000") : QStringLiteral("003"))},
                                       {"channel", jsonValue(QStringLiteral("SMS"))},
                                       {"noOfFrags", QByteArray::number(parts)}}) +
                     ']';
        } else {
            r.method = "GET";
            r.contentType.clear();
            r.body = QStringLiteral("externalId=%1&deliveredTS=%2&status=%3&cause=%4&phoneNo=%5&errCode=%6&noOfFrags=%7&mask=%8")
                         .arg(m.messageId)
                         .arg(at)
                         .arg(delivered ? QStringLiteral("SUCCESS") : QStringLiteral("FAILURE"),
                              delivered ? QStringLiteral("SUCCESS")
                                        : dropped.isEmpty() ? QStringLiteral("UNKNOWN_SUBSCRIBER") : dropped,
                              m.to,
                              delivered ? QStringLiteral("000") : QStringLiteral("003"))
                         .arg(parts)
                         .arg(QString::fromLatin1(QUrl::toPercentEncoding(mask)))
                         .toUtf8();
        }
        return r;
    }
    const QString wamid = QStringLiteral("wamid.") +
                          QString::fromLatin1(QCryptographicHash::hash(m.messageId.toUtf8(), QCryptographicHash::Sha1).toBase64());
    if (m.vendor == kWati) {
        const bool v2 = m.extra.value(QStringLiteral("api")).toString() == QLatin1String("v2");
        const QByteArray ts = jsonValue(QString::number(at / 1000));
        if (!delivered) {
            r.body = jsonObject({{"eventType", jsonValue(QStringLiteral("templateMessageFailed"))},
                                 {"statusString", jsonValue(QStringLiteral("Failed"))},
                                 {"localMessageId", v2 ? jsonValue(m.messageId) : QByteArray("null")},
                                 {"failedCode", jsonValue(QStringLiteral("131026"))},
                                 {"failedDetail", jsonValue(QStringLiteral("Message undeliverable"))},
                                 {"whatsappMessageId", jsonValue(wamid)},
                                 {"text", "null"},
                                 {"type", jsonValue(QStringLiteral("template"))},
                                 {"timestamp", ts}});
        } else if (v2) {
            r.body = jsonObject({{"eventType", jsonValue(QStringLiteral("sentMessageDELIVERED_v2"))},
                                 {"statusString", jsonValue(QStringLiteral("Delivered"))},
                                 {"localMessageId", jsonValue(m.messageId)},
                                 {"whatsappMessageId", jsonValue(wamid)},
                                 {"text", "null"},
                                 {"type", jsonValue(QStringLiteral("template"))},
                                 {"timestamp", ts}});
        } else {
            r.body = jsonObject({{"eventType", jsonValue(QStringLiteral("sentMessageDELIVERED"))},
                                 {"statusString", jsonValue(QStringLiteral("Delivered"))},
                                 {"whatsappMessageId", jsonValue(wamid)},
                                 {"text", "null"},
                                 {"type", jsonValue(QStringLiteral("template"))},
                                 {"timestamp", ts}});
        }
        return r;
    }
    // MyOperator: the observed callback; myop_ref_id comes back null for API sends.
    QByteArray payload = jsonObject({{"message_id", jsonValue(m.messageId)},
                                     {"customer_number", jsonValue(m.to)},
                                     {"status", jsonValue(delivered ? QStringLiteral("delivered") : QStringLiteral("failed"))},
                                     {"myop_ref_id", "null"},
                                     {"timestamp", jsonValue(QString::number(at) + QStringLiteral("000000"))}});
    if (!delivered) {
        payload.chop(1);
        payload += R"(,"errors":[{"code":131026,"title":"Message undeliverable"}]})";
    }
    r.body = jsonObject({{"event_type", jsonValue(QStringLiteral("message_status"))}, {"payload", payload}});
    return r;
}

VendorSimulator::Reply VendorSimulator::handleControl(const Incoming& in)
{
    const QString path =
        in.path.endsWith(QLatin1Char('/')) && in.path.size() > 1 ? in.path.chopped(1) : in.path;
    const QHash<QString, QString> query = parseForm(in.rawQuery);

    if (path == QLatin1String("/_sim/receipt")) {
        if (in.method != "GET")
            return methodNotAllowed("GET");
        const QString outcome = query.value(QStringLiteral("outcome"), QStringLiteral("delivered"));
        if (outcome != QLatin1String("delivered") && outcome != QLatin1String("failed"))
            return messageReply(400, QStringLiteral("outcome must be delivered or failed"));
        QString error;
        const std::optional<Receipt> r = receiptFor(query.value(QStringLiteral("message_id")),
                                                    outcome == QLatin1String("delivered"),
                                                    query.value(QStringLiteral("form"), QStringLiteral("get")), &error);
        if (!r)
            return messageReply(404, error);
        return jsonReply(200, compact(QJsonObject{{QStringLiteral("vendor"), r->vendor},
                                                  {QStringLiteral("method"), QString::fromLatin1(r->method)},
                                                  {QStringLiteral("content_type"), QString::fromLatin1(r->contentType)},
                                                  {QStringLiteral("body"), QString::fromUtf8(r->body)}}));
    }

    if (path == QLatin1String("/_sim/health")) {
        if (in.method != "GET" && in.method != "HEAD")
            return methodNotAllowed("GET");
        return jsonReply(200, jsonObject({{"ok", "true"}}));
    }

    if (path == QLatin1String("/_sim/inbox")) {
        if (in.method == "GET" || in.method == "HEAD") {
            QJsonArray messages;
            for (const Message& m :
                 inbox(query.value(QStringLiteral("to")), query.value(QStringLiteral("vendor"))))
                messages.append(m.toJson());
            return jsonReply(200, compact(QJsonObject{{QStringLiteral("messages"), messages}}));
        }
        if (in.method == "DELETE")
            return jsonReply(200, compact(QJsonObject{{QStringLiteral("cleared"), clearInbox()}}));
        return methodNotAllowed("GET, DELETE");
    }

    if (path == QLatin1String("/_sim/stats")) {
        if (in.method == "GET" || in.method == "HEAD")
            return jsonReply(200, compact(stats()));
        if (in.method == "DELETE") {
            resetStats();
            return jsonReply(200, compact(stats()));
        }
        return methodNotAllowed("GET, DELETE");
    }

    if (path == QLatin1String("/_sim/faults")) {
        if (in.method == "GET" || in.method == "HEAD") {
            QJsonArray list;
            for (const Fault& f : m_faults)
                list.append(f.toJson());
            return jsonReply(200, compact(QJsonObject{{QStringLiteral("faults"), list}}));
        }
        if (in.method == "DELETE")
            return jsonReply(200, compact(QJsonObject{{QStringLiteral("cleared"), clearFaults()}}));
        if (in.method == "POST") {
            QJsonParseError parseError{};
            const QJsonDocument doc = QJsonDocument::fromJson(in.body, &parseError);
            if (parseError.error != QJsonParseError::NoError || (!doc.isObject() && !doc.isArray()))
                return messageReply(400,
                                    QStringLiteral("body must be a JSON fault object or an array of them"));
            // An array is installed all or nothing.
            const QJsonArray items = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
            QList<Fault> parsed;
            for (const QJsonValue& item : items) {
                QString error;
                const std::optional<Fault> fault = Fault::fromJson(item.toObject(), &error);
                if (!fault)
                    return messageReply(400, error);
                parsed.append(*fault);
            }
            QJsonArray added;
            for (const Fault& f : parsed) {
                addFault(f);
                added.append(m_faults.last().toJson());
            }
            if (doc.isObject())
                return jsonReply(201, compact(added.first().toObject()));
            return jsonReply(201, compact(QJsonObject{{QStringLiteral("faults"), added}}));
        }
        return methodNotAllowed("GET, POST, DELETE");
    }

    if (path.startsWith(QLatin1String("/_sim/faults/"))) {
        if (in.method != "DELETE")
            return methodNotAllowed("DELETE");
        bool ok = false;
        const int id = path.mid(int(qstrlen("/_sim/faults/"))).toInt(&ok);
        for (qsizetype i = 0; ok && i < m_faults.size(); ++i) {
            if (m_faults.at(i).id == id) {
                m_faults.removeAt(i);
                return jsonReply(200, compact(QJsonObject{{QStringLiteral("cleared"), 1}}));
            }
        }
        return messageReply(404, QStringLiteral("no such fault"));
    }

    return messageReply(404, QStringLiteral("Not Found"));
}

// An injected HTTP fault, or a method the endpoint does not serve: answered before any parsing.
static bool refusedUpFront(const VendorSimulator::Incoming& in, const std::optional<VendorSimulator::Fault>& fault,
                           const QString& vendor, const QByteArray& allow, VendorSimulator::Handled* h)
{
    if (fault && fault->kind == VendorSimulator::FaultKind::Http) {
        h->reply = httpFaultReply(vendor, fault->status);
        h->outcome = QStringLiteral("fault http %1").arg(fault->status);
        return true;
    }
    if (!allow.split(',').contains(in.method) && !allow.split(',').contains(" " + in.method)) {
        h->reply = methodNotAllowed(allow);
        h->outcome = QStringLiteral("405 method not allowed");
        return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Gupshup Enterprise SMS: GET|POST /GatewayAPI/rest, HTTP 200 even for errors.

VendorSimulator::Handled VendorSimulator::handleGupshup(const Incoming& in, const std::optional<Fault>& fault)
{
    Handled h;
    if (refusedUpFront(in, fault, kGupshup, "GET, POST", &h))
        return h;

    QHash<QString, QString> p = parseForm(in.rawQuery);
    const QByteArray contentType = in.header("content-type").toLower();
    if (in.method == "POST" && (contentType.isEmpty() || contentType.contains("x-www-form-urlencoded")))
        p.insert(parseForm(in.body));

    const QString format = p.value(QStringLiteral("format")).trimmed().toLower();
    const bool json = format == QLatin1String("json");
    const bool xml = format == QLatin1String("xml");

    auto error = [&](int code, const QString& details) {
        Reply r;
        if (json) {
            r.body = jsonObject({{"response", jsonObject({{"id", jsonValue(QString::number(code))},
                                                          {"details", jsonValue(details)},
                                                          {"status", jsonValue(QStringLiteral("error"))}})}});
        } else if (xml) {
            r.contentType = "application/xml; charset=utf-8";
            r.body =
                QStringLiteral(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><id>%1</id><details>%2</details>"
                    "<status>error</status></response>")
                    .arg(code)
                    .arg(details.toHtmlEscaped())
                    .toUtf8();
        } else {
            r.contentType = "text/plain; charset=utf-8";
            r.body = QStringLiteral("error | %1 | %2").arg(code).arg(details).toUtf8();
        }
        h.reply = r;
        h.outcome = QStringLiteral("rejected %1").arg(code);
        return h;
    };

    if (fault && fault->kind == FaultKind::VendorError) {
        error(105, QStringLiteral("Invalid phone"));
        h.outcome = QStringLiteral("fault vendor_error 105");
        return h;
    }

    const QString method = p.value(QStringLiteral("method")).trimmed();
    if (method.isEmpty())
        return error(101, QStringLiteral("Parameter missing: method"));
    if (method.compare(QLatin1String("sendmessage"), Qt::CaseInsensitive) != 0)
        return error(106, QStringLiteral("Method not supported"));
    const QString user = p.value(QStringLiteral("userid"));
    const QString password = p.value(QStringLiteral("password"));
    if (user.isEmpty())
        return error(101, QStringLiteral("Parameter missing: userid"));
    if (password.isEmpty())
        return error(101, QStringLiteral("Parameter missing: password"));
    if (user != m_config.gupshupUser || password != m_config.gupshupPassword)
        return error(102, QStringLiteral("Authentication failed due to invalid userId or password"));
    const QString version = p.value(QStringLiteral("v")).trimmed();
    if (version.isEmpty())
        return error(101, QStringLiteral("Parameter missing: v"));
    if (version != QLatin1String("1.1"))
        return error(107, QStringLiteral("Version unknown"));
    const QString sendTo = p.value(QStringLiteral("send_to")).trimmed();
    if (sendTo.isEmpty())
        return error(101, QStringLiteral("Parameter missing: send_to"));
    if (!isPhoneDigits(sendTo))
        return error(105, QStringLiteral("Invalid phone"));
    const QString msg = p.value(QStringLiteral("msg"));
    if (msg.isEmpty())
        return error(101, QStringLiteral("Parameter missing: msg"));

    const quint64 n = ++m_idCounter;
    const QString shortId = QString::number(1000000000ULL + (m_idBase + n) % 9000000000ULL);
    if (json) {
        h.reply.body =
            jsonObject({{"response", jsonObject({{"id", jsonValue(shortId)},
                                                 {"phone", jsonValue(sendTo)},
                                                 {"details", jsonValue(QString())},
                                                 {"status", jsonValue(QStringLiteral("success"))}})}});
        h.message = Message{};
        h.message->messageId = shortId;
    } else if (xml) {
        h.reply.contentType = "application/xml; charset=utf-8";
        h.reply.body =
            QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><id>%1</id><phone>%2</phone>"
                           "<details></details><status>success</status></response>")
                .arg(shortId, sendTo)
                .toUtf8();
        h.message = Message{};
        h.message->messageId = shortId;
    } else {
        // Text ids look like 3270637570192393521-331166354051551677.
        const QString longId =
            QString::number(1000000000000000000ULL +
                            (m_idBase * 1000000000ULL + n) % 9000000000000000000ULL) +
            QLatin1Char('-') +
            QString::number(100000000000000000ULL +
                            QRandomGenerator::global()->generate64() % 900000000000000000ULL);
        h.reply.contentType = "text/plain; charset=utf-8";
        h.reply.body = QStringLiteral("success | %1 | %2").arg(sendTo, longId).toUtf8();
        h.message = Message{};
        h.message->messageId = longId;
    }

    if (fault && fault->kind == FaultKind::Malformed) {
        h.reply.body.truncate(json || xml ? 7 : 4);
        h.message.reset();
        h.outcome = QStringLiteral("fault malformed");
        return h;
    }

    Message& m = *h.message;
    m.vendor = kGupshup;
    m.to = sendTo;
    m.text = msg;
    m.params = QJsonValue::Null;
    m.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    m.requestNo = in.requestNo;
    m.requestsForTo = in.requestsForTo;
    for (const char* key :
         {"mask", "msg_type", "auth_scheme", "format", "istemplate", "principalentityid", "dlttemplateid"}) {
        const QString k = QString::fromLatin1(key);
        if (p.contains(k))
            m.extra.insert(k, p.value(k));
    }
    if (m_config.enforceDlt && sendTo.startsWith(QLatin1String("91")) && sendTo.size() == 12) {
        // Gupshup accepts; the Indian operator drops what breaks DLT, and the report says FAILURE.
        const QString entity = p.value(QStringLiteral("principalentityid")).trimmed();
        const QString dltId = p.value(QStringLiteral("dlttemplateid")).trimmed();
        QString dropped;
        if (entity.isEmpty() || dltId.isEmpty()) {
            dropped = QStringLiteral("DLT_ID_MISSING");
        } else if (m_config.dltTemplates.contains(dltId)) {
            QString pattern = QRegularExpression::escape(m_config.dltTemplates.value(dltId));
            pattern.replace(QRegularExpression::escape(QStringLiteral("{#var#}")), QStringLiteral(".{1,30}"));
            if (!QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("$"),
                                    QRegularExpression::DotMatchesEverythingOption)
                     .match(msg)
                     .hasMatch())
                dropped = QStringLiteral("DLT_TEMPLATE_MISMATCH");
        } else if (!m_config.dltTemplates.isEmpty()) {
            dropped = QStringLiteral("DLT_TEMPLATE_UNKNOWN");
        }
        if (!dropped.isEmpty())
            m.extra.insert(QStringLiteral("dropped"), dropped);
    }
    h.outcome = QStringLiteral("accepted id=%1").arg(m.messageId);
    return h;
}

// ---------------------------------------------------------------------------------------------
// WATI: POST [/<tenant>]/api/v1|v2/sendTemplateMessage?whatsappNumber=…

VendorSimulator::Handled VendorSimulator::handleWati(const Incoming& in, const std::optional<Fault>& fault)
{
    Handled h;
    if (refusedUpFront(in, fault, kWati, "POST", &h))
        return h;
    if (in.header("authorization") != QByteArray("Bearer ") + m_config.watiToken.toUtf8()) {
        h.reply = jsonReply(401, {}); // WATI answers a bad token with an empty 401
        h.reply.contentType.clear();
        h.outcome = QStringLiteral("401 unauthorized");
        return h;
    }
    const QByteArray templateError =
        jsonObject({{"result", "false"}, {"info", jsonValue(QStringLiteral("template error"))}});
    if (fault && fault->kind == FaultKind::VendorError) {
        h.reply = jsonReply(200, templateError);
        h.outcome = QStringLiteral("fault vendor_error template error");
        return h;
    }

    const std::optional<QJsonObject> body = parseObject(in.body);
    if (!body) {
        h.reply = jsonReply(400, jsonObject({{"result", "false"},
                                             {"info", jsonValue(QStringLiteral("Invalid request body"))}}));
        h.outcome = QStringLiteral("400 invalid body");
        return h;
    }
    const QString templateName = body->value(QStringLiteral("template_name")).toString();
    if (templateName.isEmpty()) {
        h.reply = jsonReply(200, templateError);
        h.outcome = QStringLiteral("rejected template error");
        return h;
    }
    const QString number = in.to;
    const bool v2 = in.watiApi == QLatin1String("v2");
    if (!isPhoneDigits(number)) {
        const QString why = QStringLiteral("Invalid WhatsApp number");
        if (v2) {
            h.reply = jsonReply(200, jsonObject({{"result", "false"},
                                                 {"error", jsonValue(why)},
                                                 {"templateName", jsonValue(templateName)},
                                                 {"receivers", "[]"},
                                                 {"parameters", "[]"}}));
        } else {
            h.reply = jsonReply(200, jsonObject({{"result", "false"},
                                                 {"phone_number", jsonValue(number)},
                                                 {"template_name", jsonValue(templateName)},
                                                 {"validWhatsAppNumber", "false"},
                                                 {"info", jsonValue(why)}}));
        }
        h.outcome = QStringLiteral("rejected invalid number");
        return h;
    }

    const QString messageId = newUuid();
    if (v2) {
        const QByteArray receiver = jsonObject({{"localMessageId", jsonValue(messageId)},
                                                {"waId", jsonValue(number)},
                                                {"isValidWhatsAppNumber", "true"},
                                                {"errors", "[]"}});
        h.reply = jsonReply(200, jsonObject({{"result", "true"},
                                             {"error", "null"},
                                             {"templateName", jsonValue(templateName)},
                                             {"receivers", '[' + receiver + ']'},
                                             {"parameters", "[]"}}));
    } else {
        h.reply = jsonReply(200, jsonObject({{"result", "true"},
                                             {"phone_number", jsonValue(number)},
                                             {"template_name", jsonValue(templateName)},
                                             {"validWhatsAppNumber", "true"}}));
    }
    if (fault && fault->kind == FaultKind::Malformed) {
        h.reply.body.truncate(7);
        h.outcome = QStringLiteral("fault malformed");
        return h;
    }

    const QJsonArray params = body->value(QStringLiteral("parameters")).toArray();
    QStringList values;
    for (const QJsonValue& p : params)
        values.append(scalarText(p.toObject().value(QStringLiteral("value"))));

    Message m;
    m.vendor = kWati;
    m.to = number;
    m.text = values.join(QStringLiteral(", "));
    m.templateName = templateName;
    m.messageId = messageId;
    m.params = params;
    m.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    m.requestNo = in.requestNo;
    m.requestsForTo = in.requestsForTo;
    m.extra.insert(QStringLiteral("api"), in.watiApi);
    if (!in.watiTenant.isEmpty())
        m.extra.insert(QStringLiteral("tenant"), in.watiTenant);
    if (body->contains(QStringLiteral("broadcast_name")))
        m.extra.insert(QStringLiteral("broadcast_name"), body->value(QStringLiteral("broadcast_name")));
    h.message = m;
    h.outcome = QStringLiteral("accepted id=%1").arg(messageId);
    return h;
}

// ---------------------------------------------------------------------------------------------
// MyOperator: POST /chat/messages

VendorSimulator::Handled VendorSimulator::handleMyOperator(const Incoming& in,
                                                           const std::optional<Fault>& fault)
{
    Handled h;
    if (refusedUpFront(in, fault, kMyOperator, "POST", &h))
        return h;
    if (in.header("authorization") != QByteArray("Bearer ") + m_config.myOperatorToken.toUtf8()) {
        h.reply = messageReply(401, QStringLiteral("Unauthorized"));
        h.outcome = QStringLiteral("401 unauthorized");
        return h;
    }
    if (in.header("x-myop-company-id") != m_config.myOperatorCompany.toUtf8()) {
        h.reply = messageReply(403, QStringLiteral("Invalid company ID!"));
        h.outcome = QStringLiteral("403 invalid company id");
        return h;
    }
    if (fault && fault->kind == FaultKind::VendorError) {
        const int status = fault->status ? fault->status : 400;
        h.reply = jsonReply(status, jsonObject({{"status", jsonValue(QStringLiteral("error"))},
                                                {"code", jsonValue(QStringLiteral("CHAT_0302"))},
                                                {"message", jsonValue(QStringLiteral("WABA is disabled"))}}));
        h.outcome = QStringLiteral("fault vendor_error CHAT_0302 (%1)").arg(status);
        return h;
    }

    auto badRequest = [&](const QString& why) {
        h.reply = jsonReply(400, jsonObject({{"status", jsonValue(QStringLiteral("error"))},
                                             {"code", jsonValue(QStringLiteral("400"))},
                                             {"message", jsonValue(why)}}));
        h.outcome = QStringLiteral("400 %1").arg(why);
        return h;
    };
    const std::optional<QJsonObject> body = parseObject(in.body);
    if (!body)
        return badRequest(QStringLiteral("Invalid JSON body"));
    for (const char* field : {"phone_number_id", "customer_country_code", "customer_number"}) {
        if (scalarText(body->value(QLatin1String(field))).trimmed().isEmpty())
            return badRequest(QStringLiteral("%1 is required").arg(QLatin1String(field)));
    }
    const QJsonObject data = body->value(QStringLiteral("data")).toObject();
    if (data.isEmpty())
        return badRequest(QStringLiteral("data is required"));
    if (data.value(QStringLiteral("type")).toString() != QLatin1String("template"))
        return badRequest(QStringLiteral("data.type must be template"));
    const QJsonObject context = data.value(QStringLiteral("context")).toObject();
    const QString templateName = context.value(QStringLiteral("template_name")).toString();
    if (templateName.isEmpty())
        return badRequest(QStringLiteral("data.context.template_name is required"));
    if (!isPhoneDigits(in.to))
        return badRequest(QStringLiteral("Invalid customer_number"));
    if (m_config.requireOtpButton) {
        // Meta refuses an authentication template whose copy-code button has no parameter (132000).
        const QJsonArray buttons = context.value(QStringLiteral("buttons")).toArray();
        const bool hasOtp = !buttons.isEmpty() && !scalarText(buttons.first().toObject().value(QStringLiteral("otp"))).isEmpty();
        if (!hasOtp) {
            h.reply = jsonReply(400, jsonObject({{"status", jsonValue(QStringLiteral("error"))},
                                                 {"code", jsonValue(QStringLiteral("132000"))},
                                                 {"message", jsonValue(QStringLiteral(
                                                      "Number of parameters does not match the expected number of params: "
                                                      "the OTP button needs the code"))}}));
            h.outcome = QStringLiteral("400 otp button missing");
            return h;
        }
    }

    // A UUID, as the observed "Accepted" answer gives it (data.message_id "6d7b237a-08c3-4902-…").
    const QString messageId = newUuid();
    bool sentShape = m_config.myOperatorShape == MyOperatorShape::Sent;
    if (m_config.myOperatorShape == MyOperatorShape::Alternate) {
        sentShape = m_nextMyOperatorSent;
        m_nextMyOperatorSent = !m_nextMyOperatorSent;
    }
    if (sentShape) {
        h.reply = jsonReply(200, jsonObject({{"status", jsonValue(QStringLiteral("success"))},
                                             {"code", jsonValue(QStringLiteral("200"))},
                                             {"message", jsonValue(QStringLiteral("Message Sent"))}}));
    } else {
        const QByteArray ids =
            jsonObject({{"conversation_id", jsonValue(QUuid::createUuid().toString(QUuid::Id128))},
                        {"message_id", jsonValue(messageId)}});
        h.reply = jsonReply(200, jsonObject({{"status", jsonValue(QStringLiteral("success"))},
                                             {"code", jsonValue(QStringLiteral("200"))},
                                             {"message", jsonValue(QStringLiteral("Accepted"))},
                                             {"data", ids}}));
    }
    if (fault && fault->kind == FaultKind::Malformed) {
        h.reply.body.truncate(7);
        h.outcome = QStringLiteral("fault malformed");
        return h;
    }

    const QJsonValue params = context.value(QStringLiteral("body"));
    Message m;
    m.vendor = kMyOperator;
    m.to = in.to;
    m.text =
        params.isObject() ? QString::fromUtf8(QJsonDocument(params.toObject()).toJson(QJsonDocument::Compact))
        : params.isArray() ? QString::fromUtf8(QJsonDocument(params.toArray()).toJson(QJsonDocument::Compact))
                           : scalarText(params);
    m.templateName = templateName;
    m.messageId = messageId;
    m.params = params.isUndefined() ? QJsonValue(QJsonValue::Null) : params;
    m.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    m.requestNo = in.requestNo;
    m.requestsForTo = in.requestsForTo;
    m.extra.insert(QStringLiteral("shape"), sentShape ? QStringLiteral("sent") : QStringLiteral("accepted"));
    for (const char* field : {"phone_number_id", "myop_ref_id", "waba_id"}) {
        if (body->contains(QLatin1String(field)))
            m.extra.insert(QLatin1String(field), body->value(QLatin1String(field)));
    }
    if (context.contains(QStringLiteral("language")))
        m.extra.insert(QStringLiteral("language"), context.value(QStringLiteral("language")));
    if (context.contains(QStringLiteral("buttons")))
        m.extra.insert(QStringLiteral("buttons"), context.value(QStringLiteral("buttons")));
    h.message = m;
    h.outcome = QStringLiteral("accepted id=%1").arg(messageId);
    return h;
}

} // namespace otp
