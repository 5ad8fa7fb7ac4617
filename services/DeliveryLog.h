#pragma once

#include "Outcome.h"
#include "SqlSession.h"

#include <QJsonObject>

#include <optional>

namespace otp {

struct DeliveryRow
{
    qint64 id = 0, challengeId = 0;
    QString tenant, destination, destPrefix, vendor, channel, state, vendorCode, messageId, reason, excerpt;
    int sendNo = 0, tryNo = 0, httpStatus = 0, latencyMs = -1;
    qint64 createdAt = 0, updatedAt = 0, nextTryAt = 0, leaseUntil = 0;
    QString leaseOwner;

    static DeliveryRow fromRecord(const QSqlRecord& r);
    QJsonObject toJson() const;
};

// The `deliveries` table: one row per vendor call. It is also the ledger the send caps count:
// every send and resend adds a row with try_no = 1 before the vendor is called.
class DeliveryLog
{
public:
    explicit DeliveryLog(SqlSession& s) : m_s(s) {}

    qint64 open(qint64 challengeId, const QString& tenant, const QString& destination, const QString& prefix,
                const QString& vendor, const QString& channel, int sendNo, const QString& state, qint64 now,
                const QString& leaseOwner = {}, qint64 leaseUntil = 0);
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

    // The send-cap ledger (first tries only: retries of one send are not new sends).
    qint64 lastSendAt(const QString& tenant, const QString& destination);
    int sendsSince(const QString& tenant, const QString& destination, qint64 since);
    qint64 oldestSendSince(const QString& tenant, const QString& destination, qint64 since);
    int prefixSendsSince(const QString& prefix, qint64 since);
    qint64 oldestPrefixSendSince(const QString& prefix, qint64 since);

    // Queued deliveries no worker took since before `olderThan`: marked failed (never sent).
    // Returns the challenge ids they belonged to.
    QList<qint64> abandonStale(qint64 olderThan, qint64 now);

private:
    SqlSession& m_s;
};

} // namespace otp
