#include "MyOperatorGateway.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <phonenumbers/phonenumberutil.h>

namespace otp {

Q_LOGGING_CATEGORY(lcMyOperator, "otp.delivery.myoperator", QtInfoMsg)

namespace {

const QString kTitle = QStringLiteral("MyOperator");

QString jsonText(const QJsonValue& v)
{
    return v.isString() ? v.toString() : v.isDouble() ? v.toVariant().toString() : QString();
}

// MyOperator wants the country calling code and the national number apart: "+919876543210" →
// ("91", "9876543210"). libphonenumber knows where the split is (1 to 3 digits).
bool splitE164(const QString& destination, QString* countryCode, QString* nationalNumber)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const std::string e164 = "+" + HttpGateway::digitsOnly(destination).toStdString();
    if (util->Parse(e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return false;
    std::string national;
    util->GetNationalSignificantNumber(number, &national); // keeps Italy's leading zero
    *countryCode = QString::number(number.country_code());
    *nationalNumber = QString::fromStdString(national);
    return !nationalNumber->isEmpty();
}

} // namespace

const QLoggingCategory& MyOperatorGateway::logCategory() const
{
    return lcMyOperator();
}

MyOperatorGateway::MyOperatorGateway(VendorConfig config, QString token)
    : HttpGateway(std::move(config), std::move(token))
{
}

HttpRequest MyOperatorGateway::buildRequest(const OutgoingMessage& message, QString* problem) const
{
    HttpRequest request;
    QString countryCode, nationalNumber;
    if (!splitE164(message.destination, &countryCode, &nationalNumber)) {
        if (problem)
            *problem = QStringLiteral("the destination is not an international phone number MyOperator can address");
        return request;
    }
    if (message.code.isEmpty()) {
        if (problem)
            *problem = QStringLiteral("MyOperator sends the code as a template parameter, and this message has none");
        return request;
    }
    const QJsonObject context{
        {QStringLiteral("template_name"), m_config.setting(QStringLiteral("template_name"))},
        {QStringLiteral("language"), m_config.setting(QStringLiteral("language"), QStringLiteral("en"))},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("1"), message.code}}},
    };
    // WhatsApp OTP templates are Meta authentication templates: the code also fills their one-time-password
    // (copy-code) button, or the template is refused. Shape as a working MyOperator OTP integration sends it.
    QJsonObject contextWithButton = context;
    if (m_config.setting(QStringLiteral("otp_button"), QStringLiteral("true")).compare(QLatin1String("false"), Qt::CaseInsensitive) != 0)
        contextWithButton.insert(QStringLiteral("buttons"),
                                 QJsonArray{QJsonObject{{QStringLiteral("index"), 0}, {QStringLiteral("otp"), message.code}}});
    QJsonObject body{
        {QStringLiteral("phone_number_id"), m_config.setting(QStringLiteral("phone_number_id"))},
        {QStringLiteral("customer_country_code"), countryCode},
        {QStringLiteral("customer_number"), nationalNumber},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("template")},
                                             {QStringLiteral("context"), contextWithButton}}},
        // Unique per delivery attempt, so MyOperator's reports can be matched to our row.
        {QStringLiteral("myop_ref_id"), QStringLiteral("%1-%2").arg(message.challengeRef).arg(message.deliveryId)},
    };
    const QString wabaId = m_config.setting(QStringLiteral("waba_id"));
    if (!wabaId.isEmpty())
        body.insert(QStringLiteral("waba_id"), wabaId);

    request.method = QByteArrayLiteral("POST");
    request.url = joinUrl(m_config.setting(QStringLiteral("base_url"), defaultBaseUrl()), QStringLiteral("/chat/messages"));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers = {
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_secret.toUtf8()},
        {QByteArrayLiteral("X-MYOP-COMPANY-ID"), m_config.setting(QStringLiteral("company_id")).toUtf8()},
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
    };
    return request;
}

VendorAnswer MyOperatorGateway::interpret(int httpStatus, const QByteArray& body, const Redactor& redactor)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject o = doc.object();
    const QJsonValue messageValue = o.value(QStringLiteral("message"));
    const QString message = jsonText(messageValue);
    const QString status = o.value(QStringLiteral("status")).toString().trimmed().toLower();
    QString code = jsonText(o.value(QStringLiteral("code")));
    if (code.isEmpty())
        code = jsonText(o.value(QStringLiteral("error_code")));
    if (code.isEmpty())
        code = jsonText(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")));

    if (code.startsWith(QLatin1String("CHAT_"), Qt::CaseInsensitive)) {
        // MyOperator's own refusals (account, template, number): the same request fails again.
        VendorAnswer a;
        a.httpStatus = httpStatus;
        a.retryable = false;
        a.vendorCode = code.toUpper();
        a.excerpt = redactor.excerpt(body);
        a.reason = a.vendorCode == QLatin1String("CHAT_0302")
                       ? QStringLiteral("MyOperator says the WhatsApp Business account (WABA) is disabled (CHAT_0302)")
                       : message.isEmpty() ? QStringLiteral("MyOperator refused the message (%1)").arg(a.vendorCode)
                                           : QStringLiteral("MyOperator refused the message (%1: %2)").arg(a.vendorCode, message);
        a.reason = redactor.apply(a.reason);
        return a;
    }

    if (httpStatus < 200 || httpStatus >= 300) {
        VendorAnswer a = statusAnswer(kTitle, httpStatus, body, redactor);
        if (httpStatus == 401) {
            a.reason = QStringLiteral("MyOperator rejected the API token (HTTP 401)");
        } else if (httpStatus == 403 && body.contains("Invalid company ID")) {
            a.reason = QStringLiteral("MyOperator refused the company id (X-MYOP-COMPANY-ID) as invalid (HTTP 403)");
        } else if (httpStatus == 403) {
            a.reason = QStringLiteral("MyOperator denied access (HTTP 403): the token is not allowed to call this API");
        } else if (httpStatus == 500 && doc.isObject() && (messageValue.isNull() || messageValue.isUndefined())) {
            // Still retryable like any 5xx (the outbox caps the tries), but say what it usually means.
            a.reason = QStringLiteral("MyOperator had a server error (HTTP 500) with no message; it answers this way "
                                      "when the account is not provisioned for the API");
        } else if (!message.isEmpty()) {
            a.reason = redactor.apply(QStringLiteral("%1: %2").arg(a.reason, message));
        }
        return a;
    }

    if (!doc.isObject())
        return malformed(kTitle, httpStatus, body, redactor);
    VendorAnswer a;
    a.httpStatus = httpStatus;
    a.excerpt = redactor.excerpt(body);
    // {"status":"success","code":"200","message":"Message Sent"} or
    // {"status":"success","message":"Accepted","data":{"conversation_id":…,"message_id":…}}
    const bool failed = status == QLatin1String("error") || status == QLatin1String("failed")
                        || status == QLatin1String("failure") || status == QLatin1String("fail");
    const bool succeeded = !failed
                           && (status == QLatin1String("success")
                               || message.compare(QLatin1String("Message Sent"), Qt::CaseInsensitive) == 0
                               || message.compare(QLatin1String("Accepted"), Qt::CaseInsensitive) == 0);
    if (succeeded) {
        a.accepted = true;
        a.vendorCode = QStringLiteral("OK");
        a.messageId = jsonText(o.value(QStringLiteral("data")).toObject().value(QStringLiteral("message_id")));
        a.reason = QStringLiteral("MyOperator accepted the WhatsApp template message");
        return a;
    }
    if (failed) {
        a.retryable = false;
        a.vendorCode = code.isEmpty() ? QStringLiteral("ERROR") : code;
        a.reason = redactor.apply(message.isEmpty() ? QStringLiteral("MyOperator refused the message without saying why")
                                                    : QStringLiteral("MyOperator refused the message: %1").arg(message));
        return a;
    }
    return malformed(kTitle, httpStatus, body, redactor);
}

} // namespace otp
