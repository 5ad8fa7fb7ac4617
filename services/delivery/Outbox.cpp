#include "Outbox.h"

#include "AccountStore.h"
#include "ChallengeStore.h"
#include "DeliveryLog.h"
#include "FlowSteps.h"
#include "PendingReceipts.h"
#include "PolicyStore.h"
#include "TemplateStore.h"
#include "Redactor.h"
#include "StoreError.h"
#include "VendorBreaker.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace otp {

Q_LOGGING_CATEGORY(lcOutbox, "otp.outbox", QtInfoMsg)

namespace {
constexpr qint64 kMaxBackoffMs = 5 * 60 * 1000;

// Every vendor answer passes here on its way to the database (deliveries and the challenge's copy).
// Its text is made storable first: a NUL or other control character is data, not a reason to fail
// the statement (issue 10 item 9). Then the vendor's words may echo the message back; the code must
// not reach the database through them.
// The message id is the vendor's key, which its receipts name: it is kept whole when it merely
// contains the code's digits inside a longer number (a 19-digit Gupshup id holds any given 6-digit
// string about once in 70,000 ids; masking it lost that message's receipts, item 14). Only where the
// code stands as a number of its own ("m-482913", or the whole id) is it our message echoed back, and
// masked like any echo: such an id would store the code, and its receipts could not match anyway.
VendorAnswer redacted(VendorAnswer a, const QString& code)
{
    a.vendorCode = Redactor::storable(a.vendorCode);
    a.messageId = Redactor::storable(a.messageId);
    a.reason = Redactor::storable(a.reason);
    a.excerpt = Redactor::storable(a.excerpt);
    if (!code.isEmpty()) {
        const QString mask(code.size(), QLatin1Char('*'));
        a.excerpt.replace(code, mask);
        a.reason.replace(code, mask);
        const auto digitAt = [](const QString& s, qsizetype i) { return i >= 0 && i < s.size() && s.at(i).isDigit(); };
        for (QString* field : {&a.messageId, &a.vendorCode}) {
            for (qsizetype at = field->indexOf(code); at >= 0; at = field->indexOf(code, at + 1)) {
                if (!digitAt(*field, at - 1) && !digitAt(*field, at + code.size()))
                    field->replace(at, code.size(), mask);
            }
        }
    }
    return a;
}

} // namespace

Outbox::Outbox(Database& db, GatewayRegistry& gateways, const Clock& clock, CodeGenerator& generator,
               const CodeHasher& hasher, QString owner)
    : m_db(db), m_gateways(gateways), m_clock(clock), m_generator(generator), m_hasher(hasher), m_owner(std::move(owner))
{
}

qint64 Outbox::backoffMs(int tryOnVendor, int baseS, double jitter01)
{
    const double exp = std::pow(2.0, std::max(0, tryOnVendor - 1));
    const double ms = double(baseS) * 1000.0 * exp * (0.75 + 0.5 * jitter01); // ± 25 %: workers do not stampede
    return std::min<qint64>(kMaxBackoffMs, qint64(ms));
}

QList<Outbox::Hop> Outbox::plan(Channel channel, const QString& requestedVendor, const Policy& policy, QString* error) const
{
    const QList<Hop> hops = route(channel, requestedVendor, policy, error);
    if (!requestedVendor.isEmpty() || hops.isEmpty())
        return hops;
    return admitted(hops, m_clock.nowMs());
}

QList<Outbox::Hop> Outbox::admitted(const QList<Hop>& hops, qint64 now) const
{
    VendorBreaker breakers(m_db.session());
    // Through the snapshot (VendorBreaker::kCacheMs): empty while every vendor is well.
    const QHash<QString, BreakerRow> troubled = breakers.notClosedCached();
    if (troubled.isEmpty())
        return hops;
    QList<Hop> kept;
    for (const Hop& h : hops) {
        const auto it = troubled.constFind(h.vendor);
        // Only the vendor a send tries first may be the probe: a later hop may never be called.
        if (it == troubled.cend() || breakers.admits(*it, kept.isEmpty(), now, m_leaseMs))
            kept.append(h);
    }
    return kept.isEmpty() ? hops : kept;
}

std::optional<Outbox::Hop> Outbox::hopAfter(Channel challengeChannel, const QString& vendor, Channel channel,
                                            const Policy& policy, qint64 now) const
{
    QString ignored;
    const QList<Hop> hops = route(challengeChannel, {}, policy, &ignored);
    for (int i = 0; i + 1 < hops.size(); ++i) {
        if (hops[i].vendor == vendor && hops[i].channel == channel)
            return admitted(hops.mid(i + 1), now).first();
    }
    return std::nullopt;
}

QList<Outbox::Hop> Outbox::route(Channel channel, const QString& requestedVendor, const Policy& policy, QString* error) const
{
    QList<Hop> hops;
    if (!requestedVendor.isEmpty()) {
        // QA asked for this vendor: that one only, no fallback that would hide its answer.
        if (!m_gateways.route(channel, requestedVendor, error))
            return {};
        hops.append({channel, requestedVendor});
        return hops;
    }
    auto addChannel = [&](Channel c) -> bool {
        const QStringList route = policy.routes.value(channelName(c));
        if (route.isEmpty()) {
            QString why;
            if (auto g = m_gateways.route(c, {}, &why))
                hops.append({c, g->name()});
            else if (hops.isEmpty())
                *error = why;
            return true;
        }
        for (const QString& v : route) {
            QString why;
            if (!m_gateways.route(c, v, &why)) {
                *error = QStringLiteral("route_%1 names %2").arg(channelName(c), why);
                return false;
            }
            hops.append({c, v});
        }
        return true;
    };
    if (!addChannel(channel))
        return {};
    const QString fallback = policy.fallbacks.value(channelName(channel));
    if (!fallback.isEmpty()) {
        if (auto fb = channelFromName(fallback); fb && !addChannel(*fb))
            return {};
    }
    if (hops.isEmpty() && error->isEmpty())
        *error = QStringLiteral("no vendor is configured for %1").arg(channelName(channel));
    return hops;
}

// One try of attempt() on its way through the steps: the row and challenge step 1 read, the code it
// drew (and its HMAC), the message, and what the vendor answered in step 2.
struct Outbox::Try
{
    Try(SqlSession& session, qint64 id, bool retryLater, bool leaseNextTry)
        : s(session), challenges(session), log(session), deliveryId(id), retry(retryLater), leaseNext(leaseNextTry)
    {
    }

    SqlSession& s;
    ChallengeStore challenges;
    DeliveryLog log;
    qint64 deliveryId; // set by claimFirst() for a first try drawn before its row existed
    const bool retry;
    const bool leaseNext;
    QString code, hash;
    OutgoingMessage message;
    DeliveryRow row;
    ChallengeRow challenge;
    Policy policy;
    MessageTemplate text; // read inside step 1's transaction, so a failed read leaves nothing `sending`
    VendorAnswer answer;
    bool called = false;
};

namespace {
// A try that ended before the vendor was called, with nothing recorded on the row by us.
Outbox::TryResult untried(const QString& why)
{
    Outbox::TryResult result;
    result.answer.reason = why;
    return result;
}

// A try closed as NOT_SENT on its row: the send no longer wants it.
Outbox::TryResult notSent(const QString& vendor, const QString& why)
{
    Outbox::TryResult result;
    result.answer.vendor = vendor;
    result.answer.vendorCode = QStringLiteral("NOT_SENT");
    result.answer.reason = why;
    return result;
}
} // namespace

Outbox::TryResult Outbox::attempt(qint64 deliveryId, bool retry, bool leaseNext)
{
    Try t(m_db.session(), deliveryId, retry, leaseNext);

    // 1. Under the write lock: is this row still ours to send, and is its challenge still waiting for
    //    it? Then draw the code, keep its HMAC, and commit `sending` before any byte leaves.
    // A lock conflict (InnoDB deadlock victim, PostgreSQL serialization failure) rolls the whole
    // transaction back and it runs again from the reads (retryOnConflict): nothing left this process.
    const std::optional<TryResult> unsent = retryOnConflict(t.s, [&] { return claimAndDraw(t); });
    if (unsent)
        return *unsent;

    return callAndRecord(t);
}

Outbox::TryResult Outbox::callAndRecord(Try& t)
{
    // 2. The vendor call, outside any transaction: it may take seconds.
    const TryResult sent = callVendor(t);

    // 3. Record the answer and decide what comes next, in one transaction. The vendor has been called,
    //    so a lock conflict must not lose its answer: the transaction runs again until it is recorded.
    return retryOnConflict(t.s, [&] { return recordAnswer(t, sent); });
}

Outbox::FirstTry::FirstTry() = default;
Outbox::FirstTry::FirstTry(FirstTry&&) noexcept = default;
Outbox::FirstTry& Outbox::FirstTry::operator=(FirstTry&&) noexcept = default;

Outbox::FirstTry::~FirstTry()
{
    if (m_try) {
        m_try->code.fill(QLatin1Char('0'));
        m_try->message.code.fill(QLatin1Char('0'));
    }
}

const QString& Outbox::FirstTry::codeHash() const
{
    static const QString none;
    return m_try ? m_try->hash : none;
}

Outbox::FirstTry Outbox::drawFirst(SqlSession& s, const CodeBinding& binding, int codeLength) const
{
    FirstTry first;
    first.m_try = std::make_unique<Try>(s, 0, false, true);
    first.m_try->code = m_generator.generate(codeLength);
    first.m_try->hash = m_hasher.hash(binding, first.m_try->code);
    return first;
}

void Outbox::claimFirst(FirstTry& first, const DeliveryRow& row, const ChallengeRow& challenge, const Policy& policy) const
{
    Try& t = *first.m_try;
    t.deliveryId = row.id;
    t.row = row;
    t.challenge = challenge;
    t.policy = policy;
    resolveText(t); // inside the send's transaction, as step 1 reads it
}

void Outbox::firstTryOpened(FirstTry& first, qint64 deliveryId, qint64 challengeId) const
{
    first.m_try->deliveryId = deliveryId;
    first.m_try->row.id = deliveryId;
    first.m_try->row.challengeId = challengeId;
    first.m_try->challenge.id = challengeId;
}

void Outbox::resolveText(Try& t) const
{
    // Read inside the claiming transaction: a failed read leaves nothing `sending`.
    t.text = TemplateStore(t.s).resolveCached(t.challenge.tenant, purposeFromName(t.challenge.purpose).value_or(Purpose::Login),
                                              channelFromName(t.row.channel).value_or(Channel::Sms), t.policy.messageLanguage);
}

Outbox::TryResult Outbox::sendFirst(FirstTry& first)
{
    Try& t = *first.m_try;
    flowStep("deliver.sending");
    composeMessage(t, m_clock.nowMs());
    return callAndRecord(t);
}

std::optional<Outbox::TryResult> Outbox::claimAndDraw(Try& t)
{
    WriteTransaction tx(t.s);
    const qint64 now = m_clock.nowMs();
    if (!readTry(t))
        return untried(QStringLiteral("the delivery is no longer ours to send"));
    if (auto closed = closeIfNotWanted(t, tx, now))
        return closed;
    moveOffOpenVendor(t, now);
    // The conditional move to `sending` is what makes this try ours alone (on every engine, even
    // when two threads of one process hold the same lease owner); only then is the code replaced.
    if (t.s.update(QStringLiteral("UPDATE deliveries SET state = 'sending', lease_until = ?, updated_at = ? "
                                  "WHERE id = ? AND state = 'queued' AND lease_owner = ?"),
                   {now + m_leaseMs, now, t.deliveryId, m_owner}) != 1)
        return untried(QStringLiteral("the delivery was taken by another worker"));
    resolveText(t);
    if (auto closed = drawCode(t, tx, now))
        return closed;
    tx.commit();
    flowStep("deliver.sending");
    composeMessage(t, now);
    return std::nullopt;
}

bool Outbox::readTry(Try& t)
{
    auto d = t.log.byId(t.deliveryId);
    if (!d || d->state != QLatin1String("queued") || d->leaseOwner != m_owner)
        return false;
    t.row = *d;
    auto c = t.challenges.byId(t.row.challengeId);
    if (!c)
        throw StoreError(QStringLiteral("delivery %1 has no challenge").arg(t.deliveryId));
    t.challenge = *c;
    t.policy = PolicyStore(t.s).loadCached(t.challenge.tenant, t.challenge.purpose);
    return true;
}

std::optional<Outbox::TryResult> Outbox::closeIfNotWanted(Try& t, WriteTransaction& tx, qint64 now)
{
    const ChallengeRow& challenge = t.challenge;
    QString why;
    // (A resend that replaced this send is caught by setCode below: its send_count moved on.)
    if (challenge.status != QLatin1String("pending"))
        why = QStringLiteral("not sent: the challenge is already %1").arg(challenge.status);
    else if (challenge.sendCount > t.row.sendNo)
        why = QStringLiteral("not sent: a resend replaced this send");
    else if (challenge.expiresAt <= now)
        why = QStringLiteral("not sent: the code's lifetime ended before it could be delivered");
    if (why.isEmpty())
        return std::nullopt;
    t.log.closeUnsent(t.deliveryId, QStringLiteral("NOT_SENT"), why, now);
    if (challenge.status == QLatin1String("pending") && challenge.expiresAt <= now &&
        t.log.latestSendNo(challenge.id) == t.row.sendNo)
        t.challenges.transition(challenge.id, QStringLiteral("pending"), QStringLiteral("delivery_failed"), now);
    tx.commit();
    return notSent(t.row.vendor, why);
}

void Outbox::moveOffOpenVendor(Try& t, qint64 now)
{
    // A try queued for a vendor whose breaker opened since (a retry waiting out its backoff, a send
    // queued before) goes to the next vendor of the route instead, in place: the same row, so the
    // send caps count it once. Without a next vendor it goes to the open one after all. A try
    // queued after the opening was planned knowing it (a vendor QA asked for, every vendor open).
    const QHash<QString, BreakerRow> breakers = VendorBreaker(t.s).cachedRows();
    if (const auto b = breakers.constFind(t.row.vendor); b != breakers.cend() && b->state == QLatin1String("open") &&
                                                          (b->forced || b->openUntil > now) && t.row.createdAt < b->updatedAt) {
        if (const auto next = hopAfter(channelFromName(t.challenge.channel).value_or(Channel::Sms), t.row.vendor,
                                       channelFromName(t.row.channel).value_or(Channel::Sms), t.policy, now)) {
            qCInfo(lcOutbox) << "delivery" << t.deliveryId << "moves from" << t.row.vendor << "to" << next->vendor
                             << "(breaker open)";
            t.s.update(QStringLiteral("UPDATE deliveries SET vendor = ?, channel = ?, updated_at = ? "
                                      "WHERE id = ? AND state = 'queued' AND lease_owner = ?"),
                       {next->vendor, channelName(next->channel), now, t.deliveryId, m_owner});
            t.row.vendor = next->vendor;
            t.row.channel = channelName(next->channel);
        }
    }
}

std::optional<Outbox::TryResult> Outbox::drawCode(Try& t, WriteTransaction& tx, qint64 now)
{
    const ChallengeRow& challenge = t.challenge;
    t.code = m_generator.generate(challenge.codeLength);
    t.hash = m_hasher.hash({challenge.ref, challenge.tenant, challenge.destination, challenge.purpose}, t.code);
    if (t.challenges.setCode(challenge.id, t.row.sendNo, t.hash, now))
        return std::nullopt;
    // The challenge changed after we read it: a concurrent new send superseded it, a resend
    // replaced this send, or it was canceled or verified. The server engines read without
    // locking (READ COMMITTED), so this is where the race is decided; the winner's state stands.
    const auto latest = t.challenges.byId(challenge.id);
    const QString why = latest && latest->status != QLatin1String("pending")
                            ? QStringLiteral("not sent: the challenge became %1").arg(latest->status)
                            : QStringLiteral("not sent: a resend replaced this send");
    t.log.closeUnsent(t.deliveryId, QStringLiteral("NOT_SENT"), why, now);
    tx.commit();
    t.code.fill(QLatin1Char('0'));
    return notSent(t.row.vendor, why);
}

void Outbox::composeMessage(Try& t, qint64 now)
{
    const ChallengeRow& challenge = t.challenge;
    const auto purpose = purposeFromName(challenge.purpose).value_or(Purpose::Login);
    const int ttlMinutes = int((challenge.expiresAt - now + 59999) / 60000);
    OutgoingMessage& message = t.message;
    message.tenant = challenge.tenant;
    message.challengeRef = challenge.ref;
    message.deliveryId = t.deliveryId;
    message.channel = channelFromName(t.row.channel).value_or(Channel::Sms);
    message.purpose = purpose;
    message.destination = challenge.destination;
    message.code = t.code;
    message.ttlMinutes = ttlMinutes;
    // The tenant's text for the policy's language (MessageTemplate.h), or the shipped one.
    const QString app = t.policy.appName.isEmpty() ? challenge.tenant : t.policy.appName;
    message.body = MessageTemplates::render(t.text.body, t.code, ttlMinutes, app, purpose);
}

Outbox::TryResult Outbox::callVendor(Try& t)
{
    VendorAnswer& answer = t.answer;
    if (auto gateway = m_gateways.find(t.row.vendor)) {
        answer = gateway->deliver(t.message);
        t.called = true;
    } else {
        answer.vendor = t.row.vendor;
        answer.vendorCode = QStringLiteral("NO_GATEWAY");
        answer.reason = QStringLiteral("vendor %1 is not configured in this process").arg(t.row.vendor);
    }
    if (answer.vendor.isEmpty())
        answer.vendor = t.row.vendor;
    flowStep("deliver.answered");
    answer = redacted(answer, t.code);
    t.message.code.fill(QLatin1Char('0'));
    t.message.body.clear();
    t.code.fill(QLatin1Char('0'));
    TryResult sent;
    sent.sent = t.called;
    sent.answer = answer;
    sent.accepted = answer.accepted;
    return sent;
}

Outbox::TryResult Outbox::recordAnswer(Try& t, const TryResult& sent)
{
    TryResult result = sent;
    const VendorAnswer& answer = t.answer;
    const ChallengeRow& challenge = t.challenge;
    WriteTransaction tx(t.s);
    const qint64 now = m_clock.nowMs();
    t.log.recordAnswer(t.deliveryId, answer, now);
    Database::notifyChange(t.s);
    t.challenges.recordVendor(challenge.id, answer.vendor, answer.messageId, answer.toSeedJsonText(), now);
    // The vendor's breaker learns from every answer it gave (VendorBreaker.h); open means no retry
    // waits on it: the send moves to the next vendor now.
    const bool vendorOpen = t.called && VendorBreaker(t.s).record(t.row.vendor, answer, t.policy, challenge.tenant, now);
    if (answer.accepted) {
        applyHeldReceipts(t, now);
        if (t.policy.accountCreation == Policy::AccountCreation::OnDelivery && t.message.purpose != Purpose::PasswordReset) {
            tx.lockKey(QStringLiteral("account:%1:%2").arg(challenge.tenant, challenge.destination));
            AccountStore(t.s).ensure(challenge.tenant, challenge.destination, t.message.channel == Channel::Email, false, now);
        }
        tx.commit();
        flowStep("deliver.recorded");
        return result;
    }
    if (answer.mayHaveSent) {
        // A timeout (or a cut connection, an unreadable 2xx) may hide a message the vendor took:
        // its code stays usable until the challenge ends, and no retry or other vendor sends a
        // second, different code after it (README, "Timeouts"; SECURITY.md row 25). A person who
        // gets nothing asks for a resend, which the cooldown and the caps judge.
        tx.commit();
        flowStep("deliver.recorded");
        qCInfo(lcOutbox) << "delivery" << t.deliveryId << t.row.vendor << "unconfirmed" << answer.vendorCode
                         << "(not retried: the vendor may have sent it)";
        return result;
    }
    return afterRefusal(t, tx, vendorOpen, now, result);
}

void Outbox::applyHeldReceipts(Try& t, qint64 now)
{
    // Receipts that overtook this answer (DeliveryFlow::applyReceipts kept them): the message moves on
    // to delivered or failed now, as if they had come after us. After our row's update, which waited
    // for any receipt transaction holding it, so what such a transaction kept is seen here.
    // The first one decides; later ones change nothing, as repeated receipts do.
    PendingReceipts(t.s).settle(t.deliveryId, t.row.vendor, t.answer.messageId.left(128), now);
}

Outbox::TryResult Outbox::afterRefusal(Try& t, WriteTransaction& tx, bool vendorOpen, qint64 now, TryResult result)
{
    const ChallengeRow& challenge = t.challenge;
    // The code of a failed try must not work (unless a newer code replaced it meanwhile).
    t.challenges.clearCode(challenge.id, t.hash, now);
    const bool stillCurrent = t.log.latestSendNo(challenge.id) == t.row.sendNo;
    auto current = t.challenges.byId(challenge.id);
    const bool alive = stillCurrent && current && current->status == QLatin1String("pending") && current->expiresAt > now;

    const std::optional<NextTry> next = alive ? nextTry(t, current->expiresAt, vendorOpen, now) : std::nullopt;
    if (next) {
        result.final = false;
        result.nextDeliveryId = t.log.openTry(t.row, next->hop.vendor, channelName(next->hop.channel), next->at,
                                              t.leaseNext ? m_owner : QString(), now + m_leaseMs, now);
    } else if (stillCurrent) {
        // Every vendor of the route said no: the code never reached the user (seed 001).
        t.challenges.transition(challenge.id, QStringLiteral("pending"), QStringLiteral("delivery_failed"), now);
    }
    tx.commit();
    flowStep("deliver.recorded");
    qCInfo(lcOutbox) << "delivery" << t.deliveryId << t.row.vendor << (t.answer.accepted ? "accepted" : "refused")
                     << t.answer.vendorCode << (next ? "→ next try" : "");
    return result;
}

std::optional<Outbox::NextTry> Outbox::nextTry(Try& t, qint64 expiresAt, bool vendorOpen, qint64 now) const
{
    if (t.retry && t.answer.retryable && !vendorOpen) {
        const int tries = t.log.triesOn(t.challenge.id, t.row.sendNo, t.row.vendor);
        if (tries < t.policy.deliveryMaxTries) {
            const qint64 at = now + backoffMs(tries, t.policy.deliveryBackoffS, QRandomGenerator::global()->generateDouble());
            if (at < expiresAt)
                return NextTry{{t.message.channel, t.row.vendor}, at};
        }
    }
    // The next hop of the whole route, without the vendors that are open now (this one may
    // have opened just above, and is then behind us anyway).
    if (const auto after = hopAfter(channelFromName(t.challenge.channel).value_or(Channel::Sms), t.row.vendor,
                                    t.message.channel, t.policy, now))
        return NextTry{*after, now};
    return std::nullopt;
}

bool Outbox::claim(qint64 deliveryId, qint64 now)
{
    // A conditional UPDATE is the claim: of several workers racing for one row, exactly one sees 1.
    // (A lock conflict on it is re-run by SqlSession: it is a single statement outside a transaction.)
    return m_db.session().update(QStringLiteral("UPDATE deliveries SET lease_owner = ?, lease_until = ?, updated_at = ? "
                                                "WHERE id = ? AND state = 'queued' AND "
                                                "(lease_until IS NULL OR lease_until < ?)"),
                                 {m_owner, now + m_leaseMs, now, deliveryId, now}) == 1;
}

QString Outbox::dueRowsSql()
{
    // Earliest due first, in the order of ix_deliveries_outbox (state, next_try_at): the index finds the
    // few queued rows and hands them over sorted. `ORDER BY id` let SQLite's planner, once ANALYZE had
    // seen a handful of states over millions of rows, walk the whole table in id order instead: 0.48 s
    // per look at 2,000,000 deliveries, every 200 ms on each outbox thread (console_bench under
    // `simulate`: the console's two outbox threads at 60 % of a core each, none of it useful).
    return QStringLiteral("SELECT id FROM deliveries WHERE state = 'queued' AND (lease_until IS NULL OR lease_until < ?) AND "
                          "(next_try_at IS NULL OR next_try_at <= ?) ORDER BY next_try_at, id LIMIT ?");
}

int Outbox::deliverDue(int max)
{
    recoverLost();
    SqlSession& s = m_db.session();
    const qint64 now = m_clock.nowMs();
    const Rows due = s.select(dueRowsSql(), {now, now, max});
    int tried = 0;
    for (const SqlRow& r : due) {
        if (m_stopRequested && m_stopRequested())
            break; // stopping: the rows not yet claimed stay queued for whoever runs next
        const qint64 id = r.value(0).toLongLong();
        if (!claim(id, m_clock.nowMs()))
            continue; // another worker was faster
        const TryResult t = attempt(id, true, false);
        if (t.sent)
            ++tried;
    }
    return tried;
}

int Outbox::releaseLeases(const QString& owner)
{
    return m_db.session().update(QStringLiteral("UPDATE deliveries SET lease_owner = NULL, lease_until = NULL "
                                                "WHERE lease_owner = ? AND state = 'queued'"),
                                 {owner});
}

int Outbox::recoverLost()
{
    SqlSession& s = m_db.session();
    const qint64 now = m_clock.nowMs();
    int n = 0;
    for (const SqlRow& r : s.select(QStringLiteral("SELECT id FROM deliveries WHERE state = 'sending' AND lease_until < ?"),
                                        {now})) {
        n += s.update(QStringLiteral("UPDATE deliveries SET state = 'timeout', vendor_code = 'WORKER_LOST', reason = ?, "
                                     "lease_owner = NULL, lease_until = NULL, updated_at = ? "
                                     "WHERE id = ? AND state = 'sending' AND lease_until < ?"),
                      {QStringLiteral("the delivering process stopped during the vendor call; the vendor may have sent "
                                      "it, so it is not sent again (the user can ask for a new code)"),
                       now, r.value(0), now});
    }
    if (n > 0)
        qCWarning(lcOutbox) << n << "deliveries were lost mid-call by a dead worker; closed as timeout, not resent";
    return n;
}

} // namespace otp
