#pragma once

#include "DatabaseClock.h"
#include "Database.h"
#include "DevGateway.h"
#include "GatewayRegistry.h"
#include "OtpService.h"
#include "RandomSource.h"
#include "SecretStore.h"
#include "VendorConfig.h"

#include <memory>

namespace otp {

// Everything a front end (otpctl, the console, later otpd) needs to run the core against one
// database: connection, schema, pepper, vendors, clock and the service. Built once per process.
class OtpRuntime
{
public:
    struct Options
    {
        QString databaseUrl; // empty: the default SQLite file
        // The server password from the keychain (a console connection profile); empty: OTP_DB_PASSWORD.
        QString databasePassword;
        bool migrate = true;
        // Where vendor credentials (and a keychain pepper) come from; null: SecretStores::fromEnvironment().
        std::shared_ptr<SecretStore> secrets;
    };

    // nullptr with *error set (in plain words) when the database or the pepper is unusable.
    static std::unique_ptr<OtpRuntime> open(const Options& options, QString* error);

    Database& database() { return *m_database; }
    GatewayRegistry& gateways() { return m_gateways; }
    OtpService& service() { return *m_service; }
    const Clock& clock() const { return *m_clock; }
    // This machine's clock, for what a screen counts down between database reads (the GUI thread
    // must not ask the database the time; clock() may).
    const Clock& localClock() const { return m_localClock; }
    std::shared_ptr<DevGateway> devGateway() const { return m_dev; }
    // The secret store, opened on first use; null with *error when it cannot be opened.
    SecretStore* secrets(QString* error);
    // (Re)builds the gateways from the `vendors` table: dev always, then every enabled vendor; vendors
    // removed or disabled since the last load are dropped. Safe while deliveries run on other threads. A vendor
    // whose credential cannot be read stays registered but refuses every send with the reason, so the
    // problem is named where it matters instead of silently routing elsewhere. Returns the problems.
    QStringList loadVendors();
    // Where the dev gateway writes when OTP_DEV_OUTBOX is not set.
    static QString defaultDevOutbox(const DatabaseConfig& config);

private:
    OtpRuntime() = default;

    std::unique_ptr<Database> m_database;
    GatewayRegistry m_gateways;
    // The database's clock (DatabaseClock.h); created with the database.
    std::unique_ptr<DatabaseClock> m_clock;
    SystemClock m_localClock;
    SystemRandomSource m_random;
    std::shared_ptr<DevGateway> m_dev;
    std::shared_ptr<SecretStore> m_secrets;
    QString m_secretsError;
    bool m_secretsTried = false;
    std::unique_ptr<OtpService> m_service;
};

} // namespace otp
