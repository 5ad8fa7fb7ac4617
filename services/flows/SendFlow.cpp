#include "SendFlow.h"

#include "DeliveryFlow.h"
#include "DeliveryLog.h"
#include "FlowSteps.h"
#include "FlowSupport.h"
#include "SendGate.h"
#include "StoreError.h"

#include <QUuid>

namespace otp {

using flows::ceilSeconds;
using flows::kHourMs;

namespace {
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
} // namespace

struct SendFlow::Issue
{
    Issue(const SendRequest& req, bool resend, SqlSession& session)
        : request(req), isResend(resend), s(session),
          stepPrefix(resend ? QByteArrayLiteral("resend.") : QByteArrayLiteral("send."))
    {
    }
    void step(const char* name) const { flowStep((stepPrefix + name).constData()); }

    const SendRequest& request;
    const bool isResend;
    SqlSession& s;
    const QByteArray stepPrefix;
    flows::Resolved r;   // the policy in force and the parsed destination
    bool isEmail = false;
    bool async = false;
    Outcome o;           // the answer, filled in as the steps go
    // Decided in the transaction (again from its reads when a lock conflict runs it again):
    std::optional<ChallengeRow> previous; // the challenge this send follows, held until the commit
    qint64 now = 0;
    bool reusing = false;
    Channel channel = Channel::Sms;
    QList<Outbox::Hop> hops;
    int used = 0;        // the attempts the destination has used within the hour
    qint64 deliveryId = 0;
    qint64 challengeId = 0; // a new challenge's id: on PostgreSQL it arrives with the commit (ChallengeStore::insert)
    QString firstVendor;
    Outbox::FirstTry first; // sync: the first try, its code drawn in the transaction (Outbox::drawFirst)
};

Outcome SendFlow::issue(const SendRequest& request, const Actor& actor, bool isResend)
{
    const QString action = isResend ? QStringLiteral("resend") : QStringLiteral("send");
    Outcome result = m_ctx.guarded([&]() -> Outcome {
        Issue i(request, isResend, m_ctx.db.session());
        if (auto refused = flows::resolve(i.s, request.tenant, request.destination, request.purpose, &i.r))
            return *refused;
        const Destination& dest = i.r.destination;
        const Policy& policy = i.r.policy;
        i.isEmail = dest.kind == Destination::Kind::Email;

        i.o.tenant = request.tenant;
        i.o.destination = dest.value;
        i.o.purpose = purposeName(request.purpose);

        if (!i.isEmail && !policy.allowedCountries.isEmpty() && !policy.allowedCountries.contains(dest.region)) {
            i.o.status = OutcomeStatus::CountryNotAllowed;
            i.o.message = QStringLiteral("codes are not sent to %1 numbers (allowed: %2)")
                              .arg(dest.region, policy.allowedCountries.join(QStringLiteral(", ")));
            return i.o;
        }

        // Async: no code is drawn here; the outbox draws it when the vendor is called (see Outbox.h), so
        // a queued send keeps nothing secret in the database, and until then the challenge has no usable
        // code. Sync: the vendor is called right after the commit, so the code is drawn in the send's
        // transaction and its first try taken there (Outbox::FirstTry): one transaction fewer.
        i.async = policy.delivery == Policy::Delivery::Async;
        // Decided and written in one transaction; a lock conflict runs it again from its reads.
        const std::optional<Outcome> refused = retryOnConflict(i.s, [&] { return decideAndWrite(i); });
        if (refused)
            return *refused;
        return handOver(i);
    });
    result.tenant = request.tenant;
    m_ctx.recordAudit(actor, action, request.tenant, result.destination.isEmpty() ? request.destination : result.destination,
                      [&] {
                          return QJsonObject{{QStringLiteral("purpose"), purposeName(request.purpose)},
                                             {QStringLiteral("channel"), result.channel},
                                             {QStringLiteral("status"), result.statusName()}};
                      });
    return result;
}

// The send's one transaction: hold, decide (channel, route, gate, attempts), write, commit.
std::optional<Outcome> SendFlow::decideAndWrite(Issue& i)
{
    WriteTransaction tx(i.s);
    holdPrevious(i, tx);
    Outcome refusal = i.o;
    if (auto refused = chooseChannel(i, refusal))
        return refused;
    if (auto refused = planRoute(i, refusal))
        return refused;
    if (auto refused = passGate(i, refusal))
        return refused;
    if (auto refused = lockIfAttemptsSpent(i, tx, refusal))
        return refused;
    i.step("decided");
    int sendNo = 1;
    ChallengeRow c = i.reusing ? renewChallenge(i, &sendNo) : newChallenge(i);
    i.step("written");
    openDelivery(i, c, sendNo);
    tx.commit();
    i.step("committed");
    if (c.id == 0) // its INSERT went out with the commit
        c.id = i.challengeId;
    if (!i.async)
        m_ctx.outbox.firstTryOpened(i.first, i.deliveryId, c.id);
    i.o.challengeRef = c.ref;
    i.o.challengeId = c.id;
    i.o.expiresAtMs = c.expiresAt;
    i.o.attemptsRemaining = c.maxAttempts - c.attempts;
    return std::nullopt;
}

void SendFlow::holdPrevious(Issue& i, WriteTransaction& tx)
{
    // One sender per number block at a time, on every engine: the gate reads counts and then
    // inserts the send it allowed, and READ COMMITTED would let two concurrent senders both pass.
    // The prefix covers the destination's own caps and the per-prefix burst cap alike.
    tx.lockKey(QStringLiteral("send:") + i.r.destination.prefix);
    // The per-address cap counts sends to every number block: its senders queue on a second key,
    // always taken after the block's (no other transaction takes it, so the order cannot cross).
    if (!i.request.clientAddress.isEmpty() && i.r.policy.sendsPerIpPerHour > 0)
        tx.lockKey(sendIpLockKey(i.request.tenant, i.request.clientAddress));
    // The challenge this send follows is held until we commit: a verify counting a wrong guess
    // on it finishes first (and we carry its count), or waits for us (and finds it superseded).
    i.previous = ChallengeStore(i.s).latestForUpdate(i.request.tenant, i.r.destination.value, i.o.purpose);
    i.step("locked");
    // The time is read once the locks are held: a send committed while we waited must lie in
    // our past, or its cooldown would be measured backwards.
    i.now = m_ctx.clock.nowMs();
    // A resend reuses the latest challenge only while its code is still usable.
    i.reusing = i.isResend && i.previous && i.previous->status == QLatin1String("pending") &&
                i.previous->expiresAt > i.now;
}

std::optional<Outcome> SendFlow::chooseChannel(Issue& i, Outcome& refusal)
{
    // The resend of a live challenge keeps its channel unless another is asked for.
    Channel channel = i.request.channel.value_or(i.isEmail ? Channel::Email : Channel::Sms);
    if (i.reusing && !i.request.channel)
        channel = channelFromName(i.previous->channel).value_or(channel);
    if ((channel == Channel::Email) != i.isEmail) {
        refusal.status = OutcomeStatus::InvalidInput;
        refusal.message = i.isEmail ? QStringLiteral("an email address can only receive codes by email")
                                    : QStringLiteral("the email channel needs an email address");
        return refusal;
    }
    i.channel = channel;
    i.o.channel = channelName(channel);
    refusal.channel = i.o.channel;
    return std::nullopt;
}

std::optional<Outcome> SendFlow::planRoute(Issue& i, Outcome& refusal)
{
    QString routeError;
    i.hops = m_ctx.outbox.plan(i.channel, i.request.vendor, i.r.policy, &routeError);
    if (i.hops.isEmpty()) {
        refusal.status = OutcomeStatus::InvalidInput;
        refusal.message = routeError;
        return refusal;
    }
    i.firstVendor = i.hops.first().vendor;
    return std::nullopt;
}

std::optional<Outcome> SendFlow::passGate(Issue& i, Outcome& refusal)
{
    const Gate gate = sendGate(i.s, i.request.tenant, i.r.destination, i.r.policy, i.now, i.request.clientAddress);
    if (gate.status != OutcomeStatus::CanSend) {
        refusal.status = gate.status;
        refusal.message = gate.message;
        refusal.retryAfterS = ceilSeconds(gate.retryAfterMs);
        return refusal;
    }
    return std::nullopt;
}

std::optional<Outcome> SendFlow::lockIfAttemptsSpent(Issue& i, WriteTransaction& tx, Outcome& refusal)
{
    const Policy& policy = i.r.policy;
    // The attempts this destination has used within the hour follow it to the new code. When
    // they already reach the cap in force now (the cap was lowered, or a crash of an older
    // version left them uncounted in a lockout), the code would be dead on arrival: lock now.
    i.used = i.reusing ? i.previous->attempts : carriedAttempts(i.previous, i.now);
    if (i.used >= policy.maxAttempts && policy.lockoutS > 0) {
        flows::lockAtAttemptLimit(i.s, i.request.tenant, i.r.destination.value, i.previous ? i.previous->id : 0, policy,
                                  i.now);
        Database::notifyChange(i.s);
        tx.commit();
        refusal.status = OutcomeStatus::Locked;
        refusal.message = QStringLiteral("this destination has used its %1 attempts within the hour, so it is "
                                         "locked for %2 minutes").arg(policy.maxAttempts).arg((policy.lockoutS + 59) / 60);
        refusal.retryAfterS = policy.lockoutS;
        refusal.attemptsRemaining = 0;
        return refusal;
    }
    return std::nullopt;
}

ChallengeRow SendFlow::renewChallenge(Issue& i, int* sendNo)
{
    // Resend: the same challenge, and its old code dies now with its hash; the attempt
    // count is deliberately kept (SECURITY.md row 7).
    ChallengeRow c = *i.previous;
    c.expiresAt = i.now + qint64(i.r.policy.ttlS) * 1000;
    c.maxAttempts = i.r.policy.maxAttempts;
    // Sync: the new code's HMAC replaces the old one in the same statement (Outbox::drawFirst).
    if (!i.async)
        i.first = m_ctx.outbox.drawFirst(i.s, {c.ref, c.tenant, c.destination, c.purpose}, c.codeLength);
    if (!ChallengeStore(i.s).replaceCode(c.id, i.first.codeHash(), c.expiresAt, c.maxAttempts, i.now))
        throw StoreError(QStringLiteral("the challenge changed during resend"), true); // held: only an abort moves it
    c.sendCount += 1; // as replaceCode wrote it
    c.codeHash = i.first.codeHash();
    *sendNo = DeliveryLog(i.s).latestSendNo(c.id) + 1;
    return c;
}

ChallengeRow SendFlow::newChallenge(Issue& i)
{
    const Destination& dest = i.r.destination;
    const Policy& policy = i.r.policy;
    const std::optional<ChallengeRow>& previous = i.previous;
    const qint64 now = i.now;
    ChallengeStore challenges(i.s);
    if (previous && previous->status == QLatin1String("pending"))
        challenges.transition(previous->id, QStringLiteral("pending"),
                              previous->expiresAt > now ? QStringLiteral("superseded") : QStringLiteral("expired"), now);
    ChallengeRow c;
    c.ref = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.tenant = i.request.tenant;
    c.destination = dest.value;
    c.destPrefix = dest.prefix;
    c.destRegion = dest.region;
    c.channel = i.o.channel;
    c.purpose = i.o.purpose;
    c.status = QStringLiteral("pending");
    c.attempts = i.used < policy.maxAttempts ? i.used : 0; // lockout_s = 0: no lockout, a fresh count
    c.maxAttempts = policy.maxAttempts;
    c.sendCount = 1;
    c.codeLength = policy.codeLength;
    c.createdAt = now;
    c.expiresAt = now + qint64(policy.ttlS) * 1000;
    c.lastVendor = i.hops.first().vendor;
    // Sync: the challenge goes in with its code's HMAC (Outbox::drawFirst).
    if (!i.async) {
        i.first = m_ctx.outbox.drawFirst(i.s, {c.ref, c.tenant, c.destination, c.purpose}, c.codeLength);
        c.codeHash = i.first.codeHash();
    }
    // On PostgreSQL its id is 0 until the commit brings it back: the delivery row names it meanwhile
    // (DeliveryLog::open), and the INSERT, the delivery's and the COMMIT go out together.
    challenges.insert(c, &i.challengeId);
    c.id = i.challengeId;
    return c;
}

void SendFlow::openDelivery(Issue& i, const ChallengeRow& c, int sendNo)
{
    const Outbox::Hop& first = i.hops.first();
    // Sync: the first try goes in `sending`, leased to this call (Outbox::claimFirst), so no worker takes it.
    // Async: the row is queued, free for whichever worker comes first (this process's included).
    DeliveryRow row;
    row.challengeId = c.id;
    row.tenant = c.tenant;
    row.destination = c.destination;
    row.destPrefix = i.r.destination.prefix;
    row.vendor = first.vendor;
    row.channel = channelName(first.channel);
    row.sendNo = sendNo;
    row.tryNo = 1;
    row.state = i.async ? QStringLiteral("queued") : QStringLiteral("sending");
    row.createdAt = row.updatedAt = row.nextTryAt = i.now;
    row.leaseOwner = i.async ? QString() : m_ctx.outbox.owner();
    row.leaseUntil = i.async ? 0 : i.now + m_ctx.outbox.leaseMs();
    // Its id is known once the commit has run (insertWaiting): the row is ours alone until then.
    DeliveryLog(i.s).open(row.challengeId, row.tenant, row.destination, row.destPrefix, row.vendor, row.channel, sendNo,
                          row.state, i.now, row.leaseOwner, row.leaseUntil, i.request.clientAddress, &i.deliveryId);
    if (!i.async)
        m_ctx.outbox.claimFirst(i.first, row, c, i.r.policy);
    Database::notifyChange(i.s);
}

// Async: this process's queue (and any worker) delivers it. Sync: the vendors are called now.
Outcome SendFlow::handOver(Issue& i)
{
    if (i.async) {
        m_delivery.queue(i.deliveryId);
        i.o.status = OutcomeStatus::Queued;
        i.o.message = QStringLiteral("the code is queued for delivery by %1").arg(i.firstVendor);
        return i.o;
    }
    return m_delivery.deliverNow(std::move(i.first), i.o);
}

} // namespace otp
