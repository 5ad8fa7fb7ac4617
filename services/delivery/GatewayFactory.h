#pragma once

#include "DeliveryGateway.h"
#include "SecretStore.h"
#include "VendorConfig.h"

#include <memory>

namespace otp {

// Checks a vendor's non-secret settings for its kind (gupshup | wati | myoperator | smtp): false
// with *error naming the missing or wrong setting. The console can call it before saving.
bool validateGatewayConfig(const VendorConfig& config, QString* error);

// The real gateway for `config`: settings validated first, then the credential read once from
// `secrets` and kept in memory only. nullptr with *error when a setting or the secret is missing,
// the store fails, or the kind is unknown. "dev" is refused here: the runtime builds that one.
std::shared_ptr<DeliveryGateway> createGateway(const VendorConfig& config, SecretStore* secrets, QString* error);

} // namespace otp
