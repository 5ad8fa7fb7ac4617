#pragma once

#include "AuditLog.h"
#include "Channel.h"
#include "ConsoleContext.h"
#include "PhoneReport.h"

#include <QObject>

namespace otp::models {

// Looks a destination up in any format ("98765 43210", "+91-98765-43210", an email) on the
// worker thread and hands back one PhoneReport.
class PhoneLookup : public QObject
{
    Q_OBJECT
public:
    PhoneLookup(const ConsoleContext& context, QObject* parent = nullptr);

    void lookup(const QString& tenant, const QString& input, Purpose purpose = Purpose::Login);
    const PhoneReport& report() const { return m_report; }
    bool running() const { return m_running > 0; }
    // Releases this destination's lockout (audited; the core refuses without a reason). An admin's
    // action from the lookup: the page reads the report again afterwards to say what still blocks.
    void unlock(const QString& tenant, const QString& destination, const QString& reason, const Actor& actor);

signals:
    void finished(const otp::models::PhoneReport& report);
    void unlockFinished(const otp::Outcome& outcome);

private:
    ConsoleContext m_ctx;
    PhoneReport m_report;
    int m_running = 0;
};

} // namespace otp::models
