#pragma once

#include "AuditLog.h"
#include "Outcome.h"
#include "Policy.h"
#include "SqlSession.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace otp {

struct BreakerRow
{
    QString vendor, state = QStringLiteral("closed"), reason;
    bool forced = false;
    int consecutiveFailures = 0, probeSuccesses = 0;
    qint64 openUntil = 0, probeUntil = 0, closedAt = 0, updatedAt = 0;
    QJsonObject toJson() const;
};

// The circuit breaker per vendor, kept in `vendor_breakers` so that every process routes alike
// (migration 006 draws the states). Written only when something changes; the send path reads the
// rows that are not plainly closed, which is an empty result while every vendor is well.
// Thresholds come from the policy of the tenant whose try is being recorded.
// Every method runs inside the caller's write transaction.
class VendorBreaker
{
public:
    explicit VendorBreaker(SqlSession& s) : m_s(s) {}

    // Who an automatic state change is audited as.
    static Actor systemActor() { return {QStringLiteral("system"), QStringLiteral("system")}; }

    // Vendors a send must not simply use: open, half-open or forced (one read).
    QHash<QString, BreakerRow> notClosed();
    // The routing decisions (a send's plan, a queued try moving off an open vendor) and an accepted
    // answer read every breaker row through a process-wide snapshot of kCacheMs, as policies are read
    // (PolicyStore::loadCached): each write of this process clears it at once, a change made by another
    // process is seen within kCacheMs. What must be exact reads the row: a failure counted, a probe
    // claimed (a conditional UPDATE), an admin's force. Two statements a send fewer on the hot path.
    static constexpr qint64 kCacheMs = 1000;
    QHash<QString, BreakerRow> cachedRows();
    QHash<QString, BreakerRow> notClosedCached();
    // Forgets this process's snapshot: the next read is exact (as it is anyway kCacheMs later).
    static void dropSnapshots();
    // Whether a send may use `row`'s vendor now. A vendor whose cool-off is over (or whose last probe's
    // lease ran out) is admitted as the one probe when `mayProbe` and this caller wins the claim.
    bool admits(const BreakerRow& row, bool mayProbe, qint64 now, qint64 probeLeaseMs);
    // Records the answer of a try the vendor was called for. Returns true when the vendor is open
    // afterwards (the outbox then does not retry it but moves on to the next vendor at once).
    bool record(const QString& vendor, const VendorAnswer& answer, const Policy& policy, const QString& tenant, qint64 now);
    std::optional<BreakerRow> find(const QString& vendor);
    QList<BreakerRow> all();
    // An admin's hand: open (stays open until closed by hand) or closed (counts start afresh).
    void force(const QString& vendor, bool open, const QString& reason, const Actor& actor, qint64 now);

private:
    // Every write goes through here: it clears this process's snapshot (cachedRows()).
    int write(const QString& sql, const QVariantList& binds);
    // record()'s two cases: an accepted answer (a probe closes it, a closed one forgets its
    // failures) and a failed one (a failed probe reopens it; N in a row or a low success rate opens it).
    bool recordSuccess(const QString& vendor, const std::optional<BreakerRow>& row, const Policy& policy,
                       const QString& tenant, qint64 now);
    bool recordFailure(const QString& vendor, const VendorAnswer& answer, std::optional<BreakerRow> row,
                       const Policy& policy, const QString& tenant, qint64 now);
    // Why a closed breaker opens now (empty: it stays closed).
    QString reasonToOpen(const QString& vendor, const VendorAnswer& answer, const std::optional<BreakerRow>& row,
                         int consecutive, const Policy& policy, qint64 now);
    void ensureRow(const QString& vendor, qint64 now);
    void audit(const Actor& actor, const QString& action, const QString& tenant, const QString& vendor,
               const QString& from, const QString& to, const QString& reason, qint64 now);
    SqlSession& m_s;
};

} // namespace otp
