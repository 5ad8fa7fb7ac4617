#include "DashboardModel.h"

#include "Clock.h"
#include "DashboardQuery.h"
#include "DatabaseThread.h"

namespace otp::models {

DashboardModel::DashboardModel(DatabaseThread* db, const Clock& clock, QObject* parent)
    : QObject(parent), m_db(db), m_clock(clock)
{
    m_timer.setInterval(refreshIntervalFor(m_windowS));
    connect(&m_timer, &QTimer::timeout, this, &DashboardModel::refresh);
    connect(m_db, &DatabaseThread::failed, this, [this]() { m_inFlight = false; });
}

int DashboardModel::refreshIntervalFor(qint64 windowS)
{
    if (windowS <= 3600)
        return 5000;
    if (windowS <= 24 * 3600)
        return 15000;
    return 60000;
}

void DashboardModel::setRefreshInterval(int ms)
{
    m_fixedInterval = true;
    m_timer.setInterval(ms);
}

void DashboardModel::setWindowS(qint64 seconds)
{
    if (seconds == m_windowS)
        return;
    m_windowS = seconds;
    if (!m_fixedInterval)
        m_timer.setInterval(refreshIntervalFor(seconds)); // keeps running if it was
    refresh();
}

void DashboardModel::start()
{
    refresh();
    m_timer.start();
}

void DashboardModel::stop()
{
    m_timer.stop();
}

void DashboardModel::setActive(bool active)
{
    if (!active) {
        m_timer.stop();
        return;
    }
    if (m_timer.isActive())
        return;
    m_timer.start();
    if (m_computedAtMs < 0 || m_clock.nowMs() - m_computedAtMs >= m_timer.interval())
        refresh();
}

void DashboardModel::refresh()
{
    if (m_inFlight) {
        m_again = true; // the window changed mid-query: run once more when it is back
        return;
    }
    m_inFlight = true;
    const qint64 now = m_clock.nowMs();
    const qint64 window = m_windowS;
    DatabaseThread* db = m_db;
    m_db->run<DashboardSnapshot>(
        this, [db, now, window]() { return DashboardQuery(db->session()).compute(now, window); },
        [this, now](DashboardSnapshot snap) {
            m_inFlight = false;
            m_computedAtMs = now;
            m_snapshot = snap;
            emit updated();
            if (m_again) {
                m_again = false;
                refresh();
            }
        });
}

} // namespace otp::models
