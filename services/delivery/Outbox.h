#pragma once

#include "Clock.h"
#include "CodeGenerator.h"
#include "CodeHasher.h"
#include "Database.h"
#include "GatewayRegistry.h"
#include "Outcome.h"
#include "Policy.h"

#include <functional>
#include <memory>

namespace otp {

struct ChallengeRow;
struct DeliveryRow;

// The durable outbox: every try of every send is a `deliveries` row, and rows move
//   queued ──claim (lease)──▶ sending ──vendor answer──▶ accepted | failed | timeout
// One design choice carries the rest: **the code is made at delivery time, never stored**. A queued
// row holds no code; the process that holds its lease draws a fresh code, stores only its HMAC on the
// challenge, marks the row `sending` and only then calls the vendor. So nothing secret waits in the
// database, any process can take over a queued row, and a retry simply carries a new code (the code
// of a failed try is unusable).
//
// No double send: a row is sent only from `queued`, by the lease holder (or, a sync send's first try,
// by the send that wrote it `sending` under its lease: FirstTry below), and `sending` is committed
// before the vendor is called. A row found `sending` after its lease expired belonged to a process that
// died during the vendor call; whether the vendor took it is unknowable, so it is closed as `timeout`
// (WORKER_LOST) and never sent again — the challenge stays pending with the code that may be on the
// user's phone, and expires on its own (SECURITY.md row 17).
//
// Retries: only retryable answers that certainly did not deliver (5xx, 429, a refused connection)
// and only in async mode, up to the policy's delivery_max_tries per vendor, after
// delivery_backoff_s × 2^(try-1) ± 25 % (capped at 5 min). When a vendor gives up, the next one of
// the route is tried, then the fallback channel's. An answer that may hide a delivery (a timeout, a
// connection cut after the request went out: VendorAnswer::mayHaveSent) ends the send instead: the
// row closes as `timeout`, its code stays usable until the challenge ends, and nothing is sent after
// it, so a user never holds a code that was killed by a retry (README, "Timeouts"). Every try counts
// in the send caps (DeliveryLog).
class Outbox
{
    // One try of attempt() as it goes through the steps below (defined in Outbox.cpp).
    struct Try;

public:
    Outbox(Database& db, GatewayRegistry& gateways, const Clock& clock, CodeGenerator& generator,
           const CodeHasher& hasher, QString owner);

    const QString& owner() const { return m_owner; }
    void setLeaseMs(qint64 ms) { m_leaseMs = ms; }
    qint64 leaseMs() const { return m_leaseMs; }
    // Asked by deliverDue() before it claims each row: once it answers true no further row is taken
    // (the one in flight finishes and is recorded). Set while no deliverDue() runs (DeliveryWorker).
    void setStopRequested(std::function<bool()> stop) { m_stopRequested = std::move(stop); }

    // The vendors a send tries, in order: the requested vendor alone, or the channel's route and then
    // the fallback channel's route. Empty with *error set when none is configured.
    // A vendor whose circuit breaker is open (VendorBreaker.h) is left out of a route, so the send goes
    // to the next vendor, then the fallback channel, without waiting; when its cool-off is over, the
    // send that finds it first in line claims the one probe try. When every vendor of the route is
    // open the route stays whole: a vendor that may be failing beats not sending at all. A requested
    // vendor is never left out (QA asked for its answer). Runs in the caller's write transaction.
    struct Hop
    {
        Channel channel;
        QString vendor;
    };
    QList<Hop> plan(Channel channel, const QString& requestedVendor, const Policy& policy, QString* error) const;

    struct TryResult
    {
        VendorAnswer answer;
        bool accepted = false;
        bool final = true;    // false: another try was queued (nextDeliveryId)
        qint64 nextDeliveryId = 0;
        bool sent = false;    // the vendor was called
    };
    // Delivers one row this process leases. `retry`: queue retryable failures with backoff (async);
    // otherwise move straight to the next hop (sync). The next row is leased to us when `leaseNext`.
    TryResult attempt(qint64 deliveryId, bool retry, bool leaseNext);

    // A sync send's first try is taken inside the send's own write transaction
    // (SendFlow::decideAndWrite), not in a transaction of its own as attempt()'s step 1 would: the code
    // is drawn before the challenge is written (drawFirst), so the challenge goes in with its code's
    // HMAC, and the delivery row goes in `sending` under this process's lease (claimFirst). What step 1
    // reads and checks (the row is ours and queued, the challenge still wants it, no breaker opened
    // since it was queued) was decided in that same transaction. After its commit, sendFirst() runs
    // steps 2 and 3. So a sync send costs one write transaction fewer (5 of the 26 statements of a
    // send+verify pair on PostgreSQL). A crash between that commit and the vendor call leaves the row
    // `sending`, closed as WORKER_LOST once its lease ends, exactly as a crash after step 1 does.
    class FirstTry
    {
    public:
        FirstTry();
        FirstTry(FirstTry&&) noexcept;
        FirstTry& operator=(FirstTry&&) noexcept;
        ~FirstTry(); // wipes the code from memory
        const QString& codeHash() const;

    private:
        friend class Outbox;
        std::unique_ptr<Try> m_try;
    };
    // In the send's transaction, before its challenge row is written.
    FirstTry drawFirst(SqlSession& s, const CodeBinding& binding, int codeLength) const;
    // In the send's transaction, once `row` was written `sending` with this process's lease (its id
    // comes with the commit: firstTryOpened).
    void claimFirst(FirstTry& first, const DeliveryRow& row, const ChallengeRow& challenge, const Policy& policy) const;
    // After the send's commit: the row's id and its challenge's, which the commit brought back
    // (DeliveryLog::open, ChallengeStore::insert).
    void firstTryOpened(FirstTry& first, qint64 deliveryId, qint64 challengeId) const;
    // After the send's commit: the vendor call and its answer recorded (steps 2 and 3).
    TryResult sendFirst(FirstTry& first);

    // Claims up to `max` due rows (any process's) and delivers them. Returns how many were tried.
    int deliverDue(int max);
    // The statement deliverDue() finds due rows with (binds: now, now, max); the tests read its plan.
    static QString dueRowsSql();
    // Closes `sending` rows whose lease expired (their process died mid-call). Returns how many.
    int recoverLost();
    // Hands back the leases `owner` holds on rows it has not started sending (still `queued`), so any
    // process takes them now rather than when the lease runs out (a graceful stop). A row already
    // `sending` keeps its lease: its vendor call decides it. Returns how many were released.
    int releaseLeases(const QString& owner);

    static qint64 backoffMs(int tryOnVendor, int baseS, double jitter01);
    // Leases one queued row that is free (never leased, or its lease expired) to this process.
    bool claim(qint64 deliveryId, qint64 now);

private:
    // Where a refused try goes next: a vendor, on a channel, at a time.
    struct NextTry
    {
        Hop hop;
        qint64 at = 0;
    };

    // attempt()'s steps, in order. Step 1, one write transaction: the row is still ours and still
    // wanted (else it is closed NOT_SENT), moves off a vendor whose breaker opened since it was
    // queued, turns `sending`, gets a fresh code whose HMAC the challenge keeps, and is committed;
    // then the message is written. A result means the try ends there.
    std::optional<TryResult> claimAndDraw(Try& t);
    bool readTry(Try& t);
    std::optional<TryResult> closeIfNotWanted(Try& t, WriteTransaction& tx, qint64 now);
    void moveOffOpenVendor(Try& t, qint64 now);
    std::optional<TryResult> drawCode(Try& t, WriteTransaction& tx, qint64 now);
    void composeMessage(Try& t, qint64 now);
    // The message template for the try's tenant, purpose, channel and language (cached per process).
    void resolveText(Try& t) const;
    // Step 2, outside any transaction: the vendor call; the code is wiped from memory after it.
    TryResult callVendor(Try& t);
    // Steps 2 and 3 together, for attempt() and sendFirst().
    TryResult callAndRecord(Try& t);
    // Step 3, one write transaction: the answer recorded, the breaker told; then a refused try
    // hands the send to its next try (nextTry) or ends the challenge as delivery_failed.
    TryResult recordAnswer(Try& t, const TryResult& sent);
    void applyHeldReceipts(Try& t, qint64 now);
    TryResult afterRefusal(Try& t, WriteTransaction& tx, bool vendorOpen, qint64 now, TryResult result);
    std::optional<NextTry> nextTry(Try& t, qint64 expiresAt, bool vendorOpen, qint64 now) const;

    // plan() before the breakers have their say.
    QList<Hop> route(Channel channel, const QString& requestedVendor, const Policy& policy, QString* error) const;
    // `hops` without the vendors whose breaker is open; the first one left may be a probe it claimed.
    // Unchanged when every vendor is open.
    QList<Hop> admitted(const QList<Hop>& hops, qint64 now) const;
    // The hop after `vendor` on `channel` in the challenge channel's whole route, without the vendors
    // open now; nullopt when that vendor is the route's last (or not on it).
    std::optional<Hop> hopAfter(Channel challengeChannel, const QString& vendor, Channel channel, const Policy& policy,
                                qint64 now) const;

    Database& m_db;
    GatewayRegistry& m_gateways;
    const Clock& m_clock;
    CodeGenerator& m_generator;
    const CodeHasher& m_hasher;
    QString m_owner;
    qint64 m_leaseMs = 60000;
    std::function<bool()> m_stopRequested;
};

} // namespace otp
