#include "DestinationMask.h"

#include <QSet>

namespace otp::models {

namespace {
const QChar kDot(0x2022); // •
}

QString DestinationMask::countryCode(const QString& e164)
{
    const QString digits = e164.startsWith(QLatin1Char('+')) ? e164.mid(1) : e164;
    if (digits.isEmpty())
        return {};
    // Zones 1 and 7 use one digit; these two-digit codes are assigned; everything else has three.
    if (digits.at(0) == QLatin1Char('1') || digits.at(0) == QLatin1Char('7'))
        return digits.left(1);
    static const QSet<QString> twoDigit = {
        QStringLiteral("20"), QStringLiteral("27"), QStringLiteral("30"), QStringLiteral("31"), QStringLiteral("32"),
        QStringLiteral("33"), QStringLiteral("34"), QStringLiteral("36"), QStringLiteral("39"), QStringLiteral("40"),
        QStringLiteral("41"), QStringLiteral("43"), QStringLiteral("44"), QStringLiteral("45"), QStringLiteral("46"),
        QStringLiteral("47"), QStringLiteral("48"), QStringLiteral("49"), QStringLiteral("51"), QStringLiteral("52"),
        QStringLiteral("53"), QStringLiteral("54"), QStringLiteral("55"), QStringLiteral("56"), QStringLiteral("57"),
        QStringLiteral("58"), QStringLiteral("60"), QStringLiteral("61"), QStringLiteral("62"), QStringLiteral("63"),
        QStringLiteral("64"), QStringLiteral("65"), QStringLiteral("66"), QStringLiteral("81"), QStringLiteral("82"),
        QStringLiteral("84"), QStringLiteral("86"), QStringLiteral("90"), QStringLiteral("91"), QStringLiteral("92"),
        QStringLiteral("93"), QStringLiteral("94"), QStringLiteral("95"), QStringLiteral("98")};
    if (twoDigit.contains(digits.left(2)))
        return digits.left(2);
    return digits.left(3);
}

QString DestinationMask::mask(const QString& destination)
{
    if (destination.isEmpty())
        return destination;
    const qsizetype at = destination.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QString local = destination.left(at);
        return (local.isEmpty() ? QString() : local.left(1)) + QString(3, kDot) + destination.mid(at);
    }
    if (!destination.startsWith(QLatin1Char('+'))) {
        // Not E.164 (a malformed input kept for the record): show only its last two characters.
        return QString(qMax<qsizetype>(destination.size() - 2, 3), kDot) + destination.right(2);
    }
    const QString cc = countryCode(destination);
    const QString national = destination.mid(1 + cc.size());
    if (national.size() <= 5)
        return QLatin1Char('+') + cc + QLatin1Char(' ') + QString(national.size(), kDot);
    return QLatin1Char('+') + cc + QLatin1Char(' ') + national.left(2) + QString(national.size() - 5, kDot) +
           national.right(3);
}

} // namespace otp::models
