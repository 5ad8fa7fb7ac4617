#pragma once

#include "DatabaseConfig.h"

#include <QByteArray>
#include <QString>

namespace otp {

// The secret key of the code HMAC. Never stored in the database (a stolen dump must not be enough
// to brute-force 10^6 codes offline). Looked up in order: OTP_PEPPER, OTP_PEPPER_FILE, and for an
// SQLite database a 0600 file beside it, generated from the OS CSPRNG on first use.
class PepperSource
{
public:
    static constexpr int kMinBytes = 16;

    // Empty with *error set when no pepper can be found or made.
    static QByteArray load(const DatabaseConfig& db, QString* error);
    static QString fileBeside(const QString& sqlitePath) { return sqlitePath + QStringLiteral(".pepper"); }
};

} // namespace otp
