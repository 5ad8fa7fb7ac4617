#include "ReadFlow.h"

#include "AccountStore.h"
#include "AlarmMonitor.h"
#include "ChallengeStore.h"
#include "DeliveryLog.h"
#include "DeliveryStats.h"
#include "FlowSupport.h"
#include "InputLimits.h"
#include "LockoutStore.h"
#include "SendGate.h"
#include "VendorBreaker.h"
#include "VendorHealth.h"
#include "VendorStore.h"
#include "VerifyAttempts.h"

#include <QJsonArray>

namespace otp {

using flows::ceilSeconds;

Outcome ReadFlow::status(const QString& tenant, const QString& destination, Purpose purpose)
{
    return m_ctx.guarded([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        flows::Resolved r;
        if (auto refused = flows::resolve(s, tenant, destination, purpose, &r))
            return *refused;
        const qint64 now = m_ctx.clock.nowMs();
        Outcome o;
        o.tenant = tenant;
        o.destination = r.destination.value;
        o.purpose = purposeName(purpose);
        if (r.destination.kind == Destination::Kind::Phone && !r.policy.allowedCountries.isEmpty() &&
            !r.policy.allowedCountries.contains(r.destination.region)) {
            o.status = OutcomeStatus::CountryNotAllowed;
            o.message = QStringLiteral("codes are not sent to %1 numbers").arg(r.destination.region);
            return o;
        }
        const Gate gate = sendGate(s, tenant, r.destination, r.policy, now);
        o.status = gate.status;
        o.message = gate.message;
        o.details = gate.details;
        if (gate.retryAfterMs > 0)
            o.retryAfterS = ceilSeconds(gate.retryAfterMs);
        o.details.insert(QStringLiteral("next_send_at"),
                         QDateTime::fromMSecsSinceEpoch(now + qMax<qint64>(0, gate.retryAfterMs), Qt::UTC).toString(Qt::ISODateWithMs));
        if (auto c = ChallengeStore(s).latest(tenant, o.destination, o.purpose)) {
            QJsonObject active = c->toJson();
            if (c->status == QLatin1String("pending") && c->expiresAt > now)
                active.insert(QStringLiteral("attempts_remaining"), c->maxAttempts - c->attempts);
            else if (c->status == QLatin1String("pending"))
                active.insert(QStringLiteral("status"), QStringLiteral("expired"));
            o.details.insert(QStringLiteral("latest_challenge"), active);
        }
        return o;
    });
}

Outcome ReadFlow::history(const QString& tenant, const QString& destination, int limit)
{
    return m_ctx.guarded([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        flows::Resolved r;
        if (auto refused = flows::resolve(s, tenant, destination, Purpose::Login, &r))
            return *refused;
        Outcome o = Outcome::make(OutcomeStatus::Ok, {});
        o.tenant = tenant;
        o.destination = r.destination.value;
        QJsonArray items;
        DeliveryLog log(s);
        const QList<ChallengeRow> challenges = ChallengeStore(s).forDestination(tenant, o.destination, limit);
        QList<qint64> ids;
        for (const ChallengeRow& c : challenges)
            ids.append(c.id);
        // Every challenge's guesses in one read: what each led to, never what was typed.
        const QHash<qint64, QList<VerifyAttemptRow>> guesses = VerifyAttempts(s).forChallenges(ids);
        for (const ChallengeRow& c : challenges) {
            QJsonObject item = c.toJson();
            QJsonArray deliveries;
            for (const DeliveryRow& d : log.forChallenge(c.id))
                deliveries.append(d.toJson());
            item.insert(QStringLiteral("deliveries"), deliveries);
            QJsonArray tried;
            for (const VerifyAttemptRow& g : guesses.value(c.id))
                tried.append(g.toJson());
            item.insert(QStringLiteral("guesses"), tried);
            items.append(item);
        }
        o.details.insert(QStringLiteral("challenges"), items);
        o.message = QStringLiteral("%1 challenge(s)").arg(items.size());
        return o;
    });
}

Outcome ReadFlow::lockouts(const QString& tenant, bool activeOnly, int limit)
{
    return m_ctx.guarded([&]() -> Outcome {
        if (!FlowContext::isValidTenant(tenant))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
        const qint64 now = m_ctx.clock.nowMs();
        QJsonArray items;
        for (const LockoutRow& l : LockoutStore(m_ctx.db.session()).list(tenant, activeOnly, now, limit))
            items.append(l.toJson(now));
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 lockout(s)").arg(items.size()));
        o.tenant = tenant;
        o.details.insert(QStringLiteral("lockouts"), items);
        return o;
    });
}

Outcome ReadFlow::accounts(const QString& tenant, const QString& destination)
{
    return m_ctx.guarded([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        flows::Resolved r;
        if (auto refused = flows::resolve(s, tenant, destination, Purpose::Login, &r))
            return *refused;
        Outcome o = Outcome::make(OutcomeStatus::Ok, {});
        o.tenant = tenant;
        o.destination = r.destination.value;
        if (auto a = AccountStore(s).find(tenant, o.destination)) {
            o.details.insert(QStringLiteral("exists"), true);
            o.details.insert(QStringLiteral("account"), a->toJson());
            o.message = a->profileCompleted ? QStringLiteral("account found, profile complete")
                                            : QStringLiteral("account found, profile incomplete");
        } else {
            o.details.insert(QStringLiteral("exists"), false);
            o.message = QStringLiteral("no account for this destination");
        }
        return o;
    });
}

Outcome ReadFlow::updateProfile(const QString& tenant, const QString& destination, const ProfileUpdate& profile,
                                  const Actor& actor)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        flows::Resolved r;
        if (auto refused = flows::resolve(s, tenant, destination, Purpose::Login, &r))
            return *refused;
        ProfileUpdate p = profile;
        if (!p.email.isEmpty()) {
            const ParsedDestination e = DestinationParser::parseEmail(p.email);
            if (!e.ok)
                return Outcome::make(OutcomeStatus::InvalidInput, e.error);
            p.email = e.destination.value;
        }
        for (const QString& tooLong : {InputLimits::problem(QStringLiteral("first_name"), p.firstName, InputLimits::kFirstName),
                                       InputLimits::problem(QStringLiteral("last_name"), p.lastName, InputLimits::kLastName),
                                       InputLimits::problem(QStringLiteral("address"), p.address, InputLimits::kAddress)})
            if (!tooLong.isEmpty())
                return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
        const qint64 now = m_ctx.clock.nowMs();
        WriteTransaction tx(s);
        AccountStore accounts(s);
        auto a = accounts.find(tenant, r.destination.value);
        if (!a)
            return Outcome::make(OutcomeStatus::NoActiveCode, QStringLiteral("no account for this destination"));
        accounts.updateProfile(*a, p, now);
        if (actor.isPerson())
            AuditLog(s).record(actor, QStringLiteral("update_profile"), tenant, r.destination.value,
                               {{QStringLiteral("account"), a->id}}, now);
        tx.commit();
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("profile updated"));
        o.destination = r.destination.value;
        o.details.insert(QStringLiteral("account"), accounts.find(tenant, r.destination.value)->toJson());
        return o;
    });
}

Outcome ReadFlow::auditTrail(int limit, const QString& target)
{
    return m_ctx.guarded([&]() -> Outcome {
        QJsonArray items;
        for (const AuditRow& a : AuditLog(m_ctx.db.session()).recent(limit, target))
            items.append(a.toJson());
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 audit row(s)").arg(items.size()));
        o.details.insert(QStringLiteral("audit"), items);
        return o;
    });
}

Outcome ReadFlow::stats(qint64 windowS, const QString& groupBy)
{
    return m_ctx.guarded([&]() -> Outcome {
        if (groupBy != QLatin1String("vendor") && groupBy != QLatin1String("channel") && groupBy != QLatin1String("status"))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("--by must be vendor, channel or status"));
        const qint64 now = m_ctx.clock.nowMs();
        Outcome o = Outcome::make(OutcomeStatus::Ok, {});
        o.details = DeliveryStats(m_ctx.db.session()).summarise(now - windowS * 1000, groupBy);
        o.details.insert(QStringLiteral("window_s"), windowS);
        o.details.insert(QStringLiteral("by"), groupBy);
        return o;
    });
}

Outcome ReadFlow::vendorHealth(qint64 windowS)
{
    if (windowS < 60 || windowS > 7 * 86400)
        return Outcome::make(OutcomeStatus::InvalidInput,
                             QStringLiteral("the health window must be between 1 minute and 7 days, not %1 s").arg(windowS));
    return m_ctx.guarded([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        const qint64 now = m_ctx.clock.nowMs();
        QMap<QString, QJsonObject> byVendor;
        for (const VendorConfig& v : VendorStore(s).all())
            byVendor.insert(v.name, QJsonObject{{QStringLiteral("vendor"), v.name}, {QStringLiteral("tries"), 0}});
        for (const VendorHealthRow& h : VendorHealth(s).all(now - windowS * 1000))
            byVendor.insert(h.vendor, h.toJson());
        QHash<QString, BreakerRow> breakers;
        for (const BreakerRow& b : VendorBreaker(s).all())
            breakers.insert(b.vendor, b);
        QJsonArray list;
        int notClosed = 0;
        for (auto it = byVendor.begin(); it != byVendor.end(); ++it) {
            BreakerRow b = breakers.value(it.key());
            b.vendor = it.key();
            if (b.state != QLatin1String("closed"))
                ++notClosed;
            it->insert(QStringLiteral("breaker"), b.toJson());
            list.append(*it);
        }
        for (const BreakerRow& b : std::as_const(breakers)) {
            if (!byVendor.contains(b.vendor)) {
                list.append(QJsonObject{{QStringLiteral("vendor"), b.vendor}, {QStringLiteral("tries"), 0},
                                        {QStringLiteral("breaker"), b.toJson()}});
                if (b.state != QLatin1String("closed"))
                    ++notClosed;
            }
        }
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 vendor(s) over the last %2 min; %3 breaker(s) not closed")
                                                         .arg(list.size()).arg(windowS / 60).arg(notClosed));
        o.details.insert(QStringLiteral("window_s"), windowS);
        o.details.insert(QStringLiteral("vendors"), list);
        return o;
    });
}

Outcome ReadFlow::evaluateAlarms(const QString& tenant)
{
    if (!FlowContext::isValidTenant(tenant))
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
    const Policy policy = m_ctx.effectivePolicy(tenant, Purpose::Login);
    return m_ctx.guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        WriteTransaction tx(s);
        tx.lockKey(QStringLiteral("alarms:") + tenant); // two processes judging at once raise one row
        const AlarmMonitor::Changes c = AlarmMonitor(s).evaluate(tenant, policy, m_ctx.clock.nowMs());
        if (c.raised || c.cleared)
            Database::notifyChange(s);
        tx.commit();
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 alarm(s) raised, %2 cleared").arg(c.raised).arg(c.cleared));
        o.tenant = tenant;
        o.details.insert(QStringLiteral("raised"), c.raised);
        o.details.insert(QStringLiteral("cleared"), c.cleared);
        return o;
    });
}

Outcome ReadFlow::alarms(const QString& tenant, bool activeOnly, int limit)
{
    const Outcome judged = evaluateAlarms(tenant);
    if (judged.status != OutcomeStatus::Ok)
        return judged;
    return m_ctx.guarded([&]() -> Outcome {
        QJsonArray list;
        int active = 0;
        for (const AlarmRow& a : AlarmMonitor(m_ctx.db.session()).list(tenant, activeOnly, limit)) {
            list.append(a.toJson());
            active += a.active() ? 1 : 0;
        }
        Outcome o = Outcome::make(OutcomeStatus::Ok, activeOnly ? QStringLiteral("%1 active alarm(s)").arg(active)
                                                                : QStringLiteral("%1 alarm(s), %2 active").arg(list.size()).arg(active));
        o.tenant = tenant;
        o.details.insert(QStringLiteral("alarms"), list);
        return o;
    });
}

} // namespace otp
