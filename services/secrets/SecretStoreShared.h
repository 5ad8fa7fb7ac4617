#pragma once

#include <QLatin1String>
#include <QString>

namespace otp::secretstores {

// What the SecretStore backends' sources share (not part of the subsystem's interface).

// The prefix of the environment variables that hold secrets (SecretStores::environmentVariable()).
inline const QLatin1String kEnvPrefix("OTP_SECRET_");

// The error for a name that SecretStores::isValidName() refuses.
QString invalidName(const QString& name);

} // namespace otp::secretstores
