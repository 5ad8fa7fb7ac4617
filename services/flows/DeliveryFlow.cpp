#include "DeliveryFlow.h"

#include "DeliveryLog.h"
#include "FlowSupport.h"
#include "PendingReceipts.h"
#include "StoreError.h"

namespace otp {

using flows::kDayMs;

namespace {
// The delivery a receipt speaks of: by our id, by the vendor's message id, or (an id-less receipt) the
// latest accepted message of this vendor to that number in the last day. Invalid or null when none.
QVariant receiptDelivery(SqlSession& s, const QString& vendor, const DeliveryReceipt& r, qint64 now)
{
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
    return id;
}

bool matched(const QVariant& id) { return id.isValid() && !id.isNull() && id.toLongLong() != 0; }

// Only an accepted message can become delivered or failed; a late or repeated receipt (a "read" after
// "delivered") changes nothing. Returns whether the row moved.
bool applyTo(SqlSession& s, const QVariant& id, const DeliveryReceipt& r, qint64 now)
{
    const QString state = r.state == DeliveryReceipt::State::Delivered ? QStringLiteral("delivered") : QStringLiteral("failed");
    return s.update(QStringLiteral("UPDATE deliveries SET state = ?, vendor_code = ?, reason = ?, updated_at = ? "
                                   "WHERE id = ? AND state = 'accepted'"),
                    {state, r.vendorCode.left(64), r.reason.left(512), now, id}) == 1;
}

struct ReceiptCounts
{
    int updated = 0, unmatched = 0, unchanged = 0, held = 0;
};

// The receipts that found no accepted delivery though they may belong to a try whose answer is being
// recorded right now (ReceiptRoutes.h: fast vendors overtake it). With the vendor's `sending` rows
// locked (DeliveryLog::lockSending) they look again; what still finds nothing waits in pending_receipts
// for Outbox::recordAnswer, within the table's bounds.
void settleWaiting(SqlSession& s, const QString& vendor, const QList<const DeliveryReceipt*>& waiting, qint64 now,
                   ReceiptCounts* c)
{
    DeliveryLog log(s);
    log.lockSending(vendor);
    PendingReceipts pending(s);
    int room = pending.room(now);
    for (const DeliveryReceipt* r : waiting) {
        const QVariant id = receiptDelivery(s, vendor, *r, now);
        if (matched(id) && applyTo(s, id, *r, now)) {
            ++c->updated;
            continue;
        }
        if (matched(id) && log.stateOf(id.toLongLong()) != QLatin1String("sending")) {
            ++c->unchanged;
            continue;
        }
        ++c->unmatched; // matches nothing yet
        if (room > 0) {
            --room;
            ++c->held;
            pending.hold(vendor, r->messageId, matched(id) ? id.toLongLong() : r->deliveryId,
                         r->state == DeliveryReceipt::State::Delivered ? QStringLiteral("delivered") : QStringLiteral("failed"),
                         r->vendorCode, r->reason, now);
        }
    }
}
} // namespace

Outcome DeliveryFlow::deliverNow(Outbox::FirstTry first, Outcome o)
{
    Outbox::TryResult t = m_ctx.outbox.sendFirst(first);
    for (qint64 id = t.final ? 0 : t.nextDeliveryId; id != 0;) {
        t = m_ctx.outbox.attempt(id, false, true);
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

void DeliveryFlow::queue(qint64 deliveryId)
{
    QMutexLocker lock(&m_pendingMutex);
    m_pending.append(deliveryId);
}

int DeliveryFlow::deliverPending()
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
        m_ctx.guarded([&]() -> Outcome {
            // Retryable failures are queued with backoff for whichever worker is due first; a
            // non-retryable one moves on to the next vendor of the route right here.
            if (!m_ctx.outbox.claim(id, m_ctx.clock.nowMs()))
                return Outcome::make(OutcomeStatus::Ok, {}); // a worker was faster: it is delivered once either way
            for (qint64 next = id; next != 0;) {
                const Outbox::TryResult t = m_ctx.outbox.attempt(next, true, true);
                if (t.accepted)
                    ++accepted;
                next = (!t.final && t.nextDeliveryId != 0) ? t.nextDeliveryId : 0;
                if (next != 0) {
                    // A backoff row is for later: release our lease so any worker may take it when due.
                    const auto row = DeliveryLog(m_ctx.db.session()).byId(next);
                    if (row && row->nextTryAt > m_ctx.clock.nowMs()) {
                        m_ctx.db.session().update(QStringLiteral("UPDATE deliveries SET lease_owner = NULL, lease_until = NULL "
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

int DeliveryFlow::pendingCount() const
{
    QMutexLocker lock(&m_pendingMutex);
    return int(m_pending.size());
}

int DeliveryFlow::deliverDue(int max)
{
    // The worker loop calls this every pass and keeps going whatever happens. While the database is
    // away every pass fails: say so once when it starts and once when passes succeed again, not per
    // pass (Database logs the outage itself once too). A pass that failed halfway is safe to run
    // again: claims and state changes are conditional UPDATEs (see Database::reopen).
    try {
        const int tried = m_ctx.outbox.deliverDue(max);
        if (m_deliveryFailing.exchange(false))
            qCInfo(lcFlow) << "outbox passes succeed again";
        return tried;
    } catch (const StoreError& e) {
        if (!m_deliveryFailing.exchange(true))
            qCWarning(lcFlow) << "outbox pass failed (retrying every pass, logged once):" << e.message();
        return 0;
    }
}

Outcome DeliveryFlow::applyReceipts(const QString& vendor, const QList<DeliveryReceipt>& receipts)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        SqlSession& s = m_ctx.db.session();
        const qint64 now = m_ctx.clock.nowMs();
        ReceiptCounts c;
        QList<const DeliveryReceipt*> waiting; // may belong to a try whose answer is not recorded yet
        WriteTransaction tx(s);
        for (const DeliveryReceipt& r : receipts) {
            const QVariant id = receiptDelivery(s, vendor, r, now);
            const bool keyed = !r.messageId.isEmpty() || r.deliveryId > 0;
            if (!matched(id)) {
                if (r.state != DeliveryReceipt::State::Unknown && keyed)
                    waiting.append(&r);
                else
                    ++c.unmatched;
            } else if (r.state == DeliveryReceipt::State::Unknown) {
                ++c.unchanged;
            } else if (applyTo(s, id, r, now)) {
                ++c.updated;
            } else if (DeliveryLog(s).stateOf(id.toLongLong()) == QLatin1String("sending")) {
                waiting.append(&r); // found by our own id while its answer is still on its way
            } else {
                ++c.unchanged;
            }
        }
        if (!waiting.isEmpty())
            settleWaiting(s, vendor, waiting, now, &c);
        tx.commit();
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 receipt(s): %2 updated, %3 unchanged, %4 matched no delivery "
                                                                    "(%5 kept for an answer still being recorded)")
                                                        .arg(receipts.size()).arg(c.updated).arg(c.unchanged).arg(c.unmatched).arg(c.held));
        o.details = {{QStringLiteral("received"), int(receipts.size())}, {QStringLiteral("updated"), c.updated},
                     {QStringLiteral("unchanged"), c.unchanged}, {QStringLiteral("unmatched"), c.unmatched},
                     {QStringLiteral("held"), c.held}};
        return o;
    });
}

} // namespace otp
