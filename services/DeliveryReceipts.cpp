#include "DeliveryReceipts.h"

#include "Redactor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace otp::DeliveryReceipts {

namespace {
// Vendors write times as epoch seconds, epoch milliseconds or ISO 8601.
qint64 parseTime(const QJsonValue& v)
{
    const QString text = v.isDouble() ? QString::number(v.toDouble(), 'f', 0) : v.toString().trimmed();
    if (text.isEmpty())
        return 0;
    bool numeric = false;
    const qint64 n = text.toLongLong(&numeric);
    if (numeric)
        return n > 100'000'000'000LL ? n : n * 1000;
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
}

// Every string a receipt carries comes through here (or item() below for Gupshup's GET), made
// storable: vendor text is data, and a NUL in it must not fail the statement (issue 10 item 9).
QString text(const QJsonValue& v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 0);
    return Redactor::storable(v.toString().trimmed());
}

// Gupshup's status words (GET `status`, POST `eventType`).
DeliveryReceipt::State gupshupState(const QString& status)
{
    const QString s = status.toUpper();
    if (s == QLatin1String("SUCCESS") || s == QLatin1String("DELIVERED") || s == QLatin1String("DELIVRD"))
        return DeliveryReceipt::State::Delivered;
    if (s == QLatin1String("FAIL") || s == QLatin1String("FAILED") || s == QLatin1String("UNDELIV") ||
        s == QLatin1String("EXPIRED") || s == QLatin1String("REJECTED") || s == QLatin1String("REJECTD"))
        return DeliveryReceipt::State::Failed;
    return DeliveryReceipt::State::Unknown;
}

QString gupshupReason(DeliveryReceipt::State state, const QString& cause, const QString& errCode)
{
    if (state == DeliveryReceipt::State::Delivered)
        return QStringLiteral("Gupshup reports the SMS delivered to the handset");
    if (state == DeliveryReceipt::State::Failed)
        return QStringLiteral("Gupshup reports the SMS not delivered: %1%2")
            .arg(cause.isEmpty() ? QStringLiteral("no cause given") : cause.toLower().replace(QLatin1Char('_'), QLatin1Char(' ')),
                 errCode.isEmpty() ? QString() : QStringLiteral(" (error %1)").arg(errCode));
    return QStringLiteral("Gupshup sent a report without a known status");
}

DeliveryReceipt gupshupOne(const QString& id, const QString& status, const QString& cause, const QString& errCode,
                           const QString& phone, qint64 at)
{
    DeliveryReceipt r;
    r.messageId = id;
    r.state = gupshupState(status);
    r.vendorCode = errCode.isEmpty() ? cause : errCode;
    r.destination = phone;
    r.reason = gupshupReason(r.state, cause, errCode);
    r.atMs = at;
    return r;
}

// WhatsApp statuses as WATI and MyOperator spell them (sent, delivered, read, failed…).
DeliveryReceipt::State whatsappState(QString status)
{
    status = status.toLower();
    if (status.contains(QLatin1String("deliver")) || status.contains(QLatin1String("read")))
        return DeliveryReceipt::State::Delivered;
    if (status.contains(QLatin1String("fail")) || status.contains(QLatin1String("reject")) ||
        status.contains(QLatin1String("undeliver")))
        return DeliveryReceipt::State::Failed;
    return DeliveryReceipt::State::Unknown; // "sent", "queued", …: not yet news
}

// The plain words of a WhatsApp status report, as WATI and MyOperator send them.
QString whatsappReason(const QString& vendor, DeliveryReceipt::State state, const QString& failure, const QString& status)
{
    if (state == DeliveryReceipt::State::Delivered)
        return QStringLiteral("%1 reports the WhatsApp message delivered").arg(vendor);
    if (state == DeliveryReceipt::State::Failed)
        return QStringLiteral("%1 reports the WhatsApp message failed%2")
            .arg(vendor, failure.isEmpty() ? QString() : QStringLiteral(": ") + failure);
    return QStringLiteral("%1 reports status '%2'").arg(vendor, status);
}

QJsonDocument parseJson(const QByteArray& body, const char* vendor, QString* error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        *error = QStringLiteral("the %1 receipt is not JSON (%2 at byte %3)")
                     .arg(QLatin1String(vendor), pe.errorString())
                     .arg(pe.offset);
    return doc;
}
} // namespace

QList<DeliveryReceipt> gupshupQuery(const QUrlQuery& q, QString* error)
{
    const auto item = [&q](const char* key) {
        return Redactor::storable(q.queryItemValue(QLatin1String(key), QUrl::FullyDecoded));
    };
    const QString id = item("externalId").trimmed();
    if (id.isEmpty()) {
        *error = QStringLiteral("the Gupshup report has no externalId");
        return {};
    }
    return {gupshupOne(id, item("status"), item("cause"), item("errCode"), item("phoneNo"),
                       parseTime(q.queryItemValue(QStringLiteral("deliveredTS"))))};
}

QList<DeliveryReceipt> gupshupJson(const QByteArray& body, QString* error)
{
    const QJsonDocument doc = parseJson(body, "Gupshup", error);
    if (!error->isEmpty())
        return {};
    const QJsonArray events = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    QList<DeliveryReceipt> out;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        const QString id = text(e.value(QStringLiteral("externalId")));
        if (id.isEmpty()) {
            *error = QStringLiteral("a Gupshup report event has no externalId");
            return {};
        }
        out.append(gupshupOne(id, text(e.value(QStringLiteral("eventType"))), text(e.value(QStringLiteral("cause"))),
                              text(e.value(QStringLiteral("errCode"))), text(e.value(QStringLiteral("destAddr"))),
                              parseTime(e.value(QStringLiteral("eventTs")))));
    }
    if (out.isEmpty())
        *error = QStringLiteral("the Gupshup report holds no events");
    return out;
}

QList<DeliveryReceipt> wati(const QByteArray& body, QString* error)
{
    const QJsonDocument doc = parseJson(body, "WATI", error);
    if (!error->isEmpty())
        return {};
    const QJsonArray events = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    QList<DeliveryReceipt> out;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        DeliveryReceipt r;
        // v2 sends carry localMessageId (what the send answered); older webhooks only whatsappMessageId.
        r.messageId = text(e.value(QStringLiteral("localMessageId")));
        if (r.messageId.isEmpty())
            r.messageId = text(e.value(QStringLiteral("whatsappMessageId")));
        r.destination = text(e.value(QStringLiteral("waId")));
        QString status = text(e.value(QStringLiteral("statusString")));
        if (status.isEmpty())
            status = text(e.value(QStringLiteral("eventType")));
        r.state = whatsappState(status);
        r.vendorCode = status;
        const QString failure = text(e.value(QStringLiteral("failedDetail")));
        r.reason = whatsappReason(QStringLiteral("WATI"), r.state, failure, status);
        r.atMs = parseTime(e.value(QStringLiteral("timestamp")));
        if (r.messageId.isEmpty() && r.destination.isEmpty()) {
            *error = QStringLiteral("a WATI event has neither a message id nor a waId");
            return {};
        }
        out.append(r);
    }
    return out;
}

QList<DeliveryReceipt> myOperator(const QByteArray& body, QString* error)
{
    const QJsonDocument doc = parseJson(body, "MyOperator", error);
    if (!error->isEmpty())
        return {};
    QJsonArray events;
    if (doc.isArray()) {
        events = doc.array();
    } else {
        const QJsonValue data = doc.object().value(QStringLiteral("data"));
        events = data.isArray() ? data.toArray() : QJsonArray{data.isObject() ? data.toObject() : doc.object()};
    }
    QList<DeliveryReceipt> out;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        DeliveryReceipt r;
        r.messageId = text(e.value(QStringLiteral("message_id")));
        if (r.messageId.isEmpty())
            r.messageId = text(e.value(QStringLiteral("id")));
        // We send myop_ref_id = "<challenge ref>-<delivery id>": an echo of it names our row exactly.
        const QString ref = text(e.value(QStringLiteral("myop_ref_id")));
        if (const qsizetype dash = ref.lastIndexOf(QLatin1Char('-')); dash > 0)
            r.deliveryId = ref.mid(dash + 1).toLongLong();
        r.destination = text(e.value(QStringLiteral("customer_number")));
        const QString status = text(e.value(QStringLiteral("status")));
        r.state = whatsappState(status);
        r.vendorCode = status;
        QString failure;
        const QJsonArray errors = e.value(QStringLiteral("errors")).toArray();
        if (!errors.isEmpty()) {
            const QJsonObject first = errors.first().toObject();
            r.vendorCode = text(first.value(QStringLiteral("code")));
            failure = text(first.value(QStringLiteral("title")));
            if (failure.isEmpty())
                failure = text(first.value(QStringLiteral("message")));
        }
        r.reason = whatsappReason(QStringLiteral("MyOperator"), r.state, failure, status);
        r.atMs = parseTime(e.value(QStringLiteral("timestamp")));
        if (r.messageId.isEmpty() && r.deliveryId == 0) {
            *error = QStringLiteral("a MyOperator event has neither message_id nor myop_ref_id");
            return {};
        }
        out.append(r);
    }
    return out;
}

QList<DeliveryReceipt> parse(const QString& kind, const QByteArray& body, const QUrlQuery& query, QString* error)
{
    if (kind == QLatin1String("gupshup"))
        return body.trimmed().isEmpty() ? gupshupQuery(query, error) : gupshupJson(body, error);
    if (kind == QLatin1String("wati"))
        return wati(body, error);
    if (kind == QLatin1String("myoperator"))
        return myOperator(body, error);
    *error = QStringLiteral("%1 sends no delivery receipts we can read (gupshup, wati, myoperator do)").arg(kind);
    return {};
}

} // namespace otp::DeliveryReceipts
