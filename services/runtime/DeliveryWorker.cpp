#include "DeliveryWorker.h"

#include "OtpService.h"

#include <QDeadlineTimer>
#include <QThread>

namespace otp {

DeliveryWorker::DeliveryWorker(OtpService& service, Options options) : m_service(service), m_options(options) {}

DeliveryWorker::~DeliveryWorker()
{
    stop();
}

void DeliveryWorker::start()
{
    if (running())
        return;
    m_stop = false;
    // A stop is seen between two rows of a pass, not only after the pass (a batch can take minutes).
    m_service.outbox().setStopRequested([this] { return m_stop.load(); });
    for (int i = 0; i < std::max(1, m_options.concurrency); ++i) {
        QThread* t = QThread::create([this] { loop(); });
        t->setObjectName(QStringLiteral("otp-outbox-%1").arg(i));
        m_threads.push_back(t);
        t->start();
    }
}

void DeliveryWorker::stop()
{
    m_stop = true;
    for (QThread* t : m_threads) {
        t->wait();
        delete t;
    }
    if (!m_threads.empty())
        m_service.outbox().setStopRequested({});
    m_threads.clear();
}

void DeliveryWorker::loop()
{
    while (!m_stop) {
        const int n = m_service.deliverDue(m_options.batch);
        if (n > 0) {
            const qint64 total = m_calls += n;
            if (m_progress)
                m_progress(total);
            continue;
        }
        // Nothing due: look again shortly (backoff rows become due with time; other processes queue).
        QDeadlineTimer idle(m_options.idlePollMs);
        while (!m_stop && !idle.hasExpired())
            QThread::msleep(std::min<qint64>(20, idle.remainingTime()));
    }
    m_service.database().releaseThreadSession();
}

} // namespace otp
