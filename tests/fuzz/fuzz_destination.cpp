// libFuzzer entry point: SECURITY.md row 14 ("a fuzz target on the parse entry point") and row 10
// (code input shape). The bytes are read as UTF-8 (invalid sequences become U+FFFD, as they would
// from any Qt front end) and fed to every parser; each result must satisfy the invariants below, and
// ASan/UBSan watch everything underneath, libphonenumber calls included.

#include "CodeHasher.h"
#include "DestinationParser.h"
#include "Policy.h"

#include <QRegularExpression>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char* what, const QString& input, const QString& detail = {})
{
    std::fprintf(stderr, "invariant broken: %s\n  input: %s\n  detail: %s\n", what, input.toUtf8().constData(),
                 detail.toUtf8().constData());
    std::abort();
}

#define CHECK(cond, what, input, detail)                                                                               \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            fail(what, input, detail);                                                                                 \
    } while (0)

bool isAsciiDigits(const QString& s)
{
    for (QChar c : s)
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    return true;
}

void checkResult(const otp::ParsedDestination& r, const QString& input, const otp::DestinationParser& parser)
{
    using otp::Destination;
    if (!r.ok) {
        CHECK(!r.error.isEmpty(), "!ok but the error is empty", input, {});
        CHECK(r.destination.value.isEmpty(), "!ok but a value is set", input, r.destination.value);
        return;
    }
    CHECK(r.error.isEmpty(), "ok but an error is set", input, r.error);
    const QString& v = r.destination.value;
    if (r.destination.kind == Destination::Kind::Phone) {
        CHECK(v.startsWith(QLatin1Char('+')), "phone does not start with '+'", input, v);
        const QString digits = v.mid(1);
        CHECK(!digits.isEmpty() && isAsciiDigits(digits), "phone is not '+' and ASCII digits", input, v);
        CHECK(digits.size() <= 15, "phone has more than 15 digits", input, v);
        CHECK(v.startsWith(r.destination.prefix) && r.destination.prefix.size() < v.size(),
              "phone prefix is not a proper prefix", input, r.destination.prefix);
        // Stored values are a fixed point: parsing the E.164 form gives it back.
        const otp::ParsedDestination again = parser.parse(v);
        CHECK(again.ok && again.destination.value == v, "E.164 value does not re-parse to itself", input,
              again.ok ? again.destination.value : again.error);
    } else {
        CHECK(v.contains(QLatin1Char('@')), "email without '@'", input, v);
        CHECK(v == v.toLower() && v == v.trimmed(), "email not normalised", input, v);
        CHECK(v.size() <= 254, "email longer than 254", input, v);
        CHECK(r.destination.region.isEmpty(), "email with a region", input, r.destination.region);
        // The caps key is the mailbox: same domain (googlemail.com folded into gmail.com), a local part
        // no longer than the address's, and stable (canonical of canonical is itself).
        const QString mailbox = r.destination.prefix;
        const QString domain = v.section(QLatin1Char('@'), 1);
        CHECK(mailbox.section(QLatin1Char('@'), 1) == (domain == QLatin1String("googlemail.com") ? QStringLiteral("gmail.com") : domain),
              "email caps key is not on the address's domain", input, mailbox);
        CHECK(mailbox.section(QLatin1Char('@'), 0, 0).size() <= v.section(QLatin1Char('@'), 0, 0).size() &&
                  !mailbox.section(QLatin1Char('@'), 0, 0).isEmpty(),
              "email caps key has a longer or empty local part", input, mailbox);
        CHECK(otp::DestinationParser::canonicalMailbox(mailbox) == mailbox, "email caps key is not canonical", input, mailbox);
        const otp::ParsedDestination again = otp::DestinationParser::parseEmail(v);
        CHECK(again.ok && again.destination.value == v, "email does not re-parse to itself", input,
              again.ok ? again.destination.value : again.error);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));

    // Destinations: the entry point, and each branch directly.
    static const otp::DestinationParser parser(QStringLiteral("IN"));
    checkResult(parser.parse(input), input, parser);
    checkResult(parser.parsePhone(input), input, parser);
    checkResult(otp::DestinationParser::parseEmail(input), input, parser);

    // Code input: accepted exactly when it is `length` ASCII digits.
    for (int length : {4, 6, 10}) {
        const QString problem = otp::CodeInput::problem(input, length);
        const bool wellFormed = input.size() == length && isAsciiDigits(input);
        CHECK(problem.isEmpty() == wellFormed, "CodeInput::problem disagrees with the definition", input, problem);
        if (problem.isEmpty()) {
            // A well-formed code hashes to 64 hex characters without the code in them, and matches itself.
            static const otp::CodeHasher hasher(QByteArrayLiteral("fuzz-pepper"));
            const otp::CodeBinding binding{QStringLiteral("ch_fuzz"), QStringLiteral("acme"),
                                           QStringLiteral("+919876543210"), QStringLiteral("login")};
            const QString h = hasher.hash(binding, input);
            static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
            CHECK(hex64.match(h).hasMatch(), "hash is not 64 hex", input, h);
            CHECK(hasher.matches(binding, input, h), "hash does not match its own code", input, h);
        }
    }

    // Policy::set: the first byte picks the key, the rest is the value. A refusal names the key and
    // changes nothing.
    if (size >= 1) {
        static const QStringList keys = otp::Policy::keys();
        const QString key = keys.at(data[0] % keys.size());
        const QString value = QString::fromUtf8(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
        otp::Policy policy;
        const auto before = policy.toMap();
        const QString problem = policy.set(key, value);
        if (!problem.isEmpty()) {
            CHECK(policy.toMap() == before, "refused Policy::set changed the policy", value, key);
            CHECK(problem.contains(key), "Policy::set refusal does not name the key", value, problem);
        }
    }
    return 0;
}
