#pragma once

#include "VendorEndpoint.h"

#include <QJsonObject>

#include <optional>

namespace otp::vendorsim {

// WATI WhatsApp: POST [/<tenant>]/api/v1|v2/sendTemplateMessage?whatsappNumber=…, with the v1 and v2
// answers; and its webhooks (sentMessageDELIVERED[_v2], templateMessageFailed).
class WatiApi
{
public:
    explicit WatiApi(const VendorSimulator::Config& config) : m_config(config) {}

    Handled handle(const Request& in, const std::optional<Fault>& fault);
    static Receipt receipt(const Message& message, bool delivered, qint64 atMs);

private:
    // The answer to a request WATI refuses before it looks at the number (token, body, template), if it does.
    std::optional<Handled> refused(const Request& in, const std::optional<Fault>& fault,
                                   const std::optional<QJsonObject>& body) const;
    static Reply invalidNumberReply(bool v2, const QString& number, const QString& templateName);
    static Reply successReply(bool v2, const QString& number, const QString& templateName, const QString& messageId);

    const VendorSimulator::Config& m_config;
};

} // namespace otp::vendorsim
