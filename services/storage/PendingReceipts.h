#pragma once

#include "SqlSession.h"

#include <optional>

namespace otp {

// A vendor's receipt kept for a delivery whose answer is not recorded yet (migration 010).
struct PendingReceiptRow
{
    qint64 id = 0;
    QString state; // delivered | failed
    QString vendorCode, reason;
};

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
    // The receipts still fresh that name this vendor's `messageId` (when not empty) or `deliveryId`,
    // oldest first, removed from the table (in the caller's write transaction).
    QList<PendingReceiptRow> take(const QString& vendor, const QString& messageId, qint64 deliveryId, qint64 now);

private:
    SqlSession& m_s;
};

} // namespace otp
