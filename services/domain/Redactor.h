#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace otp {

// Keeps the code and the vendor credentials out of everything a gateway returns or logs
// (SECURITY.md rows 11 and 16). Vendors echo requests back in error bodies, and Qt's error strings
// can quote a GET URL with the password in it, so every vendor text passes through here first.
class Redactor
{
public:
    explicit Redactor(const QStringList& secrets);

    // `text` with every secret, raw or in its URL- or JSON-escaped form, replaced by "***".
    QString apply(QString text) const;
    // The start of a vendor body for the delivery record: redacted *before* cutting, so a secret
    // straddling the cut cannot leave a recognisable prefix behind.
    QString excerpt(const QByteArray& body) const;

    static constexpr int kExcerptChars = 200;

    // Vendor text made safe to store on every engine and to show (issue 10 item 9): CR LF becomes LF,
    // and NUL and every other C0 control but tab and newline becomes U+FFFD. PostgreSQL refuses a NUL
    // in text outright (the delivery then stayed in `sending`); ESC or a lone CR would garble logs
    // and the console. Replaced rather than removed, so two vendor ids differing only there stay
    // different, and a receipt naming an id stores and matches it exactly as the send answer did.
    static QString storable(QString text);

private:
    QStringList m_forms; // longest first, so a secret containing another is replaced whole
};

} // namespace otp
