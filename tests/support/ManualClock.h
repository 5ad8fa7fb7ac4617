#pragma once

#include "Clock.h"

#include <atomic>

namespace otp::test {

// A clock the test moves by hand: no test ever sleeps for time.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'800'000'000'000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(); }
    void advanceMs(qint64 ms) { m_now += ms; }
    void advanceS(qint64 s) { m_now += s * 1000; }

private:
    std::atomic<qint64> m_now;
};

} // namespace otp::test
