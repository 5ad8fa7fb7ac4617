#include "DeliveryReceipts.h"

#include "Redactor.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace otp::DeliveryReceipts {

namespace {
// Vendors write times as epoch seconds, milli-, micro- or nanoseconds (MyOperator's callbacks carry nine
// fractional digits), as fractional seconds, or as ISO 8601 with any number of fractional digits.
qint64 parseTime(const QJsonValue& v)
{
    const QString text = v.isDouble() ? QString::number(v.toDouble(), 'f', 0) : v.toString().trimmed();
    if (text.isEmpty())
        return 0;
    bool numeric = false;
    const qint64 n = text.toLongLong(&numeric);
    if (numeric) {
        if (n > 100'000'000'000'000'000LL)
            return n / 1'000'000; // nanoseconds
        if (n > 100'000'000'000'000LL)
            return n / 1'000; // microseconds
        return n > 100'000'000'000LL ? n : n * 1000;
    }
    static const QRegularExpression fractionalSeconds(QStringLiteral("^(\\d{9,11})\\.(\\d+)$"));
    if (const QRegularExpressionMatch m = fractionalSeconds.match(text); m.hasMatch())
        return m.captured(1).toLongLong() * 1000 + (m.captured(2) + QStringLiteral("000")).left(3).toInt();
    // Qt reads at most milliseconds: cut a longer fraction ("…:30.123456789Z") to three digits.
    static const QRegularExpression longFraction(QStringLiteral("(\\.\\d{3})\\d+"));
    QString iso = text;
    iso.replace(longFraction, QStringLiteral("\\1"));
    const QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
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
    // SUCCESS / FAILURE / UNKNOWN are the documented GET statuses, DELIVERED / FAILED the POST eventTypes;
    // the others are SMPP's words, which some routes pass through.
    if (s == QLatin1String("FAILURE") || s == QLatin1String("FAIL") || s == QLatin1String("FAILED") ||
        s == QLatin1String("UNDELIV") ||
        s == QLatin1String("EXPIRED") || s == QLatin1String("REJECTED") || s == QLatin1String("REJECTD"))
        return DeliveryReceipt::State::Failed;
    return DeliveryReceipt::State::Unknown;
}

QString gupshupReason(DeliveryReceipt::State state, const QString& status, const QString& cause, const QString& errCode,
                     int parts)
{
    const QString inParts = parts > 1 ? QStringLiteral(" (%1 parts)").arg(parts) : QString();
    if (state == DeliveryReceipt::State::Delivered)
        return QStringLiteral("Gupshup reports the SMS delivered to the handset%1").arg(inParts);
    if (state == DeliveryReceipt::State::Failed)
        return QStringLiteral("Gupshup reports the SMS%1 not delivered: %2%3")
            .arg(inParts,
                 cause.isEmpty() ? QStringLiteral("no cause given") : cause.toLower().replace(QLatin1Char('_'), QLatin1Char(' ')),
                 errCode.isEmpty() ? QString() : QStringLiteral(" (error %1)").arg(errCode));
    if (status.compare(QLatin1String("UNKNOWN"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("Gupshup does not know whether the SMS arrived (status UNKNOWN%1)")
            .arg(cause.isEmpty() ? QString() : QStringLiteral(", cause ") + cause);
    return QStringLiteral("Gupshup sent a report without a known status");
}

DeliveryReceipt gupshupOne(const QString& id, const QString& status, const QString& cause, const QString& errCode,
                           const QString& phone, qint64 at, int parts)
{
    DeliveryReceipt r;
    r.messageId = id;
    r.state = gupshupState(status);
    r.vendorCode = errCode.isEmpty() ? cause : errCode;
    r.destination = phone;
    r.parts = parts > 0 ? parts : 0;
    r.reason = gupshupReason(r.state, status, cause, errCode, r.parts);
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
    // Keys are read trimmed: the documented URL template itself has "& noOfFrags=%7".
    QHash<QString, QString> items;
    for (const auto& [key, value] : q.queryItems(QUrl::FullyDecoded))
        items.insert(key.trimmed(), value);
    const auto item = [&items](const char* key) { return Redactor::storable(items.value(QLatin1String(key))); };
    const QString id = item("externalId").trimmed();
    if (id.isEmpty()) {
        *error = QStringLiteral("the Gupshup report has no externalId");
        return {};
    }
    return {gupshupOne(id, item("status").trimmed(), item("cause").trimmed(), item("errCode").trimmed(),
                       item("phoneNo").trimmed(), parseTime(item("deliveredTS")), item("noOfFrags").toInt())};
}

QList<DeliveryReceipt> gupshupJson(const QByteArray& body, QString* error)
{
    const QJsonDocument doc = parseJson(body, "Gupshup", error);
    if (!error->isEmpty())
        return {};
    // A batch is a JSON array of up to 20 events; one object alone is read as a batch of one.
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
                              parseTime(e.value(QStringLiteral("eventTs"))),
                              text(e.value(QStringLiteral("noOfFrags"))).toInt()));
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
        // v2 sends carry localMessageId (what the v2 send answered). A v1 send answers no id and its events
        // carry only whatsappMessageId (no waId): kept as the id, they match no row and count as unmatched.
        r.messageId = text(e.value(QStringLiteral("localMessageId")));
        if (r.messageId.isEmpty())
            r.messageId = text(e.value(QStringLiteral("whatsappMessageId")));
        r.destination = text(e.value(QStringLiteral("waId")));
        QString status = text(e.value(QStringLiteral("statusString")));
        if (status.isEmpty())
            status = text(e.value(QStringLiteral("eventType")));
        r.state = whatsappState(status);
        // templateMessageFailed: failedCode is WhatsApp's error code (131026 …), failedDetail its words.
        const QString failedCode = text(e.value(QStringLiteral("failedCode")));
        r.vendorCode = failedCode.isEmpty() ? status : failedCode;
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
        QJsonObject e = v.toObject();
        // Observed callbacks: {"event_type": …, "payload": {message_id, status, timestamp, …}}. The payload's
        // fields are read; event_type stands in for a missing status.
        if (const QJsonValue payload = e.value(QStringLiteral("payload")); payload.isObject()) {
            const QString eventType = text(e.value(QStringLiteral("event_type")));
            e = payload.toObject();
            if (!e.contains(QStringLiteral("status")) && !eventType.isEmpty())
                e.insert(QStringLiteral("status"), eventType);
        }
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
