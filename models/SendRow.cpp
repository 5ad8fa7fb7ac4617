#include "SendRow.h"

namespace otp::models {

QString SendRow::statusKey() const
{
    if (deliveryState == QLatin1String("failed") || deliveryState == QLatin1String("timeout"))
        return QStringLiteral("delivery_failed");
    if (deliveryState == QLatin1String("queued") || deliveryState == QLatin1String("sending"))
        return QStringLiteral("sending");
    return challengeStatus;
}

bool SendRow::operator==(const SendRow& o) const
{
    return deliveryId == o.deliveryId && challengeId == o.challengeId && createdAt == o.createdAt &&
           updatedAt == o.updatedAt && tenant == o.tenant && destination == o.destination && channel == o.channel &&
           vendor == o.vendor && purpose == o.purpose && deliveryState == o.deliveryState &&
           challengeStatus == o.challengeStatus && attempts == o.attempts && maxAttempts == o.maxAttempts &&
           latencyMs == o.latencyMs && httpStatus == o.httpStatus && vendorCode == o.vendorCode && reason == o.reason;
}

} // namespace otp::models
