#pragma once

#include "VendorEndpoint.h"

#include <QJsonObject>

#include <optional>

namespace otp::vendorsim {

// MyOperator WhatsApp: POST /chat/messages with bearer token and company id, answered in the "Message
// Sent" or the "Accepted" shape (or alternately both); and its observed status callback.
class MyOperatorApi
{
public:
    explicit MyOperatorApi(const VendorSimulator::Config& config) : m_config(config) {}

    Handled handle(const Request& in, const std::optional<Fault>& fault);
    static Receipt receipt(const Message& message, bool delivered, qint64 atMs);

private:
    // The answer to a request refused for its headers or an injected vendor error, if it is.
    std::optional<Handled> refusedHeaders(const Request& in, const std::optional<Fault>& fault) const;
    // Why the body is refused (400), or empty; *context receives data.context.
    QString bodyProblem(const Request& in, const std::optional<QJsonObject>& body, QJsonObject* context) const;
    static bool hasOtpButton(const QJsonObject& context);
    Reply successReply(const QString& messageId, bool* sentShape);
    static Message message(const Request& in, const QJsonObject& body, const QJsonObject& context,
                           const QString& messageId, bool sentShape);

    const VendorSimulator::Config& m_config;
    bool m_nextSent = false; // Alternate shape: which one comes next
};

} // namespace otp::vendorsim
