#pragma once

#include "DestinationParser.h"
#include "Outcome.h"
#include "Policy.h"
#include "SqlSession.h"

#include <QJsonObject>

namespace otp {

// The send gate (DESIGN.md rules "send cap" and "wrong attempts"): may this destination get a code
// now, and if not, why and from when. Read by send/resend before they write, and by status().
struct Gate
{
    OutcomeStatus status = OutcomeStatus::CanSend;
    QString message;
    qint64 retryAfterMs = 0;
    QJsonObject details;
};

// Judges, in the caller's transaction: an active lockout, the cooldown, the hourly and daily caps
// per destination (per mailbox for email), and the per-prefix burst cap against SMS pumping.
Gate sendGate(SqlSession& s, const QString& tenant, const Destination& destination, const Policy& policy, qint64 now);

} // namespace otp
