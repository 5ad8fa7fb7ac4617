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
// per destination (per mailbox for email), the per-prefix burst cap against SMS pumping, and, when
// `clientIp` is given (sends through otpd), the tenant's sends from that address in the last hour
// (sends_per_ip_per_hour; the caller holds sendIpLockKey()).
Gate sendGate(SqlSession& s, const QString& tenant, const Destination& destination, const Policy& policy, qint64 now,
              const QString& clientIp = {});

// The write-lock key that serialises the sends of one client address (in a bucket of a hash, so that
// MariaDB's write_locks keeps a bounded number of rows; two addresses sharing a bucket only wait).
QString sendIpLockKey(const QString& tenant, const QString& clientIp);

} // namespace otp
