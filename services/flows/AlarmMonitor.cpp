#include "AlarmMonitor.h"

#include "VendorHealth.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <map>

namespace otp {

Q_LOGGING_CATEGORY(lcAlarms, "otp.alarms", QtInfoMsg)

namespace {
struct Firing
{
    QString observed, threshold, message;
};
using Key = std::pair<QString, QString>; // rule, subject

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString pct(double v)
{
    return QString::number(v, 'f', 1);
}

// Codes that reached a phone (a vendor accepted a try) and have ended (verified, or no longer
// waiting: a code still alive may yet be typed), per number block, created in [from, to).
// Returns block → (delivered, verified).
std::map<QString, std::pair<int, int>> conversion(SqlSession& s, const QString& tenant, qint64 from, qint64 to, qint64 now,
                                                  const QString& onlyPrefix = {})
{
    std::map<QString, std::pair<int, int>> out;
    QString sql = QStringLiteral(
        "SELECT c.dest_prefix, COUNT(*), SUM(CASE WHEN c.status = 'verified' THEN 1 ELSE 0 END) FROM challenges c "
        "WHERE c.tenant = ? AND c.created_at >= ? AND c.created_at < ? AND c.channel <> 'email' "
        "AND (c.status <> 'pending' OR c.expires_at <= ?) "
        "AND EXISTS (SELECT 1 FROM deliveries d WHERE d.challenge_id = c.id AND d.state IN ('accepted', 'delivered')) ");
    QVariantList binds{tenant, from, to, now};
    if (!onlyPrefix.isEmpty()) {
        sql += QStringLiteral("AND c.dest_prefix = ? ");
        binds << onlyPrefix;
    }
    sql += QStringLiteral("GROUP BY c.dest_prefix");
    for (const SqlRow& r : s.select(sql, binds))
        out[r.value(0).toString()] = {r.value(1).toInt(), r.value(2).toInt()};
    return out;
}
} // namespace

QJsonObject AlarmRow::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},           {QStringLiteral("tenant"), tenant},
                  {QStringLiteral("rule"), rule},       {QStringLiteral("subject"), subject},
                  {QStringLiteral("observed"), observed}, {QStringLiteral("threshold"), threshold},
                  {QStringLiteral("message"), message}, {QStringLiteral("raised_at"), iso(raisedAt)},
                  {QStringLiteral("active"), active()}};
    if (!active())
        o.insert(QStringLiteral("cleared_at"), iso(clearedAt));
    return o;
}

namespace {
// vendor_success and vendor_latency, per vendor with enough tries in the window.
void judgeVendors(SqlSession& s, const Policy& p, qint64 since, std::map<Key, Firing>& firing)
{
    for (const VendorHealthRow& h : VendorHealth(s).all(since)) {
        if (h.tries < p.alarmMinTries)
            continue;
        if (h.accepted * 100 < p.alarmVendorSuccessPct * h.tries)
            firing[{QStringLiteral("vendor_success"), h.vendor}] = {
                pct(h.successPct()) + QStringLiteral(" %"), QStringLiteral("%1 %").arg(p.alarmVendorSuccessPct),
                QStringLiteral("vendor %1 accepted %2 of %3 tries in the last %4 min (%5 %, under %6 %)")
                    .arg(h.vendor).arg(h.accepted).arg(h.tries).arg(p.alarmWindowMin).arg(pct(h.successPct())).arg(p.alarmVendorSuccessPct)};
        if (h.p95LatencyMs > p.alarmP95LatencyMs)
            firing[{QStringLiteral("vendor_latency"), h.vendor}] = {
                QStringLiteral("%1 ms").arg(h.p95LatencyMs), QStringLiteral("%1 ms").arg(p.alarmP95LatencyMs),
                QStringLiteral("vendor %1 answered with a p95 latency of %2 ms in the last %3 min (over %4 ms)")
                    .arg(h.vendor).arg(h.p95LatencyMs).arg(p.alarmWindowMin).arg(p.alarmP95LatencyMs)};
    }
}

// outbox_depth and lockouts, per tenant.
void judgeTenant(SqlSession& s, const QString& tenant, const Policy& p, qint64 now, std::map<Key, Firing>& firing)
{
    const int depth = s.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = 'queued' AND tenant = ?"),
                               {tenant}).toInt();
    if (depth > p.alarmOutboxDepth)
        firing[{QStringLiteral("outbox_depth"), tenant}] = {
            QString::number(depth), QString::number(p.alarmOutboxDepth),
            QStringLiteral("%1 deliveries are queued (more than %2): is a worker running?").arg(depth).arg(p.alarmOutboxDepth)};

    const int lockouts = s.scalar(QStringLiteral("SELECT COUNT(*) FROM lockouts WHERE tenant = ? AND locked_at >= ?"),
                                  {tenant, now - 60000}).toInt();
    if (lockouts > p.alarmLockoutsPerMin)
        firing[{QStringLiteral("lockouts"), tenant}] = {
            QStringLiteral("%1/min").arg(lockouts), QStringLiteral("%1/min").arg(p.alarmLockoutsPerMin),
            QStringLiteral("%1 lockouts in the last minute (more than %2): guessing, or a broken app?").arg(lockouts).arg(p.alarmLockoutsPerMin)};
}

// Conversion per number block. Its usual level: the block's own conversion over the 7 days before
// the window when it had enough codes there, else the tenant's over those days, else
// kAssumedUsualConversionPct. Pumped numbers (premium ranges an attacker is paid for) never type a code.
void judgeConversion(SqlSession& s, const QString& tenant, const Policy& p, qint64 since, qint64 now,
                     std::map<Key, Firing>& firing)
{
    const qint64 historyFrom = since - 7 * 86400000LL;
    double tenantUsual = -1;
    for (const auto& [prefix, counts] : conversion(s, tenant, since, now + 1, now)) {
        const auto [delivered, verified] = counts;
        if (delivered < p.alarmMinTries)
            continue;
        double usual = -1;
        const auto own = conversion(s, tenant, historyFrom, since, now, prefix);
        if (const auto it = own.find(prefix); it != own.end() && it->second.first >= p.alarmMinTries)
            usual = 100.0 * it->second.second / it->second.first;
        if (usual < 0) {
            if (tenantUsual < 0) {
                int d = 0, v = 0;
                for (const auto& [pre, c] : conversion(s, tenant, historyFrom, since, now)) {
                    d += c.first;
                    v += c.second;
                }
                tenantUsual = d >= p.alarmMinTries ? 100.0 * v / d : AlarmMonitor::kAssumedUsualConversionPct;
            }
            usual = tenantUsual;
        }
        const double now_pct = 100.0 * verified / delivered;
        const double floor = usual * p.alarmConversionPct / 100.0;
        if (now_pct < floor)
            firing[{QStringLiteral("conversion"), prefix.left(64)}] = {
                pct(now_pct) + QStringLiteral(" %"), pct(floor) + QStringLiteral(" %"),
                QStringLiteral("numbers %1…: %2 of %3 delivered codes verified in the last %4 min (%5 %; usually %6 %): "
                               "SMS pumping?")
                    .arg(prefix).arg(verified).arg(delivered).arg(p.alarmWindowMin).arg(pct(now_pct)).arg(pct(usual))};
    }
}

// Clears the active alarms that no longer fire and raises the firing ones not already active.
AlarmMonitor::Changes applyFiring(SqlSession& s, const QString& tenant, const std::map<Key, Firing>& firing, qint64 now)
{
    AlarmMonitor::Changes changes;
    std::map<Key, qint64> active;
    for (const SqlRow& r : s.select(QStringLiteral("SELECT id, rule, subject FROM alarms WHERE tenant = ? AND cleared_at IS NULL"),
                                        {tenant}))
        active[{r.value(1).toString(), r.value(2).toString()}] = r.value(0).toLongLong();
    for (const auto& [key, id] : active) {
        if (firing.count(key))
            continue;
        changes.cleared += s.update(QStringLiteral("UPDATE alarms SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL"),
                                    {now, id});
        qCInfo(lcAlarms) << "cleared" << key.first << key.second;
    }
    for (const auto& [key, f] : firing) {
        if (active.count(key))
            continue;
        s.insert(QStringLiteral("INSERT INTO alarms (tenant, rule, subject, observed, threshold, message, raised_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                 {tenant, key.first, key.second, f.observed.left(64), f.threshold.left(64), f.message.left(512), now});
        ++changes.raised;
        qCWarning(lcAlarms) << "raised" << key.first << key.second << f.message;
    }
    return changes;
}
} // namespace

AlarmMonitor::Changes AlarmMonitor::evaluate(const QString& tenant, const Policy& p, qint64 now)
{
    const qint64 windowMs = qint64(p.alarmWindowMin) * 60000;
    const qint64 since = now - windowMs;
    std::map<Key, Firing> firing;
    judgeVendors(m_s, p, since, firing);
    judgeTenant(m_s, tenant, p, now, firing);
    judgeConversion(m_s, tenant, p, since, now, firing);
    return applyFiring(m_s, tenant, firing, now);
}

QList<AlarmRow> AlarmMonitor::list(const QString& tenant, bool activeOnly, int limit)
{
    QList<AlarmRow> out;
    const QString sql = QStringLiteral("SELECT id, tenant, rule, subject, observed, threshold, message, raised_at, cleared_at "
                                       "FROM alarms WHERE tenant = ? ") +
                        (activeOnly ? QStringLiteral("AND cleared_at IS NULL ") : QString()) +
                        QStringLiteral("ORDER BY raised_at DESC, id DESC LIMIT ?");
    for (const SqlRow& r : m_s.select(sql, {tenant, limit})) {
        AlarmRow a;
        a.id = r.value(0).toLongLong();
        a.tenant = r.value(1).toString();
        a.rule = r.value(2).toString();
        a.subject = r.value(3).toString();
        a.observed = r.value(4).toString();
        a.threshold = r.value(5).toString();
        a.message = r.value(6).toString();
        a.raisedAt = r.value(7).toLongLong();
        a.clearedAt = r.value(8).isNull() ? 0 : r.value(8).toLongLong();
        out.append(a);
    }
    return out;
}

} // namespace otp
