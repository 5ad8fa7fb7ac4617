#include "PhoneReport.h"

#include <QDateTime>

namespace otp::models {

qint64 PhoneReport::nextSendAtMs() const
{
    const QString at = status.details.value(QStringLiteral("next_send_at")).toString();
    if (at.isEmpty())
        return 0;
    return QDateTime::fromString(at, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace otp::models
