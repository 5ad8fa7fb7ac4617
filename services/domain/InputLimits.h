#pragma once

#include <QString>

// How long free text from a person or a caller may be, checked by the core before anything is
// written, so every engine answers the same `invalid_input` (SECURITY.md row 23). SQLite keeps text of
// any length; PostgreSQL and MariaDB refuse what does not fit a column. So each limit is the size of
// the column the text ends up in (resources/storage/migrations/). Lengths are counted in UTF-16 units
// (QString::size()), never fewer than the characters the columns count, so what passes here fits.
namespace otp::InputLimits {

constexpr int kReason = 512;          // lockouts.release_reason VARCHAR(512); a cancel reason is held to it too
constexpr int kActorName = 128;       // lockouts.released_by, audit_log.actor VARCHAR(128)
constexpr int kPolicyValue = 512;     // policies.pvalue VARCHAR(512): the whole value, e.g. every country listed
constexpr int kFirstName = 128;       // accounts.first_name VARCHAR(128)
constexpr int kLastName = 128;        // accounts.last_name VARCHAR(128)
constexpr int kAddress = 512;         // accounts.address VARCHAR(512)
constexpr int kOperatorLogin = 128;   // operators.login VARCHAR(128)
constexpr int kOperatorName = 128;    // operators.display_name VARCHAR(128)
constexpr int kVendorSecretName = 100; // vendors.secret_name VARCHAR(100)
// vendors.settings is TEXT (65,535 bytes on MariaDB) and is copied into audit_log.details (TEXT too)
// beside other fields: a quarter of it leaves room for them.
constexpr int kVendorSettingsBytes = 16384;

// Empty when `value` fits, else the problem in plain words naming the field and the limit.
inline QString problem(const QString& field, const QString& value, int max)
{
    if (value.size() <= max)
        return {};
    return QStringLiteral("%1 is too long: %2 characters, at most %3").arg(field).arg(value.size()).arg(max);
}

} // namespace otp::InputLimits
