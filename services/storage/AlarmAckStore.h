#pragma once

#include "SqlSession.h"

#include <QJsonObject>

#include <optional>

namespace otp {

// An operator's acknowledgement of one raised alarm (migration 008).
struct AlarmAckRow
{
    qint64 alarmId = 0, ackedAt = 0;
    QString tenant, ackedBy, reason;
    QJsonObject toJson() const;
};

// The `alarm_acks` table. The alarms themselves are written by AlarmMonitor (flows); this store only
// reads an alarm's tenant, rule and subject to acknowledge it. Writes run in the caller's transaction.
class AlarmAckStore
{
public:
    explicit AlarmAckStore(SqlSession& s) : m_s(s) {}

    struct AlarmKey
    {
        QString tenant, rule, subject;
    };
    // The alarm with this id, or nothing when there is none.
    std::optional<AlarmKey> alarm(qint64 alarmId);
    // Records the acknowledgement; false when the alarm was already acknowledged (by anyone).
    bool acknowledge(qint64 alarmId, const QString& tenant, const QString& by, const QString& reason, qint64 now);
    std::optional<AlarmAckRow> find(qint64 alarmId);

private:
    SqlSession& m_s;
};

} // namespace otp
