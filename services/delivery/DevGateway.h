#pragma once

#include "DeliveryGateway.h"

#include <QFile>
#include <QMutex>
#include <QSet>

namespace otp {

// The development vendor (like Django's file e-mail backend): each outgoing message becomes one
// JSON line in the outbox file, where QA and the tests read codes. Destinations in the fail list
// fail delivery, so the failure paths can be exercised without a real vendor.
class DevGateway final : public DeliveryGateway
{
public:
    DevGateway(QString outboxPath, QSet<QString> failingDestinations);
    // Reads OTP_DEV_OUTBOX (falling back to `defaultOutbox`) and OTP_DEV_FAIL (comma-separated).
    static DevGateway* fromEnvironment(const QString& defaultOutbox);

    QString name() const override { return QStringLiteral("dev"); }
    bool supports(Channel) const override { return true; }
    VendorAnswer deliver(const OutgoingMessage& message) override;

    QString outboxPath() const { return m_outboxPath; }

private:
    QString m_outboxPath;
    QSet<QString> m_failing;
    QMutex m_mutex;
    QFile m_file; // the outbox, kept open between messages (guarded by m_mutex)
    bool appendLine(const QByteArray& bytes, QString* error);
};

} // namespace otp
