#include "WatiGateway.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace otp {

Q_LOGGING_CATEGORY(lcWati, "otp.delivery.wati", QtInfoMsg)

namespace {

const QString kTitle = QStringLiteral("WATI");

QString stripBearer(QString token)
{
    token = token.trimmed();
    if (token.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    return token;
}

// `result` is a bool in the documented answers; integrators have seen "success"/"true" strings too.
std::optional<bool> resultFlag(const QJsonValue& v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        const QString s = v.toString().trimmed().toLower();
        if (s == QLatin1String("true") || s == QLatin1String("success"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("error") || s == QLatin1String("failed"))
            return false;
    }
    return std::nullopt;
}

QString textOf(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray() || v.isObject()) {
        const QJsonDocument d = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
        return QString::fromUtf8(d.toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace

const QLoggingCategory& WatiGateway::logCategory() const
{
    return lcWati();
}

WatiGateway::WatiGateway(VendorConfig config, QString token)
    : HttpGateway(std::move(config), stripBearer(std::move(token)))
{
}

HttpRequest WatiGateway::buildRequest(const OutgoingMessage& message, QString* problem) const
{
    HttpRequest request;
    const QString number = digitsOnly(message.destination);
    if (number.isEmpty()) {
        if (problem)
            *problem = QStringLiteral("the destination has no phone number digits for WATI");
        return request;
    }
    if (message.code.isEmpty()) {
        if (problem)
            *problem = QStringLiteral("WATI sends the code as a template parameter, and this message has none");
        return request;
    }
    const QString version = m_config.setting(QStringLiteral("api_version"), QStringLiteral("v2")).toLower();
    const QString templateName = m_config.setting(QStringLiteral("template_name"));
    request.method = QByteArrayLiteral("POST");
    request.url = joinUrl(m_config.setting(QStringLiteral("base_url")),
                          QStringLiteral("/api/%1/sendTemplateMessage").arg(version));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("whatsappNumber"), number);
    request.url.setQuery(query);
    const QJsonObject body{
        {QStringLiteral("template_name"), templateName},
        {QStringLiteral("broadcast_name"), m_config.setting(QStringLiteral("broadcast_name"), templateName)},
        {QStringLiteral("parameters"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), m_config.setting(QStringLiteral("code_parameter"), QStringLiteral("1"))},
                                {QStringLiteral("value"), message.code}}}},
    };
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers = {
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_secret.toUtf8()},
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
    };
    return request;
}

VendorAnswer WatiGateway::interpret(int httpStatus, const QByteArray& body, const Redactor& redactor)
{
    if (httpStatus == 401) {
        VendorAnswer a = statusAnswer(kTitle, httpStatus, body, redactor);
        a.reason = QStringLiteral("WATI rejected the API token (HTTP 401)");
        return a;
    }
    if (httpStatus == 404) {
        VendorAnswer a = statusAnswer(kTitle, httpStatus, body, redactor);
        a.reason = QStringLiteral("WATI answered HTTP 404: the tenant path in base_url or the template name is wrong");
        return a;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject o = doc.object();
    if (httpStatus < 200 || httpStatus >= 300) {
        VendorAnswer a = statusAnswer(kTitle, httpStatus, body, redactor);
        const QString info = textOf(o.value(QStringLiteral("info"))) + textOf(o.value(QStringLiteral("message")));
        if (!info.isEmpty())
            a.reason = redactor.apply(QStringLiteral("%1: %2").arg(a.reason, info));
        return a;
    }

    const std::optional<bool> result = resultFlag(o.value(QStringLiteral("result")));
    if (!doc.isObject() || !result)
        return malformed(kTitle, httpStatus, body, redactor);

    VendorAnswer a;
    a.httpStatus = httpStatus;
    a.excerpt = redactor.excerpt(body);
    a.retryable = false; // every refusal WATI puts in a 200 is about the template, number or account
    if (!*result) {
        // {"result":false,"info":"template error"}; v2 puts its words in "error".
        QString info = textOf(o.value(QStringLiteral("info")));
        if (info.isEmpty())
            info = textOf(o.value(QStringLiteral("error")));
        if (info.isEmpty())
            info = textOf(o.value(QStringLiteral("message")));
        a.vendorCode = QStringLiteral("RESULT_FALSE");
        a.reason = redactor.apply(info.isEmpty() ? QStringLiteral("WATI refused the message without saying why")
                                                 : QStringLiteral("WATI refused the message: %1").arg(info));
        return a;
    }

    // v2: {"result":true,"receivers":[{"localMessageId":…,"isValidWhatsAppNumber":true,"errors":[]}],…}
    const QJsonArray receivers = o.value(QStringLiteral("receivers")).toArray();
    const QJsonObject receiver = receivers.isEmpty() ? QJsonObject() : receivers.first().toObject();
    const QJsonValue validV2 = receiver.value(QStringLiteral("isValidWhatsAppNumber"));
    const QJsonValue validV1 = o.value(QStringLiteral("validWhatsAppNumber"));
    if ((validV2.isBool() && !validV2.toBool()) || (validV1.isBool() && !validV1.toBool())) {
        a.vendorCode = QStringLiteral("INVALID_WHATSAPP_NUMBER");
        a.reason = QStringLiteral("WATI says the number has no WhatsApp account");
        return a;
    }
    const QJsonArray errors = receiver.value(QStringLiteral("errors")).toArray();
    if (!errors.isEmpty()) {
        a.vendorCode = QStringLiteral("RECEIVER_ERROR");
        a.reason = redactor.apply(QStringLiteral("WATI could not send to the number: %1").arg(textOf(errors)));
        return a;
    }
    a.accepted = true;
    a.vendorCode = QStringLiteral("OK");
    a.messageId = receiver.value(QStringLiteral("localMessageId")).toString(); // v1 gives none
    a.reason = QStringLiteral("WATI accepted the WhatsApp template message");
    return a;
}

} // namespace otp
