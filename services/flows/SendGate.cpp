#include "SendGate.h"

#include "DeliveryLog.h"
#include "FlowSupport.h"
#include "LockoutStore.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace otp {

using flows::ceilSeconds;
using flows::isoTime;
using flows::kDayMs;
using flows::kHourMs;

namespace {
// Whose sends the per-destination caps count: the number, or the email's mailbox.
CapKey capKey(const QString& tenant, const Destination& destination)
{
    const bool mailbox = destination.kind == Destination::Kind::Email;
    return CapKey{tenant, mailbox ? destination.prefix : destination.value, mailbox};
}

// One judging of the gate: the counts are read once (one statement), then each rule adds its blocker.
//
// Every blocker is weighed, not only the first: the next send is possible when the last of them
// ends (a lockout that ends before the hourly cap frees a slot does not make a send possible).
// Each ends at a time fixed by past sends alone, since no send happens while any of them holds.
// The status and message name the first blocker in this order; retry_after_s is the latest end.
struct GateJudge
{
    GateJudge(SqlSession& session, const QString& tenantId, const Destination& destination, const Policy& rules,
              qint64 nowMs, const QString& clientIp)
        : s(session), tenant(tenantId), dest(destination), policy(rules), now(nowMs), log(session),
          key(capKey(tenantId, destination)), window(qint64(rules.prefixBurstWindowS) * 1000),
          ip(rules.sendsPerIpPerHour > 0 ? clientIp : QString()),
          counts(log.gateCounts(key, dest.value, dest.prefix, now, now - kHourMs, now - kDayMs, now - window, ip)),
          lastHour(counts.lastHour), lastDay(counts.lastDay), lastSend(counts.lastSendAt)
    {
        g.details = QJsonObject{{QStringLiteral("sends_last_hour"), lastHour},
                                {QStringLiteral("sends_per_hour"), policy.sendsPerHour},
                                {QStringLiteral("sends_last_day"), lastDay},
                                {QStringLiteral("sends_per_day"), policy.sendsPerDay},
                                {QStringLiteral("cooldown_s"), policy.cooldownS}};
    }

    void block(OutcomeStatus status, const QString& reason, const QString& message, qint64 endsAt)
    {
        if (g.status == OutcomeStatus::CanSend) {
            g.status = status;
            g.message = message;
        }
        if (endsAt > latestEnd) {
            latestEnd = endsAt;
            latestReason = reason;
        }
        blockers.append(QJsonObject{{QStringLiteral("reason"), reason},
                                    {QStringLiteral("until"), isoTime(endsAt)},
                                    {QStringLiteral("retry_after_s"), ceilSeconds(endsAt - now)}});
    }

    void lockout()
    {
        std::optional<LockoutRow> lock;
        if (counts.activeLockouts > 0)
            lock = LockoutStore(s).active(tenant, dest.value, now);
        if (lock) {
            block(OutcomeStatus::Locked, QStringLiteral("lockout"),
                  QStringLiteral("this destination is locked (%1) until %2").arg(lock->reason, isoTime(lock->lockedUntil)),
                  lock->lockedUntil);
            g.details.insert(QStringLiteral("lockout"), lock->toJson(now));
        }
    }

    void cooldown()
    {
        // No cooldown is none: a send stamped moments after `now` (another process's clock offset) must
        // not make one. With a cooldown, such a send is within it and refuses, as it should.
        if (policy.cooldownS > 0 && lastSend > 0 && now - lastSend < qint64(policy.cooldownS) * 1000) {
            const qint64 endsAt = lastSend + qint64(policy.cooldownS) * 1000;
            block(OutcomeStatus::Cooldown, QStringLiteral("cooldown"),
                  QStringLiteral("a code was sent %1 s ago; wait %2 s before sending another")
                      .arg((now - lastSend) / 1000).arg(ceilSeconds(endsAt - now)),
                  endsAt);
        }
    }

    void hourlyCap()
    {
        if (lastHour >= policy.sendsPerHour) {
            // The window drops below the cap when the (lastHour - cap + 1)-th oldest try leaves it.
            const qint64 endsAt = log.oldestSendSince(key, now - kHourMs, lastHour - policy.sendsPerHour) + kHourMs;
            block(OutcomeStatus::RateLimited, QStringLiteral("hourly_cap"),
                  QStringLiteral("%1 codes were sent in the last hour (the limit is %2)").arg(lastHour).arg(policy.sendsPerHour),
                  endsAt);
        }
    }

    void dailyCap()
    {
        if (lastDay >= policy.sendsPerDay) {
            const qint64 endsAt = log.oldestSendSince(key, now - kDayMs, lastDay - policy.sendsPerDay) + kDayMs;
            block(OutcomeStatus::RateLimited, QStringLiteral("daily_cap"),
                  QStringLiteral("%1 codes were sent in the last 24 hours (the limit is %2)").arg(lastDay).arg(policy.sendsPerDay),
                  endsAt);
        }
    }

    void prefixBurst()
    {
        if (dest.kind == Destination::Kind::Phone) {
            // Many numbers of one block in a short time is the signature of SMS pumping (toll fraud).
            const int burst = counts.prefixBurst;
            if (burst >= policy.prefixBurstCap) {
                const qint64 endsAt = log.oldestPrefixSendSince(dest.prefix, now - window, burst - policy.prefixBurstCap) + window;
                block(OutcomeStatus::RateLimited, QStringLiteral("prefix_burst_cap"),
                      QStringLiteral("too many codes went to numbers starting %1 in the last %2 s (limit %3): "
                                     "possible SMS pumping").arg(dest.prefix).arg(policy.prefixBurstWindowS).arg(policy.prefixBurstCap),
                      endsAt);
            }
        }
    }

    // HTTP-API.md "Abuse": one client address asks for codes to many numbers (SMS pumping from one
    // host, enumeration). Counted within the tenant only, on the sends otpd recorded with the address.
    void ipCap()
    {
        if (!ip.isEmpty() && counts.fromIp >= policy.sendsPerIpPerHour) {
            const qint64 endsAt =
                log.oldestIpSendSince(tenant, ip, now - kHourMs, counts.fromIp - policy.sendsPerIpPerHour) + kHourMs;
            block(OutcomeStatus::RateLimited, QStringLiteral("ip_cap"),
                  QStringLiteral("%1 codes were requested from this client address in the last hour (the limit is %2 "
                                 "per address: sends_per_ip_per_hour)").arg(counts.fromIp).arg(policy.sendsPerIpPerHour),
                  endsAt);
        }
    }

    Gate verdict()
    {
        if (blockers.isEmpty()) {
            g.message = QStringLiteral("a code can be sent now");
            return g;
        }
        g.retryAfterMs = qMax<qint64>(0, latestEnd - now);
        if (blockers.size() > 1)
            g.message += QStringLiteral("; the next code can be sent at %1, when the %2 ends")
                             .arg(isoTime(latestEnd), QString(latestReason).replace(QLatin1Char('_'), QLatin1Char(' ')));
        g.details.insert(QStringLiteral("blocked_by"), blockers);
        g.details.insert(QStringLiteral("next_blocker"), latestReason);
        return g;
    }

    SqlSession& s;
    const QString& tenant;
    const Destination& dest;
    const Policy& policy;
    const qint64 now;
    DeliveryLog log;
    const CapKey key;
    const qint64 window;
    const QString ip; // empty: the per-address cap is not judged
    const DeliveryLog::GateCounts counts;
    const int lastHour;
    const int lastDay;
    const qint64 lastSend;
    Gate g;
    QJsonArray blockers;
    qint64 latestEnd = 0;
    QString latestReason;
};
} // namespace

Gate sendGate(SqlSession& s, const QString& tenant, const Destination& destination, const Policy& policy, qint64 now,
              const QString& clientIp)
{
    GateJudge judge(s, tenant, destination, policy, now, clientIp);
    judge.lockout();
    judge.cooldown();
    judge.hourlyCap();
    judge.dailyCap();
    judge.prefixBurst();
    judge.ipCap();
    return judge.verdict();
}

QString sendIpLockKey(const QString& tenant, const QString& clientIp)
{
    const QByteArray digest = QCryptographicHash::hash((tenant + QLatin1Char('\n') + clientIp).toUtf8(), QCryptographicHash::Sha1);
    const int bucket = ((quint8(digest.at(0)) << 8) | quint8(digest.at(1))) & 0xfff; // 4096 buckets
    return QStringLiteral("sendip:%1").arg(bucket);
}

} // namespace otp
