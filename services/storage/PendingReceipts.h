#pragma once

#include "SqlSession.h"

#include <optional>

namespace otp {

// The `pending_receipts` table: receipts that overtook the recording of their send's answer (the try
// is still `sending`, without its message id, when the vendor reports on it). Kept for kKeepMs, at most
// kMaxRows at a time; the Outbox takes them when it records the answer with that message id (or for that
// delivery). Receipts of other systems' messages land here too and simply age out.
class PendingReceipts
{
public:
    static constexpr qint64 kKeepMs = 10 * 60 * 1000;
    static constexpr int kMaxRows = 10000;

    explicit PendingReceipts(SqlSession& s) : m_s(s) {}

    // Drops the receipts older than kKeepMs; returns how many more may be kept now.
    int room(qint64 now);
    void hold(const QString& vendor, const QString& messageId, qint64 deliveryId, const QString& state,
              const QString& vendorCode, const QString& reason, qint64 now);
    // In the write transaction that has just recorded delivery `deliveryId` as accepted with `messageId`:
    // the oldest fresh receipt that names this vendor's `messageId` (when not empty) or `deliveryId` moves
    // the delivery on to its state, and every such receipt is removed. Later ones change nothing, as
    // repeated receipts do. No read: an UPDATE and a DELETE (on PostgreSQL both go out with the COMMIT;
    // elsewhere the DELETE only when the UPDATE found receipts). Both find the same receipts: the receipt
    // side keeps one only once it holds the delivery's `sending` row (DeliveryFlow's settleWaiting), and
    // the caller's update of that row holds it until the commit.
    void settle(qint64 deliveryId, const QString& vendor, const QString& messageId, qint64 now);

private:
    SqlSession& m_s;
};

} // namespace otp
