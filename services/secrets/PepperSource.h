#pragma once

#include "DatabaseConfig.h"

#include <QByteArray>
#include <QString>

namespace otp {

class SecretStore;

// The secret key of the code HMAC. Never stored in the database (a stolen dump must not be enough
// to brute-force 10^6 codes offline). Looked up in order: the secret "pepper" in the SecretStore
// (keychain / OTP_SECRETS_DIR, OTP_SECRET_PEPPER winning), OTP_PEPPER, OTP_PEPPER_FILE, and for an
// SQLite database a 0600 file beside it, generated from the OS CSPRNG on first use. A fresh pepper
// is never written into the store: putting one there is an explicit `otpctl secrets set pepper`.
class PepperSource
{
public:
    static constexpr int kMinBytes = 16;
    static constexpr const char* kSecretName = "pepper";

    // Empty with *error set when no pepper can be found or made.
    static QByteArray load(const DatabaseConfig& db, QString* error) { return load(db, nullptr, error); }
    // The same, asking `store` first (null: skipped). A store that cannot be read is logged and
    // skipped, so a machine without a reachable keychain keeps its file or env pepper.
    static QByteArray load(const DatabaseConfig& db, SecretStore* store, QString* error);
    static QString fileBeside(const QString& sqlitePath) { return sqlitePath + QStringLiteral(".pepper"); }
};

} // namespace otp
