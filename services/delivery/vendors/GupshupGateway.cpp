#include "GupshupGateway.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace otp {

Q_LOGGING_CATEGORY(lcGupshup, "otp.delivery.gupshup", QtInfoMsg)

namespace {

const QString kTitle = QStringLiteral("Gupshup");

// GSM 03.38: the default alphabet, then the extension table (sent as ESC + char, still 7-bit).
const QString kGsmBasic = QStringLiteral(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
const QString kGsmExtension = QStringLiteral("\f^{}\\[~]|€");

QByteArray formEncode(const QList<QPair<QString, QString>>& params)
{
    // Every reserved character percent-encoded, '+' included: QUrlQuery leaves '+' alone and the
    // server would read it as a space.
    QByteArray out;
    for (const auto& p : params) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(p.first) + '=' + QUrl::toPercentEncoding(p.second);
    }
    return out;
}

QString jsonText(const QJsonValue& v)
{
    // Qt 6 keeps JSON integers as qint64, so a numeric id keeps all its digits.
    return v.isString() ? v.toString() : v.isDouble() ? v.toVariant().toString() : QString();
}

} // namespace

const QLoggingCategory& GupshupGateway::logCategory() const
{
    return lcGupshup();
}

GupshupGateway::GupshupGateway(VendorConfig config, QString password)
    : HttpGateway(std::move(config), std::move(password))
{
}

bool GupshupGateway::matchesDltTemplate(const QString& registered, const QString& text)
{
    // Each {#var#} stands for up to 30 characters (the DLT portals' limit); everything else must be identical.
    QString pattern = QRegularExpression::escape(registered);
    pattern.replace(QRegularExpression::escape(QStringLiteral("{#var#}")), QStringLiteral(".{1,30}"));
    return QRegularExpression(QStringLiteral("\\A") + pattern + QStringLiteral("\\z"), QRegularExpression::DotMatchesEverythingOption)
        .match(text)
        .hasMatch();
}

bool GupshupGateway::fitsGsm7(const QString& text)
{
    for (const QChar c : text) {
        if (!kGsmBasic.contains(c) && !kGsmExtension.contains(c))
            return false;
    }
    return true;
}

HttpRequest GupshupGateway::buildRequest(const OutgoingMessage& message, QString* problem) const
{
    HttpRequest request;
    const QString sendTo = digitsOnly(message.destination);
    if (sendTo.isEmpty()) {
        if (problem)
            *problem = QStringLiteral("the destination has no phone number digits for Gupshup");
        return request;
    }
    if (message.body.isEmpty()) {
        if (problem)
            *problem = QStringLiteral("the SMS text is empty");
        return request;
    }
    // TEXT goes through the GSM 7-bit alphabet; anything outside it (Devanagari, emoji, most
    // accents) would arrive as '?', so such bodies always go as Unicode_text.
    const QString msgType = fitsGsm7(message.body) ? m_config.setting(QStringLiteral("msg_type"), QStringLiteral("TEXT"))
                                                   : QStringLiteral("Unicode_text");
    QList<QPair<QString, QString>> params{
        {QStringLiteral("method"), QStringLiteral("SendMessage")},
        {QStringLiteral("send_to"), sendTo},
        {QStringLiteral("msg"), message.body},
        {QStringLiteral("msg_type"), msgType},
        {QStringLiteral("userid"), m_config.setting(QStringLiteral("userid"))},
        {QStringLiteral("password"), m_secret},
        {QStringLiteral("auth_scheme"), QStringLiteral("plain")},
        {QStringLiteral("v"), QStringLiteral("1.1")},
        {QStringLiteral("format"), m_config.setting(QStringLiteral("format"), QStringLiteral("json")).toLower()},
    };
    const QString mask = m_config.setting(QStringLiteral("mask"));
    if (!mask.isEmpty())
        params.append({QStringLiteral("mask"), mask});
    const QString entity = m_config.setting(QStringLiteral("principal_entity_id"));
    const QString dltTemplate = m_config.setting(QStringLiteral("dlt_template_id"));
    // India's DLT rules: an SMS to +91 without the sender's registration is dropped by the operator after
    // Gupshup accepted it, so the user waits for a code that never comes. Refuse it here, naming what is missing.
    if (sendTo.startsWith(QLatin1String("91")) && sendTo.size() == 12 && (entity.isEmpty() || dltTemplate.isEmpty())) {
        QStringList missing;
        if (entity.isEmpty())
            missing << QStringLiteral("principal_entity_id");
        if (dltTemplate.isEmpty())
            missing << QStringLiteral("dlt_template_id");
        if (problem)
            *problem = QStringLiteral("an SMS to an Indian number (+91) must carry the sender's DLT registration, or the "
                                      "operator drops it: vendor '%1' has no %2 (set them with `otpctl vendors add %1 … "
                                      "principal_entity_id=… dlt_template_id=…`, and keep the text word for word as registered)")
                           .arg(m_config.name, missing.join(QStringLiteral(" and no ")));
        return request;
    }
    // The registered text, if the admin gave it ({#var#} for each variable, as DLT portals write it): a body that
    // differs in a single word is dropped by the operator, so it is refused here instead.
    const QString registered = m_config.setting(QStringLiteral("dlt_template_text"));
    if (sendTo.startsWith(QLatin1String("91")) && sendTo.size() == 12 && !registered.isEmpty() &&
        !matchesDltTemplate(registered, message.body)) {
        if (problem)
            *problem = QStringLiteral("the SMS text does not match vendor '%1''s registered DLT template %2 word for word "
                                      "(dlt_template_text), and the operator would drop it")
                           .arg(m_config.name, dltTemplate);
        return request;
    }
    if (!entity.isEmpty())
        params.append({QStringLiteral("principalEntityId"), entity});
    if (!dltTemplate.isEmpty())
        params.append({QStringLiteral("dltTemplateId"), dltTemplate});

    const QByteArray form = formEncode(params);
    request.url = joinUrl(m_config.setting(QStringLiteral("base_url"), defaultBaseUrl()), QStringLiteral("/GatewayAPI/rest"));
    // POST by default: a GET puts the password in the URL, where proxies and access logs keep it.
    if (m_config.setting(QStringLiteral("method"), QStringLiteral("POST")).compare(QLatin1String("GET"), Qt::CaseInsensitive) == 0) {
        request.method = QByteArrayLiteral("GET");
        request.url.setQuery(QString::fromLatin1(form), QUrl::StrictMode);
    } else {
        request.method = QByteArrayLiteral("POST");
        request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
        request.body = form;
    }
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json, text/plain")});
    return request;
}

QString GupshupGateway::reasonForCode(const QString& code)
{
    switch (code.toInt()) {
    case 100: return QStringLiteral("Gupshup reported an unknown error (100)");
    case 101: return QStringLiteral("Gupshup says a required parameter is missing (101)");
    case 102: return QStringLiteral("Gupshup rejected the user id or password: authentication failed (102)");
    case 103: return QStringLiteral("Gupshup says the user id does not exist (103)");
    case 104: return QStringLiteral("Gupshup says the account is disabled (104)");
    case 105: return QStringLiteral("Gupshup refused the number as invalid (105)");
    case 106: return QStringLiteral("Gupshup does not support the method requested (106)");
    case 107: return QStringLiteral("Gupshup does not know the API version requested (107)");
    case 108: return QStringLiteral("Gupshup refused the sender id (mask) as invalid (108)");
    case 109: return QStringLiteral("Gupshup refused the number because of its Do-Not-Disturb registration (109)");
    case 175: return QStringLiteral("Gupshup has international SMS disabled for this account (175)");
    default: return {};
    }
}

VendorAnswer GupshupGateway::interpret(int httpStatus, const QByteArray& body, const Redactor& redactor)
{
    if (httpStatus < 200 || httpStatus >= 300)
        return statusAnswer(kTitle, httpStatus, body, redactor);

    QString status, id, details;
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        // {"response":{"id":…,"phone":…,"details":…,"status":"success|error"}}; a list of them for
        // several numbers, of which we send one.
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed);
        QJsonValue response = doc.isObject() ? doc.object().value(QStringLiteral("response")) : QJsonValue(doc.array());
        if (doc.isObject() && response.isUndefined())
            response = doc.object();
        if (response.isArray()) {
            const QJsonArray list = response.toArray();
            response = list.isEmpty() ? QJsonValue() : list.first();
        }
        const QJsonObject r = response.toObject();
        status = r.value(QStringLiteral("status")).toString();
        id = jsonText(r.value(QStringLiteral("id")));
        details = r.value(QStringLiteral("details")).toString();
    } else {
        // success | 919876543210 | 3270637570192393521-331166354051551677
        // error | 105 | Invalid phone
        QString firstLine;
        for (const QString& line : QString::fromUtf8(trimmed).split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty()) {
                firstLine = line.trimmed();
                break;
            }
        }
        const QStringList parts = firstLine.split(QLatin1Char('|'));
        if (parts.size() >= 2) {
            status = parts.at(0).trimmed();
            if (status.compare(QLatin1String("success"), Qt::CaseInsensitive) == 0) {
                id = parts.size() >= 3 ? parts.at(2).trimmed() : QString();
            } else {
                id = parts.at(1).trimmed();
                details = parts.mid(2).join(QLatin1Char('|')).trimmed();
            }
        }
    }

    VendorAnswer a;
    a.httpStatus = httpStatus;
    a.excerpt = redactor.excerpt(body);
    if (status.compare(QLatin1String("success"), Qt::CaseInsensitive) == 0) {
        a.accepted = true;
        a.vendorCode = QStringLiteral("OK");
        a.messageId = id; // not redacted: a vendor id may contain the code's digits by chance, and must stay whole
        a.reason = QStringLiteral("Gupshup accepted the SMS");
        return a;
    }
    if (status.compare(QLatin1String("error"), Qt::CaseInsensitive) == 0 && !id.isEmpty()) {
        // Every documented code is about the request, the account or the number: sending the same
        // request again would get the same answer.
        a.accepted = false;
        a.retryable = false;
        a.vendorCode = id;
        a.reason = reasonForCode(id);
        if (a.reason.isEmpty()) {
            a.reason = details.isEmpty() ? QStringLiteral("Gupshup refused the SMS (error %1)").arg(id)
                                         : QStringLiteral("Gupshup refused the SMS (error %1: %2)").arg(id, details);
        }
        a.reason = redactor.apply(a.reason);
        return a;
    }
    return malformed(kTitle, httpStatus, body, redactor);
}

} // namespace otp
