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
};

struct VerifyRequest
{
    QString tenant = QStringLiteral("default");
    QString destination;
    QString code;
    Purpose purpose = Purpose::Login;
};

} // namespace otp
