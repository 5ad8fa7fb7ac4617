// SECURITY.md row 10 (constant-time compare; input length and charset checked first), the binding part
// of row 4 (a code is bound to its destination, purpose and tenant) and row 9's "only an HMAC is stored"
// at unit level. The end-to-end halves of rows 4 and 9 live with the OtpService suites.

#include "CodeHasher.h"

#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QSet>

#include <string>

namespace {

using otp::CodeBinding;
using otp::CodeHasher;
using otp::CodeInput;

bool containsNoCase(const QString& haystack, const char* needle)
{
    return haystack.contains(QString::fromUtf8(needle), Qt::CaseInsensitive);
}

const QByteArray kPepper = QByteArrayLiteral("test-pepper-32-bytes-long-000000");

CodeBinding loginBinding()
{
    return CodeBinding{QStringLiteral("ch_01HZX"), QStringLiteral("acme"), QStringLiteral("+919876543210"),
                       QStringLiteral("login")};
}

// ---- CodeInput::problem (row 10: shape checked before anything is compared) -----------------------

struct BadCode
{
    const char* name;
    const char* input; // UTF-8
    int expectedLength;
    const char* problem; // a phrase the reason must contain
};

void PrintTo(const BadCode& c, std::ostream* os)
{
    *os << "\"" << c.input << "\" (length " << c.expectedLength << ")";
}

const BadCode kBadCodes[] = {
    {"empty", "", 6, "empty"},
    // Over-long: refused on length before the characters are even looked at.
    {"eleven_digits", "12345678901", 6, "too long"},
    {"eleven_digits_policy_ten", "12345678901", 10, "too long"},
    {"hundred_digits",
     "1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890", 6,
     "too long"},
    {"long_junk", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 6, "too long"},
    // Non-digits.
    {"letter", "12345a", 6, "0-9"},
    {"letter_o_for_zero", "12345O", 6, "0-9"},
    {"space_inside", "123 456", 6, "0-9"},
    {"leading_space", " 123456", 6, "0-9"},
    {"trailing_newline", "123456\n", 6, "0-9"},
    {"minus_sign", "-12345", 6, "0-9"},
    {"plus_sign", "+12345", 6, "0-9"},
    {"dot", "123.45", 6, "0-9"},
    {"sql", "1' OR '1'='1", 6, "too long"},
    {"sql_short", "' OR 1", 6, "0-9"},
    {"nul_byte_is_not_a_digit", "12345\x01", 6, "0-9"},
    // Unicode digits: QChar::isDigit() says yes to all of these; codes are ASCII only.
    {"arabic_indic", "\u0661\u0662\u0663\u0664\u0665\u0666", 6, "0-9"},
    {"extended_arabic_indic", "\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6", 6, "0-9"},
    {"fullwidth", "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16", 6, "0-9"},
    {"devanagari", "\u0967\u0968\u0969\u096A\u096B\u096C", 6, "0-9"},
    {"bengali", "\u09E7\u09E8\u09E9\u09EA\u09EB\u09EC", 6, "0-9"},
    {"mixed_ascii_and_arabic_indic", "123\u0664\u0665\u0666", 6, "0-9"},
    {"superscripts", "\u00B9\u00B2\u00B3456", 6, "0-9"},
    {"mathematical_bold_digits", "\U0001D7CF\U0001D7D0\U0001D7D1", 6, "0-9"}, // 3 surrogate pairs = 6 UTF-16 units
    // Wrong length.
    {"five_of_six", "12345", 6, "6 digits"},
    {"seven_of_six", "1234567", 6, "6 digits"},
    {"ten_of_six", "1234567890", 6, "6 digits"},
    {"six_of_four", "123456", 4, "4 digits"},
    {"nine_of_ten", "123456789", 10, "10 digits"},
    {"one_digit", "0", 6, "6 digits"},
};

class CodeInputRefuses : public ::testing::TestWithParam<BadCode>
{};

// SECURITY.md row 10: over-long, non-digit, empty, Unicode-digit and wrong-length codes are refused
// with a reason.
TEST_P(CodeInputRefuses, Row10_RefusedWithReason)
{
    const BadCode& c = GetParam();
    const QString reason = CodeInput::problem(QString::fromUtf8(c.input), c.expectedLength);
    EXPECT_FALSE(reason.isEmpty());
    EXPECT_TRUE(containsNoCase(reason, c.problem))
        << "reason \"" << reason.toStdString() << "\" does not contain \"" << c.problem << "\"";
}

INSTANTIATE_TEST_SUITE_P(CodeInput, CodeInputRefuses, ::testing::ValuesIn(kBadCodes),
                         [](const ::testing::TestParamInfo<BadCode>& info) { return std::string(info.param.name); });

TEST(CodeInputTest, Row10_WellFormedCodesAccepted)
{
    EXPECT_EQ(CodeInput::problem(QStringLiteral("123456"), 6), QString());
    EXPECT_EQ(CodeInput::problem(QStringLiteral("000000"), 6), QString());
    EXPECT_EQ(CodeInput::problem(QStringLiteral("0420"), 4), QString());
    EXPECT_EQ(CodeInput::problem(QStringLiteral("9876543210"), 10), QString());
}

// A megabyte of input is refused on its length alone (row 10: length checked first).
TEST(CodeInputTest, Row10_HugeInputRefusedOnLength)
{
    const QString huge(1 << 20, QChar(0x0661));
    const QString reason = CodeInput::problem(huge, 6);
    EXPECT_TRUE(containsNoCase(reason, "too long")) << reason.toStdString();
}

// The reason never echoes what was typed (it could be a code meant for somewhere else).
TEST(CodeInputTest, ReasonDoesNotEchoInput)
{
    for (const char* input : {"12345", "1234567", "98765a", "98765432109"}) {
        const QString reason = CodeInput::problem(QString::fromLatin1(input), 6);
        EXPECT_FALSE(reason.contains(QString::fromLatin1(input))) << reason.toStdString();
    }
}

// ---- CodeHasher ----------------------------------------------------------------------------------

TEST(CodeHasherTest, SameCodeAndBindingMatches)
{
    const CodeHasher hasher(kPepper);
    const QString stored = hasher.hash(loginBinding(), QStringLiteral("042917"));
    EXPECT_EQ(stored, hasher.hash(loginBinding(), QStringLiteral("042917"))); // deterministic
    EXPECT_TRUE(hasher.matches(loginBinding(), QStringLiteral("042917"), stored));
    EXPECT_TRUE(CodeHasher(kPepper).matches(loginBinding(), QStringLiteral("042917"), stored)); // another instance
}

TEST(CodeHasherTest, WrongCodeDoesNotMatch)
{
    const CodeHasher hasher(kPepper);
    const QString stored = hasher.hash(loginBinding(), QStringLiteral("042917"));
    for (const char* wrong : {"042918", "42917", "0042917", "", "142917", "042917 "})
        EXPECT_FALSE(hasher.matches(loginBinding(), QString::fromLatin1(wrong), stored)) << wrong;
}

// SECURITY.md row 4 (binding): a change of any bound field breaks the match.
TEST(CodeHasherTest, Row4_EveryBindingFieldIsBound)
{
    const CodeHasher hasher(kPepper);
    const QString code = QStringLiteral("042917");
    const QString stored = hasher.hash(loginBinding(), code);

    CodeBinding otherRef = loginBinding();
    otherRef.challengeRef = QStringLiteral("ch_01HZY");
    CodeBinding otherTenant = loginBinding();
    otherTenant.tenant = QStringLiteral("globex");
    CodeBinding otherPhone = loginBinding();
    otherPhone.destination = QStringLiteral("+919876543211");
    CodeBinding otherPurpose = loginBinding();
    otherPurpose.purpose = QStringLiteral("password_reset");
    CodeBinding caseChanged = loginBinding();
    caseChanged.tenant = QStringLiteral("ACME");

    EXPECT_FALSE(hasher.matches(otherRef, code, stored)) << "challenge ref not bound";
    EXPECT_FALSE(hasher.matches(otherTenant, code, stored)) << "tenant not bound";
    EXPECT_FALSE(hasher.matches(otherPhone, code, stored)) << "destination not bound";
    EXPECT_FALSE(hasher.matches(otherPurpose, code, stored)) << "purpose not bound";
    EXPECT_FALSE(hasher.matches(caseChanged, code, stored)) << "tenant compared case-insensitively";
}

// Fields cannot bleed into each other: moving characters across a field boundary changes the hash.
TEST(CodeHasherTest, Row4_FieldBoundariesAreUnambiguous)
{
    const CodeHasher hasher(kPepper);
    const QString code = QStringLiteral("123456");
    const CodeBinding a{QStringLiteral("ab"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("login")};
    const CodeBinding b{QStringLiteral("a"), QStringLiteral("bc"), QStringLiteral("d"), QStringLiteral("login")};
    const CodeBinding c{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("cd"), QStringLiteral("login")};
    const CodeBinding d{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("dlogin")};
    const QSet<QString> hashes{hasher.hash(a, code), hasher.hash(b, code), hasher.hash(c, code), hasher.hash(d, code)};
    EXPECT_EQ(hashes.size(), 4);
    // The purpose/code boundary too: purpose "login1" + code "23456" is not purpose "login" + code "123456".
    const CodeBinding e{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("login1")};
    EXPECT_NE(hasher.hash(e, QStringLiteral("23456")), hasher.hash(CodeBinding{QStringLiteral("a"), QStringLiteral("b"),
                                                                               QStringLiteral("c"), QStringLiteral("login")},
                                                                   code));
}

TEST(CodeHasherTest, DifferentPepperDoesNotMatch)
{
    const QString stored = CodeHasher(kPepper).hash(loginBinding(), QStringLiteral("042917"));
    EXPECT_FALSE(CodeHasher(QByteArrayLiteral("another-pepper")).matches(loginBinding(), QStringLiteral("042917"), stored));
    QByteArray oneBitOff = kPepper;
    oneBitOff[0] = char(oneBitOff[0] ^ 1);
    EXPECT_FALSE(CodeHasher(oneBitOff).matches(loginBinding(), QStringLiteral("042917"), stored));
    EXPECT_FALSE(CodeHasher(QByteArray()).matches(loginBinding(), QStringLiteral("042917"), stored));
}

// The stored form is a 64-character lower-case hex HMAC-SHA256, and the code is nowhere in it.
TEST(CodeHasherTest, Row9_HashIs64HexAndNeverContainsTheCode)
{
    const CodeHasher hasher(kPepper);
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    CodeBinding binding = loginBinding();
    for (int n = 0; n < 2000; ++n) {
        const QString code = QStringLiteral("%1").arg(n * 499 % 1000000, 6, 10, QLatin1Char('0'));
        binding.challengeRef = QStringLiteral("ch_%1").arg(n);
        const QString h = hasher.hash(binding, code);
        ASSERT_TRUE(hex64.match(h).hasMatch()) << h.toStdString();
        ASSERT_FALSE(h.contains(code)) << "hash " << h.toStdString() << " contains code " << code.toStdString();
    }
}

// Known answer: pins the message layout (fields joined by U+001F, UTF-8, HMAC-SHA256 keyed by the pepper).
// If this changes, every stored hash in every deployed database stops matching. Computed independently:
//   python3 -c "import hmac,hashlib; print(hmac.new(b'test-pepper-32-bytes-long-000000',
//     'ch_01HZX\x1facme\x1f+919876543210\x1flogin\x1f042917'.encode(), hashlib.sha256).hexdigest())"
TEST(CodeHasherTest, KnownAnswer)
{
    EXPECT_EQ(CodeHasher(kPepper).hash(loginBinding(), QStringLiteral("042917")).toStdString(),
              "5e40ebc63ebaa2b475a68a50daf0cd37e7fbe5c757fd5d4a2fa93784e6865877");
}

// The same digest with a pepper longer than SHA-256's 64-byte block (HMAC hashes such a key first) and a
// non-ASCII field: the two paths of HMAC key handling and the UTF-8 encoding, pinned. Computed with
//   python3 -c "import hmac,hashlib; print(hmac.new(b'p'*100, 'ref-\u00e9\x1ft\x1fuser@example.com\x1fsignup\x1f12345678'
//     .encode(), hashlib.sha256).hexdigest())"
TEST(CodeHasherTest, KnownAnswerWithALongPepperAndNonAsciiField)
{
    const CodeBinding b{QStringLiteral("ref-\u00e9"), QStringLiteral("t"), QStringLiteral("user@example.com"),
                        QStringLiteral("signup")};
    EXPECT_EQ(CodeHasher(QByteArray(100, 'p')).hash(b, QStringLiteral("12345678")).toStdString(),
              "81f3feb30cb1c2a86b14a450eb697436927f8bf22e47bd6174e4e0a13443423d");
}

TEST(CodeHasherTest, MalformedStoredHashNeverMatches)
{
    const CodeHasher hasher(kPepper);
    const QString stored = hasher.hash(loginBinding(), QStringLiteral("042917"));
    for (const QString& bad : {QString(), stored.left(63), stored + QLatin1Char('0'), stored.left(32),
                               QString(64, QLatin1Char('0'))})
        EXPECT_FALSE(hasher.matches(loginBinding(), QStringLiteral("042917"), bad)) << bad.toStdString();
}

// Row 10: constantTimeEquals truth table.
TEST(CodeHasherTest, Row10_ConstantTimeEqualsTruthTable)
{
    using B = QByteArray;
    EXPECT_TRUE(CodeHasher::constantTimeEquals(B(), B()));
    EXPECT_TRUE(CodeHasher::constantTimeEquals(B("a"), B("a")));
    EXPECT_TRUE(CodeHasher::constantTimeEquals(B("abcdef0123"), B("abcdef0123")));
    EXPECT_FALSE(CodeHasher::constantTimeEquals(B("abcdef0123"), B("bbcdef0123"))); // first byte
    EXPECT_FALSE(CodeHasher::constantTimeEquals(B("abcdef0123"), B("abcdef0124"))); // last byte
    EXPECT_FALSE(CodeHasher::constantTimeEquals(B("abcdef0123"), B("abcdeF0123"))); // one bit (case)
    EXPECT_FALSE(CodeHasher::constantTimeEquals(B("abc"), B("abcd")));               // prefix
    EXPECT_FALSE(CodeHasher::constantTimeEquals(B("abcd"), B("abc")));
    EXPECT_FALSE(CodeHasher::constantTimeEquals(B(), B("a")));
    EXPECT_FALSE(CodeHasher::constantTimeEquals(B("a"), B()));
    // Bytes that differ in the high bit and NULs are compared as bytes, not as C strings.
    EXPECT_FALSE(CodeHasher::constantTimeEquals(B("\x80", 1), B("\x00", 1)));
    EXPECT_FALSE(CodeHasher::constantTimeEquals(B("a\0b", 3), B("a\0c", 3)));
    EXPECT_TRUE(CodeHasher::constantTimeEquals(B("a\0b", 3), B("a\0b", 3)));
    // Every single-byte difference anywhere in a 64-byte digest is seen.
    const B digest(64, 'e');
    for (int i = 0; i < 64; ++i) {
        B other = digest;
        other[i] = 'f';
        EXPECT_FALSE(CodeHasher::constantTimeEquals(digest, other)) << "position " << i;
    }
}

} // namespace
