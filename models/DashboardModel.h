#pragma once

#include "DashboardSnapshot.h"

#include <QObject>
#include <QTimer>

namespace otp {
class Clock;
}

namespace otp::models {

class DatabaseThread;

// The Delivery dashboard's data: recomputed on the worker thread for the chosen window, live.
class DashboardModel : public QObject
{
    Q_OBJECT
public:
    DashboardModel(DatabaseThread* db, const Clock& clock, QObject* parent = nullptr);

    const DashboardSnapshot& snapshot() const { return m_snapshot; }
    qint64 windowS() const { return m_windowS; }
    void setWindowS(qint64 seconds);
    void setRefreshInterval(int ms) { m_timer.setInterval(ms); }

    void start();
    void stop();
    void refresh();

signals:
    void updated();

private:
    DatabaseThread* m_db;
    const Clock& m_clock;
    QTimer m_timer;
    DashboardSnapshot m_snapshot;
    qint64 m_windowS = 3600;
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace otp::models
