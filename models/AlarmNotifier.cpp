#include "AlarmNotifier.h"

namespace otp::models {

QList<AlarmNotifier::Alarm> AlarmNotifier::toAnnounce(const QList<Alarm>& active)
{
    QList<Alarm> out;
    for (const Alarm& a : active) {
        if (a.raisedAtMs < m_startedAtMs || m_announced.contains(a.id))
            continue;
        m_announced.insert(a.id);
        out.append(a);
    }
    return out;
}

} // namespace otp::models
