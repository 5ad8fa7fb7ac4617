#pragma once

#include "SqlSession.h"

#include <QJsonObject>

namespace otp {

// How one vendor did over a window, from its tries in `deliveries` (shared by every process).
// A try counts once the vendor was called: accepted and delivered are successes; failed and timeout
// are failures (a timeout may have sent the message, but the user did not hear back from it: it is
// not health). Rows closed without a call (NOT_SENT, NO_GATEWAY) and rows in flight do not count.
struct VendorHealthRow
{
    QString vendor;
    int tries = 0, accepted = 0, timeouts = 0;
    int p95LatencyMs = -1; // -1: no try with a latency in the window
    int failures() const { return tries - accepted; }
    // Accepted ÷ tries in percent; -1 when there was no try.
    double successPct() const { return tries > 0 ? 100.0 * accepted / tries : -1.0; }
    QJsonObject toJson() const;
};

class VendorHealth
{
public:
    explicit VendorHealth(SqlSession& s) : m_s(s) {}

    // Every vendor with tries since `since` (ms), by name.
    QList<VendorHealthRow> all(qint64 since);
    // One vendor; without p95 (`withLatency` false) it is one indexed COUNT, for the breaker.
    VendorHealthRow of(const QString& vendor, qint64 since, bool withLatency = true);

private:
    int p95(const QString& vendor, qint64 since, int withLatency);
    SqlSession& m_s;
};

} // namespace otp
