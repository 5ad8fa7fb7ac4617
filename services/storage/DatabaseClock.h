#pragma once

#include "Clock.h"

#include <atomic>

namespace otp {

class Database;

// The clock every rule judges time on in production (SECURITY.md row 20). On PostgreSQL and MariaDB
// it is the database server's clock: several processes on several machines share one database, and
// a code's lifetime, cooldowns and caps must not depend on which process (or whose skewed clock,
// `faketime`) happens to judge. On SQLite the database lives in this process: its clock is the
// process's clock.
//
// Asking the server on every reading would cost a round trip each time a flow reads the time (four
// per send+verify). So the server's time is asked (clock_timestamp() / SYSDATE(6): the time now, not
// the transaction's start) at most every kResyncMs, and what is kept is the offset between the server's
// clock and this process's: a reading is this process's clock plus that offset, correct to half a
// round trip. A process whose clock is a day off (or stepped by NTP) is judged on the server's time
// from its first reading (or within kResyncMs of the step). When the server cannot be asked (the
// connection is down) the last offset stands, and the statement that follows fails on the outage anyway.
class DatabaseClock final : public Clock
{
public:
    static constexpr qint64 kResyncMs = 10000;

    explicit DatabaseClock(Database& db) : m_db(db) {}
    qint64 nowMs() const override;

private:
    Database& m_db;
    mutable std::atomic<qint64> m_offsetMs{0};
    mutable std::atomic<qint64> m_syncedAtMs{-1}; // steady clock; -1: never
};

} // namespace otp
