#pragma once

#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace otp {

// Copies a SQLite file's WAL back into the database file on a thread of its own, every `every`, with a
// PASSIVE checkpoint on a connection of its own: it never waits for a lock and never holds up a writer.
//
// Why: left to itself, SQLite checkpoints inside the COMMIT that takes the WAL past 1,000 pages, on the
// committing connection. On the process's one writer connection (Database::sqliteWriter) that is inside
// the writer turn: each checkpoint copied ~1,000 pages and ran two fsyncs (4-7 ms on these machines) while
// every other write waited, about ten times a second at otpd's peak. Database turns the writer's own
// checkpoint down to a safety net (kWriterAutoCheckpointPages) and runs this beside it.
class SqliteCheckpointer
{
public:
    // The writer connection still checkpoints by itself past this many WAL pages (16 MB). Under steady
    // writes this thread never catches up completely (a commit lands during each of its passes), and only
    // a checkpoint that leaves nothing behind lets the next write start the WAL again from its beginning;
    // the writer's, run between two commits, copies just what is left (the file stayed under 16.5 MB in
    // 12 s at otpd's peak; at 10,000 pages it grew to 41 MB). Figures were the same at 4,000 and 10,000.
    static constexpr int kWriterAutoCheckpointPages = 4000;

    SqliteCheckpointer(QString path, std::chrono::milliseconds every);
    ~SqliteCheckpointer(); // stops, and waits for a checkpoint under way
    SqliteCheckpointer(const SqliteCheckpointer&) = delete;
    SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

private:
    void run();

    const QString m_path;
    const std::chrono::milliseconds m_every;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace otp
