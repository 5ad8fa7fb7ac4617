#include "AdminFlow.h"

#include "ChallengeStore.h"
#include "DeliveryLog.h"
#include "FlowSteps.h"
#include "FlowSupport.h"
#include "GatewayFactory.h"
#include "InputLimits.h"
#include "LockoutStore.h"
#include "PolicyStore.h"
#include "VendorBreaker.h"
#include "VendorStore.h"

#include <QJsonArray>

namespace otp {

namespace {
// A vendor named in a route must be loaded here and serve the channel, or be enabled in the
// vendors table. Returns what is wrong with it, or nothing.
QString vendorProblem(SqlSession& s, GatewayRegistry& gateways, const QString& v, Channel channel)
{
    QString problem;
    if (const auto g = gateways.find(v)) {
        if (!g->supports(channel))
            problem = QStringLiteral("vendor '%1' does not deliver over %2").arg(v, channelName(channel));
    } else if (const auto row = VendorStore(s).find(v); row && !row->enabled) {
        problem = QStringLiteral("vendor '%1' is disabled").arg(v);
    } else if (!row) {
        QStringList known = gateways.names();
        for (const VendorConfig& c : VendorStore(s).all())
            if (c.enabled && !known.contains(c.name))
                known << c.name;
        problem = QStringLiteral("there is no vendor named '%1' (configured: %2)").arg(v, known.join(QStringLiteral(", ")));
    }
    return problem;
}

// A route or fallback set now must lead to a vendor, or every send would fail later: each
// vendor named is loaded here or enabled in the vendors table, and serves the channel.
// Returns the first problem of the values set, or nothing.
QString routeProblem(SqlSession& s, GatewayRegistry& gateways, const Policy& candidate,
                     const QMap<QString, QString>& values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("fallback_"))) {
            const QString target = candidate.fallbacks.value(it.key().mid(9));
            const auto channel = channelFromName(target);
            QString why;
            if (channel && candidate.routes.value(target).isEmpty() && !gateways.route(*channel, {}, &why))
                return QStringLiteral("%1=%2: no vendor delivers %2 (%3); set route_%2 first").arg(it.key(), target, why);
            continue;
        }
        const auto named = it.key().startsWith(QLatin1String("route_")) ? channelFromName(it.key().mid(6)) : std::nullopt;
        if (!named)
            continue;
        const Channel channel = *named;
        for (const QString& v : candidate.routes.value(channelName(channel))) {
            const QString problem = vendorProblem(s, gateways, v, channel);
            if (!problem.isEmpty())
                return it.key() + QStringLiteral(": ") + problem;
        }
    }
    return {};
}
} // namespace

Outcome AdminFlow::cancel(const QString& tenant, const QString& destination, Purpose purpose, const Actor& actor,
                           const QString& reason)
{
    Outcome result = m_ctx.guardedTransaction([&]() -> Outcome {
        if (const QString tooLong = InputLimits::problem(QStringLiteral("the reason"), reason, InputLimits::kReason); !tooLong.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
        SqlSession& s = m_ctx.db.session();
        flows::Resolved r;
        if (auto refused = flows::resolve(s, tenant, destination, purpose, &r))
            return *refused;
        Outcome o;
        o.tenant = tenant;
        o.destination = r.destination.value;
        o.purpose = purposeName(purpose);
        const qint64 now = m_ctx.clock.nowMs();
        ChallengeStore challenges(s);
        WriteTransaction tx(s);
        auto c = challenges.latest(tenant, o.destination, o.purpose);
        if (!c || !challenges.transition(c->id, QStringLiteral("pending"), QStringLiteral("canceled"), now)) {
            o.status = OutcomeStatus::NoActiveCode;
            o.message = QStringLiteral("there is no active code to cancel");
            return o;
        }
        if (actor.isPerson())
            AuditLog(s).record(actor, QStringLiteral("cancel"), tenant, o.destination,
                               {{QStringLiteral("purpose"), o.purpose}, {QStringLiteral("reason"), reason},
                                {QStringLiteral("challenge"), c->ref}}, now);
        flowStep("cancel.written");
        tx.commit();
        flowStep("cancel.committed");
        o.challengeRef = c->ref;
        o.status = OutcomeStatus::Canceled;
        o.message = QStringLiteral("the active code was canceled");
        return o;
    });
    return result;
}

Outcome AdminFlow::cancelById(const QString& tenant, const QString& challengeRef, const QString& reason, const Actor& actor)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        if (const QString tooLong = InputLimits::problem(QStringLiteral("the reason"), reason, InputLimits::kReason); !tooLong.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
        if (!FlowContext::isValidTenant(tenant))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
        SqlSession& s = m_ctx.db.session();
        ChallengeStore challenges(s);
        WriteTransaction tx(s);
        const auto c = challenges.byRef(tenant, challengeRef.trimmed().toLower().left(64));
        Outcome o = Outcome::make(OutcomeStatus::NoActiveCode, QStringLiteral("there is no verification with this id"));
        o.tenant = tenant;
        o.details.insert(QStringLiteral("found"), bool(c));
        if (!c)
            return o;
        o.destination = c->destination;
        o.purpose = c->purpose;
        o.channel = c->channel;
        o.challengeRef = c->ref;
        o.challengeId = c->id;
        // The time is read under the write lock: an expiry judged now is not undone by a commit we waited for.
        const qint64 now = m_ctx.clock.nowMs();
        if (c->status != QLatin1String("pending") || c->expiresAt <= now ||
            !challenges.transition(c->id, QStringLiteral("pending"), QStringLiteral("canceled"), now)) {
            const QString state = c->status == QLatin1String("pending") ? QStringLiteral("expired") : c->status;
            o.message = QStringLiteral("the verification is already final (%1)").arg(state);
            o.details.insert(QStringLiteral("verification_status"), state);
            return o;
        }
        if (actor.isPerson())
            AuditLog(s).record(actor, QStringLiteral("cancel"), tenant, c->destination,
                               {{QStringLiteral("purpose"), c->purpose}, {QStringLiteral("reason"), reason},
                                {QStringLiteral("challenge"), c->ref}}, now);
        Database::notifyChange(s);
        flowStep("cancel.written");
        tx.commit();
        flowStep("cancel.committed");
        o.status = OutcomeStatus::Canceled;
        o.message = QStringLiteral("the code was canceled");
        o.details.insert(QStringLiteral("verification_status"), QStringLiteral("canceled"));
        return o;
    });
}

Outcome AdminFlow::unlock(const QString& tenant, const QString& destination, const Actor& actor, const QString& reason)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        if (reason.trimmed().isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("an unlock needs a reason"));
        if (!actor.isPerson())
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("an unlock needs a named person"));
        for (const QString& tooLong : {InputLimits::problem(QStringLiteral("the reason"), reason.trimmed(), InputLimits::kReason),
                                       InputLimits::problem(QStringLiteral("the operator name"), actor.user, InputLimits::kActorName)})
            if (!tooLong.isEmpty())
                return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
        SqlSession& s = m_ctx.db.session();
        flows::Resolved r;
        if (auto refused = flows::resolve(s, tenant, destination, Purpose::Login, &r))
            return *refused;
        Outcome o;
        o.tenant = tenant;
        o.destination = r.destination.value;
        const qint64 now = m_ctx.clock.nowMs();
        WriteTransaction tx(s);
        const int released = LockoutStore(s).release(tenant, o.destination, now, actor.user, reason.trimmed());
        flowStep("unlock.released");
        if (released == 0) {
            o.status = OutcomeStatus::NotLocked;
            o.message = QStringLiteral("this destination is not locked");
            return o;
        }
        AuditLog(s).record(actor, QStringLiteral("unlock"), tenant, o.destination,
                           {{QStringLiteral("reason"), reason.trimmed()}, {QStringLiteral("released"), released}}, now);
        flowStep("unlock.written");
        tx.commit();
        flowStep("unlock.committed");
        o.status = OutcomeStatus::Unlocked;
        o.message = QStringLiteral("the lockout was released");
        return o;
    });
}

Outcome AdminFlow::policyShow(const QString& tenant, std::optional<Purpose> purpose)
{
    return m_ctx.guarded([&]() -> Outcome {
        if (!FlowContext::isValidTenant(tenant))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
        const Policy p = m_ctx.effectivePolicy(tenant, purpose.value_or(Purpose::Login));
        Outcome o = Outcome::make(OutcomeStatus::Ok, {});
        o.tenant = tenant;
        o.purpose = purpose ? purposeName(*purpose) : QStringLiteral("*");
        QJsonObject values;
        const auto map = p.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            values.insert(it.key(), it.value());
        o.details.insert(QStringLiteral("policy"), values);
        return o;
    });
}

Outcome AdminFlow::policySet(const QString& tenant, std::optional<Purpose> purpose, const QMap<QString, QString>& values,
                              const Actor& actor)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        if (!FlowContext::isValidTenant(tenant))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
        if (values.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("give at least one KEY=VALUE"));
        SqlSession& s = m_ctx.db.session();
        const qint64 now = m_ctx.clock.nowMs();
        const QString scope = purpose ? purposeName(*purpose) : QString::fromLatin1(PolicyStore::kAllPurposes);
        WriteTransaction tx(s);
        // Saving is delete-then-insert per key, validated against the whole: one writer per tenant.
        tx.lockKey(QStringLiteral("policy:") + tenant);
        // Validate everything against the policy as it would become, before writing anything.
        const QList<Purpose> affected = purpose ? QList<Purpose>{*purpose}
                                                : QList<Purpose>{Purpose::Login, Purpose::Registration,
                                                                 Purpose::PasswordReset, Purpose::Signup};
        QMap<QString, QString> normalised;
        for (Purpose p : affected) {
            Policy candidate = PolicyStore(s).load(tenant, purposeName(p));
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                const QString problem = candidate.set(it.key(), it.value());
                if (!problem.isEmpty())
                    return Outcome::make(OutcomeStatus::InvalidInput, problem);
                normalised.insert(it.key(), candidate.value(it.key()));
            }
            const QString inconsistent = candidate.consistencyProblem();
            if (!inconsistent.isEmpty())
                return Outcome::make(OutcomeStatus::InvalidInput, inconsistent);
            if (const QString problem = routeProblem(s, m_ctx.gateways, candidate, values); !problem.isEmpty())
                return Outcome::make(OutcomeStatus::InvalidInput, problem);
        }
        PolicyStore(s).save(tenant, scope, normalised, now);
        if (actor.isPerson()) {
            QJsonObject changed;
            for (auto it = normalised.cbegin(); it != normalised.cend(); ++it)
                changed.insert(it.key(), it.value());
            AuditLog(s).record(actor, QStringLiteral("policy_set"), tenant, scope, {{QStringLiteral("values"), changed}}, now);
        }
        tx.commit();
        Outcome o = policyShow(tenant, purpose);
        o.message = QStringLiteral("policy updated");
        return o;
    });
}

Outcome AdminFlow::vendors()
{
    return m_ctx.guarded([&]() -> Outcome {
        QJsonArray list;
        for (const VendorConfig& v : VendorStore(m_ctx.db.session()).all()) {
            list.append(QJsonObject{{QStringLiteral("name"), v.name},
                                    {QStringLiteral("kind"), v.kind},
                                    {QStringLiteral("settings"), v.settings},
                                    {QStringLiteral("secret"), v.secretName},
                                    {QStringLiteral("enabled"), v.enabled},
                                    {QStringLiteral("loaded"), bool(m_ctx.gateways.find(v.name))}});
        }
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 vendor(s) configured").arg(list.size()));
        o.details.insert(QStringLiteral("vendors"), list);
        return o;
    });
}

Outcome AdminFlow::saveVendor(const VendorConfig& config, const Actor& actor)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        QString problem = VendorStore::problem(config);
        if (problem.isEmpty() && config.kind != QLatin1String("dev"))
            validateGatewayConfig(config, &problem);
        if (!problem.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, problem);
        SqlSession& s = m_ctx.db.session();
        const qint64 now = m_ctx.clock.nowMs();
        WriteTransaction tx(s);
        tx.lockKey(QStringLiteral("vendor:") + config.name); // save is delete-then-insert
        VendorStore(s).save(config, now);
        // The audit row names the secret, never its value (there is none here to leak).
        AuditLog(s).record(actor, QStringLiteral("vendor_save"), QStringLiteral("*"), config.name,
                           {{QStringLiteral("kind"), config.kind}, {QStringLiteral("settings"), config.settings},
                            {QStringLiteral("secret"), config.secretName}}, now);
        tx.commit();
        return Outcome::make(OutcomeStatus::Ok, QStringLiteral("vendor %1 saved; processes pick it up when they start")
                                                    .arg(config.name));
    });
}

Outcome AdminFlow::removeVendor(const QString& name, const Actor& actor)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        const qint64 now = m_ctx.clock.nowMs();
        WriteTransaction tx(s);
        if (!VendorStore(s).remove(name))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("there is no vendor named '%1'").arg(name));
        AuditLog(s).record(actor, QStringLiteral("vendor_remove"), QStringLiteral("*"), name, {}, now);
        tx.commit();
        return Outcome::make(OutcomeStatus::Ok, QStringLiteral("vendor %1 removed").arg(name));
    });
}

Outcome AdminFlow::forceBreaker(const QString& vendor, bool open, const QString& reason, const Actor& actor)
{
    if (reason.trimmed().isEmpty())
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("forcing a vendor's breaker needs a reason (--reason TEXT)"));
    if (const QString tooLong = InputLimits::problem(QStringLiteral("the reason"), reason, InputLimits::kReason); !tooLong.isEmpty())
        return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
    return m_ctx.guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        if (!m_ctx.gateways.find(vendor) && !VendorStore(s).find(vendor))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("there is no vendor named '%1'").arg(vendor));
        WriteTransaction tx(s);
        VendorBreaker(s).force(vendor, open, reason.trimmed(), actor, m_ctx.clock.nowMs());
        Database::notifyChange(s);
        tx.commit();
        return Outcome::make(OutcomeStatus::Ok, open ? QStringLiteral("vendor %1 is open: routes skip it until it is closed by hand").arg(vendor)
                                                     : QStringLiteral("vendor %1 is closed: routes use it again").arg(vendor));
    });
}

Outcome AdminFlow::recordSecretChange(const QString& action, const QString& name, const QString& store, const Actor& actor)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        WriteTransaction tx(s);
        AuditLog(s).record(actor, action, QStringLiteral("*"), QStringLiteral("secret:") + name,
                           {{QStringLiteral("name"), name}, {QStringLiteral("store"), store}}, m_ctx.clock.nowMs());
        tx.commit();
        return Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 recorded for secret %2").arg(action, name));
    });
}

Outcome AdminFlow::cleanup(const Actor& actor, int staleAfterS)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        const qint64 now = m_ctx.clock.nowMs();
        WriteTransaction tx(s);
        ChallengeStore challenges(s);
        // Undelivered first: a code that never left must read delivery_failed, not merely expired.
        m_ctx.outbox.recoverLost();
        const QList<qint64> abandoned = DeliveryLog(s).abandonStale(now - qint64(staleAfterS) * 1000, now);
        for (qint64 id : abandoned)
            challenges.transition(id, QStringLiteral("pending"), QStringLiteral("delivery_failed"), now);
        const int expired = challenges.expireOverdue(now);
        const QJsonObject details{{QStringLiteral("expired"), expired},
                                  {QStringLiteral("abandoned_deliveries"), int(abandoned.size())}};
        if (actor.isPerson())
            AuditLog(s).record(actor, QStringLiteral("cleanup"), QStringLiteral("*"), QStringLiteral("*"), details, now);
        tx.commit();
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 challenge(s) expired, %2 stuck deliveries failed")
                                                        .arg(expired).arg(abandoned.size()));
        o.details = details;
        return o;
    });
}

} // namespace otp
