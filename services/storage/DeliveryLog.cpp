#include "DeliveryLog.h"

#include <QDateTime>

namespace otp {

DeliveryRow DeliveryRow::fromRecord(const SqlRow& r)
{
    RecordReader col(r);
    DeliveryRow d;
    d.id = col(QLatin1String("id")).toLongLong();
    d.challengeId = col(QLatin1String("challenge_id")).toLongLong();
    d.tenant = col(QLatin1String("tenant")).toString();
    d.destination = col(QLatin1String("destination")).toString();
    d.destPrefix = col(QLatin1String("dest_prefix")).toString();
    d.vendor = col(QLatin1String("vendor")).toString();
    d.channel = col(QLatin1String("channel")).toString();
    d.state = col(QLatin1String("state")).toString();
    d.vendorCode = col(QLatin1String("vendor_code")).toString();
    d.messageId = col(QLatin1String("message_id")).toString();
    d.reason = col(QLatin1String("reason")).toString();
    d.excerpt = col(QLatin1String("excerpt")).toString();
    d.sendNo = col(QLatin1String("send_no")).toInt();
    d.tryNo = col(QLatin1String("try_no")).toInt();
    d.httpStatus = col(QLatin1String("http_status")).toInt();
    const QVariant lat = col(QLatin1String("latency_ms"));
    d.latencyMs = lat.isNull() ? -1 : lat.toInt();
    d.createdAt = col(QLatin1String("created_at")).toLongLong();
    d.updatedAt = col(QLatin1String("updated_at")).toLongLong();
    d.nextTryAt = col(QLatin1String("next_try_at")).toLongLong();
    d.leaseUntil = col(QLatin1String("lease_until")).toLongLong();
    d.leaseOwner = col(QLatin1String("lease_owner")).toString();
    return d;
}

QJsonObject DeliveryRow::toJson() const
{
    QJsonObject o{{QStringLiteral("vendor"), vendor},
                  {QStringLiteral("channel"), channel},
                  {QStringLiteral("send_no"), sendNo},
                  {QStringLiteral("try_no"), tryNo},
                  {QStringLiteral("state"), state},
                  {QStringLiteral("http_status"), httpStatus},
                  {QStringLiteral("vendor_code"), vendorCode},
                  {QStringLiteral("message_id"), messageId},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("excerpt"), excerpt},
                  {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(createdAt, Qt::UTC).toString(Qt::ISODateWithMs)}};
    if (latencyMs >= 0)
        o.insert(QStringLiteral("latency_ms"), latencyMs);
    return o;
}

void DeliveryLog::open(qint64 challengeId, const QString& tenant, const QString& destination, const QString& prefix,
                       const QString& vendor, const QString& channel, int sendNo, const QString& state, qint64 now,
                       const QString& leaseOwner, qint64 leaseUntil, const QString& clientIp, qint64* id)
{
    QVariantList binds{challengeId, tenant, destination, prefix, vendor, channel, sendNo, state, now, now, now,
                       leaseOwner.isEmpty() ? QVariant() : QVariant(leaseOwner),
                       leaseOwner.isEmpty() ? QVariant() : QVariant(leaseUntil),
                       clientIp.isEmpty() ? QVariant() : QVariant(clientIp.left(64))};
    static const QString sql = QStringLiteral(
        "INSERT INTO deliveries (challenge_id, tenant, destination, dest_prefix, vendor, channel, send_no, try_no, "
        "state, vendor_code, message_id, reason, excerpt, created_at, updated_at, next_try_at, lease_owner, "
        "lease_until, client_ip) VALUES (%1, ?, ?, ?, ?, ?, ?, 1, ?, '', '', '', '', ?, ?, ?, ?, ?, ?)");
    static const QString forChallenge = sql.arg(QLatin1Char('?'));
    static const QString forWaitingChallenge = sql.arg(SqlSession::waitingInsertIdSql(QStringLiteral("challenges")));
    if (challengeId == 0)
        binds.removeFirst();
    m_s.insertWaiting(challengeId == 0 ? forWaitingChallenge : forChallenge, binds, id);
}

void DeliveryLog::recordAnswer(qint64 deliveryId, const VendorAnswer& a, qint64 now)
{
    // `timeout`: the vendor may have taken the message (Outcome.h, mayHaveSent); `failed`: it did not.
    const QString state = a.accepted ? QStringLiteral("accepted")
                          : (a.mayHaveSent || a.vendorCode == QLatin1String("TIMEOUT")) ? QStringLiteral("timeout")
                                                                                         : QStringLiteral("failed");
    // Nothing reads its count (the row is this try's own, by id): on PostgreSQL it waits and travels
    // with the transaction's next statement (SqlSession::write), which the server runs after it.
    m_s.write(QStringLiteral("UPDATE deliveries SET state = ?, http_status = ?, vendor_code = ?, message_id = ?, "
                             "reason = ?, latency_ms = ?, excerpt = ?, updated_at = ?, lease_owner = NULL, "
                             "lease_until = NULL WHERE id = ?"),
              {state, a.httpStatus, a.vendorCode.left(64), a.messageId.left(128), a.reason.left(512), a.latencyMs,
               a.excerpt.left(512), now, deliveryId});
}

std::optional<DeliveryRow> DeliveryLog::byId(qint64 deliveryId)
{
    const Rows rows = m_s.select(QStringLiteral("SELECT * FROM deliveries WHERE id = ?"), {deliveryId});
    if (rows.isEmpty())
        return std::nullopt;
    return DeliveryRow::fromRecord(rows.first());
}

qint64 DeliveryLog::openTry(const DeliveryRow& p, const QString& vendor, const QString& channel, qint64 nextTryAt,
                            const QString& leaseOwner, qint64 leaseUntil, qint64 now)
{
    return m_s.insert(QStringLiteral("INSERT INTO deliveries (challenge_id, tenant, destination, dest_prefix, vendor, "
                                     "channel, send_no, try_no, state, vendor_code, message_id, reason, excerpt, "
                                     "created_at, updated_at, next_try_at, lease_owner, lease_until) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', '', '', '', '', ?, ?, ?, ?, ?)"),
                      {p.challengeId, p.tenant, p.destination, p.destPrefix, vendor, channel, p.sendNo, p.tryNo + 1, now,
                       now, nextTryAt, leaseOwner.isEmpty() ? QVariant() : QVariant(leaseOwner),
                       leaseOwner.isEmpty() ? QVariant() : QVariant(leaseUntil)});
}

void DeliveryLog::closeUnsent(qint64 deliveryId, const QString& vendorCode, const QString& reason, qint64 now)
{
    m_s.update(QStringLiteral("UPDATE deliveries SET state = 'failed', vendor_code = ?, reason = ?, updated_at = ?, "
                              "lease_owner = NULL, lease_until = NULL WHERE id = ?"),
               {vendorCode, reason.left(512), now, deliveryId});
}

int DeliveryLog::triesOn(qint64 challengeId, int sendNo, const QString& vendor)
{
    return m_s.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE challenge_id = ? AND send_no = ? AND vendor = ?"),
                      {challengeId, sendNo, vendor}).toInt();
}

int DeliveryLog::latestSendNo(qint64 challengeId)
{
    return m_s.scalar(QStringLiteral("SELECT MAX(send_no) FROM deliveries WHERE challenge_id = ?"), {challengeId}).toInt();
}

QList<DeliveryRow> DeliveryLog::forChallenge(qint64 challengeId)
{
    QList<DeliveryRow> out;
    for (const auto& r : m_s.select(QStringLiteral("SELECT * FROM deliveries WHERE challenge_id = ? ORDER BY id"),
                                    {challengeId}))
        out.append(DeliveryRow::fromRecord(r));
    return out;
}

static QString capWhere(const CapKey& key)
{
    return key.mailbox ? QStringLiteral("tenant = ? AND dest_prefix = ?") : QStringLiteral("tenant = ? AND destination = ?");
}

DeliveryLog::GateCounts DeliveryLog::gateCounts(const CapKey& key, const QString& destination, const QString& prefix,
                                                qint64 now, qint64 hourSince, qint64 daySince, qint64 burstSince,
                                                const QString& clientIp)
{
    const QString cap = capWhere(key);
    // The per-address count: client_ip is NULL on sends not made through otpd, and an empty address
    // matches no row (a cheap probe of ix_deliveries_ip_tries, which holds only rows with an address), so
    // one statement serves every caller.
    const Rows rows = m_s.select(
        QStringLiteral("SELECT (SELECT COUNT(*) FROM deliveries WHERE %1 AND created_at > ?), "
                       "(SELECT COUNT(*) FROM deliveries WHERE %1 AND created_at > ?), "
                       "(SELECT MAX(created_at) FROM deliveries WHERE %1 AND try_no = 1), "
                       "(SELECT COUNT(*) FROM deliveries WHERE dest_prefix = ? AND created_at > ?), "
                       "(SELECT COUNT(*) FROM lockouts WHERE tenant = ? AND destination = ? AND locked_until > ? AND "
                       "released_at IS NULL), "
                       "(SELECT COUNT(*) FROM deliveries WHERE tenant = ? AND client_ip = ? AND created_at > ? AND "
                       "try_no = 1)")
            .arg(cap),
        {key.tenant, key.value, hourSince, key.tenant, key.value, daySince, key.tenant, key.value, prefix, burstSince,
         key.tenant, destination, now, key.tenant, clientIp.left(64), hourSince});
    GateCounts c;
    if (rows.isEmpty())
        return c;
    const SqlRow& r = rows.first();
    c.lastHour = r.value(0).toInt();
    c.lastDay = r.value(1).toInt();
    c.lastSendAt = r.value(2).toLongLong();
    c.prefixBurst = r.value(3).toInt();
    c.activeLockouts = r.value(4).toInt();
    c.fromIp = clientIp.isEmpty() ? 0 : r.value(5).toInt();
    return c;
}

qint64 DeliveryLog::oldestSendSince(const CapKey& key, qint64 since, int skip)
{
    return m_s.scalar(QStringLiteral("SELECT created_at FROM deliveries WHERE %1 AND created_at > ? "
                                     "ORDER BY created_at LIMIT 1 OFFSET ?").arg(capWhere(key)),
                      {key.tenant, key.value, since, qMax(0, skip)}).toLongLong();
}

qint64 DeliveryLog::oldestPrefixSendSince(const QString& prefix, qint64 since, int skip)
{
    return m_s.scalar(QStringLiteral("SELECT created_at FROM deliveries WHERE dest_prefix = ? AND created_at > ? "
                                     "ORDER BY created_at LIMIT 1 OFFSET ?"),
                      {prefix, since, qMax(0, skip)}).toLongLong();
}

qint64 DeliveryLog::oldestIpSendSince(const QString& tenant, const QString& clientIp, qint64 since, int skip)
{
    return m_s.scalar(QStringLiteral("SELECT created_at FROM deliveries WHERE tenant = ? AND client_ip = ? AND "
                                     "created_at > ? AND try_no = 1 ORDER BY created_at LIMIT 1 OFFSET ?"),
                      {tenant, clientIp.left(64), since, qMax(0, skip)}).toLongLong();
}

void DeliveryLog::lockSending(const QString& vendor)
{
    if (m_s.dialect() == SqlDialect::Sqlite)
        return;
    m_s.select(QStringLiteral("SELECT id FROM deliveries WHERE state = 'sending' AND vendor = ? FOR UPDATE"), {vendor});
}

QString DeliveryLog::stateOf(qint64 deliveryId)
{
    return m_s.scalar(QStringLiteral("SELECT state FROM deliveries WHERE id = ?"), {deliveryId}).toString();
}

QList<qint64> DeliveryLog::abandonStale(qint64 olderThan, qint64 now)
{
    QList<qint64> challenges;
    for (const auto& r : m_s.select(QStringLiteral("SELECT id, challenge_id FROM deliveries WHERE state = 'queued' "
                                                   "AND updated_at < ?"),
                                    {olderThan})) {
        const int n = m_s.update(QStringLiteral("UPDATE deliveries SET state = 'failed', vendor_code = 'ABANDONED', "
                                                "reason = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL "
                                                "WHERE id = ? AND state = 'queued'"),
                                 {QStringLiteral("abandoned: no worker delivered it in time; it was never sent"),
                                  now, r.value(0)});
        if (n == 1)
            challenges.append(r.value(1).toLongLong());
    }
    return challenges;
}

} // namespace otp
