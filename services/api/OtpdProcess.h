#pragma once

#include "ApiRouter.h"
#include "OtpdOptions.h"

namespace otp {

class OtpRuntime;

// One otpd process: opens the core as otpctl does (OtpRuntime: database, pepper, vendors), serves
// the routes, runs the outbox worker unless --no-worker, and stops gracefully on SIGTERM/SIGINT:
// stop accepting, finish the requests in flight (at most kGraceMs), stop the worker, hand back the
// outbox leases this process still holds, exit 0. Needs a QCoreApplication.
class OtpdProcess
{
public:
    static constexpr int kGraceMs = 10000;

    // Every route this process serves. New routes (receipts, /metrics, /openapi.json) are one
    // router.add() each, here or in a sibling of V1Routes called from here.
    static void addRoutes(ApiRouter& router, OtpRuntime& runtime, const OtpdOptions& options);

    // Returns the process exit code (0 after a graceful stop; 1 when it could not start; 2 for a
    // bad command line).
    static int run(const QStringList& arguments);
};

} // namespace otp
