#include "RequestPool.h"

#include <algorithm>
#include <tuple>

namespace otp {

RequestPool::RequestPool(int maxThreads) : m_max(std::max(1, maxThreads)) {}

RequestPool::~RequestPool()
{
    waitForDone();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        for (Worker* w : m_idle)
            w->wake.notify_one();
    }
    for (auto& w : m_workers)
        w->thread.join();
}

void RequestPool::start(std::function<void()> task, std::function<void()> afterwards)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_running;
    if (!m_idle.empty()) {
        Worker* w = m_idle.back();
        m_idle.pop_back();
        w->task = std::move(task);
        w->afterwards = std::move(afterwards);
        w->wake.notify_one();
    } else if (int(m_workers.size()) < m_max) {
        auto w = std::make_unique<Worker>();
        w->task = std::move(task);
        w->afterwards = std::move(afterwards);
        Worker* raw = w.get();
        m_workers.push_back(std::move(w));
        raw->thread = std::thread([this, raw] { run(raw); });
    } else {
        m_queue.emplace_back(std::move(task), std::move(afterwards));
    }
}

void RequestPool::run(Worker* self)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        if (!self->task && !m_queue.empty()) {
            std::tie(self->task, self->afterwards) = std::move(m_queue.front());
            m_queue.pop_front();
        }
        if (!self->task) {
            if (m_stopping)
                return;
            m_idle.push_back(self);
            self->wake.wait(lock, [&] { return self->task || m_stopping; });
            if (!self->task) // stopping: the destructor is joining
                return;
        }
        std::function<void()> task = std::move(self->task);
        std::function<void()> afterwards = std::move(self->afterwards);
        self->task = nullptr;
        self->afterwards = nullptr;
        lock.unlock();
        task();
        task = nullptr; // what it captured goes before it counts as done
        if (afterwards) {
            lock.lock();
            const bool more = !m_queue.empty();
            if (!more)
                m_idle.push_back(self); // free for the request `afterwards` may bring on
            lock.unlock();
            afterwards();
            afterwards = nullptr;
            lock.lock();
            if (!more) {
                // Still on the idle stack (nothing came), or start() took it off and handed a task over.
                if (!self->task) {
                    m_idle.erase(std::remove(m_idle.begin(), m_idle.end(), self), m_idle.end());
                }
            }
        } else {
            lock.lock();
        }
        if (--m_running == 0)
            m_done.notify_all();
    }
}

void RequestPool::waitForDone()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_done.wait(lock, [&] { return m_running == 0; });
}

int RequestPool::threadCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_workers.size());
}

} // namespace otp
