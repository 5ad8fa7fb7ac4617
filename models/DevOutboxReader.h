#pragma once

#include <QJsonObject>
#include <QString>

namespace otp::models {

// Reads the dev vendor's JSON-lines outbox (OTP_DEV_OUTBOX). Only the QA panel uses it, to show
// the message the dev vendor "delivered", so QA can read the code as a user would.
class DevOutboxReader
{
public:
    explicit DevOutboxReader(QString path) : m_path(std::move(path)) {}
    // The last message written for this destination, or an empty object. Reads only the file's tail.
    QJsonObject lastMessageFor(const QString& destination, qint64 tailBytes = 256 * 1024) const;

private:
    QString m_path;
};

} // namespace otp::models
