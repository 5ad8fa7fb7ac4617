#include "VendorHealth.h"

#include <cmath>

namespace otp {

namespace {
// The tries that count (see VendorHealth.h), as one SQL condition.
const QString kCounted = QStringLiteral("state IN ('accepted', 'delivered', 'failed', 'timeout') "
                                        "AND vendor_code NOT IN ('NOT_SENT', 'NO_GATEWAY')");

VendorHealthRow fromRecord(const SqlRow& r)
{
    VendorHealthRow h;
    h.vendor = r.value(0).toString();
    h.tries = r.value(1).toInt();
    h.accepted = r.value(2).toInt();
    h.timeouts = r.value(3).toInt();
    return h;
}
} // namespace

QJsonObject VendorHealthRow::toJson() const
{
    QJsonObject o{{QStringLiteral("vendor"), vendor},
                  {QStringLiteral("tries"), tries},
                  {QStringLiteral("accepted"), accepted},
                  {QStringLiteral("failures"), failures()},
                  {QStringLiteral("timeouts"), timeouts}};
    if (tries > 0)
        o.insert(QStringLiteral("success_pct"), std::round(successPct() * 10.0) / 10.0);
    if (p95LatencyMs >= 0)
        o.insert(QStringLiteral("p95_latency_ms"), p95LatencyMs);
    return o;
}

QList<VendorHealthRow> VendorHealth::all(qint64 since)
{
    QList<VendorHealthRow> out;
    const Rows rows = m_s.select(
        QStringLiteral("SELECT vendor, COUNT(*), SUM(CASE WHEN state IN ('accepted', 'delivered') THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN state = 'timeout' THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN latency_ms IS NULL THEN 0 ELSE 1 END) FROM deliveries "
                       "WHERE created_at >= ? AND ") + kCounted + QStringLiteral(" GROUP BY vendor ORDER BY vendor"),
        {since});
    for (const SqlRow& r : rows) {
        VendorHealthRow h = fromRecord(r);
        h.p95LatencyMs = p95(h.vendor, since, r.value(4).toInt());
        out.append(h);
    }
    return out;
}

VendorHealthRow VendorHealth::of(const QString& vendor, qint64 since, bool withLatency)
{
    const Rows rows = m_s.select(
        QStringLiteral("SELECT vendor, COUNT(*), SUM(CASE WHEN state IN ('accepted', 'delivered') THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN state = 'timeout' THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN latency_ms IS NULL THEN 0 ELSE 1 END) FROM deliveries "
                       "WHERE vendor = ? AND created_at >= ? AND ") + kCounted + QStringLiteral(" GROUP BY vendor"),
        {vendor, since});
    if (rows.isEmpty()) {
        VendorHealthRow h;
        h.vendor = vendor;
        return h;
    }
    VendorHealthRow h = fromRecord(rows.first());
    if (withLatency)
        h.p95LatencyMs = p95(vendor, since, rows.first().value(4).toInt());
    return h;
}

int VendorHealth::p95(const QString& vendor, qint64 since, int withLatency)
{
    if (withLatency <= 0)
        return -1;
    // Nearest-rank p95: the ceil(0.95 n)-th smallest latency, read as one row by offset.
    const int rank = int(std::ceil(0.95 * withLatency));
    const QVariant v = m_s.scalar(QStringLiteral("SELECT latency_ms FROM deliveries WHERE vendor = ? AND created_at >= ? "
                                                 "AND latency_ms IS NOT NULL AND ") + kCounted +
                                      QStringLiteral(" ORDER BY latency_ms LIMIT 1 OFFSET ?"),
                                  {vendor, since, rank - 1});
    return v.isValid() ? v.toInt() : -1;
}

} // namespace otp
