#pragma once

#include "HttpGateway.h"

namespace otp {

// Gupshup Enterprise SMS (VENDORS.md): GET or form POST to {base_url}/GatewayAPI/rest with
// method=SendMessage. Gupshup answers HTTP 200 even for errors, in a text or a JSON shape; both are
// read whatever `format` asked for, since proxies and old accounts do not always honour it.
//
// Settings: base_url (default https://enterprise.smsgupshup.com), userid, mask, format (json|text,
// default json), method (GET|POST, default POST), msg_type (for GSM-7 bodies, default TEXT; other
// bodies always go as Unicode_text, Hindi included), dlt_template_id and principal_entity_id (India's DLT
// registration: required for +91 destinations, which are refused without them), dlt_template_text (the
// registered text, {#var#} per variable: a +91 body that differs is refused), timeout_ms.
// Secret: the account password.
class GupshupGateway final : public HttpGateway
{
public:
    GupshupGateway(VendorConfig config, QString password);

    bool supports(Channel channel) const override { return channel == Channel::Sms; }
    HttpRequest buildRequest(const OutgoingMessage& message, QString* problem) const override;

    // Gupshup's answer to one SendMessage, as a VendorAnswer (latency and vendor left to the caller).
    static VendorAnswer interpret(int httpStatus, const QByteArray& body, const Redactor& redactor);
    // Plain words for Gupshup's error codes (100–109, 175); empty for a code not in the table.
    static QString reasonForCode(const QString& code);
    // True when every character of `text` is in the GSM 03.38 default alphabet or its extension
    // table, i.e. when TEXT carries it unchanged.
    static bool fitsGsm7(const QString& text);
    // True when `text` is `registered` (a DLT template, {#var#} per variable) word for word.
    static bool matchesDltTemplate(const QString& registered, const QString& text);

    static QString defaultBaseUrl() { return QStringLiteral("https://enterprise.smsgupshup.com"); }

protected:
    QString vendorTitle() const override { return QStringLiteral("Gupshup"); }
    const QLoggingCategory& logCategory() const override;
    VendorAnswer interpretAnswer(int httpStatus, const QByteArray& body, const Redactor& redactor) const override
    {
        return interpret(httpStatus, body, redactor);
    }
};

} // namespace otp
