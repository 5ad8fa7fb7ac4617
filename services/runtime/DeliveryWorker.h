#pragma once

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace otp {

class OtpService;

// Runs the outbox: `concurrency` threads, each with its own database connection, claim due
// deliveries and hand them to the vendors (so a 2-second vendor does not hold up the rest). Used by
// `otpctl worker` and, in-process, by the console. Stops promptly: a delivery in flight finishes and
// is recorded first.
class DeliveryWorker
{
public:
    struct Options
    {
        int concurrency = 4;
        int batch = 20;       // rows a thread claims per pass
        int idlePollMs = 200; // how often an idle thread looks for due rows
    };

    DeliveryWorker(OtpService& service, Options options);
    ~DeliveryWorker();

    void start();
    // Asks every thread to stop taking rows, at once (a delivery in flight finishes and is recorded).
    void requestStop() { m_stop = true; }
    // Asks every thread to stop and waits for them.
    void stop();
    bool running() const { return !m_threads.empty(); }
    qint64 vendorCalls() const { return m_calls.load(); }
    // Called (on a worker thread) after each pass that made vendor calls.
    void onProgress(std::function<void(qint64 totalCalls)> callback) { m_progress = std::move(callback); }

private:
    void loop();

    OtpService& m_service;
    Options m_options;
    std::vector<QThread*> m_threads;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_calls{0};
    std::function<void(qint64)> m_progress;
};

} // namespace otp
