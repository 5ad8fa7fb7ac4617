#pragma once

#include "SqlSession.h"

#include <QJsonObject>
#include <optional>

namespace otp {

struct AccountRow
{
    qint64 id = 0;
    QString tenant, phone, email, firstName, lastName, address, status;
    bool phoneVerified = false, emailVerified = false, profileCompleted = false;
    qint64 createdAt = 0, updatedAt = 0;

    static AccountRow fromRecord(const SqlRow& r);
    QJsonObject toJson() const;
};

struct ProfileUpdate
{
    QString firstName, lastName, email, address;
};

// The `accounts` table, as the seed systems used it: found by phone or email, created only once a
// destination is proven (verified code, or confirmed delivery when policy says so), then completed
// with a profile.
class AccountStore
{
public:
    explicit AccountStore(SqlSession& s) : m_s(s) {}

    std::optional<AccountRow> find(const QString& tenant, const QString& destination);
    // Creates the account for a phone or email if missing; marks it verified when `verified`.
    // Returns the account id and whether it was created.
    std::pair<qint64, bool> ensure(const QString& tenant, const QString& destination, bool isEmail, bool verified, qint64 now);
    // A verified code's account in one statement: created verified, or the existing one marked verified
    // (an upsert on the unique phone_key|email_key index: no lock and no read first, so two verifies at
    // once cannot both create it).
    void verifyOrCreate(const QString& tenant, const QString& destination, bool isEmail, qint64 now);
    // Marks an existing account verified; creates nothing. Returns whether one was there.
    bool markVerified(const QString& tenant, const QString& destination, bool isEmail, qint64 now);
    void updateProfile(const AccountRow& account, const ProfileUpdate& p, qint64 now);
    // What the unique keys hold for a contact: "tenant contact" (tenant ids have no spaces), so each
    // key is one nullable column (migration 013: Galera certifies (tenant, NULL) as one shared key).
    static QString contactKey(const QString& tenant, const QString& contact);

private:
    SqlSession& m_s;
};

} // namespace otp
