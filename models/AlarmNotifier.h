#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace otp::models {

// Decides which alarms a desktop notification announces: each alarm raised since the console started,
// once, however many refreshes see it active. Alarms already active at the start are shown by the
// banner but not announced (a restart would otherwise announce them all again). No Widgets here: the
// window shows what this returns in the tray where one exists, and tests check the decision itself.
class AlarmNotifier
{
public:
    struct Alarm
    {
        qint64 id = 0;
        qint64 raisedAtMs = 0;
        QString words; // the alarm in plain words: names a vendor, a tenant or a number block, never a number
    };

    explicit AlarmNotifier(qint64 startedAtMs) : m_startedAtMs(startedAtMs) {}

    // The active alarms of this refresh that were raised since the start and not announced yet.
    QList<Alarm> toAnnounce(const QList<Alarm>& active);
    int announcedCount() const { return int(m_announced.size()); }

private:
    qint64 m_startedAtMs;
    QSet<qint64> m_announced;
};

} // namespace otp::models
