#include "SimHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUuid>

namespace otp::vendorsim {

const QString kGupshup = QStringLiteral("gupshup");
const QString kWati = QStringLiteral("wati");
const QString kMyOperator = QStringLiteral("myoperator");

QString vendorName(Vendor vendor)
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

QByteArray renderReply(const Reply& reply, bool headRequest, bool closeAfter)
{
    QByteArray out;
    out.reserve(160 + reply.body.size());
    out += "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Server: otp-vendor-sim\r\n";
    if (!reply.body.isEmpty() && !reply.contentType.isEmpty())
        out += "Content-Type: " + reply.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    for (const Header& h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (closeAfter)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!headRequest)
        out += reply.body;
    return out;
}

QByteArray jsonValue(const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

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
    static const QHash<int, QByteArray> phrases{
        {200, "OK"},
        {201, "Created"},
        {204, "No Content"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {409, "Conflict"},
        {413, "Payload Too Large"},
        {415, "Unsupported Media Type"},
        {422, "Unprocessable Entity"},
        {429, "Too Many Requests"},
        {500, "Internal Server Error"},
        {501, "Not Implemented"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
    };
    if (const auto it = phrases.constFind(status); it != phrases.constEnd())
        return *it;
    return status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
}

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

Reply jsonReply(int status, const QByteArray& body)
{
    Reply r;
    r.status = status;
    r.body = body;
    return r;
}

Reply messageReply(int status, const QString& message)
{
    return jsonReply(status, jsonObject({{"message", jsonValue(message)}}));
}

Reply methodNotAllowed(const QByteArray& allow)
{
    Reply r = messageReply(405, QStringLiteral("Method Not Allowed"));
    r.headers.append(Header("Allow", allow));
    return r;
}

} // namespace otp::vendorsim
