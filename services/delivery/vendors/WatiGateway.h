#pragma once

#include "HttpGateway.h"

namespace otp {

// WATI WhatsApp templates (VENDORS.md): POST {base_url}/api/{v1|v2}/sendTemplateMessage
// ?whatsappNumber=<digits> with a Bearer token; the code travels as a template parameter.
//
// Settings: base_url (per account; may end in a tenant path), api_version (v2 by default: only
// its answer carries the localMessageId that delivery receipts are matched on; v1 answers no id),
// template_name, broadcast_name (default: template_name), code_parameter (the template's parameter
// name for the code, default "1"), timeout_ms. Secret: the API token (a leading "Bearer " is dropped).
class WatiGateway final : public HttpGateway
{
public:
    WatiGateway(VendorConfig config, QString token);

    bool supports(Channel channel) const override { return channel == Channel::WhatsApp; }
    HttpRequest buildRequest(const OutgoingMessage& message, QString* problem) const override;

    // WATI's answer to one sendTemplateMessage, v1 or v2 shape.
    static VendorAnswer interpret(int httpStatus, const QByteArray& body, const Redactor& redactor);

protected:
    QString vendorTitle() const override { return QStringLiteral("WATI"); }
    const QLoggingCategory& logCategory() const override;
    VendorAnswer interpretAnswer(int httpStatus, const QByteArray& body, const Redactor& redactor) const override
    {
        return interpret(httpStatus, body, redactor);
    }
};

} // namespace otp
