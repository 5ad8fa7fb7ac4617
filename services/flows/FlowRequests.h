#pragma once

#include "Channel.h"

#include <QString>

#include <optional>

namespace otp {

// What a front end asks OtpService::send() / resend() and verify() for.
struct SendRequest
{
    QString tenant = QStringLiteral("default");
    QString destination;
    std::optional<Channel> channel; // default: sms for phones, email for addresses
    Purpose purpose = Purpose::Login;
    QString vendor;                 // empty: the channel's default vendor
    // The caller's address as otpd judged it (services/api/ClientAddress.h): counted by the per-address
    // send cap (policy sends_per_ip_per_hour) within the tenant. Empty (otpctl, the console): not counted.
    QString clientAddress;
};

struct VerifyRequest
{
    QString tenant = QStringLiteral("default");
    QString destination;
    QString code;
    Purpose purpose = Purpose::Login;
};

} // namespace otp
