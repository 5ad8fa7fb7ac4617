#pragma once

#include "Outcome.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>

namespace otp {
class Clock;
class OtpService;
class SecretStore;
} // namespace otp

namespace otp::models {

class DatabaseThread;

// What the console's models share: the worker thread that owns the database, the core service
// (called only from that thread), the clock every "time left" is judged on, and where the dev
// vendor writes its messages.
struct ConsoleContext
{
    DatabaseThread* db = nullptr;
    OtpService* service = nullptr;
    const Clock* clock = nullptr;
    QString devOutboxPath;
    QString databaseDisplayUrl; // never holds a password
    QString connectionProfile;  // the profile in use; empty when --db / $OTP_DB chose the database
    QStringList vendors;        // the configured delivery vendors, for the manual-send form
    // Where vendor credentials and connection passwords live (the runtime's store: the OS keychain on
    // desktops); null with *error when it cannot be opened. Worker thread only: the keychain blocks.
    std::function<SecretStore*(QString*)> secrets;
    // Rebuilds the running gateways from the `vendors` table after an edit and returns the vendors
    // that cannot be used here, as "name: problem". Worker thread only. Empty: nothing to reload.
    std::function<QStringList()> reloadVendors;
};

} // namespace otp::models

Q_DECLARE_METATYPE(otp::Outcome)
