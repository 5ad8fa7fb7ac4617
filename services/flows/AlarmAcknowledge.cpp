#include "AlarmAcknowledge.h"

#include "AlarmAckStore.h"
#include "InputLimits.h"
#include "StoreError.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace otp {

Q_LOGGING_CATEGORY(lcAlarmAck, "otp.alarms.ack", QtInfoMsg)

Outcome AlarmAcknowledge::run(qint64 alarmId, const QString& reason, const Actor& actor)
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("acknowledging an alarm needs a reason (--reason TEXT)"));
    if (!actor.isPerson())
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("acknowledging an alarm needs a named person"));
    for (const QString& tooLong : {InputLimits::problem(QStringLiteral("the reason"), why, InputLimits::kReason),
                                   InputLimits::problem(QStringLiteral("the operator name"), actor.user, InputLimits::kActorName)})
        if (!tooLong.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, tooLong);
    try {
        SqlSession& s = m_db.session();
        return retryOnConflict(s, [&]() -> Outcome {
            AlarmAckStore acks(s);
            const qint64 now = m_clock.nowMs();
            WriteTransaction tx(s);
            const auto alarm = acks.alarm(alarmId);
            if (!alarm)
                return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("there is no alarm %1").arg(alarmId));
            Outcome o;
            o.tenant = alarm->tenant;
            o.details.insert(QStringLiteral("alarm_id"), alarmId);
            if (!acks.acknowledge(alarmId, alarm->tenant, actor.user, why, now)) {
                const auto earlier = acks.find(alarmId);
                o.status = OutcomeStatus::InvalidInput;
                o.message = earlier ? QStringLiteral("alarm %1 was already acknowledged by %2 at %3")
                                          .arg(alarmId)
                                          .arg(earlier->ackedBy,
                                               QDateTime::fromMSecsSinceEpoch(earlier->ackedAt, Qt::UTC).toString(Qt::ISODate))
                                    : QStringLiteral("alarm %1 was already acknowledged").arg(alarmId);
                if (earlier)
                    o.details.insert(QStringLiteral("ack"), earlier->toJson());
                return o;
            }
            AuditLog(s).record(actor, QStringLiteral("alarm_ack"), alarm->tenant, QStringLiteral("alarm:%1").arg(alarmId),
                               {{QStringLiteral("reason"), why},
                                {QStringLiteral("rule"), alarm->rule},
                                {QStringLiteral("subject"), alarm->subject}},
                               now);
            Database::notifyChange(s);
            tx.commit();
            qCInfo(lcAlarmAck) << "alarm" << alarmId << "acknowledged by" << actor.user;
            o.status = OutcomeStatus::Ok;
            o.message = QStringLiteral("alarm %1 (%2 %3) acknowledged").arg(alarmId).arg(alarm->rule, alarm->subject);
            if (const auto ack = acks.find(alarmId))
                o.details.insert(QStringLiteral("ack"), ack->toJson());
            return o;
        });
    } catch (const StoreError& e) {
        qCWarning(lcAlarmAck) << "acknowledge failed:" << e.message();
        return Outcome::make(OutcomeStatus::InternalError, e.message());
    }
}

} // namespace otp
