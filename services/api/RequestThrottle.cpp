#include "RequestThrottle.h"

#include <cmath>

namespace otp {

RequestThrottle::RequestThrottle(double keyRatePerSecond) : m_keyRate(keyRatePerSecond)
{
    m_clock.start();
}

qint64 RequestThrottle::admitKey(qint64 keyId)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowMs();
    const double burst = std::max(1.0, m_keyRate);
    auto it = m_buckets.find(keyId);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= kMaxTracked)
            m_buckets.clear();
        it = m_buckets.insert(keyId, Bucket{burst, now});
    }
    Bucket& b = *it;
    b.tokens = std::min(burst, b.tokens + double(now - b.at) * m_keyRate / 1000.0);
    b.at = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    return qint64(std::ceil((1.0 - b.tokens) * 1000.0 / m_keyRate));
}

qint64 RequestThrottle::authRefusedFor(const QString& address)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_failures.constFind(address);
    if (it == m_failures.constEnd() || it->count < kFailuresBeforeRefusal)
        return 0;
    const qint64 left = it->windowStart + kFailureWindowMs - nowMs();
    if (left <= 0) {
        m_failures.remove(address);
        return 0;
    }
    return left;
}

void RequestThrottle::authFailed(const QString& address)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowMs();
    if (m_failures.size() >= kMaxTracked && !m_failures.contains(address)) {
        // Drop the stale windows first; under a flood of fresh addresses, start over.
        for (auto it = m_failures.begin(); it != m_failures.end();)
            it = (now - it->windowStart > kFailureWindowMs) ? m_failures.erase(it) : std::next(it);
        if (m_failures.size() >= kMaxTracked)
            m_failures.clear();
    }
    Failures& f = m_failures[address];
    if (f.count == 0 || now - f.windowStart > kFailureWindowMs)
        f = Failures{0, now};
    ++f.count;
}

} // namespace otp
