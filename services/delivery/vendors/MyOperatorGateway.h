#pragma once

#include "HttpGateway.h"

namespace otp {

// MyOperator WhatsApp templates (VENDORS.md): POST {base_url}/chat/messages with a Bearer token and
// the company id header; the code travels as template body parameter "1".
//
// Settings: base_url (default https://publicapi.myoperator.co), company_id, phone_number_id,
// waba_id (optional), template_name, language (default "en"), otp_button (default true: the code also goes
// in the authentication template's copy-code button; false for a template without one), timeout_ms.
// Secret: the API token.
class MyOperatorGateway final : public HttpGateway
{
public:
    MyOperatorGateway(VendorConfig config, QString token);

    bool supports(Channel channel) const override { return channel == Channel::WhatsApp; }
    HttpRequest buildRequest(const OutgoingMessage& message, QString* problem) const override;

    // MyOperator's answer to one /chat/messages call.
    static VendorAnswer interpret(int httpStatus, const QByteArray& body, const Redactor& redactor);

    static QString defaultBaseUrl() { return QStringLiteral("https://publicapi.myoperator.co"); }

protected:
    QString vendorTitle() const override { return QStringLiteral("MyOperator"); }
    const QLoggingCategory& logCategory() const override;
    VendorAnswer interpretAnswer(int httpStatus, const QByteArray& body, const Redactor& redactor) const override
    {
        return interpret(httpStatus, body, redactor);
    }
};

} // namespace otp
