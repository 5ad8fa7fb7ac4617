#pragma once

#include "DashboardSnapshot.h"
#include "SqlSession.h"

namespace otp::models {

// The dashboard's SQL, on a worker thread's session. Vendor and channel figures follow the core's
// DeliveryStats (the same numbers `otpctl stats` prints) but are read in one pass over the window's
// sends, straight from the console index of migration 003 (vendor, state, created_at, …): no join to
// challenges, no SQL sort, so a 24 h window of ~300,000 sends takes about 150 ms on SQLite, not seconds.
class DashboardQuery
{
public:
    explicit DashboardQuery(SqlSession& s) : m_s(s) {}
    DashboardSnapshot compute(qint64 nowMs, qint64 windowS);

private:
    SqlSession& m_s;
};

} // namespace otp::models
