#include "MyOperatorApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace otp::vendorsim {

namespace {
Reply errorReply(int status, const QString& code, const QString& message)
{
    return jsonReply(status, jsonObject({{"status", jsonValue(QStringLiteral("error"))},
                                         {"code", jsonValue(code)},
                                         {"message", jsonValue(message)}}));
}
} // namespace

std::optional<Handled> MyOperatorApi::refusedHeaders(const Request& in, const std::optional<Fault>& fault) const
{
    Handled h;
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
        h.reply = errorReply(status, QStringLiteral("CHAT_0302"), QStringLiteral("WABA is disabled"));
        h.outcome = QStringLiteral("fault vendor_error CHAT_0302 (%1)").arg(status);
        return h;
    }
    return std::nullopt;
}

QString MyOperatorApi::bodyProblem(const Request& in, const std::optional<QJsonObject>& body, QJsonObject* context) const
{
    if (!body)
        return QStringLiteral("Invalid JSON body");
    for (const char* field : {"phone_number_id", "customer_country_code", "customer_number"}) {
        if (scalarText(body->value(QLatin1String(field))).trimmed().isEmpty())
            return QStringLiteral("%1 is required").arg(QLatin1String(field));
    }
    const QJsonObject data = body->value(QStringLiteral("data")).toObject();
    if (data.isEmpty())
        return QStringLiteral("data is required");
    if (data.value(QStringLiteral("type")).toString() != QLatin1String("template"))
        return QStringLiteral("data.type must be template");
    *context = data.value(QStringLiteral("context")).toObject();
    if (context->value(QStringLiteral("template_name")).toString().isEmpty())
        return QStringLiteral("data.context.template_name is required");
    if (!isPhoneDigits(in.to))
        return QStringLiteral("Invalid customer_number");
    return {};
}

bool MyOperatorApi::hasOtpButton(const QJsonObject& context)
{
    const QJsonArray buttons = context.value(QStringLiteral("buttons")).toArray();
    return !buttons.isEmpty() && !scalarText(buttons.first().toObject().value(QStringLiteral("otp"))).isEmpty();
}

Reply MyOperatorApi::successReply(const QString& messageId, bool* sentShape)
{
    *sentShape = m_config.myOperatorShape == VendorSimulator::MyOperatorShape::Sent;
    if (m_config.myOperatorShape == VendorSimulator::MyOperatorShape::Alternate) {
        *sentShape = m_nextSent;
        m_nextSent = !m_nextSent;
    }
    if (*sentShape) {
        return jsonReply(200, jsonObject({{"status", jsonValue(QStringLiteral("success"))},
                                          {"code", jsonValue(QStringLiteral("200"))},
                                          {"message", jsonValue(QStringLiteral("Message Sent"))}}));
    }
    const QByteArray ids = jsonObject({{"conversation_id", jsonValue(QUuid::createUuid().toString(QUuid::Id128))},
                                       {"message_id", jsonValue(messageId)}});
    return jsonReply(200, jsonObject({{"status", jsonValue(QStringLiteral("success"))},
                                      {"code", jsonValue(QStringLiteral("200"))},
                                      {"message", jsonValue(QStringLiteral("Accepted"))},
                                      {"data", ids}}));
}

Message MyOperatorApi::message(const Request& in, const QJsonObject& body, const QJsonObject& context,
                               const QString& messageId, bool sentShape)
{
    const QJsonValue params = context.value(QStringLiteral("body"));
    Message m = acceptedMessage(kMyOperator, in, in.to, messageId);
    m.text = params.isObject()  ? QString::fromUtf8(QJsonDocument(params.toObject()).toJson(QJsonDocument::Compact))
             : params.isArray() ? QString::fromUtf8(QJsonDocument(params.toArray()).toJson(QJsonDocument::Compact))
                                : scalarText(params);
    m.templateName = context.value(QStringLiteral("template_name")).toString();
    m.params = params.isUndefined() ? QJsonValue(QJsonValue::Null) : params;
    m.extra.insert(QStringLiteral("shape"), sentShape ? QStringLiteral("sent") : QStringLiteral("accepted"));
    for (const char* field : {"phone_number_id", "myop_ref_id", "waba_id"}) {
        if (body.contains(QLatin1String(field)))
            m.extra.insert(QLatin1String(field), body.value(QLatin1String(field)));
    }
    if (context.contains(QStringLiteral("language")))
        m.extra.insert(QStringLiteral("language"), context.value(QStringLiteral("language")));
    if (context.contains(QStringLiteral("buttons")))
        m.extra.insert(QStringLiteral("buttons"), context.value(QStringLiteral("buttons")));
    return m;
}

Handled MyOperatorApi::handle(const Request& in, const std::optional<Fault>& fault)
{
    Handled h;
    if (refusedUpFront(in, fault, kMyOperator, "POST", &h))
        return h;
    if (std::optional<Handled> refusal = refusedHeaders(in, fault))
        return *refusal;

    const std::optional<QJsonObject> body = parseObject(in.body);
    QJsonObject context;
    if (const QString why = bodyProblem(in, body, &context); !why.isEmpty()) {
        h.reply = errorReply(400, QStringLiteral("400"), why);
        h.outcome = QStringLiteral("400 %1").arg(why);
        return h;
    }
    // Meta refuses an authentication template whose copy-code button has no parameter (132000).
    if (m_config.requireOtpButton && !hasOtpButton(context)) {
        h.reply = errorReply(400, QStringLiteral("132000"),
                             QStringLiteral("Number of parameters does not match the expected number of params: "
                                            "the OTP button needs the code"));
        h.outcome = QStringLiteral("400 otp button missing");
        return h;
    }

    // A UUID, as the observed "Accepted" answer gives it (data.message_id "6d7b237a-08c3-4902-…").
    const QString messageId = newUuid();
    bool sentShape = false;
    h.reply = successReply(messageId, &sentShape);
    if (fault && fault->kind == FaultKind::Malformed) {
        h.reply.body.truncate(7);
        h.outcome = QStringLiteral("fault malformed");
        return h;
    }
    h.message = message(in, *body, context, messageId, sentShape);
    h.outcome = QStringLiteral("accepted id=%1").arg(messageId);
    return h;
}

Receipt MyOperatorApi::receipt(const Message& m, bool delivered, qint64 atMs)
{
    // The observed callback: fields under "payload", myop_ref_id null for API sends, nine fractional digits.
    QByteArray payload =
        jsonObject({{"message_id", jsonValue(m.messageId)},
                    {"customer_number", jsonValue(m.to)},
                    {"status", jsonValue(delivered ? QStringLiteral("delivered") : QStringLiteral("failed"))},
                    {"myop_ref_id", "null"},
                    {"timestamp", jsonValue(QString::number(atMs) + QStringLiteral("000000"))}});
    if (!delivered) {
        payload.chop(1);
        payload += R"(,"errors":[{"code":131026,"title":"Message undeliverable"}]})";
    }
    Receipt r;
    r.vendor = kMyOperator;
    r.method = "POST";
    r.contentType = "application/json";
    r.body = jsonObject({{"event_type", jsonValue(QStringLiteral("message_status"))}, {"payload", payload}});
    return r;
}

} // namespace otp::vendorsim
