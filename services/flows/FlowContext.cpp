#include "FlowContext.h"
#include "FlowSupport.h"

#include "LockoutStore.h"
#include "PolicyStore.h"
#include "StoreError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QSysInfo>
#include <QUuid>

namespace otp {

Q_LOGGING_CATEGORY(lcFlow, "otp.flow", QtInfoMsg)

FlowContext::FlowContext(Database& database, GatewayRegistry& registry, const Clock& time, RandomSource& random,
                         QByteArray pepper)
    : db(database), gateways(registry), clock(time), generator(random), hasher(std::move(pepper)),
      outbox(database, registry, time, generator, hasher,
             QStringLiteral("%1:%2:%3")
                 .arg(QSysInfo::machineHostName().left(32))
                 .arg(QCoreApplication::applicationPid())
                 .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{
}

bool FlowContext::isValidTenant(const QString& tenant)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(tenant).hasMatch();
}

Outcome FlowContext::guarded(const std::function<Outcome()>& flow)
{
    try {
        return flow();
    } catch (const StoreError& e) {
        qCWarning(lcFlow) << "flow failed:" << e.message();
        return Outcome::make(OutcomeStatus::InternalError, e.message());
    }
}

Outcome FlowContext::guardedTransaction(const std::function<Outcome()>& flow)
{
    return guarded([&] { return retryOnConflict(db.session(), flow); });
}

Policy FlowContext::effectivePolicy(const QString& tenant, Purpose purpose)
{
    return PolicyStore(db.session()).load(tenant, purposeName(purpose));
}

void FlowContext::recordAudit(const Actor& actor, const QString& action, const QString& tenant, const QString& target,
                              const std::function<QJsonObject()>& details)
{
    if (!actor.isPerson())
        return;
    try {
        SqlSession& s = db.session();
        retryOnConflict(s, [&] {
            WriteTransaction tx(s);
            AuditLog(s).record(actor, action, isValidTenant(tenant) ? tenant : QStringLiteral("?"), target.left(320),
                               details(), clock.nowMs());
            tx.commit();
        });
    } catch (const StoreError& e) {
        qCWarning(lcFlow) << "audit row not written:" << e.message();
    }
}

namespace flows {

QString isoTime(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); }

std::optional<Outcome> resolve(SqlSession& s, const QString& tenant, const QString& input, Purpose purpose,
                               Resolved* out)
{
    if (!FlowContext::isValidTenant(tenant))
        return Outcome::make(OutcomeStatus::InvalidInput,
                             QStringLiteral("the tenant id must be 1-64 letters, digits, '.', '_' or '-'"));
    out->policy = PolicyStore(s).loadCached(tenant, purposeName(purpose));
    const ParsedDestination parsed = DestinationParser(out->policy.defaultRegion).parse(input);
    if (!parsed.ok) {
        Outcome o = Outcome::make(OutcomeStatus::InvalidDestination, parsed.error);
        o.tenant = tenant;
        return o;
    }
    out->destination = parsed.destination;
    return std::nullopt;
}

void lockAtAttemptLimit(SqlSession& s, const QString& tenant, const QString& destination, qint64 challengeId,
                        const Policy& policy, qint64 now)
{
    if (challengeId != 0)
        ChallengeStore(s).transition(challengeId, QStringLiteral("pending"), QStringLiteral("locked"), now);
    LockoutStore lockouts(s);
    if (policy.lockoutS > 0 && !lockouts.active(tenant, destination, now))
        lockouts.lock(tenant, destination, QStringLiteral("max_attempts"), challengeId, now,
                      now + qint64(policy.lockoutS) * 1000);
}

} // namespace flows
} // namespace otp
