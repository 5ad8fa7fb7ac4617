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
