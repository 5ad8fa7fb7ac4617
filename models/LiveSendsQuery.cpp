#include "LiveSendsQuery.h"

namespace otp::models {

namespace {
const char* kSelect =
    "SELECT d.id, d.challenge_id, d.created_at, d.updated_at, c.updated_at, d.tenant, d.destination, d.channel, "
    "d.vendor, c.purpose, d.state, c.status, c.attempts, c.max_attempts, d.latency_ms, d.http_status, "
    "d.vendor_code, d.reason FROM deliveries d JOIN challenges c ON c.id = d.challenge_id ";

QList<SendRow> toRows(const Rows& rows)
{
    QList<SendRow> out;
    out.reserve(rows.size());
    for (const SqlRow& r : rows) {
        SendRow s;
        s.deliveryId = r.value(0).toLongLong();
        s.challengeId = r.value(1).toLongLong();
        s.createdAt = r.value(2).toLongLong();
        s.updatedAt = qMax(r.value(3).toLongLong(), r.value(4).toLongLong());
        s.tenant = r.value(5).toString();
        s.destination = r.value(6).toString();
        s.channel = r.value(7).toString();
        s.vendor = r.value(8).toString();
        s.purpose = r.value(9).toString();
        s.deliveryState = r.value(10).toString();
        s.challengeStatus = r.value(11).toString();
        s.attempts = r.value(12).toInt();
        s.maxAttempts = r.value(13).toInt();
        s.latencyMs = r.value(14).isNull() ? -1 : r.value(14).toInt();
        s.httpStatus = r.value(15).toInt();
        s.vendorCode = r.value(16).toString();
        s.reason = r.value(17).toString();
        out.append(s);
    }
    return out;
}
} // namespace

QList<SendRow> LiveSendsQuery::latest(int limit)
{
    return toRows(m_s.select(QLatin1String(kSelect) + QStringLiteral("ORDER BY d.id DESC LIMIT ?"), {limit}));
}

QList<SendRow> LiveSendsQuery::changes(qint64 minId, qint64 afterId, qint64 changedSince, int limit)
{
    // The id range comes first and alone: under a top-level OR, SQLite cannot use it and would read
    // every delivery ever made on each poll (about a second at 2,000,000 rows).
    return toRows(m_s.select(QLatin1String(kSelect) +
                                 QStringLiteral("WHERE d.id >= ? AND (d.id > ? OR d.updated_at > ? OR c.updated_at > ?) "
                                                "ORDER BY d.id DESC LIMIT ?"),
                             {qMin(minId, afterId + 1), afterId, changedSince, changedSince, limit}));
}

QList<SendRow> LiveSendsQuery::older(qint64 beforeId, int limit)
{
    return toRows(m_s.select(QLatin1String(kSelect) + QStringLiteral("WHERE d.id < ? ORDER BY d.id DESC LIMIT ?"),
                             {beforeId, limit}));
}

} // namespace otp::models
