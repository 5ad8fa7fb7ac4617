#include "LockoutStore.h"

#include <QDateTime>

namespace otp {

LockoutRow LockoutRow::fromRecord(const SqlRow& r)
{
    RecordReader col(r);
    LockoutRow l;
    l.id = col(QLatin1String("id")).toLongLong();
    l.tenant = col(QLatin1String("tenant")).toString();
    l.destination = col(QLatin1String("destination")).toString();
    l.reason = col(QLatin1String("reason")).toString();
    l.challengeId = col(QLatin1String("challenge_id")).toLongLong();
    l.lockedAt = col(QLatin1String("locked_at")).toLongLong();
    l.lockedUntil = col(QLatin1String("locked_until")).toLongLong();
    l.releasedAt = col(QLatin1String("released_at")).toLongLong();
    l.releasedBy = col(QLatin1String("released_by")).toString();
    l.releaseReason = col(QLatin1String("release_reason")).toString();
    return l;
}

QJsonObject LockoutRow::toJson(qint64 now) const
{
    auto iso = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); };
    QJsonObject o{{QStringLiteral("tenant"), tenant},
                  {QStringLiteral("destination"), destination},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("locked_at"), iso(lockedAt)},
                  {QStringLiteral("locked_until"), iso(lockedUntil)},
                  {QStringLiteral("active"), activeAt(now)}};
    if (activeAt(now))
        o.insert(QStringLiteral("retry_after_s"), (lockedUntil - now + 999) / 1000);
    if (releasedAt > 0) {
        o.insert(QStringLiteral("released_at"), iso(releasedAt));
        o.insert(QStringLiteral("released_by"), releasedBy);
        o.insert(QStringLiteral("release_reason"), releaseReason);
    }
    return o;
}

std::optional<LockoutRow> LockoutStore::active(const QString& tenant, const QString& destination, qint64 now)
{
    const Rows rows = m_s.select(QStringLiteral("SELECT * FROM lockouts WHERE tenant = ? AND destination = ? AND "
                                                "locked_until > ? AND released_at IS NULL ORDER BY locked_until DESC LIMIT 1"),
                                 {tenant, destination, now});
    if (rows.isEmpty())
        return std::nullopt;
    return LockoutRow::fromRecord(rows.first());
}

qint64 LockoutStore::lock(const QString& tenant, const QString& destination, const QString& reason,
                          qint64 challengeId, qint64 now, qint64 until)
{
    return m_s.insert(QStringLiteral("INSERT INTO lockouts (tenant, destination, reason, challenge_id, locked_at, "
                                     "locked_until) VALUES (?, ?, ?, ?, ?, ?)"),
                      {tenant, destination, reason, challengeId ? QVariant(challengeId) : QVariant(), now, until});
}

int LockoutStore::release(const QString& tenant, const QString& destination, qint64 now, const QString& by,
                          const QString& why)
{
    return m_s.update(QStringLiteral("UPDATE lockouts SET released_at = ?, released_by = ?, release_reason = ? "
                                     "WHERE tenant = ? AND destination = ? AND locked_until > ? AND released_at IS NULL"),
                      {now, by, why, tenant, destination, now});
}

QList<LockoutRow> LockoutStore::list(const QString& tenant, bool activeOnly, qint64 now, int limit)
{
    const Rows rows = activeOnly
        ? m_s.select(QStringLiteral("SELECT * FROM lockouts WHERE tenant = ? AND locked_until > ? AND released_at IS NULL "
                                    "ORDER BY locked_at DESC LIMIT ?"),
                     {tenant, now, limit})
        : m_s.select(QStringLiteral("SELECT * FROM lockouts WHERE tenant = ? ORDER BY locked_at DESC LIMIT ?"),
                     {tenant, limit});
    QList<LockoutRow> out;
    for (const auto& r : rows)
        out.append(LockoutRow::fromRecord(r));
    return out;
}

} // namespace otp
