#pragma once

#include "ApiRouter.h"

namespace otp {

class Clock;
class Database;
class OtpService;

// The v1 routes of HTTP-API.md over the core's flows (the same calls otpctl makes), plus /healthz
// and /readyz. Receipts, /metrics and /openapi.json are added beside these by their own add() calls.
class V1Routes
{
public:
    struct Services
    {
        OtpService& service;
        Database& database;
        const Clock& clock;
    };
    static void add(ApiRouter& router, const Services& services);
};

} // namespace otp
