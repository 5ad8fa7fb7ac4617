#include "ChallengeStore.h"

#include <QDateTime>
#include <QJsonDocument>

namespace otp {

static const char* kColumns =
    "id, ref, tenant, destination, dest_prefix, dest_region, channel, purpose, status, attempts, max_attempts, "
    "send_count, code_hash, code_length, expires_at, created_at, updated_at, verified_at, last_vendor, vendor_ref, "
    "vendor_response";

ChallengeRow ChallengeRow::fromRecord(const SqlRow& r)
{
    RecordReader col(r);
    ChallengeRow c;
    c.id = col(QLatin1String("id")).toLongLong();
    c.ref = col(QLatin1String("ref")).toString();
    c.tenant = col(QLatin1String("tenant")).toString();
    c.destination = col(QLatin1String("destination")).toString();
    c.destPrefix = col(QLatin1String("dest_prefix")).toString();
    c.destRegion = col(QLatin1String("dest_region")).toString();
    c.channel = col(QLatin1String("channel")).toString();
    c.purpose = col(QLatin1String("purpose")).toString();
    c.status = col(QLatin1String("status")).toString();
    c.attempts = col(QLatin1String("attempts")).toInt();
    c.maxAttempts = col(QLatin1String("max_attempts")).toInt();
    c.sendCount = col(QLatin1String("send_count")).toInt();
    c.codeHash = col(QLatin1String("code_hash")).toString();
    c.codeLength = col(QLatin1String("code_length")).toInt();
    c.expiresAt = col(QLatin1String("expires_at")).toLongLong();
    c.createdAt = col(QLatin1String("created_at")).toLongLong();
    c.updatedAt = col(QLatin1String("updated_at")).toLongLong();
    c.verifiedAt = col(QLatin1String("verified_at")).toLongLong();
    c.lastVendor = col(QLatin1String("last_vendor")).toString();
    c.vendorRef = col(QLatin1String("vendor_ref")).toString();
    c.vendorResponse = col(QLatin1String("vendor_response")).toString();
    return c;
}

static QString iso(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

QJsonObject ChallengeRow::toJson() const
{
    QJsonObject o{{QStringLiteral("challenge"), ref},
                  {QStringLiteral("tenant"), tenant},
                  {QStringLiteral("destination"), destination},
                  {QStringLiteral("channel"), channel},
                  {QStringLiteral("purpose"), purpose},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("attempts"), attempts},
                  {QStringLiteral("max_attempts"), maxAttempts},
                  {QStringLiteral("send_count"), sendCount},
                  {QStringLiteral("created_at"), iso(createdAt)},
                  {QStringLiteral("expires_at"), iso(expiresAt)},
                  {QStringLiteral("last_vendor"), lastVendor},
                  {QStringLiteral("vendor_ref"), vendorRef}};
    if (verifiedAt > 0)
        o.insert(QStringLiteral("verified_at"), iso(verifiedAt));
    if (!vendorResponse.isEmpty())
        o.insert(QStringLiteral("vendor_response"), QJsonDocument::fromJson(vendorResponse.toUtf8()).object());
    return o;
}

std::optional<ChallengeRow> ChallengeStore::latest(const QString& tenant, const QString& destination, const QString& purpose)
{
    return latestRow(tenant, destination, purpose, false);
}

std::optional<ChallengeRow> ChallengeStore::latestForUpdate(const QString& tenant, const QString& destination,
                                                            const QString& purpose)
{
    return latestRow(tenant, destination, purpose, m_s.dialect() != SqlDialect::Sqlite);
}

std::optional<ChallengeRow> ChallengeStore::latestRow(const QString& tenant, const QString& destination,
                                                      const QString& purpose, bool forUpdate)
{
    const Rows rows = m_s.select(QStringLiteral("SELECT %1 FROM challenges WHERE tenant = ? AND destination = ? AND "
                                                "purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1%2")
                                     .arg(QLatin1String(kColumns), forUpdate ? QStringLiteral(" FOR UPDATE") : QString()),
                                 {tenant, destination, purpose});
    if (rows.isEmpty())
        return std::nullopt;
    return ChallengeRow::fromRecord(rows.first());
}

std::optional<ChallengeRow> ChallengeStore::byRef(const QString& tenant, const QString& ref)
{
    const Rows rows = m_s.select(QStringLiteral("SELECT %1 FROM challenges WHERE ref = ? AND tenant = ?").arg(QLatin1String(kColumns)),
                                 {ref, tenant});
    if (rows.isEmpty())
        return std::nullopt;
    return ChallengeRow::fromRecord(rows.first());
}

std::optional<ChallengeRow> ChallengeStore::byId(qint64 id)
{
    const Rows rows =
        m_s.select(QStringLiteral("SELECT %1 FROM challenges WHERE id = ?").arg(QLatin1String(kColumns)), {id});
    if (rows.isEmpty())
        return std::nullopt;
    return ChallengeRow::fromRecord(rows.first());
}

QList<ChallengeRow> ChallengeStore::forDestination(const QString& tenant, const QString& destination, int limit)
{
    QList<ChallengeRow> out;
    const Rows rows = m_s.select(QStringLiteral("SELECT %1 FROM challenges WHERE tenant = ? AND destination = ? "
                                                "ORDER BY created_at DESC, id DESC LIMIT ?")
                                     .arg(QLatin1String(kColumns)),
                                 {tenant, destination, limit});
    for (const auto& r : rows)
        out.append(ChallengeRow::fromRecord(r));
    return out;
}

void ChallengeStore::insert(const ChallengeRow& c, qint64* id)
{
    m_s.insertWaiting(
        QStringLiteral("INSERT INTO challenges (ref, tenant, destination, dest_prefix, dest_region, channel, purpose, "
                       "status, attempts, max_attempts, send_count, code_hash, code_length, expires_at, created_at, "
                       "updated_at, last_vendor, vendor_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {c.ref, c.tenant, c.destination, c.destPrefix, c.destRegion, c.channel, c.purpose, c.status, c.attempts,
         c.maxAttempts, c.sendCount, c.codeHash, c.codeLength, c.expiresAt, c.createdAt, c.createdAt, c.lastVendor,
         c.vendorRef},
        id);
}

bool ChallengeStore::transition(qint64 id, const QString& from, const QString& to, qint64 now)
{
    return m_s.update(QStringLiteral("UPDATE challenges SET status = ?, updated_at = ? WHERE id = ? AND status = ?"),
                      {to, now, id, from}) == 1;
}

bool ChallengeStore::markVerified(qint64 id, const QString& codeHash, qint64 now)
{
    return m_s.update(QStringLiteral("UPDATE challenges SET status = 'verified', verified_at = ?, updated_at = ? "
                                     "WHERE id = ? AND status = 'pending' AND code_hash = ? AND code_hash <> '' AND "
                                     "expires_at > ?"),
                      {now, now, id, codeHash, now}) == 1;
}

bool ChallengeStore::replaceCode(qint64 id, const QString& codeHash, qint64 expiresAt, int maxAttempts, qint64 now)
{
    return m_s.update(QStringLiteral("UPDATE challenges SET code_hash = ?, expires_at = ?, max_attempts = ?, "
                                     "send_count = send_count + 1, updated_at = ? WHERE id = ? AND status = 'pending'"),
                      {codeHash, expiresAt, maxAttempts, now, id}) == 1;
}

bool ChallengeStore::setCode(qint64 id, int sendNo, const QString& codeHash, qint64 now)
{
    return m_s.update(QStringLiteral("UPDATE challenges SET code_hash = ?, updated_at = ? WHERE id = ? AND "
                                     "status = 'pending' AND send_count = ?"),
                      {codeHash, now, id, sendNo}) == 1;
}

bool ChallengeStore::clearCode(qint64 id, const QString& codeHash, qint64 now)
{
    return m_s.update(QStringLiteral("UPDATE challenges SET code_hash = '', updated_at = ? WHERE id = ? AND code_hash = ?"),
                      {now, id, codeHash}) == 1;
}

void ChallengeStore::consumeAttempt(qint64 id, qint64 now, qint64* attempts)
{
    // One statement increments and tells us the new count, so concurrent guesses each see their own
    // number: exactly max_attempts of them are ever granted. SQLite (≥ 3.35) and PostgreSQL have
    // UPDATE … RETURNING; MariaDB has not, so it uses the LAST_INSERT_ID(expr) idiom, which stores the
    // value per connection inside the same atomic UPDATE, and the UPDATE's answer carries it as its insert
    // id (a SELECT LAST_INSERT_ID() after it was a round trip of its own).
    if (m_s.dialect() == SqlDialect::MySql) {
        qint64 counted = 0;
        const int n = m_s.updateTellingInsertId(QStringLiteral("UPDATE challenges SET attempts = LAST_INSERT_ID(attempts + 1), "
                                                               "updated_at = ? WHERE id = ? AND status = 'pending' AND "
                                                               "attempts < max_attempts AND expires_at > ?"),
                                                {now, id, now}, &counted);
        *attempts = n == 1 ? counted : 0;
        return;
    }
    m_s.updateReturningWaiting(QStringLiteral("UPDATE challenges SET attempts = attempts + 1, updated_at = ? "
                                              "WHERE id = ? AND status = 'pending' AND attempts < max_attempts AND "
                                              "expires_at > ? RETURNING attempts"),
                               {now, id, now}, attempts);
}

void ChallengeStore::recordVendor(qint64 id, const QString& vendor, const QString& vendorRef,
                                  const QString& responseJson, qint64 now)
{
    m_s.write(QStringLiteral("UPDATE challenges SET last_vendor = ?, vendor_ref = ?, vendor_response = ?, "
                              "updated_at = ? WHERE id = ?"),
               {vendor, vendorRef, responseJson, now, id});
}

int ChallengeStore::expireOverdue(qint64 now)
{
    return m_s.update(QStringLiteral("UPDATE challenges SET status = 'expired', updated_at = ? "
                                     "WHERE status = 'pending' AND expires_at <= ?"),
                      {now, now});
}

} // namespace otp
