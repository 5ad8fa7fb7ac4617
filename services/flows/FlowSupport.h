#pragma once

// Helpers shared by the flows' .cpp files (not part of OtpService's interface).

#include "ChallengeStore.h"
#include "Channel.h"
#include "DestinationParser.h"
#include "Outcome.h"
#include "Policy.h"
#include "SqlSession.h"

#include <QLoggingCategory>

#include <optional>

namespace otp {

Q_DECLARE_LOGGING_CATEGORY(lcFlow)

namespace flows {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

inline qint64 ceilSeconds(qint64 ms) { return ms <= 0 ? 0 : (ms + 999) / 1000; }

QString isoTime(qint64 ms);

struct Resolved
{
    Policy policy;
    Destination destination;
};

// Validates tenant and destination before anything is written. On failure returns the outcome to give.
std::optional<Outcome> resolve(SqlSession& s, const QString& tenant, const QString& input, Purpose purpose,
                               Resolved* out);

// The consequence of the last attempt: the challenge is locked and so is the destination (for the
// policy's lockout_s; 0 means codes die at their cap but nothing is locked). Idempotent.
void lockAtAttemptLimit(SqlSession& s, const QString& tenant, const QString& destination, qint64 challengeId,
                        const Policy& policy, qint64 now);

} // namespace flows
} // namespace otp
