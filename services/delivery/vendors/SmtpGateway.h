#pragma once

#include "DeliveryGateway.h"
#include "Redactor.h"
#include "VendorConfig.h"

#include <QDateTime>

namespace otp {

// E-mail through any SMTP submission server, spoken by libcurl (VENDORS.md: a maintained client
// rather than hand-written SMTP). One curl handle per delivery, so instances are thread-safe.
//
// Settings: url (smtp://host:587 or smtps://host:465; a path sets the EHLO name), starttls
// (required|optional|none, default required; ignored for smtps://), username (empty: no AUTH),
// from ("otp@example.com" or "Example <otp@example.com>"), subject (default per purpose),
// timeout_ms. Secret: the SMTP password (needed only with a username).
class SmtpGateway final : public DeliveryGateway
{
public:
    SmtpGateway(VendorConfig config, QString password);

    QString name() const override { return m_config.name; }
    bool supports(Channel channel) const override { return channel == Channel::Email; }
    VendorAnswer deliver(const OutgoingMessage& message) override;

    // The RFC 5322 message (CRLF line ends; dot-stuffing is libcurl's job). `messageId` without <>.
    QByteArray buildMessage(const OutgoingMessage& message, const QDateTime& date, const QString& messageId) const;

    // One libcurl send as a VendorAnswer. curlCode: the CURLcode; smtpCode: the last SMTP reply
    // code (CURLINFO_RESPONSE_CODE, 0 when none); serverReply: that reply's text; curlError:
    // libcurl's error message.
    static VendorAnswer interpret(int curlCode, int smtpCode, const QString& serverReply, const QString& curlError,
                                  const Redactor& redactor);

    // "Example <otp@example.com>" → "otp@example.com"; a bare address is returned trimmed.
    static QString bareAddress(const QString& address);
    // Quoted-printable (RFC 2045 §6.7) of text whose lines end in CRLF.
    static QByteArray quotedPrintable(const QByteArray& text);
    // `text` as a header value: unchanged when ASCII, else RFC 2047 UTF-8 encoded-words.
    static QByteArray headerText(const QString& text);

private:
    QString subjectFor(const OutgoingMessage& message) const;

    const VendorConfig m_config;
    const QString m_password; // in memory only; never logged, always redacted from answers
    const int m_timeoutMs;
};

} // namespace otp
