#include "VendorBreaker.h"

#include "ProcessCache.h"
#include "VendorHealth.h"

#include <QLoggingCategory>

#include <algorithm>

namespace otp {

Q_LOGGING_CATEGORY(lcBreaker, "otp.delivery.breaker", QtInfoMsg)

namespace {
const QString kColumns = QStringLiteral("vendor, state, forced, consecutive_failures, probe_successes, open_until, "
                                        "probe_until, closed_at, reason, updated_at");

BreakerRow fromRecord(const SqlRow& r)
{
    BreakerRow b;
    b.vendor = r.value(0).toString();
    b.state = r.value(1).toString();
    b.forced = r.value(2).toInt() != 0;
    b.consecutiveFailures = r.value(3).toInt();
    b.probeSuccesses = r.value(4).toInt();
    b.openUntil = r.value(5).toLongLong();
    b.probeUntil = r.value(6).toLongLong();
    b.closedAt = r.value(7).toLongLong();
    b.reason = r.value(8).toString();
    b.updatedAt = r.value(9).toLongLong();
    return b;
}

// The process-wide snapshot of every breaker row (cachedRows()), per database.
ProcessCache<QHash<QString, BreakerRow>> g_snapshots(VendorBreaker::kCacheMs);

QString answerWords(const VendorAnswer& a)
{
    QString w = a.httpStatus ? QStringLiteral("HTTP %1").arg(a.httpStatus) : a.vendorCode;
    if (a.httpStatus && !a.vendorCode.isEmpty())
        w += QStringLiteral(" ") + a.vendorCode;
    return w.isEmpty() ? QStringLiteral("no answer") : w;
}
} // namespace

QJsonObject BreakerRow::toJson() const
{
    QJsonObject o{{QStringLiteral("vendor"), vendor},
                  {QStringLiteral("state"), state},
                  {QStringLiteral("forced"), forced},
                  {QStringLiteral("consecutive_failures"), consecutiveFailures},
                  {QStringLiteral("reason"), reason}};
    if (state == QLatin1String("open") && !forced)
        o.insert(QStringLiteral("open_until_ms"), openUntil);
    if (state == QLatin1String("half_open"))
        o.insert(QStringLiteral("probe_successes"), probeSuccesses);
    return o;
}

int VendorBreaker::write(const QString& sql, const QVariantList& binds)
{
    const ProcessCache<QHash<QString, BreakerRow>>::Writing writing(g_snapshots); // no reader keeps what it replaces
    return m_s.update(sql, binds);
}

QHash<QString, BreakerRow> VendorBreaker::cachedRows()
{
    return g_snapshots.get(m_s.cacheKey(), [&] {
        QHash<QString, BreakerRow> rows;
        for (const BreakerRow& b : all())
            rows.insert(b.vendor, b);
        return rows;
    });
}

void VendorBreaker::dropSnapshots()
{
    g_snapshots.invalidate();
}

QHash<QString, BreakerRow> VendorBreaker::notClosedCached()
{
    QHash<QString, BreakerRow> out;
    const QHash<QString, BreakerRow> rows = cachedRows();
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        if (it->state != QLatin1String("closed"))
            out.insert(it.key(), *it);
    }
    return out;
}

QHash<QString, BreakerRow> VendorBreaker::notClosed()
{
    QHash<QString, BreakerRow> out;
    for (const SqlRow& r : m_s.select(QStringLiteral("SELECT ") + kColumns +
                                          QStringLiteral(" FROM vendor_breakers WHERE state <> 'closed'"))) {
        BreakerRow b = fromRecord(r);
        out.insert(b.vendor, b);
    }
    return out;
}

bool VendorBreaker::admits(const BreakerRow& row, bool mayProbe, qint64 now, qint64 probeLeaseMs)
{
    if (row.state == QLatin1String("closed"))
        return true;
    if (row.forced || !mayProbe)
        return false;
    // The one probe: a conditional UPDATE, so of several processes exactly one sends it.
    if (row.state == QLatin1String("open") && row.openUntil <= now)
        return write(QStringLiteral("UPDATE vendor_breakers SET state = 'half_open', probe_until = ?, updated_at = ? "
                                         "WHERE vendor = ? AND state = 'open' AND forced = 0 AND open_until <= ?"),
                          {now + probeLeaseMs, now, row.vendor, now}) == 1;
    if (row.state == QLatin1String("half_open") && row.probeUntil <= now)
        return write(QStringLiteral("UPDATE vendor_breakers SET probe_until = ?, updated_at = ? "
                                         "WHERE vendor = ? AND state = 'half_open' AND forced = 0 AND probe_until <= ?"),
                          {now + probeLeaseMs, now, row.vendor, now}) == 1;
    return false;
}

std::optional<BreakerRow> VendorBreaker::find(const QString& vendor)
{
    const Rows rows = m_s.select(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM vendor_breakers WHERE vendor = ?"),
                                 {vendor});
    if (rows.isEmpty())
        return std::nullopt;
    return fromRecord(rows.first());
}

QList<BreakerRow> VendorBreaker::all()
{
    QList<BreakerRow> out;
    for (const SqlRow& r : m_s.select(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM vendor_breakers ORDER BY vendor")))
        out.append(fromRecord(r));
    return out;
}

void VendorBreaker::ensureRow(const QString& vendor, qint64 now)
{
    // Insert-if-absent without failing the caller's transaction when another process inserted first.
    QString verb = QStringLiteral("INSERT INTO");
    QString tail;
    if (m_s.dialect() == SqlDialect::Sqlite)
        verb = QStringLiteral("INSERT OR IGNORE INTO");
    else if (m_s.dialect() == SqlDialect::MySql)
        verb = QStringLiteral("INSERT IGNORE INTO");
    else
        tail = QStringLiteral(" ON CONFLICT (vendor) DO NOTHING");
    write(verb + QStringLiteral(" vendor_breakers (vendor, state, forced, consecutive_failures, probe_successes, "
                                     "open_until, probe_until, closed_at, reason, updated_at) "
                                     "VALUES (?, 'closed', 0, 0, 0, 0, 0, 0, '', ?)") + tail,
               {vendor, now});
}

bool VendorBreaker::record(const QString& vendor, const VendorAnswer& a, const Policy& policy, const QString& tenant, qint64 now)
{
    // An accepted answer changes nothing while the vendor has no row or a clean closed one (the common
    // case, read from the snapshot): only a failure needs the exact row.
    if (a.accepted) {
        const QHash<QString, BreakerRow> rows = cachedRows();
        const auto it = rows.constFind(vendor);
        if (it == rows.cend() || (it->state == QLatin1String("closed") && !it->forced && it->consecutiveFailures == 0))
            return false;
    }
    std::optional<BreakerRow> row = find(vendor);
    if (row && row->forced)
        return row->state == QLatin1String("open");
    if (a.accepted)
        return recordSuccess(vendor, row, policy, tenant, now);
    return recordFailure(vendor, a, row, policy, tenant, now);
}

bool VendorBreaker::recordSuccess(const QString& vendor, const std::optional<BreakerRow>& row, const Policy& policy,
                                  const QString& tenant, qint64 now)
{
    const QString state = row ? row->state : QStringLiteral("closed");
    if (!row)
        return false; // the common case: a vendor that never failed has no row, nothing to write
    if (state == QLatin1String("half_open")) {
        if (row->probeSuccesses + 1 >= policy.breakerCloseSuccesses) {
            if (write(QStringLiteral("UPDATE vendor_breakers SET state = 'closed', consecutive_failures = 0, "
                                          "probe_successes = 0, probe_until = 0, closed_at = ?, reason = ?, updated_at = ? "
                                          "WHERE vendor = ? AND state = 'half_open' AND forced = 0"),
                           {now, QStringLiteral("probes succeeded"), now, vendor}) == 1)
                audit(systemActor(), QStringLiteral("vendor_breaker_closed"), tenant, vendor, state,
                      QStringLiteral("closed"),
                      QStringLiteral("%1 probe(s) in a row were accepted").arg(row->probeSuccesses + 1), now);
        } else {
            // One more probe is needed: the next send may take it at once.
            write(QStringLiteral("UPDATE vendor_breakers SET probe_successes = probe_successes + 1, probe_until = 0, "
                                      "updated_at = ? WHERE vendor = ? AND state = 'half_open'"),
                       {now, vendor});
        }
        return false;
    }
    if (state == QLatin1String("closed") && row->consecutiveFailures > 0)
        write(QStringLiteral("UPDATE vendor_breakers SET consecutive_failures = 0, updated_at = ? "
                                  "WHERE vendor = ? AND state = 'closed'"),
                   {now, vendor});
    return state == QLatin1String("open"); // a try sent before it opened: one success decides nothing
}

bool VendorBreaker::recordFailure(const QString& vendor, const VendorAnswer& a, std::optional<BreakerRow> row,
                                  const Policy& policy, const QString& tenant, qint64 now)
{
    const qint64 cooloffMs = qint64(policy.breakerCooloffS) * 1000;
    const QString state = row ? row->state : QStringLiteral("closed");
    // A failure (a timeout included). A failed probe opens it again for a new cool-off.
    if (state == QLatin1String("half_open")) {
        const QString why = QStringLiteral("the probe failed (%1)").arg(answerWords(a));
        if (write(QStringLiteral("UPDATE vendor_breakers SET state = 'open', probe_successes = 0, probe_until = 0, "
                                      "open_until = ?, reason = ?, updated_at = ? WHERE vendor = ? AND state = 'half_open'"),
                       {now + cooloffMs, why, now, vendor}) == 1)
            audit(systemActor(), QStringLiteral("vendor_breaker_opened"), tenant, vendor, state, QStringLiteral("open"), why, now);
        return true;
    }
    if (state == QLatin1String("open"))
        return true;

    int consecutive = row ? row->consecutiveFailures : 0;
    // Only answers that certainly sent nothing and are worth retrying (5xx, 429, refused connection)
    // count towards N; a refusal of one number says nothing of the vendor, a timeout counts in the rate.
    if (a.retryable && !a.mayHaveSent) {
        ensureRow(vendor, now);
        write(QStringLiteral("UPDATE vendor_breakers SET consecutive_failures = consecutive_failures + 1, updated_at = ? "
                                  "WHERE vendor = ? AND state = 'closed'"),
                   {now, vendor});
        row = find(vendor);
        consecutive = row ? row->consecutiveFailures : consecutive + 1;
    }
    const QString why = reasonToOpen(vendor, a, row, consecutive, policy, now);
    if (why.isEmpty())
        return false;
    ensureRow(vendor, now);
    if (write(QStringLiteral("UPDATE vendor_breakers SET state = 'open', open_until = ?, probe_successes = 0, "
                                  "probe_until = 0, reason = ?, updated_at = ? WHERE vendor = ? AND state = 'closed' AND forced = 0"),
                   {now + cooloffMs, why.left(512), now, vendor}) == 1) {
        qCWarning(lcBreaker) << "vendor" << vendor << "breaker opened:" << why;
        audit(systemActor(), QStringLiteral("vendor_breaker_opened"), tenant, vendor, QStringLiteral("closed"),
              QStringLiteral("open"), why, now);
    }
    return true;
}

QString VendorBreaker::reasonToOpen(const QString& vendor, const VendorAnswer& a, const std::optional<BreakerRow>& row,
                                    int consecutive, const Policy& policy, qint64 now)
{
    QString why;
    if (consecutive >= policy.breakerFailures) {
        why = QStringLiteral("%1 consecutive retryable failures (last: %2)").arg(consecutive).arg(answerWords(a));
    } else {
        // The rate rule counts from the last closing, so a vendor just healed is not judged on its outage.
        const qint64 since = std::max(now - qint64(policy.breakerWindowMin) * 60000, row ? row->closedAt : 0);
        const VendorHealthRow h = VendorHealth(m_s).of(vendor, since, false);
        if (h.tries >= policy.breakerMinTries && h.accepted * 100 < policy.breakerMinSuccessPct * h.tries)
            why = QStringLiteral("%1 of %2 tries accepted in the last %3 min (%4 %, under %5 %)")
                      .arg(h.accepted).arg(h.tries).arg(policy.breakerWindowMin)
                      .arg(h.successPct(), 0, 'f', 1).arg(policy.breakerMinSuccessPct);
    }
    return why;
}

void VendorBreaker::force(const QString& vendor, bool open, const QString& reason, const Actor& actor, qint64 now)
{
    ensureRow(vendor, now);
    const QString from = find(vendor).value_or(BreakerRow{}).state;
    if (open)
        write(QStringLiteral("UPDATE vendor_breakers SET state = 'open', forced = 1, probe_successes = 0, probe_until = 0, "
                                  "reason = ?, updated_at = ? WHERE vendor = ?"),
                   {reason.left(512), now, vendor});
    else
        write(QStringLiteral("UPDATE vendor_breakers SET state = 'closed', forced = 0, consecutive_failures = 0, "
                                  "probe_successes = 0, probe_until = 0, closed_at = ?, reason = ?, updated_at = ? WHERE vendor = ?"),
                   {now, reason.left(512), now, vendor});
    audit(actor, open ? QStringLiteral("vendor_breaker_forced_open") : QStringLiteral("vendor_breaker_forced_closed"),
          QStringLiteral("*"), vendor, from, open ? QStringLiteral("open") : QStringLiteral("closed"), reason, now);
}

void VendorBreaker::audit(const Actor& actor, const QString& action, const QString& tenant, const QString& vendor,
                          const QString& from, const QString& to, const QString& reason, qint64 now)
{
    AuditLog(m_s).record(actor, action, tenant, vendor,
                         {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}, {QStringLiteral("reason"), reason}}, now);
}

} // namespace otp
