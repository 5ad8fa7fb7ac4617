#include "WatiApi.h"

#include <QJsonArray>
#include <QStringList>

namespace otp::vendorsim {

namespace {
QByteArray templateError()
{
    return jsonObject({{"result", "false"}, {"info", jsonValue(QStringLiteral("template error"))}});
}
} // namespace

std::optional<Handled> WatiApi::refused(const Request& in, const std::optional<Fault>& fault,
                                        const std::optional<QJsonObject>& body) const
{
    Handled h;
    if (in.header("authorization") != QByteArray("Bearer ") + m_config.watiToken.toUtf8()) {
        h.reply = jsonReply(401, {}); // WATI answers a bad token with an empty 401
        h.reply.contentType.clear();
        h.outcome = QStringLiteral("401 unauthorized");
        return h;
    }
    if (fault && fault->kind == FaultKind::VendorError) {
        h.reply = jsonReply(200, templateError());
        h.outcome = QStringLiteral("fault vendor_error template error");
        return h;
    }
    if (!body) {
        h.reply = jsonReply(400, jsonObject({{"result", "false"},
                                             {"info", jsonValue(QStringLiteral("Invalid request body"))}}));
        h.outcome = QStringLiteral("400 invalid body");
        return h;
    }
    if (body->value(QStringLiteral("template_name")).toString().isEmpty()) {
        h.reply = jsonReply(200, templateError());
        h.outcome = QStringLiteral("rejected template error");
        return h;
    }
    return std::nullopt;
}

Reply WatiApi::invalidNumberReply(bool v2, const QString& number, const QString& templateName)
{
    const QString why = QStringLiteral("Invalid WhatsApp number");
    if (v2) {
        return jsonReply(200, jsonObject({{"result", "false"},
                                          {"error", jsonValue(why)},
                                          {"templateName", jsonValue(templateName)},
                                          {"receivers", "[]"},
                                          {"parameters", "[]"}}));
    }
    return jsonReply(200, jsonObject({{"result", "false"},
                                      {"phone_number", jsonValue(number)},
                                      {"template_name", jsonValue(templateName)},
                                      {"validWhatsAppNumber", "false"},
                                      {"info", jsonValue(why)}}));
}

Reply WatiApi::successReply(bool v2, const QString& number, const QString& templateName, const QString& messageId)
{
    if (v2) {
        const QByteArray receiver = jsonObject({{"localMessageId", jsonValue(messageId)},
                                                {"waId", jsonValue(number)},
                                                {"isValidWhatsAppNumber", "true"},
                                                {"errors", "[]"}});
        return jsonReply(200, jsonObject({{"result", "true"},
                                          {"error", "null"},
                                          {"templateName", jsonValue(templateName)},
                                          {"receivers", '[' + receiver + ']'},
                                          {"parameters", "[]"}}));
    }
    return jsonReply(200, jsonObject({{"result", "true"},
                                      {"phone_number", jsonValue(number)},
                                      {"template_name", jsonValue(templateName)},
                                      {"validWhatsAppNumber", "true"}}));
}

Handled WatiApi::handle(const Request& in, const std::optional<Fault>& fault)
{
    Handled h;
    if (refusedUpFront(in, fault, kWati, "POST", &h))
        return h;
    // Parsed here, refused in the vendor's order: token, vendor_error fault, body, template.
    const std::optional<QJsonObject> body = parseObject(in.body);
    if (std::optional<Handled> refusal = refused(in, fault, body))
        return *refusal;

    const QString templateName = body->value(QStringLiteral("template_name")).toString();
    const QString number = in.to;
    const bool v2 = in.watiApi == QLatin1String("v2");
    if (!isPhoneDigits(number)) {
        h.reply = invalidNumberReply(v2, number, templateName);
        h.outcome = QStringLiteral("rejected invalid number");
        return h;
    }
    const QString messageId = newUuid();
    h.reply = successReply(v2, number, templateName, messageId);
    if (fault && fault->kind == FaultKind::Malformed) {
        h.reply.body.truncate(7);
        h.outcome = QStringLiteral("fault malformed");
        return h;
    }

    const QJsonArray params = body->value(QStringLiteral("parameters")).toArray();
    QStringList values;
    for (const QJsonValue& p : params)
        values.append(scalarText(p.toObject().value(QStringLiteral("value"))));
    Message m = acceptedMessage(kWati, in, number, messageId);
    m.text = values.join(QStringLiteral(", "));
    m.templateName = templateName;
    m.params = params;
    m.extra.insert(QStringLiteral("api"), in.watiApi);
    if (!in.watiTenant.isEmpty())
        m.extra.insert(QStringLiteral("tenant"), in.watiTenant);
    if (body->contains(QStringLiteral("broadcast_name")))
        m.extra.insert(QStringLiteral("broadcast_name"), body->value(QStringLiteral("broadcast_name")));
    h.message = m;
    h.outcome = QStringLiteral("accepted id=%1").arg(messageId);
    return h;
}

Receipt WatiApi::receipt(const Message& m, bool delivered, qint64 atMs)
{
    const bool v2 = m.extra.value(QStringLiteral("api")).toString() == QLatin1String("v2");
    const QByteArray ts = jsonValue(QString::number(atMs / 1000));
    const QByteArray wamid = jsonValue(whatsappMessageId(m.messageId));
    Receipt r;
    r.vendor = kWati;
    r.method = "POST";
    r.contentType = "application/json";
    if (!delivered) {
        r.body = jsonObject({{"eventType", jsonValue(QStringLiteral("templateMessageFailed"))},
                             {"statusString", jsonValue(QStringLiteral("Failed"))},
                             {"localMessageId", v2 ? jsonValue(m.messageId) : QByteArray("null")},
                             {"failedCode", jsonValue(QStringLiteral("131026"))},
                             {"failedDetail", jsonValue(QStringLiteral("Message undeliverable"))},
                             {"whatsappMessageId", wamid},
                             {"text", "null"},
                             {"type", jsonValue(QStringLiteral("template"))},
                             {"timestamp", ts}});
    } else if (v2) {
        r.body = jsonObject({{"eventType", jsonValue(QStringLiteral("sentMessageDELIVERED_v2"))},
                             {"statusString", jsonValue(QStringLiteral("Delivered"))},
                             {"localMessageId", jsonValue(m.messageId)},
                             {"whatsappMessageId", wamid},
                             {"text", "null"},
                             {"type", jsonValue(QStringLiteral("template"))},
                             {"timestamp", ts}});
    } else {
        r.body = jsonObject({{"eventType", jsonValue(QStringLiteral("sentMessageDELIVERED"))},
                             {"statusString", jsonValue(QStringLiteral("Delivered"))},
                             {"whatsappMessageId", wamid},
                             {"text", "null"},
                             {"type", jsonValue(QStringLiteral("template"))},
                             {"timestamp", ts}});
    }
    return r;
}

} // namespace otp::vendorsim
