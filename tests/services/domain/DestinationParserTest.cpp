// SECURITY.md row 14 (phones parsed with libphonenumber and stored E.164) and row 13's
// premium-rate / shared-cost refusal; DESIGN.md "destinations" (emails normalised, anything else is a
// clear error before any write). The fuzz target on the same entry point is tests/fuzz/.
//
// Every premium-rate and shared-cost example below was checked against the libphonenumber metadata
// installed here (8.12): GetNumberType() returns PREMIUM_RATE / SHARED_COST for it and IsValidNumber()
// is true, so the refusal comes from the type check, not from the number being invalid.

#include "DestinationParser.h"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumberutil.h>

#include <QSet>
#include <QStringList>

#include <cstring>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace {

using otp::Destination;
using otp::DestinationParser;
using otp::ParsedDestination;

bool containsNoCase(const QString& haystack, const char* needle)
{
    return haystack.contains(QString::fromUtf8(needle), Qt::CaseInsensitive);
}

// ---- accepted phones ------------------------------------------------------------------------------

struct AcceptedPhone
{
    const char* name;     // gtest parameter name
    const char* region;   // the parser's default region
    const char* input;    // UTF-8
    const char* e164;     // expected stored value
    const char* country;  // expected Destination::region
};

void PrintTo(const AcceptedPhone& c, std::ostream* os)
{
    *os << c.region << " \"" << c.input << "\"";
}

const AcceptedPhone kAccepted[] = {
    // India, the default region: every national way of writing the same mobile.
    {"IN_trunk_zero_spaced", "IN", "098765 43210", "+919876543210", "IN"},
    {"IN_bare_ten_digits", "IN", "9876543210", "+919876543210", "IN"},
    {"IN_plus_dash", "IN", "+91 98765-43210", "+919876543210", "IN"},
    {"IN_bracketed_country_code", "IN", "(+91) 98765 43210", "+919876543210", "IN"},
    {"IN_bracketed_digits_after_plus", "IN", "+(91) 98765 43210", "+919876543210", "IN"},
    {"IN_double_zero_exit_code", "IN", "0091 98765 43210", "+919876543210", "IN"},
    {"IN_dots", "IN", "+91.98765.43210", "+919876543210", "IN"},
    {"IN_slash", "IN", "98765/43210", "+919876543210", "IN"},
    {"IN_already_e164", "IN", "+919876543210", "+919876543210", "IN"},
    {"IN_surrounding_whitespace", "IN", "  \t+91 98765 43210 \n", "+919876543210", "IN"},
    {"IN_bracketed_block", "IN", "+91 (98765) 43210", "+919876543210", "IN"},
    // Other regions.
    {"GB_national", "GB", "07400 123456", "+447400123456", "GB"},
    {"GB_international", "GB", "+44 7400 123456", "+447400123456", "GB"},
    {"GB_double_zero_exit_code", "GB", "00 44 7400 123456", "+447400123456", "GB"},
    {"US_international", "US", "+1 650-253-0000", "+16502530000", "US"},
    {"US_national_brackets", "US", "(650) 253-0000", "+16502530000", "US"},
    {"US_national_dots", "US", "650.253.0000", "+16502530000", "US"},
    {"US_with_trunk_one", "US", "1 650 253 0000", "+16502530000", "US"},
    // An explicit country code wins over the default region.
    {"US_number_with_IN_default", "IN", "+1 650-253-0000", "+16502530000", "US"},
    {"GB_number_with_IN_default", "IN", "+44 7400 123456", "+447400123456", "GB"},
    {"region_lower_case_is_normalised", "gb", "07400 123456", "+447400123456", "GB"},
};

class DestinationParserAcceptsPhone : public ::testing::TestWithParam<AcceptedPhone>
{};

// SECURITY.md row 14: national formats → E.164.
TEST_P(DestinationParserAcceptsPhone, Row14_NationalFormatBecomesE164)
{
    const AcceptedPhone& c = GetParam();
    const DestinationParser parser{QString::fromUtf8(c.region)};
    const QString input = QString::fromUtf8(c.input);

    for (const ParsedDestination& r : {parser.parse(input), parser.parsePhone(input)}) {
        ASSERT_TRUE(r.ok) << "error: " << r.error.toStdString();
        EXPECT_TRUE(r.error.isEmpty());
        EXPECT_EQ(r.destination.kind, Destination::Kind::Phone);
        EXPECT_EQ(r.destination.value.toStdString(), c.e164);
        EXPECT_EQ(r.destination.region.toStdString(), c.country);
        // The burst-cap prefix is the number block: the E.164 value without its last 3 digits.
        EXPECT_EQ(r.destination.prefix.toStdString(), std::string(c.e164).substr(0, std::strlen(c.e164) - 3));
    }
}

INSTANTIATE_TEST_SUITE_P(DestinationParser, DestinationParserAcceptsPhone, ::testing::ValuesIn(kAccepted),
                         [](const ::testing::TestParamInfo<AcceptedPhone>& info) { return std::string(info.param.name); });

// ---- refused destinations -------------------------------------------------------------------------

struct Refused
{
    const char* name;
    const char* region;
    const char* input;    // UTF-8
    const char* problem;  // a word the error must contain (case-insensitive)
};

void PrintTo(const Refused& c, std::ostream* os)
{
    *os << c.region << " \"" << c.input << "\" (expects \"" << c.problem << "\")";
}

const Refused kRefused[] = {
    // More than E.164's 15 digits, with and without '+', exit code and trunk prefix.
    {"digits16_with_plus", "IN", "+9198765432101234", "too many digits"},
    {"digits17_national", "IN", "98765432101234567", "too many digits"},
    {"digits18_national", "IN", "987654321012345678", "too many digits"},
    {"digits19_after_exit_code", "IN", "0091987654321012345", "too many digits"},
    {"over_40_characters", "IN", "1234567890 1234567890 1234567890 1234567890", "too long"},
    // Letters, vanity numbers included (libphonenumber would happily map FLOWERS to digits).
    {"vanity_US", "US", "1-800-FLOWERS", "letters"},
    {"vanity_IN_default", "IN", "1-800-FLOWERS", "letters"},
    {"letters_in_middle", "IN", "98765abcde", "letters"},
    {"extension_text", "IN", "+91 98765 43210 ext. 12", "letters"},
    {"letter_o_for_zero", "IN", "98765 4321O", "letters"},
    // Non-ASCII digits: libphonenumber normalises these to 0-9; we refuse them (FALSEHOODS.md).
    {"arabic_indic_digits", "IN", "\u0669\u0668\u0667\u0666\u0665\u0664\u0663\u0662\u0661\u0660", "non-ASCII"},
    {"extended_arabic_indic_digits", "IN", "\u06F9\u06F8\u06F7\u06F6\u06F5\u06F4\u06F3\u06F2\u06F1\u06F0", "non-ASCII"},
    {"fullwidth_digits", "IN", "\uFF19\uFF18\uFF17\uFF16\uFF15\uFF14\uFF13\uFF12\uFF11\uFF10", "non-ASCII"},
    {"devanagari_digits", "IN", "\u096F\u096E\u096D\u096C\u096B\u096A\u0969\u0968\u0967\u0966", "non-ASCII"},
    {"mixed_ascii_and_arabic_indic", "IN", "98765\u0664\u0663\u0662\u0661\u0660", "non-ASCII"},
    {"fullwidth_plus_country_code", "IN", "+\uFF19\uFF11 98765 43210", "non-ASCII"},
    // Nothing there.
    {"empty", "IN", "", "empty"},
    {"only_spaces", "IN", "     ", "empty"},
    {"only_whitespace_controls", "IN", "\t\r\n", "empty"},
    {"only_dashes", "IN", "---", "no digits"},
    {"only_brackets", "IN", "()", "no digits"},
    {"only_plus", "IN", "+", "no digits"},
    {"only_mixed_punctuation", "IN", "( ) - . /", "no digits"},
    // Digits that are not a number anywhere.
    {"IN_too_few_digits", "IN", "+91 12345", "not a valid number"},
    {"IN_eleven_digit_mobile", "IN", "+91 98765 432101", "not a valid number"},
    {"IN_national_five_digits", "IN", "12345", "not a valid number"},
    {"too_short_after_country_code", "IN", "+91 1", "too short"},
    {"unknown_country_code", "IN", "+999 1234567", "country code"},
    {"no_country_code_and_no_region", "ZZ", "9876543210", "country code"},
    {"plus_in_the_middle", "IN", "91+9876543210", "character '+'"},
    {"double_plus", "IN", "++91 9876543210", "character '+'"},
    {"hash", "IN", "98765#43210", "character '#'"},
    // Premium-rate (SECURITY.md row 13: SMS pumping targets these).
    {"premium_GB_09", "IN", "+44 909 876 5432", "premium-rate"},
    {"premium_GB_national", "GB", "0909 876 5432", "premium-rate"},
    {"premium_US_900", "US", "1-900-555-1234", "premium-rate"},
    {"premium_DE_900", "IN", "+49 900 1 234567", "premium-rate"},
    {"premium_FR_089", "IN", "+33 8 99 12 34 56", "premium-rate"},
    {"premium_ES_803", "IN", "+34 803 123456", "premium-rate"},
    {"premium_AU_1900", "IN", "+61 1900 123 456", "premium-rate"},
    // Shared-cost.
    {"shared_cost_IN_1860", "IN", "+91 1860 123 4567", "shared-cost"},
    {"shared_cost_DE_180", "IN", "+49 180 1 234567", "shared-cost"},
    {"shared_cost_FR_081", "IN", "+33 8 10 12 34 56", "shared-cost"},
    {"shared_cost_ES_901", "IN", "+34 901 123456", "shared-cost"},
    {"shared_cost_AU_1300", "IN", "+61 1300 123 456", "shared-cost"},
    // SQL-ish input (row 18 is about parameterised SQL; here: such text never becomes a destination).
    {"sql_drop_table", "IN", "'; DROP TABLE challenges;--", "character '''"},
    {"sql_or_true_after_number", "IN", "9876543210' OR '1'='1", "character '''"},
    {"sql_statement_after_digit", "IN", "1; DROP TABLE challenges", "character ';'"},
    {"sql_in_email", "IN", "x'; DROP TABLE challenges;--@example.com", "not a valid email address"},
    // Malformed emails.
    {"email_no_domain", "IN", "user@", "not a valid email address"},
    {"email_no_local_part", "IN", "@example.com", "not a valid email address"},
    {"email_dotless_domain", "IN", "user@example", "not a valid email address"},
    {"email_two_ats", "IN", "user@@example.com", "not a valid email address"},
    {"email_one_letter_tld", "IN", "a@b.c", "not a valid email address"},
    {"email_space", "IN", "user name@example.com", "not a valid email address"},
    {"email_leading_hyphen_domain", "IN", "user@-example.com", "not a valid email address"},
    {"email_empty_domain_label", "IN", "user@example..com", "not a valid email address"},
    {"email_non_ascii", "IN", "\u00FCser@example.com", "not a valid email address"},
    {"email_local_part_65", "IN",
     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com", "not a valid email address"},
    {"email_double_dot_local", "IN", "user..name@example.com", "misplaced dots"},
    {"email_leading_dot", "IN", ".user@example.com", "misplaced dots"},
    {"email_trailing_dot_local", "IN", "user.@example.com", "misplaced dots"},
};

class DestinationParserRefuses : public ::testing::TestWithParam<Refused>
{};

// SECURITY.md row 14 (and 13 for premium/shared-cost): refused with an error naming the problem.
TEST_P(DestinationParserRefuses, Row14_RefusedWithReason)
{
    const Refused& c = GetParam();
    const DestinationParser parser{QString::fromUtf8(c.region)};
    const ParsedDestination r = parser.parse(QString::fromUtf8(c.input));
    EXPECT_FALSE(r.ok) << "accepted as " << r.destination.value.toStdString();
    EXPECT_TRUE(r.destination.value.isEmpty());
    EXPECT_FALSE(r.error.isEmpty());
    EXPECT_TRUE(containsNoCase(r.error, c.problem))
        << "error \"" << r.error.toStdString() << "\" does not name \"" << c.problem << "\"";
}

INSTANTIATE_TEST_SUITE_P(DestinationParser, DestinationParserRefuses, ::testing::ValuesIn(kRefused),
                         [](const ::testing::TestParamInfo<Refused>& info) { return std::string(info.param.name); });

// ---- emails and single cases ----------------------------------------------------------------------

// DESIGN.md "destinations": emails are trimmed and lower-cased; the caps key is the mailbox (no +tag).
TEST(DestinationParserTest, EmailIsTrimmedAndLowerCased)
{
    const DestinationParser parser;
    for (const ParsedDestination& r : {parser.parse(QStringLiteral("  User.Name+tag@Example.COM \n")),
                                       DestinationParser::parseEmail(QStringLiteral("  User.Name+tag@Example.COM \n"))}) {
        ASSERT_TRUE(r.ok) << r.error.toStdString();
        EXPECT_TRUE(r.error.isEmpty());
        EXPECT_EQ(r.destination.kind, Destination::Kind::Email);
        EXPECT_EQ(r.destination.value.toStdString(), "user.name+tag@example.com");
        EXPECT_TRUE(r.destination.region.isEmpty());
        EXPECT_EQ(r.destination.prefix.toStdString(), "user.name@example.com");
    }
}

// An apostrophe is legal in a local part: accepted as typed (row 18 then proves it round-trips in SQL).
TEST(DestinationParserTest, EmailWithApostropheIsAccepted)
{
    const ParsedDestination r = DestinationParser::parseEmail(QStringLiteral("O'Brien@Example.co.uk"));
    ASSERT_TRUE(r.ok) << r.error.toStdString();
    EXPECT_EQ(r.destination.value.toStdString(), "o'brien@example.co.uk");
}

TEST(DestinationParserTest, EmailOver254CharactersIsRefused)
{
    const QString longEmail = QStringLiteral("user@") + QString(250, QLatin1Char('a')) + QStringLiteral(".com");
    const ParsedDestination r = DestinationParser::parseEmail(longEmail);
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(containsNoCase(r.error, "too long")) << r.error.toStdString();
}

// The error echoes at most 80 characters of what was typed, never an unbounded blob.
TEST(DestinationParserTest, EmailErrorQuotesAtMost80Characters)
{
    const QString junk = QString(200, QLatin1Char('x')) + QStringLiteral("@");
    const ParsedDestination r = DestinationParser::parseEmail(junk);
    EXPECT_FALSE(r.ok);
    EXPECT_LT(r.error.size(), 80 + 40);
}

// parse() sends anything with an '@' to the email rules, everything else to the phone rules.
TEST(DestinationParserTest, ParseRoutesOnAtSign)
{
    const DestinationParser parser;
    EXPECT_EQ(parser.parse(QStringLiteral("a@example.com")).destination.kind, Destination::Kind::Email);
    EXPECT_EQ(parser.parse(QStringLiteral("9876543210")).destination.kind, Destination::Kind::Phone);
    // A phone number with an '@' is judged as an email, and refused as one.
    const ParsedDestination r = parser.parse(QStringLiteral("98765@43210"));
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(containsNoCase(r.error, "email")) << r.error.toStdString();
}

// Row 14: the same number typed ten ways is one destination, so caps and lockouts cannot be dodged by
// reformatting it.
TEST(DestinationParserTest, Row14_AllIndianFormatsCollapseToOneValue)
{
    const DestinationParser parser(QStringLiteral("IN"));
    QSet<QString> values;
    for (const AcceptedPhone& c : kAccepted) {
        if (std::string(c.e164) != "+919876543210")
            continue;
        const ParsedDestination r = DestinationParser(QString::fromUtf8(c.region)).parse(QString::fromUtf8(c.input));
        ASSERT_TRUE(r.ok) << c.input;
        values.insert(r.destination.value);
    }
    EXPECT_EQ(values.size(), 1);
}

// Row 14: nothing that passes the parser has more than 15 digits, whatever was typed around them.
TEST(DestinationParserTest, Row14_NoAcceptedValueExceeds15Digits)
{
    const DestinationParser parser(QStringLiteral("IN"));
    // Grow a valid mobile digit by digit: once past 15 digits the answer must be a refusal.
    QString input = QStringLiteral("+91");
    for (int i = 0; i < 20; ++i) {
        input += QChar(u'0' + char16_t((9 - i % 10)));
        const ParsedDestination r = parser.parse(input);
        const qsizetype digits = input.size() - 1;
        if (digits > 15) {
            EXPECT_FALSE(r.ok) << input.toStdString();
            EXPECT_TRUE(containsNoCase(r.error, "too many digits") || containsNoCase(r.error, "too long"))
                << input.toStdString() << ": " << r.error.toStdString();
        }
        if (r.ok) {
            EXPECT_TRUE(r.destination.value.startsWith(QLatin1Char('+')));
            EXPECT_LE(r.destination.value.size() - 1, 15);
        }
    }
}

// Parsed phones are remembered per process (DestinationParser::parse): the same input under another
// default region is another number, every time it is asked, in either order.
TEST(DestinationParserTest, TheSameNationalInputIsParsedForEachDefaultRegion)
{
    const QString input = QStringLiteral("07911 123456");
    for (int round = 0; round < 3; ++round) {
        const ParsedDestination in = DestinationParser(QStringLiteral("IN")).parse(input);
        const ParsedDestination gb = DestinationParser(QStringLiteral("GB")).parse(input);
        ASSERT_TRUE(in.ok && gb.ok) << in.error.toStdString() << " / " << gb.error.toStdString();
        EXPECT_EQ(in.destination.value, QStringLiteral("+917911123456"));
        EXPECT_EQ(in.destination.region, QStringLiteral("IN"));
        EXPECT_EQ(gb.destination.value, QStringLiteral("+447911123456"));
    }
    // A refused input stays refused on every call, and its reason with it.
    for (int round = 0; round < 2; ++round) {
        const ParsedDestination r = DestinationParser(QStringLiteral("IN")).parse(QStringLiteral("+91 1900 123 456"));
        EXPECT_FALSE(r.ok);
        EXPECT_FALSE(r.error.isEmpty());
    }
}

TEST(DestinationParserTest, KnownRegions)
{
    EXPECT_TRUE(DestinationParser::isKnownRegion(QStringLiteral("IN")));
    EXPECT_TRUE(DestinationParser::isKnownRegion(QStringLiteral(" gb ")));
    EXPECT_TRUE(DestinationParser::isKnownRegion(QStringLiteral("US")));
    EXPECT_FALSE(DestinationParser::isKnownRegion(QStringLiteral("XX")));
    EXPECT_FALSE(DestinationParser::isKnownRegion(QStringLiteral("ZZ")));
    EXPECT_FALSE(DestinationParser::isKnownRegion(QString()));
    EXPECT_FALSE(DestinationParser::isKnownRegion(QStringLiteral("IND")));
}

} // namespace

// Caps key email by the mailbox (issue 10, item 10): sub-addresses and Gmail's dots are one mailbox.
TEST(DestinationParserTest, CanonicalMailboxDropsTagsAndGmailDots)
{
    EXPECT_EQ(DestinationParser::canonicalMailbox(QStringLiteral("victim+5@example.org")), QStringLiteral("victim@example.org"));
    EXPECT_EQ(DestinationParser::canonicalMailbox(QStringLiteral("v.ictim@example.org")), QStringLiteral("v.ictim@example.org"));
    EXPECT_EQ(DestinationParser::canonicalMailbox(QStringLiteral("v.i.ctim+x@googlemail.com")), QStringLiteral("victim@gmail.com"));
    EXPECT_EQ(DestinationParser::canonicalMailbox(QStringLiteral("+tag@example.org")), QStringLiteral("+tag@example.org"))
        << "a local part that is only a tag stays as it is";
}

// parsePhone reads canonical E.164 ("+" and digits) without libphonenumber's Parse. It must give Parse's
// answer, accepted or refused, for any such input: here every region's example number of every type,
// every non-geographic code's, and variations of each (each last digit, a digit more, a digit less, a
// digit dropped inside, the country code's first digit dropped), under two default regions.
TEST(DestinationParserTest, CanonicalE164GivesParsesAnswerForEveryRegionsNumbers)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    std::set<std::string> regions;
    util.GetSupportedRegions(&regions);
    std::vector<std::string> examples;
    const PhoneNumberUtil::PhoneNumberType types[] = {
        PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE, PhoneNumberUtil::PREMIUM_RATE,
        PhoneNumberUtil::SHARED_COST, PhoneNumberUtil::VOIP, PhoneNumberUtil::PERSONAL_NUMBER, PhoneNumberUtil::PAGER,
        PhoneNumberUtil::UAN, PhoneNumberUtil::VOICEMAIL};
    auto keep = [&](const PhoneNumber& n) {
        std::string e164;
        util.Format(n, PhoneNumberUtil::E164, &e164);
        examples.push_back(e164);
    };
    for (const std::string& region : regions) {
        for (const auto type : types) {
            PhoneNumber n;
            if (util.GetExampleNumberForType(region, type, &n))
                keep(n);
        }
    }
    std::set<int> global;
    util.GetSupportedGlobalNetworkCallingCodes(&global);
    for (const int code : global) {
        PhoneNumber n;
        if (util.GetExampleNumberForNonGeoEntity(code, &n))
            keep(n);
    }
    ASSERT_GT(examples.size(), 1000u) << "libphonenumber's metadata gave too few examples to compare";
    QStringList inputs;
    for (const std::string& e : examples) {
        const QString x = QString::fromStdString(e);
        for (char d = '0'; d <= '9'; ++d)
            inputs << x.left(x.size() - 1) + QLatin1Char(d);
        inputs << x + QLatin1Char('7') << x.left(x.size() - 1) << x.left(3) + x.mid(4) + QLatin1Char('5')
               << QStringLiteral("+") + x.mid(2) + QLatin1Char('1');
    }
    int compared = 0, accepted = 0;
    for (const QString& region : {QStringLiteral("IN"), QStringLiteral("US")}) {
        const DestinationParser parser(region);
        for (const QString& input : inputs) {
            const ParsedDestination fast = parser.parsePhone(input), reference = parser.parsePhoneThroughParse(input);
            ++compared;
            accepted += reference.ok ? 1 : 0;
            ASSERT_EQ(fast.ok, reference.ok) << input.toStdString() << ": " << reference.error.toStdString();
            EXPECT_EQ(fast.error, reference.error) << input.toStdString();
            EXPECT_EQ(fast.destination.value, reference.destination.value) << input.toStdString();
            EXPECT_EQ(fast.destination.region, reference.destination.region) << input.toStdString();
            EXPECT_EQ(fast.destination.prefix, reference.destination.prefix) << input.toStdString();
        }
    }
    EXPECT_GT(accepted, compared / 4) << "most variations of valid numbers are valid: the comparison covers acceptance";
}

// Every accepted phone is a fixed point: the send stores it, and the verify and lookups parse it again.
// libphonenumber's Parse is not one for Mexico's old mobile "1" after +52, which it strips on every read:
// "+52 1 1 2334211234" read as +5212334211234, which reads as +522334211234 (found by the fuzzer,
// seed 1000350162). Such input is refused, naming the problem.
TEST(DestinationParserTest, AnAcceptedPhoneReadsBackAsItselfOrIsRefused)
{
    const DestinationParser parser(QStringLiteral("IN"));
    for (const QString& input : {QStringLiteral("+52112334211234"), QStringLiteral("+52 1 1 2334211234"),
                                 QStringLiteral("+5212334211234"), QStringLiteral("+522334211234")}) {
        const ParsedDestination r = parser.parse(input);
        if (!r.ok) {
            EXPECT_FALSE(r.error.isEmpty()) << input.toStdString();
            continue;
        }
        const ParsedDestination again = parser.parse(r.destination.value);
        ASSERT_TRUE(again.ok) << input.toStdString() << " -> " << r.destination.value.toStdString() << ": "
                              << again.error.toStdString();
        EXPECT_EQ(again.destination.value, r.destination.value) << input.toStdString();
        const ParsedDestination reference = parser.parsePhoneThroughParse(r.destination.value);
        EXPECT_TRUE(!reference.ok || reference.destination.value == r.destination.value)
            << input.toStdString() << " -> " << r.destination.value.toStdString() << " -> "
            << reference.destination.value.toStdString();
    }
    // The plain form of that number is accepted and stable.
    const ParsedDestination plain = parser.parse(QStringLiteral("+522334211234"));
    ASSERT_TRUE(plain.ok) << plain.error.toStdString();
    EXPECT_EQ(plain.destination.value, QStringLiteral("+522334211234"));
}
