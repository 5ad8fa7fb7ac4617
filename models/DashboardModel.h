#pragma once

#include "DashboardSnapshot.h"

#include <QObject>
#include <QTimer>

namespace otp {
class Clock;
}

namespace otp::models {

class DatabaseThread;

// The Delivery dashboard's data: recomputed on the worker thread for the chosen window, live while
// the dashboard is active (shown). Wider windows refresh less often: their bars are wider too.
class DashboardModel : public QObject
{
    Q_OBJECT
public:
    DashboardModel(DatabaseThread* db, const Clock& clock, QObject* parent = nullptr);

    const DashboardSnapshot& snapshot() const { return m_snapshot; }
    qint64 windowS() const { return m_windowS; }
    void setWindowS(qint64 seconds);
    // A fixed refresh interval instead of the one that follows the window (tests, demos).
    void setRefreshInterval(int ms);
    int refreshInterval() const { return m_timer.interval(); }
    // How often a window is refreshed by default: 5 s up to 1 h, 15 s up to 24 h, then 60 s.
    static int refreshIntervalFor(qint64 windowS);

    void start();
    void stop();
    // Refreshes periodically while active; on activation, at once when the snapshot is stale.
    void setActive(bool active);
    bool isActive() const { return m_timer.isActive(); }
    void refresh();

signals:
    void updated();

private:
    DatabaseThread* m_db;
    const Clock& m_clock;
    QTimer m_timer;
    DashboardSnapshot m_snapshot;
    qint64 m_windowS = 3600;
    qint64 m_computedAtMs = -1; // clock time of the last refresh that came back; -1: none yet
    bool m_fixedInterval = false;
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace otp::models
