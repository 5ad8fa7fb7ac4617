#pragma once

#include <QString>

namespace otp {

// A destination after validation: phones in E.164, emails normalised.
struct Destination
{
    enum class Kind { Phone, Email };
    Kind kind = Kind::Phone;
    QString value;   // "+919876543210" or "user@example.com"
    QString region;  // ISO 3166 region of a phone ("IN"); empty for email
    QString prefix;  // what the caps group by: the phone without its last 3 digits (burst cap), or the
                     // email's canonical mailbox (DestinationParser::canonicalMailbox)
};

struct ParsedDestination
{
    bool ok = false;
    Destination destination;
    QString error; // plain words naming the problem when !ok
};

// The single entry point turning user input into a destination. Phones go through libphonenumber
// (never a hand-written regex: FALSEHOODS.md lists why), so national formats, spaces, dashes and
// brackets all work; letters, non-ASCII digits, invalid, premium-rate and shared-cost numbers are refused.
class DestinationParser
{
public:
    explicit DestinationParser(QString defaultRegion = QStringLiteral("IN"));

    ParsedDestination parse(const QString& input) const;
    ParsedDestination parsePhone(const QString& input) const;
    // The same answer, always through libphonenumber's Parse (parsePhone reads canonical E.164 input
    // without it): the reference DestinationParserTest holds parsePhone to.
    ParsedDestination parsePhoneThroughParse(const QString& input) const;
    static ParsedDestination parseEmail(const QString& input);
    // An email address reduced to its mailbox: lower case, "+tag" dropped, dots dropped at Gmail.
    static QString canonicalMailbox(const QString& email);

    // True for an ISO region code libphonenumber knows ("IN", "GB", …).
    static bool isKnownRegion(const QString& region);

private:
    ParsedDestination parsePhoneWith(const QString& input, bool shortcut) const;
    QString m_defaultRegion;
};

} // namespace otp
