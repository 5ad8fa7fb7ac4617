#pragma once

#include "DashboardSnapshot.h"
#include "SqlSession.h"

namespace otp::models {

// The dashboard's SQL, on a worker thread's session. Vendor and channel figures come from the
// core's DeliveryStats (the same numbers `otpctl stats` prints); per-bucket outcomes and top error
// codes are grouped in SQL so a 7-day window does not move every row to the client.
class DashboardQuery
{
public:
    explicit DashboardQuery(SqlSession& s) : m_s(s) {}
    DashboardSnapshot compute(qint64 nowMs, qint64 windowS);

private:
    SqlSession& m_s;
};

} // namespace otp::models
