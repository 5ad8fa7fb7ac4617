#pragma once

#include "Outcome.h"

#include <QStringList>

namespace otp {

class OtpRuntime;
struct Actor;

// `otpctl worker`, `vendors`, `receipt` and `operators`: the administration side of the command line.
namespace OutboxCommands {

struct WorkerOptions
{
    bool once = false;       // deliver what is due now (retries included as they fall due) and exit
    int concurrency = 4;
    int leaseS = 60;
    bool leaseGiven = false; // --lease-s given: refused when too short; else lengthened to fit the vendors
    int durationS = 0;       // 0: until SIGINT / SIGTERM
    QString alarmTenant;     // whose alarm rules the worker judges every kAlarmEveryMs (empty: none)
    static constexpr qint64 kAlarmEveryMs = 30000;
};

Outcome worker(OtpRuntime& runtime, const WorkerOptions& options);
// args: the words after `vendors` (list | add NAME KEY=VALUE… | remove NAME | health | open NAME | close NAME
// | receipt-url NAME [BASE_URL]).
// `reason`: why an admin forces a breaker (open, close); `healthWindowS`: the window of `health`.
Outcome vendors(OtpRuntime& runtime, const QStringList& args, const QString& kind, const QString& secret,
                bool disabled, const Actor& actor, const QString& reason = {}, qint64 healthWindowS = 900);

// `vendors receipt-url NAME [BASE_URL]`: the URL otpd takes the vendor's delivery receipts on
// (BASE_URL/v1/receipts/NAME/TOKEN; BASE_URL defaults to OTP_PUBLIC_URL, else http://127.0.0.1:8080).
// The token is the secret receipt-token/NAME, made (32 random bytes, base64url) and audited when absent.
Outcome receiptUrl(OtpRuntime& runtime, const QString& vendor, const QString& base, const Actor& actor);

// A vendor's delivery receipt (body from stdin, or a Gupshup GET query) applied to `deliveries`.
Outcome receipt(OtpRuntime& runtime, const QString& vendor, const QString& query, const QByteArray& body);

// `operators list | set LOGIN --role ROLE [--name NAME] | remove LOGIN`: who may do what in the console.
Outcome operators(OtpRuntime& runtime, const QStringList& args, const QString& role, const QString& name,
                  const Actor& actor);

} // namespace OutboxCommands
} // namespace otp
