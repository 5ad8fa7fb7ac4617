#pragma once

#include "AuditLog.h"
#include "Clock.h"
#include "Database.h"
#include "Outcome.h"

namespace otp {

// An operator acknowledges a raised alarm (console, otpctl): "seen, someone is on it". One
// acknowledgement per alarm (AlarmAckStore), audited as `alarm_ack` with the operator and reason in
// the same transaction. The alarm stays active until the monitor clears it; acknowledging it does not
// silence the rule. OtpService::acknowledgeAlarm is the façade.
class AlarmAcknowledge
{
public:
    AlarmAcknowledge(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    Outcome run(qint64 alarmId, const QString& reason, const Actor& actor);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace otp
