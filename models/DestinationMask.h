#pragma once

#include <QString>

namespace otp::models {

// How a destination is shown to an operator whose role does not reveal it:
// "+919812345210" → "+91 98•••••210", "asha@example.com" → "a•••@example.com".
class DestinationMask
{
public:
    static QString mask(const QString& destination);
    static QString show(const QString& destination, bool reveal) { return reveal ? destination : mask(destination); }
    // The country calling code of an E.164 number ("91" for +91…), by the ITU prefix table.
    static QString countryCode(const QString& e164);
};

} // namespace otp::models
