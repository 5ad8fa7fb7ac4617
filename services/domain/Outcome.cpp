#include "Outcome.h"

#include <QDateTime>

namespace otp {

QJsonObject VendorAnswer::toSeedJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("success"), accepted);
    o.insert(QStringLiteral("response"), excerpt.isEmpty() ? reason : excerpt);
    o.insert(QStringLiteral("vendor"), vendor);
    o.insert(QStringLiteral("http_status"), httpStatus);
    o.insert(QStringLiteral("vendor_code"), vendorCode);
    o.insert(QStringLiteral("message_id"), messageId);
    o.insert(QStringLiteral("reason"), reason);
    o.insert(QStringLiteral("latency_ms"), latencyMs);
    return o;
}

namespace {
char16_t hexDigit(unsigned v) { return char16_t(v < 10 ? u'0' + v : u'a' + v - 10); }

void appendEscaped(QString& out, char16_t u)
{
    out += u'\\';
    out += u'u';
    for (int shift = 12; shift >= 0; shift -= 4)
        out += hexDigit((u >> shift) & 0xf);
}

// A JSON string as QJsonDocument writes it: '"', '\\' and the C0 controls escaped (\b \f \n \r \t
// by name, the others as \u00XX), a lone surrogate as \uXXXX, everything else as it is.
void appendJsonString(QString& out, const QString& s)
{
    out += u'"';
    const char16_t* p = reinterpret_cast<const char16_t*>(s.constData());
    const char16_t* const end = p + s.size();
    for (; p != end; ++p) {
        const char16_t u = *p;
        switch (u) {
        case u'"': out += u"\\\""; continue;
        case u'\\': out += u"\\\\"; continue;
        case u'\b': out += u"\\b"; continue;
        case u'\f': out += u"\\f"; continue;
        case u'\n': out += u"\\n"; continue;
        case u'\r': out += u"\\r"; continue;
        case u'\t': out += u"\\t"; continue;
        default: break;
        }
        if (u < 0x20) {
            appendEscaped(out, u);
        } else if (QChar::isHighSurrogate(u) && p + 1 != end && QChar::isLowSurrogate(p[1])) {
            out += QChar(u);
            out += QChar(*++p);
        } else if (QChar::isSurrogate(u)) {
            appendEscaped(out, u);
        } else {
            out += QChar(u);
        }
    }
    out += u'"';
}

void appendMember(QString& out, QLatin1String key, const QString& value)
{
    out += key;
    appendJsonString(out, value);
}
} // namespace

QString VendorAnswer::toSeedJsonText() const
{
    QString out;
    out.reserve(160 + vendor.size() + vendorCode.size() + messageId.size() + 2 * reason.size() + excerpt.size());
    out += QLatin1String("{\"http_status\":");
    out += QString::number(httpStatus);
    out += QLatin1String(",\"latency_ms\":");
    out += QString::number(latencyMs);
    appendMember(out, QLatin1String(",\"message_id\":"), messageId);
    appendMember(out, QLatin1String(",\"reason\":"), reason);
    appendMember(out, QLatin1String(",\"response\":"), excerpt.isEmpty() ? reason : excerpt);
    out += QLatin1String(",\"success\":");
    out += accepted ? QLatin1String("true") : QLatin1String("false");
    appendMember(out, QLatin1String(",\"vendor\":"), vendor);
    appendMember(out, QLatin1String(",\"vendor_code\":"), vendorCode);
    out += u'}';
    return out;
}

QJsonObject VendorAnswer::toJson() const
{
    QJsonObject o = toSeedJson();
    o.remove(QStringLiteral("success"));
    o.remove(QStringLiteral("response"));
    o.insert(QStringLiteral("accepted"), accepted);
    o.insert(QStringLiteral("retryable"), retryable);
    if (mayHaveSent)
        o.insert(QStringLiteral("may_have_sent"), true);
    o.insert(QStringLiteral("excerpt"), excerpt);
    return o;
}

Outcome Outcome::make(OutcomeStatus status, const QString& message)
{
    Outcome o;
    o.status = status;
    o.message = message;
    return o;
}

QString Outcome::statusName(OutcomeStatus s)
{
    switch (s) {
    case OutcomeStatus::Sent: return QStringLiteral("sent");
    case OutcomeStatus::Queued: return QStringLiteral("queued");
    case OutcomeStatus::Unconfirmed: return QStringLiteral("unconfirmed");
    case OutcomeStatus::Verified: return QStringLiteral("verified");
    case OutcomeStatus::WrongCode: return QStringLiteral("wrong_code");
    case OutcomeStatus::Expired: return QStringLiteral("expired");
    case OutcomeStatus::NoActiveCode: return QStringLiteral("no_active_code");
    case OutcomeStatus::Locked: return QStringLiteral("locked");
    case OutcomeStatus::Cooldown: return QStringLiteral("cooldown");
    case OutcomeStatus::RateLimited: return QStringLiteral("rate_limited");
    case OutcomeStatus::CountryNotAllowed: return QStringLiteral("country_not_allowed");
    case OutcomeStatus::InvalidDestination: return QStringLiteral("invalid_destination");
    case OutcomeStatus::InvalidInput: return QStringLiteral("invalid_input");
    case OutcomeStatus::DeliveryFailed: return QStringLiteral("delivery_failed");
    case OutcomeStatus::Canceled: return QStringLiteral("canceled");
    case OutcomeStatus::Unlocked: return QStringLiteral("unlocked");
    case OutcomeStatus::NotLocked: return QStringLiteral("not_locked");
    case OutcomeStatus::CanSend: return QStringLiteral("can_send");
    case OutcomeStatus::Ok: return QStringLiteral("ok");
    case OutcomeStatus::InternalError: return QStringLiteral("internal_error");
    }
    return {};
}

QString Outcome::statusName() const { return statusName(status); }

int Outcome::exitCode() const
{
    switch (status) {
    case OutcomeStatus::Sent:
    case OutcomeStatus::Queued:
    case OutcomeStatus::Unconfirmed:
    case OutcomeStatus::Verified:
    case OutcomeStatus::Canceled:
    case OutcomeStatus::Unlocked:
    case OutcomeStatus::NotLocked:
    case OutcomeStatus::CanSend:
    case OutcomeStatus::Ok: return 0;
    case OutcomeStatus::InternalError: return 1;
    case OutcomeStatus::InvalidDestination:
    case OutcomeStatus::InvalidInput: return 2;
    case OutcomeStatus::Locked:
    case OutcomeStatus::Cooldown:
    case OutcomeStatus::RateLimited:
    case OutcomeStatus::CountryNotAllowed: return 3;
    case OutcomeStatus::WrongCode:
    case OutcomeStatus::Expired:
    case OutcomeStatus::NoActiveCode: return 4;
    case OutcomeStatus::DeliveryFailed: return 5;
    }
    return 1;
}

QJsonObject Outcome::toJson() const
{
    QJsonObject o = details;
    o.insert(QStringLiteral("status"), statusName());
    o.insert(QStringLiteral("message"), message);
    if (retryAfterS)
        o.insert(QStringLiteral("retry_after_s"), *retryAfterS);
    if (attemptsRemaining)
        o.insert(QStringLiteral("attempts_remaining"), *attemptsRemaining);
    if (!tenant.isEmpty())
        o.insert(QStringLiteral("tenant"), tenant);
    if (!destination.isEmpty())
        o.insert(QStringLiteral("destination"), destination);
    if (!purpose.isEmpty())
        o.insert(QStringLiteral("purpose"), purpose);
    if (!channel.isEmpty())
        o.insert(QStringLiteral("channel"), channel);
    if (!challengeRef.isEmpty())
        o.insert(QStringLiteral("challenge"), challengeRef);
    if (expiresAtMs > 0)
        o.insert(QStringLiteral("expires_at"),
                 QDateTime::fromMSecsSinceEpoch(expiresAtMs, Qt::UTC).toString(Qt::ISODateWithMs));
    if (vendor)
        o.insert(QStringLiteral("vendor"), vendor->toJson());
    return o;
}

} // namespace otp
