#pragma once

#include "Outcome.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace otp {
class Clock;
class OtpService;
} // namespace otp

namespace otp::models {

class DatabaseThread;

// What the console's models share: the worker thread that owns the database, the core service
// (called only from that thread), the clock every "time left" is judged on, and where the dev
// vendor writes its messages.
struct ConsoleContext
{
    DatabaseThread* db = nullptr;
    OtpService* service = nullptr;
    const Clock* clock = nullptr;
    QString devOutboxPath;
    QString databaseDisplayUrl; // never holds a password
    QStringList vendors;        // the configured delivery vendors, for the manual-send form
};

} // namespace otp::models

Q_DECLARE_METATYPE(otp::Outcome)
