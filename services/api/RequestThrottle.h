#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>

namespace otp {

// Two in-memory limits of one otpd process (HTTP-API.md "Abuse"):
//  - per API key, a token bucket of `keyRate` requests per second (burst: one second's worth) → 429;
//  - per client address, failed authentications: after kFailuresBeforeRefusal 401s within
//    kFailureWindowMs the address is refused (429, no database lookup) until the window has passed.
// Thread-safe. Times come from a monotonic clock; state is per process (each instance limits alone).
class RequestThrottle
{
public:
    static constexpr int kFailuresBeforeRefusal = 10;
    static constexpr qint64 kFailureWindowMs = 60000;
    static constexpr int kMaxTracked = 100000; // addresses or keys remembered before the oldest are dropped

    explicit RequestThrottle(double keyRatePerSecond = 50);
    double keyRate() const { return m_keyRate; }

    // 0 when the key may make a request now (the request is counted), else the milliseconds to wait.
    qint64 admitKey(qint64 keyId);
    // 0 when the address may try to authenticate, else the milliseconds until it may again.
    qint64 authRefusedFor(const QString& address);
    void authFailed(const QString& address);

private:
    qint64 nowMs() const { return m_clock.elapsed(); }

    struct Bucket
    {
        double tokens = 0;
        qint64 at = 0;
    };
    struct Failures
    {
        int count = 0;
        qint64 windowStart = 0;
    };
    double m_keyRate;
    QElapsedTimer m_clock;
    QMutex m_mutex;
    QHash<qint64, Bucket> m_buckets;
    QHash<QString, Failures> m_failures;
};

} // namespace otp
