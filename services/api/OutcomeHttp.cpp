#include "OutcomeHttp.h"

#include <QLoggingCategory>

namespace otp::OutcomeHttp {

Q_LOGGING_CATEGORY(lcOutcome, "otp.api", QtInfoMsg)

int httpStatus(const Outcome& o, int successStatus)
{
    switch (o.status) {
    case OutcomeStatus::Sent:
    case OutcomeStatus::Verified:
    case OutcomeStatus::Canceled:
    case OutcomeStatus::Unlocked:
    case OutcomeStatus::NotLocked:
    case OutcomeStatus::CanSend:
    case OutcomeStatus::Ok: return successStatus;
    case OutcomeStatus::Queued:
    case OutcomeStatus::Unconfirmed: return 202;
    case OutcomeStatus::InvalidInput:
    case OutcomeStatus::InvalidDestination: return 400;
    case OutcomeStatus::CountryNotAllowed: return 403;
    case OutcomeStatus::NoActiveCode: return 404;
    case OutcomeStatus::Expired: return 410;
    case OutcomeStatus::WrongCode: return 422;
    case OutcomeStatus::Locked:
    case OutcomeStatus::Cooldown:
    case OutcomeStatus::RateLimited: return 429;
    case OutcomeStatus::DeliveryFailed: return 502;
    case OutcomeStatus::InternalError: return 500;
    }
    return 500;
}

ApiResponse response(const Outcome& o, int successStatus, const QJsonObject& fields)
{
    const int http = httpStatus(o, successStatus);
    if (http == 500) {
        // The driver's words stay in the server log; the caller gets the request id to quote.
        qCWarning(lcOutcome) << "internal error:" << o.message;
        ApiResponse r = ApiResponse::internalError();
        return r;
    }
    ApiResponse r = ApiResponse::make(http, o.statusName(), o.message);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        r.body.insert(it.key(), it.value());
    if (o.attemptsRemaining)
        r.body.insert(QStringLiteral("attempts_remaining"), *o.attemptsRemaining);
    if (http == 429)
        r.retryAfter(o.retryAfterS.value_or(1));
    else if (o.retryAfterS)
        r.body.insert(QStringLiteral("retry_after_s"), *o.retryAfterS);
    return r;
}

} // namespace otp::OutcomeHttp
