#pragma once

#include "VendorConfig.h"

#include <QJsonObject>

namespace otp::models {

// For QA: the message otp-vendor-sim received for a destination, read from its inbox
// (`GET /_sim/inbox?to=…`). Only for vendors whose base URL is on this machine (loopback): a real
// vendor has no inbox, and the console never asks a remote host for one. Blocking; call it on the
// worker thread. Empty when the vendor is not a local simulator or nothing arrived.
class SimInboxReader
{
public:
    static bool isLocalSimulator(const VendorConfig& vendor);
    // {"body": text as the simulator received it, "vendor": …, "message_id": …, "received_at": …}
    static QJsonObject lastMessageFor(const VendorConfig& vendor, const QString& destination);
};

} // namespace otp::models
