#include "ControlApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace otp::vendorsim {

namespace {
bool isRead(const Request& in)
{
    return in.method == "GET" || in.method == "HEAD";
}

// A callback URL as given: http(s) with a host, or none (null / "") to stop that vendor's callbacks.
QString readUrl(const QString& vendor, const QJsonValue& value, VendorSimulator::ReceiptSettings* settings)
{
    if (value.isNull() || value.toString().isEmpty()) {
        settings->urls.remove(vendor);
        return {};
    }
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!value.isString() || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return QStringLiteral("urls.%1 must be an http(s) URL, null or empty").arg(vendor);
    settings->urls.insert(vendor, url);
    return {};
}

QString readUrls(const QJsonValue& urls, VendorSimulator::ReceiptSettings* settings)
{
    if (urls.isUndefined())
        return {};
    if (!urls.isObject())
        return QStringLiteral("urls must be an object of vendor name to URL");
    const QJsonObject byVendor = urls.toObject();
    for (auto it = byVendor.begin(); it != byVendor.end(); ++it) {
        if (it.key() != kGupshup && it.key() != kWati && it.key() != kMyOperator)
            return QStringLiteral("urls knows gupshup, wati and myoperator, not '%1'").arg(it.key());
        if (const QString why = readUrl(it.key(), it.value(), settings); !why.isEmpty())
            return why;
    }
    return {};
}

// A whole number >= 0 under `key`, if present; false when it is there but is not one.
bool readCount(const QJsonObject& json, const char* key, int* out)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(qint64(v.toDouble())) || v.toDouble() > 86400000)
        return false;
    *out = v.toInt();
    return true;
}
} // namespace

QString ControlApi::applyReceiptSettings(const QJsonObject& json, VendorSimulator::ReceiptSettings* settings)
{
    VendorSimulator::ReceiptSettings s = *settings;
    if (const QString why = readUrls(json.value(QStringLiteral("urls")), &s); !why.isEmpty())
        return why;
    if (!readCount(json, "delay_ms", &s.delayMs))
        return QStringLiteral("delay_ms must be a whole number >= 0");
    if (!readCount(json, "retries", &s.retries) || s.retries > 10)
        return QStringLiteral("retries must be a whole number between 0 and 10");
    if (!readCount(json, "retry_ms", &s.retryMs))
        return QStringLiteral("retry_ms must be a whole number >= 0");
    if (const QJsonValue rate = json.value(QStringLiteral("fail_rate")); !rate.isUndefined()) {
        if (!rate.isDouble() || rate.toDouble() < 0.0 || rate.toDouble() > 1.0)
            return QStringLiteral("fail_rate must be a number between 0 and 1");
        s.failRate = rate.toDouble();
    }
    if (const QJsonValue method = json.value(QStringLiteral("gupshup_method")); !method.isUndefined()) {
        const QString m = method.toString().toLower();
        if (m != QLatin1String("get") && m != QLatin1String("post"))
            return QStringLiteral("gupshup_method must be get or post");
        s.gupshupGet = m == QLatin1String("get");
    }
    *settings = s;
    return {};
}

Reply ControlApi::handle(const Request& in)
{
    const QString path = in.path.endsWith(QLatin1Char('/')) && in.path.size() > 1 ? in.path.chopped(1) : in.path;
    const Query query = parseForm(in.rawQuery);
    if (path == QLatin1String("/_sim/receipt"))
        return receipt(in, query);
    if (path == QLatin1String("/_sim/receipts"))
        return receipts(in);
    if (path == QLatin1String("/_sim/health")) {
        if (!isRead(in))
            return methodNotAllowed("GET");
        return jsonReply(200, jsonObject({{"ok", "true"}}));
    }
    if (path == QLatin1String("/_sim/inbox"))
        return inbox(in, query);
    if (path == QLatin1String("/_sim/stats"))
        return stats(in);
    if (path == QLatin1String("/_sim/faults"))
        return faults(in);
    if (path.startsWith(QLatin1String("/_sim/faults/")))
        return removeFault(in, path);
    return messageReply(404, QStringLiteral("Not Found"));
}

Reply ControlApi::receipt(const Request& in, const Query& query) const
{
    if (in.method != "GET")
        return methodNotAllowed("GET");
    const QString outcome = query.value(QStringLiteral("outcome"), QStringLiteral("delivered"));
    if (outcome != QLatin1String("delivered") && outcome != QLatin1String("failed"))
        return messageReply(400, QStringLiteral("outcome must be delivered or failed"));
    QString error;
    const std::optional<VendorSimulator::Receipt> r =
        m_sim.receiptFor(query.value(QStringLiteral("message_id")), outcome == QLatin1String("delivered"),
                         query.value(QStringLiteral("form"), QStringLiteral("get")), &error);
    if (!r)
        return messageReply(404, error);
    return jsonReply(200, compact(QJsonObject{{QStringLiteral("vendor"), r->vendor},
                                              {QStringLiteral("method"), QString::fromLatin1(r->method)},
                                              {QStringLiteral("content_type"), QString::fromLatin1(r->contentType)},
                                              {QStringLiteral("body"), QString::fromUtf8(r->body)}}));
}

Reply ControlApi::inbox(const Request& in, const Query& query)
{
    if (isRead(in)) {
        QJsonArray messages;
        for (const VendorSimulator::Message& m : m_sim.inbox(query.value(QStringLiteral("to")), query.value(QStringLiteral("vendor"))))
            messages.append(m.toJson());
        return jsonReply(200, compact(QJsonObject{{QStringLiteral("messages"), messages}}));
    }
    if (in.method == "DELETE")
        return jsonReply(200, compact(QJsonObject{{QStringLiteral("cleared"), m_sim.clearInbox()}}));
    return methodNotAllowed("GET, DELETE");
}

Reply ControlApi::stats(const Request& in)
{
    if (isRead(in))
        return jsonReply(200, compact(m_sim.stats()));
    if (in.method == "DELETE") {
        m_sim.resetStats();
        return jsonReply(200, compact(m_sim.stats()));
    }
    return methodNotAllowed("GET, DELETE");
}

Reply ControlApi::faults(const Request& in)
{
    if (isRead(in)) {
        QJsonArray list;
        for (const VendorSimulator::Fault& f : m_sim.faults())
            list.append(f.toJson());
        return jsonReply(200, compact(QJsonObject{{QStringLiteral("faults"), list}}));
    }
    if (in.method == "DELETE")
        return jsonReply(200, compact(QJsonObject{{QStringLiteral("cleared"), m_sim.clearFaults()}}));
    if (in.method == "POST")
        return addFaults(in);
    return methodNotAllowed("GET, POST, DELETE");
}

Reply ControlApi::addFaults(const Request& in)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(in.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || (!doc.isObject() && !doc.isArray()))
        return messageReply(400, QStringLiteral("body must be a JSON fault object or an array of them"));
    // An array is installed all or nothing.
    const QJsonArray items = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    QList<VendorSimulator::Fault> parsed;
    for (const QJsonValue& item : items) {
        QString error;
        const std::optional<VendorSimulator::Fault> fault = VendorSimulator::Fault::fromJson(item.toObject(), &error);
        if (!fault)
            return messageReply(400, error);
        parsed.append(*fault);
    }
    QJsonArray added;
    for (const VendorSimulator::Fault& f : parsed) {
        m_sim.addFault(f);
        added.append(m_sim.faults().last().toJson());
    }
    if (doc.isObject())
        return jsonReply(201, compact(added.first().toObject()));
    return jsonReply(201, compact(QJsonObject{{QStringLiteral("faults"), added}}));
}

Reply ControlApi::removeFault(const Request& in, const QString& path)
{
    if (in.method != "DELETE")
        return methodNotAllowed("DELETE");
    bool ok = false;
    const int id = path.mid(int(qstrlen("/_sim/faults/"))).toInt(&ok);
    if (ok && m_sim.removeFault(id))
        return jsonReply(200, compact(QJsonObject{{QStringLiteral("cleared"), 1}}));
    return messageReply(404, QStringLiteral("no such fault"));
}

Reply ControlApi::receipts(const Request& in)
{
    if (isRead(in))
        return jsonReply(200, compact(m_sim.receiptStats()));
    if (in.method == "DELETE") {
        VendorSimulator::ReceiptSettings s = m_sim.receiptSettings();
        s.urls.clear();
        m_sim.setReceiptSettings(s);
        return jsonReply(200, compact(m_sim.receiptStats()));
    }
    if (in.method != "POST")
        return methodNotAllowed("GET, POST, DELETE");
    const std::optional<QJsonObject> json = parseObject(in.body);
    if (!json)
        return messageReply(400, QStringLiteral("body must be a JSON object of receipt settings"));
    VendorSimulator::ReceiptSettings s = m_sim.receiptSettings();
    if (const QString why = applyReceiptSettings(*json, &s); !why.isEmpty())
        return messageReply(400, why);
    m_sim.setReceiptSettings(s);
    return jsonReply(200, compact(m_sim.receiptStats()));
}

} // namespace otp::vendorsim
