#pragma once

// SQLite: one file's writer turn in this process and its group commit (WriteTransaction). Internal to
// services/storage: SqlSession.cpp runs transactions on it.

#include "SqlSession.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace otp {

// The write transactions that one COMMIT ends (see WriteTransaction). Its fields change under
// SqliteTurn::state.
struct SqliteGroup
{
    int members = 0;   // transactions that released their savepoint into it
    bool done = false; // its COMMIT or ROLLBACK ran
    QString error;     // why it did not commit, when it did not
};

struct SqliteTurn
{
    std::recursive_timed_mutex mutex; // the turn itself
    int depth = 0;                    // the holder's nesting; read and written by the holder only
    std::atomic<int> waiting{0};      // threads waiting for the turn now
    // Under `state`; changed only by the turn's holder.
    std::mutex state;
    std::condition_variable ended;          // a group ended
    SqlSession* openWriter = nullptr;       // the writer whose connection holds the group's transaction
    std::shared_ptr<SqliteGroup> group;     // the group open on it
    quint64 transactions = 0, commits = 0;  // counts (WriteTransaction::sqliteGroupCounts)

    // The holder ends the open group: COMMIT, or ROLLBACK when `failure` says why it cannot commit or it
    // has no member; then its members wake to the result.
    void endGroup(const QString& failure = {}) noexcept;
};

// SQLite takes one writer at a time, and a connection that finds the file locked waits in SQLite's busy
// handler, which sleeps 1, 2, 5, 10 … up to 100 ms between looks, whether or not the lock went free
// meanwhile. Between this process's own threads (otpd's request threads, the outbox workers) the turn is
// taken on a mutex first, which wakes the next writer the moment the last one ends: at 16 connections otpd
// waited in the busy handler for most of a second (p99 850 ms). Other processes on the file still meet the
// busy handler. Recursive: a thread that already writes the file on another connection gets past the
// mutex and meets SQLite's own lock, as it did before.
SqliteTurn* sqliteWriterTurn(const QString& file);

} // namespace otp
