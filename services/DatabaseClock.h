#pragma once

#include "Clock.h"

namespace otp {

class Database;

// The clock every rule judges time on in production (SECURITY.md row 20). On PostgreSQL and MariaDB
// it is the database server's clock: several processes on several machines share one database, and
// a code's lifetime, cooldowns and caps must not depend on which process (or whose skewed clock,
// `faketime`) happens to judge. Each reading is one statement on the calling thread's connection
// (clock_timestamp() / SYSDATE(6): the time now, not the transaction's start), so a flow that reads
// the time after taking its lock gets the time at the lock. On SQLite the database lives in this
// process: its clock is the process's clock. When the server cannot be asked (the connection is
// down) the process clock stands in, and the statement that follows fails on the same outage anyway.
class DatabaseClock final : public Clock
{
public:
    explicit DatabaseClock(Database& db) : m_db(db) {}
    qint64 nowMs() const override;

private:
    Database& m_db;
};

} // namespace otp
