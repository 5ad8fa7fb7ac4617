#include "DashboardQuery.h"

#include "DeliveryStats.h"

#include <QJsonArray>

namespace otp::models {

DashboardSnapshot DashboardQuery::compute(qint64 nowMs, qint64 windowS)
{
    DashboardSnapshot snap;
    snap.nowMs = nowMs;
    snap.windowS = windowS;
    snap.bucketS = DashboardSnapshot::bucketFor(windowS);
    const qint64 bucketMs = snap.bucketS * 1000;
    // Buckets are aligned to the bucket width so bars do not shift between refreshes.
    const qint64 lastStart = (nowMs / bucketMs) * bucketMs;
    const qint64 count = (windowS * 1000 + bucketMs - 1) / bucketMs;
    const qint64 firstStart = lastStart - (count - 1) * bucketMs;
    const qint64 since = nowMs - windowS * 1000;
    for (qint64 i = 0; i < count; ++i) {
        DashboardSnapshot::Bucket b;
        b.startMs = firstStart + i * bucketMs;
        snap.buckets.append(b);
    }

    const QString div = m_s.dialect() == SqlDialect::MySql ? QStringLiteral("DIV") : QStringLiteral("/");
    const Rows outcomeRows = m_s.select(
        QStringLiteral("SELECT (d.created_at - ?) %1 ? AS bucket, "
                       "CASE WHEN d.state IN ('failed', 'timeout') THEN 'failed' "
                       "WHEN d.state IN ('queued', 'sending') THEN 'in_flight' "
                       "WHEN c.status = 'verified' THEN 'verified' ELSE 'accepted' END AS outcome, COUNT(*) "
                       "FROM deliveries d JOIN challenges c ON c.id = d.challenge_id "
                       "WHERE d.created_at >= ? AND d.created_at <= ? GROUP BY bucket, outcome").arg(div),
        {firstStart, bucketMs, firstStart, nowMs});
    for (const QSqlRecord& r : outcomeRows) {
        const qint64 i = r.value(0).toLongLong();
        if (i >= 0 && i < snap.buckets.size())
            snap.buckets[i].byOutcome[r.value(1).toString()] += r.value(2).toInt();
    }

    DeliveryStats stats(m_s);
    for (const QJsonValue& v : stats.summarise(since, QStringLiteral("vendor")).value(QStringLiteral("rows")).toArray()) {
        const QJsonObject o = v.toObject();
        DashboardSnapshot::VendorRow row;
        row.vendor = o.value(QStringLiteral("key")).toString();
        row.sends = o.value(QStringLiteral("sends")).toInteger();
        row.accepted = o.value(QStringLiteral("accepted")).toInteger();
        row.failed = o.value(QStringLiteral("failed")).toInteger();
        row.successRate = o.value(QStringLiteral("success_rate")).toDouble();
        row.latencyP50Ms = o.value(QStringLiteral("latency_p50_ms")).toInt();
        row.latencyP95Ms = o.value(QStringLiteral("latency_p95_ms")).toInt();
        snap.vendors.append(row);
    }
    for (const QJsonValue& v : stats.summarise(since, QStringLiteral("channel")).value(QStringLiteral("rows")).toArray()) {
        const QJsonObject o = v.toObject();
        DashboardSnapshot::ChannelRow row;
        row.channel = o.value(QStringLiteral("key")).toString();
        row.challenges = o.value(QStringLiteral("challenges")).toInteger();
        row.verified = o.value(QStringLiteral("verified")).toInteger();
        row.conversion = o.value(QStringLiteral("conversion")).toDouble();
        snap.channels.append(row);
    }
    const Rows errorRows = m_s.select(
        QStringLiteral("SELECT vendor, vendor_code, MAX(reason), COUNT(*) AS n FROM deliveries "
                       "WHERE created_at > ? AND state IN ('failed', 'timeout') "
                       "GROUP BY vendor, vendor_code ORDER BY n DESC, vendor, vendor_code LIMIT 8"),
        {since});
    for (const QSqlRecord& r : errorRows) {
        DashboardSnapshot::ErrorRow e;
        e.vendor = r.value(0).toString();
        e.code = r.value(1).toString();
        e.reason = r.value(2).toString();
        e.count = r.value(3).toLongLong();
        snap.errors.append(e);
    }
    return snap;
}

} // namespace otp::models
