#include "DestinationParser.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <phonenumbers/phonenumberutil.h>

#include <set>

namespace otp {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

DestinationParser::DestinationParser(QString defaultRegion) : m_defaultRegion(defaultRegion.trimmed().toUpper()) {}

namespace {
// Phones parsed lately in this process, by default region and input. Parsing is a pure function of
// the two (libphonenumber's metadata is compiled in), and it is the costliest step of a send or a
// verify outside the database: Parse and GetNumberType run the region's ICU patterns, about 30 % of
// a send+verify pair's CPU in the core. A code's send, its resends, its checks and status look-ups
// name the same number, so they parse it once while it is here. Bounded: at kMaxEntries it starts
// over (no per-entry bookkeeping on the hot path); only accepted numbers are kept.
class PhoneMemo
{
public:
    static constexpr qsizetype kMaxEntries = 16384;

    bool find(const QString& key, ParsedDestination* out) const
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_parsed.constFind(key);
        if (it == m_parsed.cend())
            return false;
        *out = *it;
        return true;
    }
    void keep(const QString& key, const ParsedDestination& parsed)
    {
        QMutexLocker lock(&m_mutex);
        if (m_parsed.size() >= kMaxEntries)
            m_parsed.clear();
        m_parsed.insert(key, parsed);
    }

private:
    mutable QMutex m_mutex;
    QHash<QString, ParsedDestination> m_parsed;
};

PhoneMemo& phoneMemo()
{
    static PhoneMemo memo;
    return memo;
}
} // namespace

ParsedDestination DestinationParser::parse(const QString& input) const
{
    if (input.contains(QLatin1Char('@')))
        return parseEmail(input);
    const QString key = m_defaultRegion + QLatin1Char('\n') + input;
    ParsedDestination r;
    if (phoneMemo().find(key, &r))
        return r;
    r = parsePhone(input);
    if (r.ok)
        phoneMemo().keep(key, r);
    return r;
}

static ParsedDestination failure(const QString& why)
{
    ParsedDestination r;
    r.error = why;
    return r;
}

// Canonical E.164 ("+", then the digits and nothing else) is what apps send almost always, and
// libphonenumber's Parse spends about 94,000 instructions finding out that it is (a dozen ICU patterns:
// 14 % of a send+verify pair's client instructions on PostgreSQL). Here the country code is read the way
// Parse reads it after a '+': the first one, two or three digits that name a calling code (E.164's codes
// are prefix-free). Whatever Parse might treat differently goes through Parse: a national number with a
// leading zero (Italy's numbers keep it, other countries' trunk prefix is dropped), the regions whose
// national prefix is not a zero (NANP's 1, Russia's 8, …), where Parse may strip one, and any number that
// is not valid read this way (Parse rewrites some, e.g. Madagascar's 7-digit local numbers). DestinationParserTest
// holds this to Parse's own answer for every region's example numbers and thousands of variations.
static bool canonicalE164(const PhoneNumberUtil& util, const QString& input, PhoneNumber* number)
{
    if (input.size() < 4 || input.size() > 16 || input.at(0) != QLatin1Char('+') || input.at(1) == QLatin1Char('0'))
        return false;
    for (qsizetype i = 1; i < input.size(); ++i)
        if (input.at(i) < QLatin1Char('0') || input.at(i) > QLatin1Char('9'))
            return false;
    const QByteArray digits = input.mid(1).toLatin1();
    for (int length = 1; length <= 3 && length < digits.size(); ++length) {
        const int code = digits.left(length).toInt();
        std::string region;
        util.GetRegionCodeForCountryCode(code, &region);
        if (region == "ZZ")
            continue;
        if (region == "001") // a non-geographic code (+800, +882, …): no region to ask about its prefix
            return false;
        const QByteArray national = digits.mid(length);
        std::string prefix;
        util.GetNddPrefixForRegion(region, false, &prefix);
        if (national.startsWith('0') || !(prefix.empty() || prefix == "0"))
            return false;
        number->set_country_code(code);
        number->set_national_number(national.toULongLong());
        return true;
    }
    return false;
}

// A destination must read back as itself: the send stores it, the verify and lookups parse it again.
// Parse is not a fixed point everywhere: it strips Mexico's old mobile "1" after +52 on every read, so
// "+52 1 1 2334211234" reads as +5212334211234, which reads as +522334211234 (found by the fuzzer). The
// shortcut (canonicalE164) reads only what Parse leaves as it is.
static bool readsBackAsItself(const PhoneNumberUtil& util, const std::string& e164)
{
    PhoneNumber again;
    std::string e164Again;
    if (util.Parse(e164, "ZZ", &again) != PhoneNumberUtil::NO_PARSING_ERROR) // "+…": no region needed
        return false;
    util.Format(again, PhoneNumberUtil::E164, &e164Again);
    return e164Again == e164;
}

static ParsedDestination parseFailure(PhoneNumberUtil::ErrorType err)
{
    switch (err) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return failure(QStringLiteral("the phone number has no valid country code; write it as +<country code> "
                                      "<number> or set a default region"));
    case PhoneNumberUtil::TOO_SHORT_NSN:
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        return failure(QStringLiteral("the phone number is too short"));
    case PhoneNumberUtil::TOO_LONG_NSN:
        return failure(QStringLiteral("the phone number is too long"));
    default:
        return failure(QStringLiteral("this is not a phone number"));
    }
}

ParsedDestination DestinationParser::parsePhone(const QString& input) const
{
    return parsePhoneWith(input, true);
}

ParsedDestination DestinationParser::parsePhoneThroughParse(const QString& input) const
{
    return parsePhoneWith(input, false);
}

ParsedDestination DestinationParser::parsePhoneWith(const QString& input, bool shortcut) const
{
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return failure(QStringLiteral("the destination is empty"));
    if (trimmed.size() > 40)
        return failure(QStringLiteral("the phone number is too long"));

    int digits = 0;
    bool plusSeen = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const char16_t c = trimmed[i].unicode();
        if (c >= u'0' && c <= u'9') {
            ++digits;
            continue;
        }
        // One '+' before the first digit: "+91 …" and also the common "(+91) …".
        if (c == u'+' && digits == 0 && !plusSeen) {
            plusSeen = true;
            continue;
        }
        if (c == u' ' || c == u'-' || c == u'(' || c == u')' || c == u'.' || c == u'/')
            continue;
        if (QChar(c).isDigit())
            return failure(QStringLiteral("the phone number contains non-ASCII digits; use 0-9"));
        if (QChar(c).isLetter())
            return failure(QStringLiteral("the phone number contains letters"));
        return failure(QStringLiteral("the phone number contains the character '%1'").arg(QChar(c)));
    }
    if (digits == 0)
        return failure(QStringLiteral("the phone number has no digits"));
    if (digits > 17) // E.164 allows 15; a national trunk prefix or "00" exit code may add two more
        return failure(QStringLiteral("the phone number has too many digits (E.164 allows at most 15)"));

    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    auto type = PhoneNumberUtil::UNKNOWN;
    if (shortcut && canonicalE164(util, trimmed, &number))
        type = util.GetNumberType(number); // not valid read this way: Parse decides (it may read it another way)
    std::string e164;
    if (type == PhoneNumberUtil::UNKNOWN) {
        number.Clear();
        const auto err = util.Parse(trimmed.toStdString(), m_defaultRegion.toStdString(), &number);
        if (err != PhoneNumberUtil::NO_PARSING_ERROR)
            return parseFailure(err);
        util.Format(number, PhoneNumberUtil::E164, &e164);
        // Checked on the parsed number, after any "00" exit code or trunk "0" is gone: a clearer error
        // than "not valid" for 16- and 17-digit input.
        if (e164.size() > 16) // '+' and at most 15 digits
            return failure(QStringLiteral("the phone number has too many digits (E.164 allows at most 15)"));
        // One type lookup answers both questions: libphonenumber's IsValidNumber is "the number's type is
        // known" for the region its country code names, which is what GetNumberType looks up.
        type = util.GetNumberType(number);
        if (type != PhoneNumberUtil::UNKNOWN && !readsBackAsItself(util, e164))
            return failure(QStringLiteral("the phone number is ambiguous: its digits read as another number when read "
                                          "again; enter it in international format without extra digits"));
    } else {
        util.Format(number, PhoneNumberUtil::E164, &e164);
    }
    if (type == PhoneNumberUtil::UNKNOWN)
        return failure(QStringLiteral("the phone number is not a valid number for its country"));
    if (type == PhoneNumberUtil::PREMIUM_RATE)
        return failure(QStringLiteral("premium-rate numbers are refused"));
    if (type == PhoneNumberUtil::SHARED_COST)
        return failure(QStringLiteral("shared-cost numbers are refused"));

    std::string regionCode;
    util.GetRegionCodeForNumber(number, &regionCode);

    ParsedDestination r;
    r.ok = true;
    r.destination.kind = Destination::Kind::Phone;
    r.destination.value = QString::fromStdString(e164);
    r.destination.region = QString::fromStdString(regionCode);
    r.destination.prefix = r.destination.value.left(qMax<qsizetype>(4, r.destination.value.size() - 3));
    return r;
}

ParsedDestination DestinationParser::parseEmail(const QString& input)
{
    const QString email = input.trimmed().toLower();
    if (email.size() > 254)
        return failure(QStringLiteral("the email address is too long (at most 254 characters)"));
    // Deliberately conservative: ASCII addresses with a dotted domain. Quoted local parts and
    // internationalised addresses are refused with a clear error rather than half-supported.
    static const QRegularExpression re(QStringLiteral(
        R"(^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$)"));
    if (!re.match(email).hasMatch())
        return failure(QStringLiteral("'%1' is not a valid email address").arg(input.trimmed().left(80)));
    if (email.startsWith(QLatin1Char('.')) || email.contains(QLatin1String("..")) ||
        email.section(QLatin1Char('@'), 0, 0).endsWith(QLatin1Char('.')))
        return failure(QStringLiteral("the email address has misplaced dots"));
    ParsedDestination r;
    r.ok = true;
    r.destination.kind = Destination::Kind::Email;
    r.destination.value = email;
    r.destination.prefix = canonicalMailbox(email);
    return r;
}

QString DestinationParser::canonicalMailbox(const QString& email)
{
    // Sub-addresses ("user+tag@") reach the same mailbox at every large provider, and Gmail ignores
    // dots in the local part. Keying caps by the domain instead let 20 strangers at gmail.com block
    // every other Gmail user; keying them by the address let victim+1 … victim+5 skip the cooldown.
    QString local = email.section(QLatin1Char('@'), 0, 0);
    QString domain = email.section(QLatin1Char('@'), 1);
    const qsizetype plus = local.indexOf(QLatin1Char('+'));
    if (plus > 0)
        local.truncate(plus);
    if (domain == QLatin1String("googlemail.com"))
        domain = QStringLiteral("gmail.com");
    if (domain == QLatin1String("gmail.com"))
        local.remove(QLatin1Char('.'));
    return local + QLatin1Char('@') + domain;
}

bool DestinationParser::isKnownRegion(const QString& region)
{
    static const std::set<std::string> regions = [] {
        std::set<std::string> out;
        PhoneNumberUtil::GetInstance()->GetSupportedRegions(&out);
        return out;
    }();
    return regions.count(region.trimmed().toUpper().toStdString()) > 0;
}

} // namespace otp
