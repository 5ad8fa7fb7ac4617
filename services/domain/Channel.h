#pragma once

#include <QString>
#include <optional>

namespace otp {

// How a code travels to its destination.
enum class Channel { Sms, WhatsApp, Email };

QString channelName(Channel channel);
std::optional<Channel> channelFromName(const QString& name);

// Why a code is asked for; a code is bound to exactly one purpose.
enum class Purpose { Login, Registration, PasswordReset, Signup };

QString purposeName(Purpose purpose);
// The purpose in the words of a message to the user ("password reset").
QString purposeWords(Purpose purpose);
std::optional<Purpose> purposeFromName(const QString& name);

} // namespace otp
