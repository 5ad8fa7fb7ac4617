#include "AlarmAckStore.h"

#include <QDateTime>

namespace otp {

QJsonObject AlarmAckRow::toJson() const
{
    return QJsonObject{{QStringLiteral("alarm_id"), alarmId},
                       {QStringLiteral("tenant"), tenant},
                       {QStringLiteral("acked_by"), ackedBy},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("acked_at"), QDateTime::fromMSecsSinceEpoch(ackedAt, Qt::UTC).toString(Qt::ISODate)}};
}

std::optional<AlarmAckStore::AlarmKey> AlarmAckStore::alarm(qint64 alarmId)
{
    const Rows rows = m_s.select(QStringLiteral("SELECT tenant, rule, subject FROM alarms WHERE id = ?"), {alarmId});
    if (rows.isEmpty())
        return std::nullopt;
    return AlarmKey{rows.first().value(0).toString(), rows.first().value(1).toString(), rows.first().value(2).toString()};
}

bool AlarmAckStore::acknowledge(qint64 alarmId, const QString& tenant, const QString& by, const QString& reason, qint64 now)
{
    // Insert-if-absent: two operators acknowledging at once leave one row, and the second is told.
    QString verb = QStringLiteral("INSERT INTO");
    QString tail;
    if (m_s.dialect() == SqlDialect::Sqlite)
        verb = QStringLiteral("INSERT OR IGNORE INTO");
    else if (m_s.dialect() == SqlDialect::MySql)
        verb = QStringLiteral("INSERT IGNORE INTO");
    else
        tail = QStringLiteral(" ON CONFLICT (alarm_id) DO NOTHING");
    return m_s.update(verb + QStringLiteral(" alarm_acks (alarm_id, tenant, acked_at, acked_by, reason) VALUES (?, ?, ?, ?, ?)") + tail,
                      {alarmId, tenant, now, by.left(128), reason.left(512)}) == 1;
}

std::optional<AlarmAckRow> AlarmAckStore::find(qint64 alarmId)
{
    const Rows rows = m_s.select(QStringLiteral("SELECT alarm_id, tenant, acked_at, acked_by, reason FROM alarm_acks WHERE alarm_id = ?"),
                                 {alarmId});
    if (rows.isEmpty())
        return std::nullopt;
    const SqlRow& r = rows.first();
    return AlarmAckRow{r.value(0).toLongLong(), r.value(2).toLongLong(), r.value(1).toString(), r.value(3).toString(),
                       r.value(4).toString()};
}

} // namespace otp
