#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace otp {

// The threads otpd answers requests on: at most `maxThreads`, started as load needs them and kept for the
// process's life (each holds its own database connection). The next task goes to the thread that went idle
// *last*, not first.
//
// Why not QThreadPool: it hands a task to the longest-idle thread, so a steady trickle of requests walks
// round every thread in turn. Each thread has its own connection, and on SQLite a connection's page cache
// is thrown away whenever another connection has written since its last transaction: with 16 threads taking
// turns, every request began with a cold cache and re-read its pages (otpd spent 4.0 ms of CPU per
// send+check pair at one client connection, 2.0 ms with one thread). Most-recently-idle first keeps a light
// load on one warm thread and connection, and starts no thread that the load does not need.
class RequestPool
{
public:
    explicit RequestPool(int maxThreads);
    ~RequestPool(); // runs what is queued, then joins every thread
    RequestPool(const RequestPool&) = delete;
    RequestPool& operator=(const RequestPool&) = delete;

    // `task` runs on a pool thread; then `afterwards` (if any) runs on the same thread once that thread is
    // back on the idle stack: an answer posted from `afterwards` can bring the client's next request, and
    // that request should find this warm thread free rather than wake another.
    void start(std::function<void()> task, std::function<void()> afterwards = {});
    void waitForDone(); // returns once nothing is queued or running
    int threadCount() const;

private:
    struct Worker
    {
        std::thread thread;
        std::condition_variable wake;
        std::function<void()> task; // handed over by start() while the worker sleeps
        std::function<void()> afterwards;
    };
    void run(Worker* self);

    const int m_max;
    mutable std::mutex m_mutex;
    std::condition_variable m_done;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::vector<Worker*> m_idle; // a stack: back() went idle last
    std::deque<std::pair<std::function<void()>, std::function<void()>>> m_queue;
    int m_running = 0;
    bool m_stopping = false;
};

} // namespace otp
