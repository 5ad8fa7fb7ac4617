#pragma once

#include "ChallengeStore.h"
#include "DeliveryLog.h"

#include <optional>

namespace otp {

// A verification (a challenge) as an app sees it, found by its public id (the challenge ref) within
// the caller's tenant only: another tenant's id reads exactly like an unknown one.
class VerificationLookup
{
public:
    explicit VerificationLookup(SqlSession& s) : m_s(s) {}

    std::optional<ChallengeRow> find(const QString& tenant, const QString& id);
    // The public view: id, status (a pending code past its time reads "expired"), to, channel,
    // purpose, attempts, attempts_remaining, expires_at, verified_at, deliveries.
    QJsonObject describe(const ChallengeRow& c, qint64 now);

    static bool isValidId(const QString& id);

private:
    SqlSession& m_s;
};

} // namespace otp
