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

namespace {
// settle()'s two statements, for receipts matched by message id or delivery id (byMessage) or by
// delivery id alone. One indexed lookup per match: (vendor, message_id) and delivery_id each have an index.
struct SettleStatements
{
    QString update, remove;
    explicit SettleStatements(bool byMessage)
    {
        auto match = [&](const QString& prefix) {
            return (byMessage ? QStringLiteral("((%1vendor = ? AND %1message_id = ?) OR %1delivery_id = ?) AND %1received_at >= ?")
                              : QStringLiteral("%1delivery_id = ? AND %1received_at >= ?"))
                .arg(prefix);
        };
        // Three scalar subqueries rather than one row: MariaDB has no row-valued SET.
        const QString first = QStringLiteral("(SELECT p.%1 FROM pending_receipts p WHERE ") + match(QStringLiteral("p.")) +
                              QStringLiteral(" ORDER BY p.id LIMIT 1)");
        update = QStringLiteral("UPDATE deliveries SET state = %1, vendor_code = %2, reason = %3, updated_at = ? WHERE id = ? "
                                "AND state = 'accepted' AND EXISTS (SELECT 1 FROM pending_receipts p WHERE %4)")
                     .arg(first.arg(QLatin1String("state")), first.arg(QLatin1String("vendor_code")),
                          first.arg(QLatin1String("reason")), match(QStringLiteral("p.")));
        remove = QStringLiteral("DELETE FROM pending_receipts WHERE ") + match(QString());
    }
};
} // namespace

void PendingReceipts::settle(qint64 deliveryId, const QString& vendor, const QString& messageId, qint64 now)
{
    static const SettleStatements byMessage(true), byDelivery(false);
    const SettleStatements& sql = messageId.isEmpty() ? byDelivery : byMessage;
    const QVariantList match = messageId.isEmpty()
        ? QVariantList{deliveryId, now - kKeepMs}
        : QVariantList{vendor.left(32), messageId.left(128), deliveryId, now - kKeepMs};
    const QVariantList updateBinds = match + match + match + QVariantList{now, deliveryId} + match;
    if (m_s.writesWait()) {
        // PostgreSQL: both go out with the COMMIT, no round trip of their own.
        m_s.write(sql.update, updateBinds);
        m_s.write(sql.remove, match);
    } else if (m_s.update(sql.update, updateBinds) > 0) {
        // Elsewhere each is a round trip, and the DELETE runs only when the UPDATE found receipts: it
        // changes our row, which this transaction has just made `accepted`, exactly when there are some.
        m_s.update(sql.remove, match);
    }
}

} // namespace otp
