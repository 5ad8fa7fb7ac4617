#include "AccountStore.h"

#include <QDateTime>

namespace otp {

namespace {
// A new account: its contact in the phone or the email columns (with its key), the other pair NULL, which
// the unique indexes allow many of; verified when the code that created it was checked.
const QString kInsertAccount = QStringLiteral(
    "INSERT INTO accounts (tenant, phone, email, phone_key, email_key, first_name, last_name, address, status, "
    "phone_verified, email_verified, profile_completed, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, '', '', '', 'active', ?, ?, 0, ?, ?)");

QVariantList newAccount(const QString& tenant, const QString& destination, bool isEmail, bool verified, qint64 now)
{
    const QVariant nullText; // SQL NULL
    const QVariant key = AccountStore::contactKey(tenant, destination);
    return {tenant, isEmail ? nullText : QVariant(destination), isEmail ? QVariant(destination) : nullText,
            isEmail ? nullText : key, isEmail ? key : nullText, (!isEmail && verified) ? 1 : 0,
            (isEmail && verified) ? 1 : 0, now, now};
}
} // namespace

AccountRow AccountRow::fromRecord(const SqlRow& r)
{
    RecordReader col(r);
    AccountRow a;
    a.id = col(QLatin1String("id")).toLongLong();
    a.tenant = col(QLatin1String("tenant")).toString();
    a.phone = col(QLatin1String("phone")).toString();
    a.email = col(QLatin1String("email")).toString();
    a.firstName = col(QLatin1String("first_name")).toString();
    a.lastName = col(QLatin1String("last_name")).toString();
    a.address = col(QLatin1String("address")).toString();
    a.status = col(QLatin1String("status")).toString();
    a.phoneVerified = col(QLatin1String("phone_verified")).toInt() != 0;
    a.emailVerified = col(QLatin1String("email_verified")).toInt() != 0;
    a.profileCompleted = col(QLatin1String("profile_completed")).toInt() != 0;
    a.createdAt = col(QLatin1String("created_at")).toLongLong();
    a.updatedAt = col(QLatin1String("updated_at")).toLongLong();
    return a;
}

QJsonObject AccountRow::toJson() const
{
    auto iso = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); };
    return {{QStringLiteral("id"), id},
            {QStringLiteral("tenant"), tenant},
            {QStringLiteral("phone"), phone},
            {QStringLiteral("email"), email},
            {QStringLiteral("first_name"), firstName},
            {QStringLiteral("last_name"), lastName},
            {QStringLiteral("address"), address},
            {QStringLiteral("status"), status},
            {QStringLiteral("phone_verified"), phoneVerified},
            {QStringLiteral("email_verified"), emailVerified},
            {QStringLiteral("profile_completed"), profileCompleted},
            {QStringLiteral("created_at"), iso(createdAt)},
            {QStringLiteral("updated_at"), iso(updatedAt)}};
}

QString AccountStore::contactKey(const QString& tenant, const QString& contact)
{
    return tenant + QLatin1Char(' ') + contact;
}

std::optional<AccountRow> AccountStore::find(const QString& tenant, const QString& destination)
{
    const QString key = contactKey(tenant, destination);
    const Rows rows = m_s.select(QStringLiteral("SELECT * FROM accounts WHERE phone_key = ? OR email_key = ? ORDER BY id LIMIT 1"),
                                 {key, key});
    if (rows.isEmpty())
        return std::nullopt;
    return AccountRow::fromRecord(rows.first());
}

std::pair<qint64, bool> AccountStore::ensure(const QString& tenant, const QString& destination, bool isEmail,
                                             bool verified, qint64 now)
{
    if (auto existing = find(tenant, destination)) {
        if (verified) {
            m_s.update(isEmail ? QStringLiteral("UPDATE accounts SET email_verified = 1, updated_at = ? WHERE id = ?")
                               : QStringLiteral("UPDATE accounts SET phone_verified = 1, updated_at = ? WHERE id = ?"),
                       {now, existing->id});
        }
        return {existing->id, false};
    }
    const qint64 id = m_s.insert(kInsertAccount, newAccount(tenant, destination, isEmail, verified, now));
    return {id, true};
}

void AccountStore::verifyOrCreate(const QString& tenant, const QString& destination, bool isEmail, qint64 now)
{
    const QString column = isEmail ? QStringLiteral("email_key") : QStringLiteral("phone_key");
    const QString flag = isEmail ? QStringLiteral("email_verified") : QStringLiteral("phone_verified");
    // The same statement on every engine but its conflict clause (SQLite and PostgreSQL name the index's
    // columns; MariaDB updates on any unique key, and accounts have no other that a new row could hit).
    const QString onConflict = m_s.dialect() == SqlDialect::MySql
                                   ? QStringLiteral(" ON DUPLICATE KEY UPDATE %1 = 1, updated_at = VALUES(updated_at)").arg(flag)
                                   : QStringLiteral(" ON CONFLICT (%1) DO UPDATE SET %2 = 1, updated_at = excluded.updated_at")
                                         .arg(column, flag);
    m_s.write(kInsertAccount + onConflict, newAccount(tenant, destination, isEmail, true, now));
}

bool AccountStore::markVerified(const QString& tenant, const QString& destination, bool isEmail, qint64 now)
{
    return m_s.update(isEmail ? QStringLiteral("UPDATE accounts SET email_verified = 1, updated_at = ? WHERE email_key = ?")
                              : QStringLiteral("UPDATE accounts SET phone_verified = 1, updated_at = ? WHERE phone_key = ?"),
                      {now, contactKey(tenant, destination)}) > 0;
}

void AccountStore::updateProfile(const AccountRow& account, const ProfileUpdate& p, qint64 now)
{
    const bool complete = !p.firstName.trimmed().isEmpty() && !p.lastName.trimmed().isEmpty();
    m_s.update(QStringLiteral("UPDATE accounts SET first_name = ?, last_name = ?, email = COALESCE(?, email), "
                              "email_key = COALESCE(?, email_key), address = ?, profile_completed = ?, updated_at = ? "
                              "WHERE id = ?"),
               {p.firstName.trimmed(), p.lastName.trimmed(), p.email.isEmpty() ? QVariant() : QVariant(p.email),
                p.email.isEmpty() ? QVariant() : QVariant(contactKey(account.tenant, p.email)), p.address.trimmed(),
                complete ? 1 : 0, now, account.id});
}

} // namespace otp
