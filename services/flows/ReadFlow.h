#pragma once

#include "AccountStore.h"
#include "FlowContext.h"

namespace otp {

// The read side: what the console, otpctl and the API show (a destination's status and history,
// lockouts, accounts and their profile, the audit trail, delivery stats, vendor health, alarms).
// Reads only, but for the profile edit the account view offers and the alarm rules it judges.
class ReadFlow
{
public:
    explicit ReadFlow(FlowContext& ctx) : m_ctx(ctx) {}

    Outcome status(const QString& tenant, const QString& destination, Purpose purpose);
    Outcome history(const QString& tenant, const QString& destination, int limit);
    Outcome lockouts(const QString& tenant, bool activeOnly, int limit);
    Outcome accounts(const QString& tenant, const QString& destination);
    Outcome updateProfile(const QString& tenant, const QString& destination, const ProfileUpdate& profile,
                          const Actor& actor);
    Outcome auditTrail(int limit, const QString& target);
    Outcome stats(qint64 windowS, const QString& groupBy);
    Outcome vendorHealth(qint64 windowS);
    Outcome evaluateAlarms(const QString& tenant);
    Outcome alarms(const QString& tenant, bool activeOnly, int limit);

private:
    FlowContext& m_ctx;
};

} // namespace otp
