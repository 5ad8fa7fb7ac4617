#include "DashboardSnapshot.h"

namespace otp::models {

qint64 DashboardSnapshot::totalSends() const
{
    qint64 n = 0;
    for (const VendorRow& v : vendors)
        n += v.sends;
    return n;
}

QStringList DashboardSnapshot::outcomeKeys()
{
    return {QStringLiteral("verified"), QStringLiteral("accepted"), QStringLiteral("failed"), QStringLiteral("in_flight")};
}

qint64 DashboardSnapshot::bucketFor(qint64 windowS)
{
    if (windowS <= 3600)
        return 60;
    if (windowS <= 24 * 3600)
        return 30 * 60;
    return 3 * 3600;
}

} // namespace otp::models
