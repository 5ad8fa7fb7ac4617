#include "PendingReceipts.h"

namespace otp {

int PendingReceipts::room(qint64 now)
{
    m_s.update(QStringLiteral("DELETE FROM pending_receipts WHERE received_at < ?"), {now - kKeepMs});
    return qMax(0, kMaxRows - m_s.scalar(QStringLiteral("SELECT COUNT(*) FROM pending_receipts")).toInt());
}

void PendingReceipts::hold(const QString& vendor, const QString& messageId, qint64 deliveryId, const QString& state,
                           const QString& vendorCode, const QString& reason, qint64 now)
{
    m_s.insert(QStringLiteral("INSERT INTO pending_receipts (vendor, message_id, delivery_id, state, vendor_code, reason, "
                              "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
               {vendor.left(32), messageId.left(128), deliveryId > 0 ? QVariant(deliveryId) : QVariant(), state,
                vendorCode.left(64), reason.left(512), now});
}

QList<PendingReceiptRow> PendingReceipts::take(const QString& vendor, const QString& messageId, qint64 deliveryId,
                                               qint64 now)
{
    // One indexed lookup: (vendor, message_id) and delivery_id each have an index.
    const Rows rows = messageId.isEmpty()
        ? m_s.select(QStringLiteral("SELECT id, state, vendor_code, reason FROM pending_receipts WHERE delivery_id = ? "
                                    "AND received_at >= ? ORDER BY id"),
                     {deliveryId, now - kKeepMs})
        : m_s.select(QStringLiteral("SELECT id, state, vendor_code, reason FROM pending_receipts WHERE ((vendor = ? AND "
                                    "message_id = ?) OR delivery_id = ?) AND received_at >= ? ORDER BY id"),
                     {vendor.left(32), messageId.left(128), deliveryId, now - kKeepMs});
    QList<PendingReceiptRow> out;
    for (const SqlRow& r : rows) {
        out.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString()});
        m_s.update(QStringLiteral("DELETE FROM pending_receipts WHERE id = ?"), {out.last().id});
    }
    return out;
}

} // namespace otp
