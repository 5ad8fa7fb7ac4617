#pragma once

#include "DeliveryGateway.h"
#include "HttpExchange.h"
#include "Redactor.h"
#include "VendorConfig.h"

#include <QLoggingCategory>

namespace otp {

// What the HTTP vendors (Gupshup, WATI, MyOperator) share: build a request, run it through
// HttpExchange, and turn the answer into a VendorAnswer. Holds only values fixed at construction,
// so one instance serves many threads at once.
class HttpGateway : public DeliveryGateway
{
public:
    HttpGateway(VendorConfig config, QString secret);

    QString name() const override { return m_config.name; }
    VendorAnswer deliver(const OutgoingMessage& message) override;

    // The exact request for `message`. When the message cannot be sent at all (no digits in the
    // destination, no code for a template) *problem says why and the request must not be sent.
    virtual HttpRequest buildRequest(const OutgoingMessage& message, QString* problem) const = 0;

    // The answers every HTTP vendor shares, for their interpret() functions:
    // no HTTP answer (timeout, refused, reset, DNS, TLS) …
    static VendorAnswer transportFailure(const QString& vendorTitle, const HttpResult& result, const Redactor& redactor);
    // … and an HTTP status the vendor gave no more specific meaning (3xx, 4xx, 5xx, or a 2xx whose
    // body could not be read: "MALFORMED").
    static VendorAnswer statusAnswer(const QString& vendorTitle, int httpStatus, const QByteArray& body,
                                     const Redactor& redactor);
    static VendorAnswer malformed(const QString& vendorTitle, int httpStatus, const QByteArray& body,
                                  const Redactor& redactor);
    // base_url + path without doubling or losing the slash; base_url may carry a path of its own.
    static QUrl joinUrl(const QString& baseUrl, const QString& path);
    // "+91 98765-43210" → "919876543210".
    static QString digitsOnly(const QString& destination);

protected:
    virtual QString vendorTitle() const = 0; // "Gupshup", "WATI", … for reasons
    virtual const QLoggingCategory& logCategory() const = 0;
    virtual VendorAnswer interpretAnswer(int httpStatus, const QByteArray& body, const Redactor& redactor) const = 0;

    const VendorConfig m_config;
    const QString m_secret; // in memory only; never logged, always redacted from answers
    const int m_timeoutMs;
};

} // namespace otp
