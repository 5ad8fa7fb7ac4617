#pragma once

#include "Outcome.h"
#include "SqlSession.h"

#include <QJsonObject>

#include <optional>

namespace otp {

// Whose sends a per-destination cap counts (cooldown, hourly and daily caps): a phone number, or
// for email the mailbox, so that victim+1@… … victim+5@… and V.ictim@gmail.com share one cooldown
// and one cap (DestinationParser stores the canonical mailbox as an email's dest_prefix).
struct CapKey
{
    QString tenant;
    QString value;        // E.164 number, or the canonical mailbox
    bool mailbox = false; // true: value is matched against dest_prefix
};

struct DeliveryRow
{
    qint64 id = 0, challengeId = 0;
    QString tenant, destination, destPrefix, vendor, channel, state, vendorCode, messageId, reason, excerpt;
    int sendNo = 0, tryNo = 0, httpStatus = 0, latencyMs = -1;
    qint64 createdAt = 0, updatedAt = 0, nextTryAt = 0, leaseUntil = 0;
    QString leaseOwner;

    static DeliveryRow fromRecord(const SqlRow& r);
    QJsonObject toJson() const;
};

// The `deliveries` table: one row per vendor call. It is also the ledger the send caps count:
// every send and resend adds a row with try_no = 1 before the vendor is called.
class DeliveryLog
{
public:
    explicit DeliveryLog(SqlSession& s) : m_s(s) {}

    // A send's first try. Its id goes to *id once the transaction's next statement or its commit has
    // run (SqlSession::insertWaiting: on PostgreSQL the INSERT travels with the COMMIT).
    // challengeId 0: the challenge this transaction has just inserted, whose own INSERT still waits
    // (ChallengeStore::insert on PostgreSQL); the row names it by SqlSession::waitingInsertIdSql.
    void open(qint64 challengeId, const QString& tenant, const QString& destination, const QString& prefix,
              const QString& vendor, const QString& channel, int sendNo, const QString& state, qint64 now,
              const QString& leaseOwner, qint64 leaseUntil, const QString& clientIp, qint64* id);
    // Records the vendor's answer and releases the lease.
    void recordAnswer(qint64 deliveryId, const VendorAnswer& answer, qint64 now);
    std::optional<DeliveryRow> byId(qint64 deliveryId);
    // The next try of the same send (retry or fallback hop), queued for `nextTryAt`.
    qint64 openTry(const DeliveryRow& previous, const QString& vendor, const QString& channel, qint64 nextTryAt,
                   const QString& leaseOwner, qint64 leaseUntil, qint64 now);
    // Closes a row without calling a vendor (the challenge moved on, or its lifetime ended).
    void closeUnsent(qint64 deliveryId, const QString& vendorCode, const QString& reason, qint64 now);
    int triesOn(qint64 challengeId, int sendNo, const QString& vendor);
    int latestSendNo(qint64 challengeId);
    QList<DeliveryRow> forChallenge(qint64 challengeId);

    // The send-cap ledger. The caps count every try (a retry or a fallback hop reaches a vendor, and
    // may reach the phone, as a first send does: SECURITY.md row 25); the cooldown runs from the last
    // send or resend a person asked for (first tries).
    // Everything the send gate reads, in one round trip: tries in the last hour and day, the last
    // send, the prefix's tries in the burst window, and whether `destination` has an active lockout.
    // `fromIp`: the tenant's sends (first tries) in the last hour from `clientIp` (the per-address cap;
    // 0 when clientIp is empty).
    struct GateCounts
    {
        int lastHour = 0, lastDay = 0, prefixBurst = 0, activeLockouts = 0, fromIp = 0;
        qint64 lastSendAt = 0;
    };
    GateCounts gateCounts(const CapKey& key, const QString& destination, const QString& prefix, qint64 now,
                          qint64 hourSince, qint64 daySince, qint64 burstSince, const QString& clientIp = {});
    // The time of the (skip+1)-th oldest try since `since`: when the window next drops below a cap
    // that `skip` tries are over (0 when there is none).
    qint64 oldestSendSince(const CapKey& key, qint64 since, int skip = 0);
    qint64 oldestPrefixSendSince(const QString& prefix, qint64 since, int skip = 0);
    qint64 oldestIpSendSince(const QString& tenant, const QString& clientIp, qint64 since, int skip = 0);

    // Queued deliveries no worker took since before `olderThan`: marked failed (never sent).
    // Returns the challenge ids they belonged to.
    QList<qint64> abandonStale(qint64 olderThan, qint64 now);

    // Inside a write transaction on PostgreSQL and MariaDB: locks this vendor's rows that are `sending`,
    // after waiting for the transactions recording an answer on them (SQLite: nothing to do, its
    // write lock is whole). A receipt that matched nothing looks again after this: an answer recorded
    // meanwhile is now visible, and one not yet recorded waits for our commit and then finds what we
    // kept in pending_receipts (DeliveryFlow::applyReceipts, Outbox::recordAnswer).
    void lockSending(const QString& vendor);
    QString stateOf(qint64 deliveryId);

private:
    SqlSession& m_s;
};

} // namespace otp
