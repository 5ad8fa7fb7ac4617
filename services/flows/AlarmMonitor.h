#pragma once

#include "Policy.h"
#include "SqlSession.h"

#include <QJsonObject>

namespace otp {

// One raising of an alarm: active while clearedAt is 0.
struct AlarmRow
{
    qint64 id = 0, raisedAt = 0, clearedAt = 0;
    QString tenant, rule, subject, observed, threshold, message;
    bool active() const { return clearedAt == 0; }
    QJsonObject toJson() const;
};

// The alarm rules (thresholds in the tenant's policy, Policy.h), judged from what the database holds,
// so every process judges alike. evaluate() raises an `alarms` row for each rule and subject that
// crosses its threshold and is not already active, and clears the active ones that no longer do.
// Rules (rule / subject):
//   vendor_success / vendor   success rate under alarm_vendor_success_pct over ≥ alarm_min_tries tries
//   vendor_latency / vendor   p95 latency above alarm_p95_latency_ms (≥ alarm_min_tries tries)
//   outbox_depth / tenant     queued deliveries above alarm_outbox_depth
//   lockouts / tenant         lockouts in the last minute above alarm_lockouts_per_min
//   conversion / prefix       verified ÷ delivered for a number block under alarm_conversion_pct % of its
//                             usual level (the SMS-pumping signal); see .cpp for the usual level
class AlarmMonitor
{
public:
    explicit AlarmMonitor(SqlSession& s) : m_s(s) {}

    struct Changes
    {
        int raised = 0, cleared = 0;
    };
    // Runs in the caller's write transaction (OtpService holds a per-tenant lock around it).
    Changes evaluate(const QString& tenant, const Policy& policy, qint64 now);
    QList<AlarmRow> list(const QString& tenant, bool activeOnly, int limit);

    // With no history to compare with, a prefix's usual conversion is taken as this (OTP codes that
    // reach a person are mostly typed in; pumped numbers type none).
    static constexpr int kAssumedUsualConversionPct = 80;

private:
    SqlSession& m_s;
};

} // namespace otp
