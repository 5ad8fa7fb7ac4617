#include "VendorEndpoint.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace otp::vendorsim {

Reply httpFaultReply(const QString& vendor, int status)
{
    switch (status) {
    case 401:
        if (vendor == kWati) {
            Reply r = jsonReply(401, {});
            r.contentType.clear();
            return r;
        }
        return messageReply(401, QStringLiteral("Unauthorized"));
    case 403:
        return vendor == kMyOperator ? messageReply(403, QStringLiteral("Invalid company ID!"))
                                     : messageReply(403, QStringLiteral("Forbidden"));
    case 429: {
        Reply r = messageReply(429, QStringLiteral("Too Many Requests"));
        r.headers.append(Header("Retry-After", "1"));
        return r;
    }
    case 500:
        return jsonReply(500, jsonObject({{"message", "null"}}));
    default:
        return messageReply(status, QString::fromLatin1(reasonPhrase(status)));
    }
}

bool refusedUpFront(const Request& in, const std::optional<Fault>& fault, const QString& vendor,
                    const QByteArray& allow, Handled* h)
{
    if (fault && fault->kind == FaultKind::Http) {
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

Message acceptedMessage(const QString& vendor, const Request& in, const QString& to, const QString& messageId)
{
    Message m;
    m.vendor = vendor;
    m.to = to;
    m.messageId = messageId;
    m.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    m.requestNo = in.requestNo;
    m.requestsForTo = in.requestsForTo;
    return m;
}

QString whatsappMessageId(const QString& messageId)
{
    return QStringLiteral("wamid.") +
           QString::fromLatin1(QCryptographicHash::hash(messageId.toUtf8(), QCryptographicHash::Sha1).toBase64());
}

} // namespace otp::vendorsim
