#pragma once

#include "SqlSession.h"

#include <QJsonObject>

namespace otp {

// Aggregates for `otpctl stats` and the dashboards: per vendor or channel the sends, acceptance,
// failures, latency percentiles and verification conversion; per status the challenge counts.
class DeliveryStats
{
public:
    explicit DeliveryStats(SqlSession& s) : m_s(s) {}
    QJsonObject summarise(qint64 sinceMs, const QString& groupBy);

private:
    SqlSession& m_s;
};

} // namespace otp
