#include "Channel.h"

namespace otp {

QString channelName(Channel channel)
{
    switch (channel) {
    case Channel::Sms: return QStringLiteral("sms");
    case Channel::WhatsApp: return QStringLiteral("whatsapp");
    case Channel::Email: return QStringLiteral("email");
    }
    return {};
}

std::optional<Channel> channelFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("sms")) return Channel::Sms;
    if (n == QLatin1String("whatsapp")) return Channel::WhatsApp;
    if (n == QLatin1String("email")) return Channel::Email;
    return std::nullopt;
}

QString purposeName(Purpose purpose)
{
    switch (purpose) {
    case Purpose::Login: return QStringLiteral("login");
    case Purpose::Registration: return QStringLiteral("registration");
    case Purpose::PasswordReset: return QStringLiteral("password_reset");
    case Purpose::Signup: return QStringLiteral("signup");
    }
    return {};
}

QString purposeWords(Purpose p)
{
    switch (p) {
    case Purpose::Login: return QStringLiteral("login");
    case Purpose::Registration: return QStringLiteral("registration");
    case Purpose::PasswordReset: return QStringLiteral("password reset");
    case Purpose::Signup: return QStringLiteral("sign-up");
    }
    return {};
}

std::optional<Purpose> purposeFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("login")) return Purpose::Login;
    if (n == QLatin1String("registration")) return Purpose::Registration;
    if (n == QLatin1String("password_reset")) return Purpose::PasswordReset;
    if (n == QLatin1String("signup")) return Purpose::Signup;
    return std::nullopt;
}

} // namespace otp
