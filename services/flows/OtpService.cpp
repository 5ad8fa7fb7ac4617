#include "OtpService.h"

#include "AlarmMonitor.h"
#include "ChallengeStore.h"
#include "DeliveryLog.h"
#include "DeliveryStats.h"
#include "DestinationParser.h"
#include "FlowSteps.h"
#include "LockoutStore.h"
#include "PolicyStore.h"
#include "StoreError.h"
#include "GatewayFactory.h"
#include "InputLimits.h"
#include "VendorBreaker.h"
#include "VendorHealth.h"
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

QString isoTime(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); }

// The wrong guesses of the last hour stay with the destination (SECURITY.md row 7): a new code
// carries the attempts of the challenge it follows, whether that one expired, was superseded,
// canceled or failed delivery, unless it ended by verification (the person proved the code) or by a
// lockout (the lockout was the consequence; its end or an unlock starts afresh).
int carriedAttempts(const std::optional<ChallengeRow>& previous, qint64 now)
{
    if (!previous || previous->status == QLatin1String("verified") || previous->status == QLatin1String("locked"))
        return 0;
    if (qMax(previous->createdAt, previous->updatedAt) <= now - kHourMs)
        return 0;
    return previous->attempts;
}

// The consequence of the last attempt: the challenge is locked and so is the destination (for the
// policy's lockout_s; 0 means codes die at their cap but nothing is locked). Idempotent.
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

CapKey OtpService::capKey(const QString& tenant, const Destination& destination)
{
    const bool mailbox = destination.kind == Destination::Kind::Email;
    return CapKey{tenant, mailbox ? destination.prefix : destination.value, mailbox};
}

OtpService::Gate OtpService::sendGate(SqlSession& s, const QString& tenant, const Destination& dest,
                                      const Policy& policy, qint64 now)
{
    Gate g;
    DeliveryLog log(s);
    const CapKey key = capKey(tenant, dest);
    const qint64 window = qint64(policy.prefixBurstWindowS) * 1000;
    const DeliveryLog::GateCounts counts =
        log.gateCounts(key, dest.value, dest.prefix, now, now - kHourMs, now - kDayMs, now - window);
    const int lastHour = counts.lastHour;
    const int lastDay = counts.lastDay;
    const qint64 lastSend = counts.lastSendAt;
    g.details = QJsonObject{{QStringLiteral("sends_last_hour"), lastHour},
                            {QStringLiteral("sends_per_hour"), policy.sendsPerHour},
                            {QStringLiteral("sends_last_day"), lastDay},
                            {QStringLiteral("sends_per_day"), policy.sendsPerDay},
                            {QStringLiteral("cooldown_s"), policy.cooldownS}};

    // Every blocker is weighed, not only the first: the next send is possible when the last of them
    // ends (a lockout that ends before the hourly cap frees a slot does not make a send possible).
    // Each ends at a time fixed by past sends alone, since no send happens while any of them holds.
    // The status and message name the first blocker in this order; retry_after_s is the latest end.
    QJsonArray blockers;
    qint64 latestEnd = 0;
    QString latestReason;
    auto block = [&](OutcomeStatus status, const QString& reason, const QString& message, qint64 endsAt) {
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
    };

    std::optional<LockoutRow> lock;
    if (counts.activeLockouts > 0)
        lock = LockoutStore(s).active(tenant, dest.value, now);
    if (lock) {
        block(OutcomeStatus::Locked, QStringLiteral("lockout"),
              QStringLiteral("this destination is locked (%1) until %2").arg(lock->reason, isoTime(lock->lockedUntil)),
              lock->lockedUntil);
        g.details.insert(QStringLiteral("lockout"), lock->toJson(now));
    }
    if (lastSend > 0 && now - lastSend < qint64(policy.cooldownS) * 1000) {
        const qint64 endsAt = lastSend + qint64(policy.cooldownS) * 1000;
        block(OutcomeStatus::Cooldown, QStringLiteral("cooldown"),
              QStringLiteral("a code was sent %1 s ago; wait %2 s before sending another")
                  .arg((now - lastSend) / 1000).arg(ceilSeconds(endsAt - now)),
              endsAt);
    }
    if (lastHour >= policy.sendsPerHour) {
        // The window drops below the cap when the (lastHour - cap + 1)-th oldest try leaves it.
        const qint64 endsAt = log.oldestSendSince(key, now - kHourMs, lastHour - policy.sendsPerHour) + kHourMs;
        block(OutcomeStatus::RateLimited, QStringLiteral("hourly_cap"),
              QStringLiteral("%1 codes were sent in the last hour (the limit is %2)").arg(lastHour).arg(policy.sendsPerHour),
              endsAt);
    }
    if (lastDay >= policy.sendsPerDay) {
        const qint64 endsAt = log.oldestSendSince(key, now - kDayMs, lastDay - policy.sendsPerDay) + kDayMs;
        block(OutcomeStatus::RateLimited, QStringLiteral("daily_cap"),
              QStringLiteral("%1 codes were sent in the last 24 hours (the limit is %2)").arg(lastDay).arg(policy.sendsPerDay),
              endsAt);
    }
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
    const QByteArray stepPrefix = isResend ? QByteArrayLiteral("resend.") : QByteArrayLiteral("send.");
    auto step = [&](const char* name) { flowStep((stepPrefix + name).constData()); };
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

        ChallengeStore challenges(s);
        DeliveryLog log(s);

        // No code is drawn here: the outbox draws it when the vendor is called (see Outbox.h), so a
        // queued send keeps nothing secret in the database. Until then the challenge has no usable code.
        const bool async = policy.delivery == Policy::Delivery::Async;
        qint64 deliveryId = 0;
        QString firstVendor;
        // Decided and written in one transaction; a lock conflict runs it again from its reads.
        const std::optional<Outcome> refused = retryOnConflict(s, [&]() -> std::optional<Outcome> {
            WriteTransaction tx(s);
            // One sender per number block at a time, on every engine: the gate reads counts and then
            // inserts the send it allowed, and READ COMMITTED would let two concurrent senders both pass.
            // The prefix covers the destination's own caps and the per-prefix burst cap alike.
            tx.lockKey(QStringLiteral("send:") + dest.prefix);
            // The challenge this send follows is held until we commit: a verify counting a wrong guess
            // on it finishes first (and we carry its count), or waits for us (and finds it superseded).
            std::optional<ChallengeRow> previous = challenges.latestForUpdate(request.tenant, dest.value, o.purpose);
            step("locked");
            // The time is read once the locks are held: a send committed while we waited must lie in
            // our past, or its cooldown would be measured backwards.
            const qint64 now = m_clock.nowMs();
            // A resend reuses the latest challenge only while its code is still usable.
            const bool reusing = isResend && previous && previous->status == QLatin1String("pending") &&
                                 previous->expiresAt > now;
            Outcome refusal = o;
            // The resend of a live challenge keeps its channel unless another is asked for.
            Channel channel = request.channel.value_or(isEmail ? Channel::Email : Channel::Sms);
            if (reusing && !request.channel)
                channel = channelFromName(previous->channel).value_or(channel);
            if ((channel == Channel::Email) != isEmail) {
                refusal.status = OutcomeStatus::InvalidInput;
                refusal.message = isEmail ? QStringLiteral("an email address can only receive codes by email")
                                          : QStringLiteral("the email channel needs an email address");
                return refusal;
            }
            o.channel = channelName(channel);
            refusal.channel = o.channel;
            QString routeError;
            const QList<Outbox::Hop> hops = m_outbox.plan(channel, request.vendor, policy, &routeError);
            if (hops.isEmpty()) {
                refusal.status = OutcomeStatus::InvalidInput;
                refusal.message = routeError;
                return refusal;
            }
            firstVendor = hops.first().vendor;
            const Gate gate = sendGate(s, request.tenant, dest, policy, now);
            if (gate.status != OutcomeStatus::CanSend) {
                refusal.status = gate.status;
                refusal.message = gate.message;
                refusal.retryAfterS = ceilSeconds(gate.retryAfterMs);
                return refusal;
            }
            // The attempts this destination has used within the hour follow it to the new code. When
            // they already reach the cap in force now (the cap was lowered, or a crash of an older
            // version left them uncounted in a lockout), the code would be dead on arrival: lock now.
            const int used = reusing ? previous->attempts : carriedAttempts(previous, now);
            if (used >= policy.maxAttempts && policy.lockoutS > 0) {
                lockAtAttemptLimit(s, request.tenant, dest.value, previous ? previous->id : 0, policy, now);
                Database::notifyChange(s);
                tx.commit();
                refusal.status = OutcomeStatus::Locked;
                refusal.message = QStringLiteral("this destination has used its %1 attempts within the hour, so it is "
                                                 "locked for %2 minutes").arg(policy.maxAttempts).arg((policy.lockoutS + 59) / 60);
                refusal.retryAfterS = policy.lockoutS;
                refusal.attemptsRemaining = 0;
                return refusal;
            }
            step("decided");
            ChallengeRow c;
            int sendNo = 1;
            if (reusing) {
                // Resend: the same challenge, and its old code dies now with its hash; the attempt
                // count is deliberately kept (SECURITY.md row 7).
                c = *previous;
                c.expiresAt = now + qint64(policy.ttlS) * 1000;
                c.maxAttempts = policy.maxAttempts;
                if (!challenges.replaceCode(c.id, QString(), c.expiresAt, c.maxAttempts, now))
                    throw StoreError(QStringLiteral("the challenge changed during resend"));
                sendNo = DeliveryLog(s).latestSendNo(c.id) + 1;
            } else {
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
                c.attempts = used < policy.maxAttempts ? used : 0; // lockout_s = 0: no lockout, a fresh count
                c.maxAttempts = policy.maxAttempts;
                c.sendCount = 1;
                c.codeLength = policy.codeLength;
                c.createdAt = now;
                c.expiresAt = now + qint64(policy.ttlS) * 1000;
                c.lastVendor = hops.first().vendor;
                c.id = challenges.insert(c);
            }
            step("written");
            // Sync: the first try is leased to this call, so no worker takes it while we send it.
            // Async: the row is free for whichever worker comes first (this process's included).
            deliveryId = log.open(c.id, c.tenant, c.destination, dest.prefix, hops.first().vendor,
                                  channelName(hops.first().channel), sendNo, QStringLiteral("queued"), now,
                                  async ? QString() : m_outbox.owner(), now + m_outbox.leaseMs());
            Database::notifyChange(s);
            tx.commit();
            step("committed");
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
            o.message = QStringLiteral("the code is queued for delivery by %1").arg(firstVendor);
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
    } else if (t.answer.mayHaveSent) {
        // README, "Timeouts": the vendor may have sent it, so its code stays usable and no other code
        // follows it; a person who gets nothing asks for a resend (which the cooldown and caps judge).
        o.status = OutcomeStatus::Unconfirmed;
        o.message = QStringLiteral("%1 did not confirm the message (%2); it may still arrive and its code then works "
                                   "until it expires; it is not sent again")
                        .arg(t.answer.vendor, t.answer.reason);
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
        Outcome base;
        base.tenant = request.tenant;
        base.destination = r.destination.value;
        base.purpose = purposeName(request.purpose);
        // One transaction counts the attempt, compares, and writes what it leads to (verified, or the
        // lockout at the last attempt): a crash between them leaves the guess uncounted *and*
        // unanswered, never counted without its consequence (SECURITY.md row 19). A lock conflict runs
        // it again from its reads: nothing of the aborted run was committed, so the guess counts once.
        return retryOnConflict(s, [&]() -> Outcome { return verifyOnce(s, request, r.policy, base); });
    });
    recordAudit(actor, QStringLiteral("verify"), request.tenant,
                result.destination.isEmpty() ? request.destination : result.destination,
                {{QStringLiteral("purpose"), purposeName(request.purpose)}, {QStringLiteral("status"), result.statusName()}});
    return result;
}

Outcome OtpService::verifyOnce(SqlSession& s, const VerifyRequest& request, const Policy& policy, Outcome o)
{
    WriteTransaction tx(s);
    ChallengeStore challenges(s);
    LockoutStore lockouts(s);
    // Step 1: hold the latest challenge. From here on no resend, new send, cancel or other verify
    // can move it until we commit, so what we read below is what we decide on.
    std::optional<ChallengeRow> c = challenges.latestForUpdate(request.tenant, o.destination, o.purpose);
    flowStep("verify.locked");
    // Step 2: the time, read after the lock (on the server engines, the database's clock).
    const qint64 now = m_clock.nowMs();
    auto answer = [&](OutcomeStatus status, const QString& message) {
        o.status = status;
        o.message = message;
        return o;
    };
    if (auto lock = lockouts.active(request.tenant, o.destination, now)) {
        o.retryAfterS = ceilSeconds(lock->lockedUntil - now);
        return answer(OutcomeStatus::Locked, QStringLiteral("this destination is locked after too many wrong codes; try again later"));
    }
    // Step 3: is there a code to compare with?
    if (!c || c->status == QLatin1String("superseded") || c->status == QLatin1String("canceled") ||
        c->status == QLatin1String("delivery_failed") || c->status == QLatin1String("locked"))
        return answer(OutcomeStatus::NoActiveCode, QStringLiteral("there is no active code for this destination; request a new one"));
    o.challengeRef = c->ref;
    o.channel = c->channel;
    if (c->status == QLatin1String("verified"))
        return answer(OutcomeStatus::NoActiveCode, QStringLiteral("this code was already used; request a new one"));
    if (c->status == QLatin1String("expired") || c->expiresAt <= now) {
        challenges.transition(c->id, QStringLiteral("pending"), QStringLiteral("expired"), now);
        tx.commit();
        return answer(OutcomeStatus::Expired, QStringLiteral("the code expired; request a new one"));
    }
    if (c->codeHash.isEmpty()) {
        // Queued or between tries: no code has gone out yet, so there is nothing to compare.
        return answer(OutcomeStatus::NoActiveCode,
                      QStringLiteral("the code has not been delivered yet; wait for it or request a new one"));
    }
    if (request.code.size() != c->codeLength)
        return answer(OutcomeStatus::InvalidInput, QStringLiteral("the code must be %1 digits").arg(c->codeLength));
    if (c->attempts >= c->maxAttempts) {
        // Only an older version could leave a pending code at its cap without the lockout (its crash
        // between the two writes): finish that step now, so the destination is locked and unlockable.
        lockAtAttemptLimit(s, request.tenant, o.destination, c->id, policy, now);
        tx.commit();
        o.attemptsRemaining = 0;
        o.retryAfterS = policy.lockoutS;
        return answer(OutcomeStatus::Locked, QStringLiteral("no attempts are left on this code"));
    }

    // Step 4: count first, atomically; compare only if this attempt was granted (SECURITY.md row 6).
    const std::optional<int> attempts = challenges.consumeAttempt(c->id, now);
    if (!attempts)
        throw StoreError(QStringLiteral("the attempt on challenge %1 was not granted although its row is held").arg(c->ref));
    flowStep("verify.counted");
    o.evaluated = true;
    const CodeBinding binding{c->ref, c->tenant, c->destination, c->purpose};
    if (m_hasher.matches(binding, request.code, c->codeHash)) {
        // Step 5a: a compare-and-set on the very code compared, still current and unexpired.
        if (!challenges.markVerified(c->id, c->codeHash, now))
            throw StoreError(QStringLiteral("challenge %1 changed while its row was held").arg(c->ref));
        // Two purposes verified at once must not both create the account ("find, then insert").
        tx.lockKey(QStringLiteral("account:%1:%2").arg(request.tenant, o.destination));
        // A password reset never creates an account; it marks an existing one verified when accounts
        // are created at delivery.
        const bool createsAccount = request.purpose != Purpose::PasswordReset;
        AccountStore accounts(s);
        if (createsAccount || (policy.accountCreation == Policy::AccountCreation::OnDelivery &&
                               accounts.find(request.tenant, o.destination)))
            accounts.ensure(request.tenant, o.destination, c->channel == QLatin1String("email"), true, now);
        Database::notifyChange(s);
        flowStep("verify.written");
        tx.commit();
        flowStep("verify.committed");
        return answer(OutcomeStatus::Verified, QStringLiteral("the code is correct"));
    }
    // Step 5b: a wrong guess; the last one locks the destination in the same transaction.
    const int left = c->maxAttempts - *attempts;
    if (left <= 0) {
        lockAtAttemptLimit(s, request.tenant, o.destination, c->id, policy, now);
        Database::notifyChange(s); // a new lockout: live views show it at once
    }
    flowStep("verify.written");
    tx.commit();
    flowStep("verify.committed");
    if (left <= 0) {
        o.retryAfterS = policy.lockoutS;
        o.attemptsRemaining = 0;
        return answer(OutcomeStatus::Locked, QStringLiteral("wrong code; no attempts left, so this destination is locked for %1 minutes")
                                                 .arg((policy.lockoutS + 59) / 60));
    }
    o.attemptsRemaining = left;
    return answer(OutcomeStatus::WrongCode, QStringLiteral("wrong code; %1 attempt(s) left").arg(left));
}

Outcome OtpService::cancel(const QString& tenant, const QString& destination, Purpose purpose, const Actor& actor,
                           const QString& reason)
{
    Outcome result = guardedTransaction([&]() -> Outcome {
        if (const QString tooLong = InputLimits::problem(QStringLiteral("the reason"), reason, InputLimits::kReason); !tooLong.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
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

Outcome OtpService::unlock(const QString& tenant, const QString& destination, const Actor& actor, const QString& reason)
{
    return guardedTransaction([&]() -> Outcome {
        if (reason.trimmed().isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("an unlock needs a reason"));
        if (!actor.isPerson())
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("an unlock needs a named person"));
        for (const QString& tooLong : {InputLimits::problem(QStringLiteral("the reason"), reason.trimmed(), InputLimits::kReason),
                                       InputLimits::problem(QStringLiteral("the operator name"), actor.user, InputLimits::kActorName)})
            if (!tooLong.isEmpty())
                return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
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
        for (const QString& tooLong : {InputLimits::problem(QStringLiteral("first_name"), p.firstName, InputLimits::kFirstName),
                                       InputLimits::problem(QStringLiteral("last_name"), p.lastName, InputLimits::kLastName),
                                       InputLimits::problem(QStringLiteral("address"), p.address, InputLimits::kAddress)})
            if (!tooLong.isEmpty())
                return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
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
            // A route or fallback set now must lead to a vendor, or every send would fail later: each
            // vendor named is loaded here or enabled in the vendors table, and serves the channel.
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                if (it.key().startsWith(QLatin1String("fallback_"))) {
                    const QString target = candidate.fallbacks.value(it.key().mid(9));
                    const auto channel = channelFromName(target);
                    QString why;
                    if (channel && candidate.routes.value(target).isEmpty() && !m_gateways.route(*channel, {}, &why))
                        return Outcome::make(OutcomeStatus::InvalidInput,
                                             QStringLiteral("%1=%2: no vendor delivers %2 (%3); set route_%2 first").arg(it.key(), target, why));
                    continue;
                }
                const auto channel = it.key().startsWith(QLatin1String("route_")) ? channelFromName(it.key().mid(6)) : std::nullopt;
                for (const QString& v : channel ? candidate.routes.value(channelName(*channel)) : QStringList{}) {
                    QString problem;
                    if (const auto g = m_gateways.find(v)) {
                        if (!g->supports(*channel))
                            problem = QStringLiteral("vendor '%1' does not deliver over %2").arg(v, channelName(*channel));
                    } else if (const auto row = VendorStore(s).find(v); row && !row->enabled) {
                        problem = QStringLiteral("vendor '%1' is disabled").arg(v);
                    } else if (!row) {
                        QStringList known = m_gateways.names();
                        for (const VendorConfig& c : VendorStore(s).all())
                            if (c.enabled && !known.contains(c.name))
                                known << c.name;
                        problem = QStringLiteral("there is no vendor named '%1' (configured: %2)").arg(v, known.join(QStringLiteral(", ")));
                    }
                    if (!problem.isEmpty())
                        return Outcome::make(OutcomeStatus::InvalidInput, it.key() + QStringLiteral(": ") + problem);
                }
            }
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

Outcome OtpService::vendorHealth(qint64 windowS)
{
    if (windowS < 60 || windowS > 7 * 86400)
        return Outcome::make(OutcomeStatus::InvalidInput,
                             QStringLiteral("the health window must be between 1 minute and 7 days, not %1 s").arg(windowS));
    return guarded([&]() -> Outcome {
        SqlSession& s = m_db.session();
        const qint64 now = m_clock.nowMs();
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

Outcome OtpService::forceBreaker(const QString& vendor, bool open, const QString& reason, const Actor& actor)
{
    if (reason.trimmed().isEmpty())
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("forcing a vendor's breaker needs a reason (--reason TEXT)"));
    if (const QString tooLong = InputLimits::problem(QStringLiteral("the reason"), reason, InputLimits::kReason); !tooLong.isEmpty())
        return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
    return guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_db.session();
        if (!m_gateways.find(vendor) && !VendorStore(s).find(vendor))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("there is no vendor named '%1'").arg(vendor));
        WriteTransaction tx(s);
        VendorBreaker(s).force(vendor, open, reason.trimmed(), actor, m_clock.nowMs());
        Database::notifyChange(s);
        tx.commit();
        return Outcome::make(OutcomeStatus::Ok, open ? QStringLiteral("vendor %1 is open: routes skip it until it is closed by hand").arg(vendor)
                                                     : QStringLiteral("vendor %1 is closed: routes use it again").arg(vendor));
    });
}

Outcome OtpService::evaluateAlarms(const QString& tenant)
{
    if (!isValidTenant(tenant))
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
    const Policy policy = effectivePolicy(tenant, Purpose::Login);
    return guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_db.session();
        WriteTransaction tx(s);
        tx.lockKey(QStringLiteral("alarms:") + tenant); // two processes judging at once raise one row
        const AlarmMonitor::Changes c = AlarmMonitor(s).evaluate(tenant, policy, m_clock.nowMs());
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

Outcome OtpService::alarms(const QString& tenant, bool activeOnly, int limit)
{
    const Outcome judged = evaluateAlarms(tenant);
    if (judged.status != OutcomeStatus::Ok)
        return judged;
    return guarded([&]() -> Outcome {
        QJsonArray list;
        int active = 0;
        for (const AlarmRow& a : AlarmMonitor(m_db.session()).list(tenant, activeOnly, limit)) {
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
