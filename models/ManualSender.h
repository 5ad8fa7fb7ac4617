#pragma once

#include "AuditLog.h"
#include "ConsoleContext.h"
#include "OtpService.h"
#include "Permissions.h"

#include <QObject>

namespace otp::models {

// QA's manual send and resend. The flow runs on the worker thread through OtpService (audited with
// the operator as actor); for the dev vendor the message it wrote is read back from the outbox, for
// otp-vendor-sim on this machine from the simulator's inbox.
class ManualSender : public QObject
{
    Q_OBJECT
public:
    ManualSender(const ConsoleContext& context, QObject* parent = nullptr);

    void setPermissions(const Permissions& permissions) { m_permissions = permissions; }
    void send(const SendRequest& request, const Actor& actor, bool resend = false);
    // QA closes the loop: the code read from the message, checked as the app would (audited).
    void verify(const VerifyRequest& request, const Actor& actor);
    bool busy() const { return m_busy; }

signals:
    // `devMessage` holds "body": the message the dev vendor or the local simulator received (empty for
    // real vendors or failures).
    void finished(const otp::Outcome& outcome, const QJsonObject& devMessage);
    void verified(const otp::Outcome& outcome);

private:
    ConsoleContext m_ctx;
    Permissions m_permissions;
    bool m_busy = false;
};

} // namespace otp::models
