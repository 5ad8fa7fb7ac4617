#pragma once

#include "DeliveryReceipts.h"
#include "FlowContext.h"

#include <QMutex>

#include <atomic>

namespace otp {

// Handing written sends to their vendors (DESIGN.md "delivery, sync/async mode"): in this thread for
// a sync send, from this process's queue for an async one, or by the outbox worker for any process;
// and the vendors' receipts that follow. The outbox (Outbox.h) makes each try; this decides who runs it.
class DeliveryFlow
{
public:
    explicit DeliveryFlow(FlowContext& ctx) : m_ctx(ctx) {}

    // Runs a send's tries in this thread until a vendor accepts or every hop failed (sync mode): the
    // first one taken in the send's transaction (Outbox::FirstTry), then each next hop's.
    Outcome deliverNow(Outbox::FirstTry first, Outcome outcome);
    // Async mode: remembers a queued send for deliverPending() (never a code: see Outbox).
    void queue(qint64 deliveryId);
    int deliverPending();
    int pendingCount() const;
    int deliverDue(int max);
    Outcome applyReceipts(const QString& vendor, const QList<DeliveryReceipt>& receipts);

private:
    FlowContext& m_ctx;
    mutable QMutex m_pendingMutex;
    QList<qint64> m_pending; // delivery ids this process queued (never a code: see Outbox)
    std::atomic<bool> m_deliveryFailing{false}; // deliverDue's once-per-outage log
};

} // namespace otp
