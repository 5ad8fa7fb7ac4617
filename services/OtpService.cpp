#include "OtpService.h"

#include "ChallengeStore.h"
#include "DeliveryLog.h"
#include "DeliveryStats.h"
#include "DestinationParser.h"
#include "LockoutStore.h"
#include "PolicyStore.h"
#include "StoreError.h"
#include "GatewayFactory.h"
#include "VendorStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

namespace otp {

Q_LOGGING_CATEGORY(lcFlow, "otp.flow", QtInfoMsg)

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

qint64 ceilSeconds(qint64 ms) { return ms <= 0 ? 0 : (ms + 999) / 1000; }

struct Resolved
{
    Policy policy;
    Destination destination;
};
} // namespace

OtpService::OtpService(Database& db, GatewayRegistry& gateways, const Clock& clock, RandomSource& random, QByteArray pepper)
    : m_db(db), m_gateways(gateways), m_clock(clock), m_generator(random), m_hasher(std::move(pepper)),
      m_outbox(db, gateways, clock, m_generator, m_hasher,
               QStringLiteral("%1:%2:%3")
                   .arg(QSysInfo::machineHostName().left(32))
                   .arg(QCoreApplication::applicationPid())
                   .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{
}

bool OtpService::isValidTenant(const QString& tenant)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(tenant).hasMatch();
}

Outcome OtpService::guarded(const std::function<Outcome()>& flow)
{
    try {
        return flow();
    } catch (const StoreError& e) {
        qCWarning(lcFlow) << "flow failed:" << e.message();
        return Outcome::make(OutcomeStatus::InternalError, e.message());
    }
}

Outcome OtpService::guardedTransaction(const std::function<Outcome()>& flow)
{
    return guarded([&] { return retryOnConflict(m_db.session(), flow); });
}

Policy OtpService::effectivePolicy(const QString& tenant, Purpose purpose)
{
    return PolicyStore(m_db.session()).load(tenant, purposeName(purpose));
}

// Validates tenant and destination before anything is written. On failure returns the outcome to give.
static std::optional<Outcome> resolve(SqlSession& s, const QString& tenant, const QString& input, Purpose purpose,
                                      Resolved* out)
{
    if (!OtpService::isValidTenant(tenant))
        return Outcome::make(OutcomeStatus::InvalidInput,
                             QStringLiteral("the tenant id must be 1-64 letters, digits, '.', '_' or '-'"));
    out->policy = PolicyStore(s).load(tenant, purposeName(purpose));
    const ParsedDestination parsed = DestinationParser(out->policy.defaultRegion).parse(input);
    if (!parsed.ok) {
        Outcome o = Outcome::make(OutcomeStatus::InvalidDestination, parsed.error);
        o.tenant = tenant;
        return o;
    }
    out->destination = parsed.destination;
    return std::nullopt;
}

OtpService::Gate OtpService::sendGate(SqlSession& s, const QString& tenant, const QString& destination,
                                      const QString& prefix, const Policy& policy, qint64 now)
{
    Gate g;
    DeliveryLog log(s);
    const int lastHour = log.sendsSince(tenant, destination, now - kHourMs);
    const int lastDay = log.sendsSince(tenant, destination, now - kDayMs);
    const qint64 lastSend = log.lastSendAt(tenant, destination);
    g.details = QJsonObject{{QStringLiteral("sends_last_hour"), lastHour},
                            {QStringLiteral("sends_per_hour"), policy.sendsPerHour},
                            {QStringLiteral("sends_last_day"), lastDay},
                            {QStringLiteral("sends_per_day"), policy.sendsPerDay},
                            {QStringLiteral("cooldown_s"), policy.cooldownS}};

    if (auto lock = LockoutStore(s).active(tenant, destination, now)) {
        g.status = OutcomeStatus::Locked;
        g.message = QStringLiteral("this destination is locked (%1) until %2")
                        .arg(lock->reason, QDateTime::fromMSecsSinceEpoch(lock->lockedUntil, Qt::UTC).toString(Qt::ISODate));
        g.retryAfterMs = lock->lockedUntil - now;
        g.details.insert(QStringLiteral("lockout"), lock->toJson(now));
        return g;
    }
    if (lastSend > 0 && now - lastSend < qint64(policy.cooldownS) * 1000) {
        g.status = OutcomeStatus::Cooldown;
        g.retryAfterMs = lastSend + qint64(policy.cooldownS) * 1000 - now;
        g.message = QStringLiteral("a code was sent %1 s ago; wait %2 s before sending another")
                        .arg((now - lastSend) / 1000).arg(ceilSeconds(g.retryAfterMs));
        return g;
    }
    if (lastHour >= policy.sendsPerHour) {
        g.status = OutcomeStatus::RateLimited;
        g.retryAfterMs = log.oldestSendSince(tenant, destination, now - kHourMs) + kHourMs - now;
        g.message = QStringLiteral("%1 codes were sent in the last hour (the limit is %2)").arg(lastHour).arg(policy.sendsPerHour);
        return g;
    }
    if (lastDay >= policy.sendsPerDay) {
        g.status = OutcomeStatus::RateLimited;
        g.retryAfterMs = log.oldestSendSince(tenant, destination, now - kDayMs) + kDayMs - now;
        g.message = QStringLiteral("%1 codes were sent in the last 24 hours (the limit is %2)").arg(lastDay).arg(policy.sendsPerDay);
        return g;
    }
    const qint64 window = qint64(policy.prefixBurstWindowS) * 1000;
    const int burst = log.prefixSendsSince(prefix, now - window);
    if (burst >= policy.prefixBurstCap) {
        // Many numbers of one block in a short time is the signature of SMS pumping (toll fraud).
        g.status = OutcomeStatus::RateLimited;
        g.retryAfterMs = log.oldestPrefixSendSince(prefix, now - window) + window - now;
        g.message = QStringLiteral("too many codes went to numbers starting %1 in the last %2 s (limit %3): "
                                   "possible SMS pumping").arg(prefix).arg(policy.prefixBurstWindowS).arg(policy.prefixBurstCap);
        return g;
    }
    g.message = QStringLiteral("a code can be sent now");
    return g;
}

Outcome OtpService::send(const SendRequest& request, const Actor& actor)
{
    return issue(request, actor, false);
}

Outcome OtpService::resend(const SendRequest& request, const Actor& actor)
{
    return issue(request, actor, true);
}

Outcome OtpService::issue(const SendRequest& request, const Actor& actor, bool isResend)
{
    const QString action = isResend ? QStringLiteral("resend") : QStringLiteral("send");
    Outcome result = guarded([&]() -> Outcome {
        SqlSession& s = m_db.session();
        Resolved r;
        if (auto refused = resolve(s, request.tenant, request.destination, request.purpose, &r))
            return *refused;
        const Destination& dest = r.destination;
        const Policy& policy = r.policy;
        const bool isEmail = dest.kind == Destination::Kind::Email;

        Outcome o;
        o.tenant = request.tenant;
        o.destination = dest.value;
        o.purpose = purposeName(request.purpose);

        if (!isEmail && !policy.allowedCountries.isEmpty() && !policy.allowedCountries.contains(dest.region)) {
            o.status = OutcomeStatus::CountryNotAllowed;
            o.message = QStringLiteral("codes are not sent to %1 numbers (allowed: %2)")
                            .arg(dest.region, policy.allowedCountries.join(QStringLiteral(", ")));
            return o;
        }

        qint64 now = m_clock.nowMs();
        ChallengeStore challenges(s);
        DeliveryLog log(s);

        // The resend of a live challenge keeps its channel unless another is asked for.
        std::optional<ChallengeRow> previous = challenges.latest(request.tenant, dest.value, o.purpose);
        // A resend reuses the latest challenge only while its code is still usable.
        auto resendable = [&](const std::optional<ChallengeRow>& c) {
            return isResend && c && c->status == QLatin1String("pending") && c->expiresAt > now;
        };
        const bool reuse = resendable(previous);
        Channel channel = request.channel.value_or(isEmail ? Channel::Email : Channel::Sms);
        if (reuse && !request.channel)
            channel = channelFromName(previous->channel).value_or(channel);
        if ((channel == Channel::Email) != isEmail) {
            o.status = OutcomeStatus::InvalidInput;
            o.message = isEmail ? QStringLiteral("an email address can only receive codes by email")
                                : QStringLiteral("the email channel needs an email address");
            return o;
        }
        o.channel = channelName(channel);
        QString routeError;
        const QList<Outbox::Hop> hops = m_outbox.plan(channel, request.vendor, policy, &routeError);
        if (hops.isEmpty()) {
            o.status = OutcomeStatus::InvalidInput;
            o.message = routeError;
            return o;
        }

        // No code is drawn here: the outbox draws it when the vendor is called (see Outbox.h), so a
        // queued send keeps nothing secret in the database. Until then the challenge has no usable code.
        const bool async = policy.delivery == Policy::Delivery::Async;
        qint64 deliveryId = 0;
        // Decided and written in one transaction; a lock conflict runs it again from its reads.
        const std::optional<Outcome> refused = retryOnConflict(s, [&]() -> std::optional<Outcome> {
            WriteTransaction tx(s);
            // One sender per number block at a time, on every engine: the gate reads counts and then
            // inserts the send it allowed, and READ COMMITTED would let two concurrent senders both pass.
            // The prefix covers the destination's own caps and the per-prefix burst cap alike.
            tx.lockKey(QStringLiteral("send:") + dest.prefix);
            // The time is read once the lock is held: a send committed while we waited must lie in our
            // past, or its cooldown would be measured backwards.
            now = m_clock.nowMs();
            // Re-read inside the write lock: what we saw before may have changed.
            previous = challenges.latest(request.tenant, dest.value, o.purpose);
            const Gate gate = sendGate(s, request.tenant, dest.value, dest.prefix, policy, now);
            if (gate.status != OutcomeStatus::CanSend) {
                Outcome refusal = o;
                refusal.status = gate.status;
                refusal.message = gate.message;
                refusal.retryAfterS = ceilSeconds(gate.retryAfterMs);
                return refusal;
            }
            ChallengeRow c;
            int sendNo = 1;
            if (resendable(previous)) {
                // Resend: the same challenge, and its old code dies now with its hash; the attempt
                // count is deliberately kept (SECURITY.md row 7).
                c = *previous;
                c.expiresAt = now + qint64(policy.ttlS) * 1000;
                if (!challenges.replaceCode(c.id, QString(), c.expiresAt, now))
                    throw StoreError(QStringLiteral("the challenge changed during resend"));
                sendNo = DeliveryLog(s).latestSendNo(c.id) + 1;
            } else {
                int carried = 0;
                if (previous && (previous->status == QLatin1String("pending") || previous->status == QLatin1String("expired")) &&
                    previous->createdAt > now - kHourMs) {
                    // A fresh send must not wipe the wrong guesses of the code it replaces.
                    carried = previous->attempts;
                }
                if (previous && previous->status == QLatin1String("pending"))
                    challenges.transition(previous->id, QStringLiteral("pending"),
                                          previous->expiresAt > now ? QStringLiteral("superseded") : QStringLiteral("expired"), now);
                c.ref = QUuid::createUuid().toString(QUuid::WithoutBraces);
                c.tenant = request.tenant;
                c.destination = dest.value;
                c.destPrefix = dest.prefix;
                c.destRegion = dest.region;
                c.channel = o.channel;
                c.purpose = o.purpose;
                c.status = QStringLiteral("pending");
                c.attempts = carried;
                c.maxAttempts = policy.maxAttempts;
                c.sendCount = 1;
                c.codeLength = policy.codeLength;
                c.createdAt = now;
                c.expiresAt = now + qint64(policy.ttlS) * 1000;
                c.lastVendor = hops.first().vendor;
                c.id = challenges.insert(c);
            }
            // Sync: the first try is leased to this call, so no worker takes it while we send it.
            // Async: the row is free for whichever worker comes first (this process's included).
            deliveryId = log.open(c.id, c.tenant, c.destination, dest.prefix, hops.first().vendor,
                                  channelName(hops.first().channel), sendNo, QStringLiteral("queued"), now,
                                  async ? QString() : m_outbox.owner(), now + m_outbox.leaseMs());
            Database::notifyChange(s);
            tx.commit();
            o.challengeRef = c.ref;
            o.challengeId = c.id;
            o.expiresAtMs = c.expiresAt;
            o.attemptsRemaining = c.maxAttempts - c.attempts;
            return std::nullopt;
        });
        if (refused)
            return *refused;

        if (async) {
            {
                QMutexLocker lock(&m_pendingMutex);
                m_pending.append(deliveryId);
            }
            o.status = OutcomeStatus::Queued;
            o.message = QStringLiteral("the code is queued for delivery by %1").arg(hops.first().vendor);
            return o;
        }
        return deliverNow(deliveryId, o);
    });
    result.tenant = request.tenant;
    recordAudit(actor, action, request.tenant, result.destination.isEmpty() ? request.destination : result.destination,
                {{QStringLiteral("purpose"), purposeName(request.purpose)},
                 {QStringLiteral("channel"), result.channel},
                 {QStringLiteral("status"), result.statusName()}});
    return result;
}

Outcome OtpService::deliverNow(qint64 deliveryId, Outcome o)
{
    Outbox::TryResult t;
    for (qint64 id = deliveryId; id != 0;) {
        t = m_outbox.attempt(id, false, true);
        id = t.final ? 0 : t.nextDeliveryId;
    }
    o.vendor = t.answer;
    if (t.accepted) {
        o.status = OutcomeStatus::Sent;
        o.message = QStringLiteral("the code was sent by %1").arg(t.answer.vendor);
    } else {
        o.status = OutcomeStatus::DeliveryFailed;
        o.message = QStringLiteral("%1 did not accept the message: %2").arg(t.answer.vendor, t.answer.reason);
        o.attemptsRemaining.reset();
        o.expiresAtMs = 0;
    }
    qCInfo(lcFlow) << "delivery" << o.challengeRef << t.answer.vendor << o.statusName() << t.answer.latencyMs << "ms";
    return o;
}

int OtpService::deliverPending()
{
    int accepted = 0;
    for (;;) {
        qint64 id = 0;
        {
            QMutexLocker lock(&m_pendingMutex);
            if (m_pending.isEmpty())
                break;
            id = m_pending.takeFirst();
        }
        guarded([&]() -> Outcome {
            // Retryable failures are queued with backoff for whichever worker is due first; a
            // non-retryable one moves on to the next vendor of the route right here.
            if (!m_outbox.claim(id, m_clock.nowMs()))
                return Outcome::make(OutcomeStatus::Ok, {}); // a worker was faster: it is delivered once either way
            for (qint64 next = id; next != 0;) {
                const Outbox::TryResult t = m_outbox.attempt(next, true, true);
                if (t.accepted)
                    ++accepted;
                next = (!t.final && t.nextDeliveryId != 0) ? t.nextDeliveryId : 0;
                if (next != 0) {
                    // A backoff row is for later: release our lease so any worker may take it when due.
                    const auto row = DeliveryLog(m_db.session()).byId(next);
                    if (row && row->nextTryAt > m_clock.nowMs()) {
                        m_db.session().update(QStringLiteral("UPDATE deliveries SET lease_owner = NULL, lease_until = NULL "
                                                             "WHERE id = ? AND state = 'queued'"), {next});
                        next = 0;
                    }
                }
            }
            return Outcome::make(OutcomeStatus::Ok, {});
        });
    }
    return accepted;
}

int OtpService::deliverDue(int max)
{
    // The worker loop calls this every pass and keeps going whatever happens. While the database is
    // away every pass fails: say so once when it starts and once when passes succeed again, not per
    // pass (Database logs the outage itself once too). A pass that failed halfway is safe to run
    // again: claims and state changes are conditional UPDATEs (see Database::reopen).
    try {
        const int tried = m_outbox.deliverDue(max);
        if (m_deliveryFailing.exchange(false))
            qCInfo(lcFlow) << "outbox passes succeed again";
        return tried;
    } catch (const StoreError& e) {
        if (!m_deliveryFailing.exchange(true))
            qCWarning(lcFlow) << "outbox pass failed (retrying every pass, logged once):" << e.message();
        return 0;
    }
}

int OtpService::pendingCount() const
{
    QMutexLocker lock(&m_pendingMutex);
    return int(m_pending.size());
}

Outcome OtpService::verify(const VerifyRequest& request, const Actor& actor)
{
    Outcome result = guarded([&]() -> Outcome {
        // The code's shape is checked before anything else, and before any comparison (SECURITY.md row 10).
        const QString shape = CodeInput::problem(request.code, int(request.code.size()));
        if (!shape.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, shape);

        SqlSession& s = m_db.session();
        Resolved r;
        if (auto refused = resolve(s, request.tenant, request.destination, request.purpose, &r))
            return *refused;
        Outcome o;
        o.tenant = request.tenant;
        o.destination = r.destination.value;
        o.purpose = purposeName(request.purpose);
        const qint64 now = m_clock.nowMs();

        LockoutStore lockouts(s);
        if (auto lock = lockouts.active(request.tenant, o.destination, now)) {
            o.status = OutcomeStatus::Locked;
            o.message = QStringLiteral("this destination is locked after too many wrong codes; try again later");
            o.retryAfterS = ceilSeconds(lock->lockedUntil - now);
            return o;
        }
        ChallengeStore challenges(s);
        auto c = challenges.latest(request.tenant, o.destination, o.purpose);
        auto noActive = [&](const QString& why) {
            o.status = OutcomeStatus::NoActiveCode;
            o.message = why;
            return o;
        };
        if (!c || c->status == QLatin1String("superseded") || c->status == QLatin1String("canceled") ||
            c->status == QLatin1String("delivery_failed") || c->status == QLatin1String("locked"))
            return noActive(QStringLiteral("there is no active code for this destination; request a new one"));
        o.challengeRef = c->ref;
        o.channel = c->channel;
        if (c->status == QLatin1String("verified"))
            return noActive(QStringLiteral("this code was already used; request a new one"));
        if (c->status == QLatin1String("expired") || c->expiresAt <= now) {
            challenges.transition(c->id, QStringLiteral("pending"), QStringLiteral("expired"), now);
            o.status = OutcomeStatus::Expired;
            o.message = QStringLiteral("the code expired; request a new one");
            return o;
        }
        if (c->codeHash.isEmpty()) {
            // Queued or between tries: no code has gone out yet, so there is nothing to compare.
            return noActive(QStringLiteral("the code has not been delivered yet; wait for it or request a new one"));
        }
        if (request.code.size() != c->codeLength) {
            o.status = OutcomeStatus::InvalidInput;
            o.message = QStringLiteral("the code must be %1 digits").arg(c->codeLength);
            return o;
        }

        // Count first, atomically; compare only if this attempt was granted (SECURITY.md row 6).
        const std::optional<int> attempts = challenges.consumeAttempt(c->id, now);
        if (!attempts) {
            const auto again = challenges.byId(c->id);
            if (again && again->status == QLatin1String("verified"))
                return noActive(QStringLiteral("this code was already used; request a new one"));
            if (again && (again->status == QLatin1String("expired") || again->expiresAt <= now)) {
                o.status = OutcomeStatus::Expired;
                o.message = QStringLiteral("the code expired; request a new one");
                return o;
            }
            if (again && again->attempts >= again->maxAttempts) {
                o.status = OutcomeStatus::Locked;
                o.message = QStringLiteral("no attempts are left on this code");
                if (auto lock = lockouts.active(request.tenant, o.destination, now))
                    o.retryAfterS = ceilSeconds(lock->lockedUntil - now);
                o.attemptsRemaining = 0;
                return o;
            }
            return noActive(QStringLiteral("there is no active code for this destination; request a new one"));
        }
        o.evaluated = true;
        const CodeBinding binding{c->ref, c->tenant, c->destination, c->purpose};
        if (m_hasher.matches(binding, request.code, c->codeHash)) {
            // A lock conflict runs the transaction again; markVerified is conditional, so it counts once.
            const bool verified = retryOnConflict(s, [&] {
                WriteTransaction tx(s);
                if (!challenges.markVerified(c->id, now))
                    return false;
                Database::notifyChange(s);
                // Two purposes verified at once must not both create the account ("find, then insert").
                tx.lockKey(QStringLiteral("account:%1:%2").arg(request.tenant, o.destination));
                const Policy& policy = r.policy;
                const bool createsAccount = request.purpose != Purpose::PasswordReset;
                if (createsAccount || policy.accountCreation == Policy::AccountCreation::OnDelivery) {
                    const auto existing = AccountStore(s).find(request.tenant, o.destination);
                    if (createsAccount || existing)
                        AccountStore(s).ensure(request.tenant, o.destination, c->channel == QLatin1String("email"), true, now);
                }
                tx.commit();
                return true;
            });
            if (!verified)
                return noActive(QStringLiteral("this code was already used; request a new one"));
            o.status = OutcomeStatus::Verified;
            o.message = QStringLiteral("the code is correct");
            return o;
        }
        const int left = c->maxAttempts - *attempts;
        if (left <= 0) {
            const Policy& policy = r.policy;
            retryOnConflict(s, [&] {
                WriteTransaction tx(s);
                challenges.transition(c->id, QStringLiteral("pending"), QStringLiteral("locked"), now);
                const qint64 until = now + qint64(policy.lockoutS) * 1000;
                if (policy.lockoutS > 0)
                    lockouts.lock(request.tenant, o.destination, QStringLiteral("max_attempts"), c->id, now, until);
                tx.commit();
            });
            o.status = OutcomeStatus::Locked;
            o.message = QStringLiteral("wrong code; no attempts left, so this destination is locked for %1 minutes")
                            .arg((policy.lockoutS + 59) / 60);
            o.retryAfterS = policy.lockoutS;
            o.attemptsRemaining = 0;
            return o;
        }
        o.status = OutcomeStatus::WrongCode;
        o.message = QStringLiteral("wrong code; %1 attempt(s) left").arg(left);
        o.attemptsRemaining = left;
        return o;
    });
    recordAudit(actor, QStringLiteral("verify"), request.tenant,
                result.destination.isEmpty() ? request.destination : result.destination,
                {{QStringLiteral("purpose"), purposeName(request.purpose)}, {QStringLiteral("status"), result.statusName()}});
    return result;
}

Outcome OtpService::cancel(const QString& tenant, const QString& destination, Purpose purpose, const Actor& actor,
                           const QString& reason)
{
    Outcome result = guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_db.session();
        Resolved r;
        if (auto refused = resolve(s, tenant, destination, purpose, &r))
            return *refused;
        Outcome o;
        o.tenant = tenant;
        o.destination = r.destination.value;
        o.purpose = purposeName(purpose);
        const qint64 now = m_clock.nowMs();
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
        tx.commit();
        o.challengeRef = c->ref;
        o.status = OutcomeStatus::Canceled;
        o.message = QStringLiteral("the active code was canceled");
        return o;
    });
    return result;
}

Outcome OtpService::unlock(const QString& tenant, const QString& destination, const Actor& actor, const QString& reason)
{
    return guardedTransaction([&]() -> Outcome {
        if (reason.trimmed().isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("an unlock needs a reason"));
        if (!actor.isPerson())
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("an unlock needs a named person"));
        SqlSession& s = m_db.session();
        Resolved r;
        if (auto refused = resolve(s, tenant, destination, Purpose::Login, &r))
            return *refused;
        Outcome o;
        o.tenant = tenant;
        o.destination = r.destination.value;
        const qint64 now = m_clock.nowMs();
        WriteTransaction tx(s);
        const int released = LockoutStore(s).release(tenant, o.destination, now, actor.user, reason.trimmed());
        if (released == 0) {
            o.status = OutcomeStatus::NotLocked;
            o.message = QStringLiteral("this destination is not locked");
            return o;
        }
        AuditLog(s).record(actor, QStringLiteral("unlock"), tenant, o.destination,
                           {{QStringLiteral("reason"), reason.trimmed()}, {QStringLiteral("released"), released}}, now);
        tx.commit();
        o.status = OutcomeStatus::Unlocked;
        o.message = QStringLiteral("the lockout was released");
        return o;
    });
}

Outcome OtpService::status(const QString& tenant, const QString& destination, Purpose purpose)
{
    return guarded([&]() -> Outcome {
        SqlSession& s = m_db.session();
        Resolved r;
        if (auto refused = resolve(s, tenant, destination, purpose, &r))
            return *refused;
        const qint64 now = m_clock.nowMs();
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
        const Gate gate = sendGate(s, tenant, o.destination, r.destination.prefix, r.policy, now);
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

Outcome OtpService::history(const QString& tenant, const QString& destination, int limit)
{
    return guarded([&]() -> Outcome {
        SqlSession& s = m_db.session();
        Resolved r;
        if (auto refused = resolve(s, tenant, destination, Purpose::Login, &r))
            return *refused;
        Outcome o = Outcome::make(OutcomeStatus::Ok, {});
        o.tenant = tenant;
        o.destination = r.destination.value;
        QJsonArray items;
        DeliveryLog log(s);
        for (const ChallengeRow& c : ChallengeStore(s).forDestination(tenant, o.destination, limit)) {
            QJsonObject item = c.toJson();
            QJsonArray deliveries;
            for (const DeliveryRow& d : log.forChallenge(c.id))
                deliveries.append(d.toJson());
            item.insert(QStringLiteral("deliveries"), deliveries);
            items.append(item);
        }
        o.details.insert(QStringLiteral("challenges"), items);
        o.message = QStringLiteral("%1 challenge(s)").arg(items.size());
        return o;
    });
}

Outcome OtpService::lockouts(const QString& tenant, bool activeOnly, int limit)
{
    return guarded([&]() -> Outcome {
        if (!isValidTenant(tenant))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
        const qint64 now = m_clock.nowMs();
        QJsonArray items;
        for (const LockoutRow& l : LockoutStore(m_db.session()).list(tenant, activeOnly, now, limit))
            items.append(l.toJson(now));
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 lockout(s)").arg(items.size()));
        o.tenant = tenant;
        o.details.insert(QStringLiteral("lockouts"), items);
        return o;
    });
}

Outcome OtpService::accounts(const QString& tenant, const QString& destination)
{
    return guarded([&]() -> Outcome {
        SqlSession& s = m_db.session();
        Resolved r;
        if (auto refused = resolve(s, tenant, destination, Purpose::Login, &r))
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

Outcome OtpService::updateProfile(const QString& tenant, const QString& destination, const ProfileUpdate& profile,
                                  const Actor& actor)
{
    return guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_db.session();
        Resolved r;
        if (auto refused = resolve(s, tenant, destination, Purpose::Login, &r))
            return *refused;
        ProfileUpdate p = profile;
        if (!p.email.isEmpty()) {
            const ParsedDestination e = DestinationParser::parseEmail(p.email);
            if (!e.ok)
                return Outcome::make(OutcomeStatus::InvalidInput, e.error);
            p.email = e.destination.value;
        }
        if (p.firstName.size() > 128 || p.lastName.size() > 128 || p.address.size() > 512)
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("a profile field is too long"));
        const qint64 now = m_clock.nowMs();
        WriteTransaction tx(s);
        AccountStore accounts(s);
        auto a = accounts.find(tenant, r.destination.value);
        if (!a)
            return Outcome::make(OutcomeStatus::NoActiveCode, QStringLiteral("no account for this destination"));
        accounts.updateProfile(a->id, p, now);
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

Outcome OtpService::auditTrail(int limit, const QString& target)
{
    return guarded([&]() -> Outcome {
        QJsonArray items;
        for (const AuditRow& a : AuditLog(m_db.session()).recent(limit, target))
            items.append(a.toJson());
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 audit row(s)").arg(items.size()));
        o.details.insert(QStringLiteral("audit"), items);
        return o;
    });
}

Outcome OtpService::stats(qint64 windowS, const QString& groupBy)
{
    return guarded([&]() -> Outcome {
        if (groupBy != QLatin1String("vendor") && groupBy != QLatin1String("channel") && groupBy != QLatin1String("status"))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("--by must be vendor, channel or status"));
        const qint64 now = m_clock.nowMs();
        Outcome o = Outcome::make(OutcomeStatus::Ok, {});
        o.details = DeliveryStats(m_db.session()).summarise(now - windowS * 1000, groupBy);
        o.details.insert(QStringLiteral("window_s"), windowS);
        o.details.insert(QStringLiteral("by"), groupBy);
        return o;
    });
}

Outcome OtpService::policyShow(const QString& tenant, std::optional<Purpose> purpose)
{
    return guarded([&]() -> Outcome {
        if (!isValidTenant(tenant))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
        const Policy p = effectivePolicy(tenant, purpose.value_or(Purpose::Login));
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

Outcome OtpService::policySet(const QString& tenant, std::optional<Purpose> purpose, const QMap<QString, QString>& values,
                              const Actor& actor)
{
    return guardedTransaction([&]() -> Outcome {
        if (!isValidTenant(tenant))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
        if (values.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("give at least one KEY=VALUE"));
        SqlSession& s = m_db.session();
        const qint64 now = m_clock.nowMs();
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

Outcome OtpService::vendors()
{
    return guarded([&]() -> Outcome {
        QJsonArray list;
        for (const VendorConfig& v : VendorStore(m_db.session()).all()) {
            list.append(QJsonObject{{QStringLiteral("name"), v.name},
                                    {QStringLiteral("kind"), v.kind},
                                    {QStringLiteral("settings"), v.settings},
                                    {QStringLiteral("secret"), v.secretName},
                                    {QStringLiteral("enabled"), v.enabled},
                                    {QStringLiteral("loaded"), bool(m_gateways.find(v.name))}});
        }
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 vendor(s) configured").arg(list.size()));
        o.details.insert(QStringLiteral("vendors"), list);
        return o;
    });
}

Outcome OtpService::saveVendor(const VendorConfig& config, const Actor& actor)
{
    return guardedTransaction([&]() -> Outcome {
        QString problem = VendorStore::problem(config);
        if (problem.isEmpty() && config.kind != QLatin1String("dev"))
            validateGatewayConfig(config, &problem);
        if (!problem.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, problem);
        SqlSession& s = m_db.session();
        const qint64 now = m_clock.nowMs();
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

Outcome OtpService::removeVendor(const QString& name, const Actor& actor)
{
    return guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_db.session();
        const qint64 now = m_clock.nowMs();
        WriteTransaction tx(s);
        if (!VendorStore(s).remove(name))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("there is no vendor named '%1'").arg(name));
        AuditLog(s).record(actor, QStringLiteral("vendor_remove"), QStringLiteral("*"), name, {}, now);
        tx.commit();
        return Outcome::make(OutcomeStatus::Ok, QStringLiteral("vendor %1 removed").arg(name));
    });
}

Outcome OtpService::recordSecretChange(const QString& action, const QString& name, const QString& store, const Actor& actor)
{
    return guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_db.session();
        WriteTransaction tx(s);
        AuditLog(s).record(actor, action, QStringLiteral("*"), QStringLiteral("secret:") + name,
                           {{QStringLiteral("name"), name}, {QStringLiteral("store"), store}}, m_clock.nowMs());
        tx.commit();
        return Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 recorded for secret %2").arg(action, name));
    });
}

Outcome OtpService::applyReceipts(const QString& vendor, const QList<DeliveryReceipt>& receipts)
{
    return guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_db.session();
        const qint64 now = m_clock.nowMs();
        int updated = 0, unmatched = 0, unchanged = 0;
        WriteTransaction tx(s);
        for (const DeliveryReceipt& r : receipts) {
            QVariant id;
            if (r.deliveryId > 0)
                id = s.scalar(QStringLiteral("SELECT id FROM deliveries WHERE id = ? AND vendor = ?"), {r.deliveryId, vendor});
            if (!id.isValid() && !r.messageId.isEmpty())
                id = s.scalar(QStringLiteral("SELECT MAX(id) FROM deliveries WHERE vendor = ? AND message_id = ?"),
                              {vendor, r.messageId});
            if ((!id.isValid() || id.isNull()) && r.messageId.isEmpty() && !r.destination.isEmpty()) {
                // An id-less receipt (WATI v1 sends answer without one): the latest accepted message of
                // this vendor to that number in the last day.
                QString digits = r.destination;
                digits.remove(QLatin1Char('+'));
                id = s.scalar(QStringLiteral("SELECT MAX(id) FROM deliveries WHERE vendor = ? AND destination = ? AND "
                                             "state = 'accepted' AND created_at > ?"),
                              {vendor, QStringLiteral("+") + digits, now - kDayMs});
            }
            if (!id.isValid() || id.isNull() || id.toLongLong() == 0) {
                ++unmatched;
                continue;
            }
            if (r.state == DeliveryReceipt::State::Unknown) {
                ++unchanged;
                continue;
            }
            const QString state = r.state == DeliveryReceipt::State::Delivered ? QStringLiteral("delivered")
                                                                                : QStringLiteral("failed");
            // Only an accepted message can become delivered or failed; a late or repeated receipt
            // (a "read" after "delivered") changes nothing.
            const int n = s.update(QStringLiteral("UPDATE deliveries SET state = ?, vendor_code = ?, reason = ?, updated_at = ? "
                                                  "WHERE id = ? AND state = 'accepted'"),
                                   {state, r.vendorCode.left(64), r.reason.left(512), now, id});
            (n == 1 ? updated : unchanged) += 1;
        }
        tx.commit();
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 receipt(s): %2 updated, %3 unchanged, %4 matched no delivery")
                                                        .arg(receipts.size()).arg(updated).arg(unchanged).arg(unmatched));
        o.details = {{QStringLiteral("received"), int(receipts.size())}, {QStringLiteral("updated"), updated},
                     {QStringLiteral("unchanged"), unchanged}, {QStringLiteral("unmatched"), unmatched}};
        return o;
    });
}

Outcome OtpService::cleanup(const Actor& actor, int staleAfterS)
{
    return guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_db.session();
        const qint64 now = m_clock.nowMs();
        WriteTransaction tx(s);
        ChallengeStore challenges(s);
        // Undelivered first: a code that never left must read delivery_failed, not merely expired.
        m_outbox.recoverLost();
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

void OtpService::recordAudit(const Actor& actor, const QString& action, const QString& tenant, const QString& target,
                             QJsonObject details)
{
    if (!actor.isPerson())
        return;
    try {
        SqlSession& s = m_db.session();
        retryOnConflict(s, [&] {
            WriteTransaction tx(s);
            AuditLog(s).record(actor, action, isValidTenant(tenant) ? tenant : QStringLiteral("?"), target.left(320),
                               details, m_clock.nowMs());
            tx.commit();
        });
    } catch (const StoreError& e) {
        qCWarning(lcFlow) << "audit row not written:" << e.message();
    }
}

} // namespace otp
