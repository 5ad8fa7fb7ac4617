#include "CodeHasher.h"

#include <QMessageAuthenticationCode>

namespace otp {

static QByteArray message(const CodeBinding& b, const QString& code)
{
    // Unit separators keep the fields from running into each other ("ab"+"c" ≠ "a"+"bc").
    const QChar sep(0x1f);
    return (b.challengeRef + sep + b.tenant + sep + b.destination + sep + b.purpose + sep + code).toUtf8();
}

QString CodeHasher::hash(const CodeBinding& binding, const QString& code) const
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(message(binding, code), m_pepper, QCryptographicHash::Sha256).toHex());
}

bool CodeHasher::matches(const CodeBinding& binding, const QString& candidate, const QString& storedHex) const
{
    const QByteArray computed = hash(binding, candidate).toLatin1();
    return constantTimeEquals(computed, storedHex.toLatin1());
}

bool CodeHasher::constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false; // both are fixed-length hex digests; the length itself is not secret
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString CodeInput::problem(const QString& input, int expectedLength)
{
    if (input.isEmpty())
        return QStringLiteral("the code is empty");
    if (input.size() > 10)
        return QStringLiteral("the code is too long (at most 10 digits)");
    for (QChar c : input) {
        // QChar::isDigit() would accept Arabic-Indic and other Unicode digits; codes are ASCII only.
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return QStringLiteral("the code must contain only the digits 0-9");
    }
    if (input.size() != expectedLength)
        return QStringLiteral("the code must be %1 digits").arg(expectedLength);
    return {};
}

} // namespace otp
