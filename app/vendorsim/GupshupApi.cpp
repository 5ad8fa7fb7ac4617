#include "GupshupApi.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

namespace otp::vendorsim {

GupshupApi::GupshupApi(const VendorSimulator::Config& config)
    : m_config(config),
      // Ids differ between runs (a gateway may keep them) but never repeat within one.
      m_idBase(QRandomGenerator::system()->generate64() % 9000000000ULL)
{
}

Reply GupshupApi::errorReply(Format format, int code, const QString& details)
{
    Reply r;
    if (format == Format::Json) {
        r.body = jsonObject({{"response", jsonObject({{"id", jsonValue(QString::number(code))},
                                                      {"details", jsonValue(details)},
                                                      {"status", jsonValue(QStringLiteral("error"))}})}});
    } else if (format == Format::Xml) {
        r.contentType = "application/xml; charset=utf-8";
        r.body = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><id>%1</id><details>%2</details>"
                                "<status>error</status></response>")
                     .arg(code)
                     .arg(details.toHtmlEscaped())
                     .toUtf8();
    } else {
        r.contentType = "text/plain; charset=utf-8";
        r.body = QStringLiteral("error | %1 | %2").arg(code).arg(details).toUtf8();
    }
    return r;
}

std::optional<std::pair<int, QString>> GupshupApi::refusal(const Params& p) const
{
    const auto missing = [](const char* name) {
        return std::make_pair(101, QStringLiteral("Parameter missing: %1").arg(QLatin1String(name)));
    };
    const QString method = p.value(QStringLiteral("method")).trimmed();
    if (method.isEmpty())
        return missing("method");
    if (method.compare(QLatin1String("sendmessage"), Qt::CaseInsensitive) != 0)
        return std::make_pair(106, QStringLiteral("Method not supported"));
    const QString user = p.value(QStringLiteral("userid"));
    const QString password = p.value(QStringLiteral("password"));
    if (user.isEmpty())
        return missing("userid");
    if (password.isEmpty())
        return missing("password");
    if (user != m_config.gupshupUser || password != m_config.gupshupPassword)
        return std::make_pair(102, QStringLiteral("Authentication failed due to invalid userId or password"));
    const QString version = p.value(QStringLiteral("v")).trimmed();
    if (version.isEmpty())
        return missing("v");
    if (version != QLatin1String("1.1"))
        return std::make_pair(107, QStringLiteral("Version unknown"));
    const QString sendTo = p.value(QStringLiteral("send_to")).trimmed();
    if (sendTo.isEmpty())
        return missing("send_to");
    if (!isPhoneDigits(sendTo))
        return std::make_pair(105, QStringLiteral("Invalid phone"));
    if (p.value(QStringLiteral("msg")).isEmpty())
        return missing("msg");
    return std::nullopt;
}

Reply GupshupApi::successReply(Format format, const QString& sendTo, QString* messageId)
{
    const quint64 n = ++m_idCounter;
    Reply r;
    if (format == Format::Text) {
        // Text ids look like 3270637570192393521-331166354051551677.
        *messageId = QString::number(1000000000000000000ULL + (m_idBase * 1000000000ULL + n) % 9000000000000000000ULL) +
                     QLatin1Char('-') +
                     QString::number(100000000000000000ULL + QRandomGenerator::global()->generate64() % 900000000000000000ULL);
        r.contentType = "text/plain; charset=utf-8";
        r.body = QStringLiteral("success | %1 | %2").arg(sendTo, *messageId).toUtf8();
        return r;
    }
    *messageId = QString::number(1000000000ULL + (m_idBase + n) % 9000000000ULL);
    if (format == Format::Json) {
        r.body = jsonObject({{"response", jsonObject({{"id", jsonValue(*messageId)},
                                                      {"phone", jsonValue(sendTo)},
                                                      {"details", jsonValue(QString())},
                                                      {"status", jsonValue(QStringLiteral("success"))}})}});
    } else {
        r.contentType = "application/xml; charset=utf-8";
        r.body = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><id>%1</id><phone>%2</phone>"
                                "<details></details><status>success</status></response>")
                     .arg(*messageId, sendTo)
                     .toUtf8();
    }
    return r;
}

QString GupshupApi::dltDrop(const Params& p, const QString& sendTo, const QString& msg) const
{
    if (!m_config.enforceDlt || !sendTo.startsWith(QLatin1String("91")) || sendTo.size() != 12)
        return {};
    const QString entity = p.value(QStringLiteral("principalentityid")).trimmed();
    const QString dltId = p.value(QStringLiteral("dlttemplateid")).trimmed();
    if (entity.isEmpty() || dltId.isEmpty())
        return QStringLiteral("DLT_ID_MISSING");
    if (m_config.dltTemplates.contains(dltId)) {
        QString pattern = QRegularExpression::escape(m_config.dltTemplates.value(dltId));
        pattern.replace(QRegularExpression::escape(QStringLiteral("{#var#}")), QStringLiteral(".{1,30}"));
        const QRegularExpression registered(QStringLiteral("^") + pattern + QStringLiteral("$"),
                                            QRegularExpression::DotMatchesEverythingOption);
        return registered.match(msg).hasMatch() ? QString() : QStringLiteral("DLT_TEMPLATE_MISMATCH");
    }
    return m_config.dltTemplates.isEmpty() ? QString() : QStringLiteral("DLT_TEMPLATE_UNKNOWN");
}

Handled GupshupApi::handle(const Request& in, const std::optional<Fault>& fault)
{
    Handled h;
    if (refusedUpFront(in, fault, kGupshup, "GET, POST", &h))
        return h;

    Params p = parseForm(in.rawQuery);
    const QByteArray contentType = in.header("content-type").toLower();
    if (in.method == "POST" && (contentType.isEmpty() || contentType.contains("x-www-form-urlencoded")))
        p.insert(parseForm(in.body));

    const QString formatName = p.value(QStringLiteral("format")).trimmed().toLower();
    const Format format = formatName == QLatin1String("json") ? Format::Json
                          : formatName == QLatin1String("xml") ? Format::Xml
                                                               : Format::Text;
    if (fault && fault->kind == FaultKind::VendorError) {
        h.reply = errorReply(format, 105, QStringLiteral("Invalid phone"));
        h.outcome = QStringLiteral("fault vendor_error 105");
        return h;
    }
    if (const auto refused = refusal(p)) {
        h.reply = errorReply(format, refused->first, refused->second);
        h.outcome = QStringLiteral("rejected %1").arg(refused->first);
        return h;
    }

    const QString sendTo = p.value(QStringLiteral("send_to")).trimmed();
    const QString msg = p.value(QStringLiteral("msg"));
    QString messageId;
    h.reply = successReply(format, sendTo, &messageId);
    if (fault && fault->kind == FaultKind::Malformed) {
        h.reply.body.truncate(format == Format::Text ? 4 : 7);
        h.outcome = QStringLiteral("fault malformed");
        return h;
    }

    Message m = acceptedMessage(kGupshup, in, sendTo, messageId);
    m.text = msg;
    for (const char* key : {"mask", "msg_type", "auth_scheme", "format", "istemplate", "principalentityid", "dlttemplateid"}) {
        const QString k = QString::fromLatin1(key);
        if (p.contains(k))
            m.extra.insert(k, p.value(k));
    }
    // Gupshup accepts; the Indian operator drops what breaks DLT, and the report says FAILURE.
    if (const QString dropped = dltDrop(p, sendTo, msg); !dropped.isEmpty())
        m.extra.insert(QStringLiteral("dropped"), dropped);
    h.message = m;
    h.outcome = QStringLiteral("accepted id=%1").arg(messageId);
    return h;
}

Receipt GupshupApi::receipt(const Message& m, bool delivered, bool get, qint64 atMs)
{
    const QString dropped = m.extra.value(QStringLiteral("dropped")).toString();
    // The SMS's parts, as the handset counts them: 160 GSM characters, 70 UCS-2 (one part each).
    const bool unicode =
        m.extra.value(QStringLiteral("msg_type")).toString().compare(QLatin1String("Unicode_text"), Qt::CaseInsensitive) == 0;
    const int perPart = unicode ? 70 : 160;
    const int parts = m.text.size() <= perPart ? 1 : int((m.text.size() + (perPart - 7) - 1) / (perPart - 7));
    const QString mask = m.extra.value(QStringLiteral("mask")).toString();
    const QString cause = delivered ? QStringLiteral("SUCCESS")
                          : dropped.isEmpty() ? QStringLiteral("UNKNOWN_SUBSCRIBER")
                                              : dropped;
    const QString errCode = delivered ? QStringLiteral("000") : QStringLiteral("003");

    Receipt r;
    r.vendor = kGupshup;
    if (get) {
        r.method = "GET";
        r.body = QStringLiteral("externalId=%1&deliveredTS=%2&status=%3&cause=%4&phoneNo=%5&errCode=%6&noOfFrags=%7&mask=%8")
                     .arg(m.messageId)
                     .arg(atMs)
                     .arg(delivered ? QStringLiteral("SUCCESS") : QStringLiteral("FAILURE"), cause, m.to, errCode)
                     .arg(parts)
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(mask)))
                     .toUtf8();
        return r;
    }
    r.method = "POST";
    r.contentType = "application/json";
    r.body = '[' +
             jsonObject({{"externalId", jsonValue(m.messageId)},
                         {"eventType", jsonValue(delivered ? QStringLiteral("DELIVERED") : QStringLiteral("FAILED"))},
                         {"eventTs", QByteArray::number(atMs)},
                         {"destAddr", jsonValue(m.to)},
                         {"srcAddr", jsonValue(mask)},
                         {"cause", jsonValue(cause)},
                         {"errCode", jsonValue(errCode)},
                         {"channel", jsonValue(QStringLiteral("SMS"))},
                         {"noOfFrags", QByteArray::number(parts)}}) +
             ']';
    return r;
}

} // namespace otp::vendorsim
