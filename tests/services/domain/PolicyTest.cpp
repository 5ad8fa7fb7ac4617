// Policy::set validation, key by key. Backs SECURITY.md rows 2 (lifetime ≤ 10 min), 6/7 (attempt and
// send caps cannot be configured away), 13 (allowed-country list) and DESIGN.md's defaults table.

#include "Policy.h"

#include <gtest/gtest.h>

#include <QMap>
#include <QSet>

#include <ostream>
#include <string>
#include <vector>

namespace {

using otp::Policy;

bool containsNoCase(const QString& haystack, const QString& needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

std::string dump(const QMap<QString, QString>& m)
{
    std::string out;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        out += it.key().toStdString() + "=" + it.value().toStdString() + " ";
    return out;
}

// One row per key in Policy::keys(): values it must take (with what value() then reads back) and values
// it must refuse.
struct KeyCases
{
    const char* key;
    std::vector<std::pair<const char*, const char*>> accepted; // input → value(key) afterwards
    std::vector<const char*> refused;
};

void PrintTo(const KeyCases& c, std::ostream* os)
{
    *os << c.key;
}

// Non-numbers every integer key refuses.
const std::vector<const char*> kNotWholeNumbers = {"", "  ", "abc", "six", "6.5", "1e3", "0x10", "12abc", "--5",
                                                   "99999999999999999999", "\u0666", "\uFF16"};

std::vector<const char*> intRefusals(std::vector<const char*> outOfRange)
{
    outOfRange.insert(outOfRange.end(), kNotWholeNumbers.begin(), kNotWholeNumbers.end());
    return outOfRange;
}

const std::vector<KeyCases>& keyCases()
{
    static const std::vector<KeyCases> cases = {
        {"code_length", {{"4", "4"}, {"6", "6"}, {"10", "10"}, {" 8 ", "8"}}, intRefusals({"3", "11", "0", "-6"})},
        // NIST SP 800-63B / SECURITY.md row 2: the lifetime can never exceed 10 minutes.
        {"ttl_s", {{"30", "30"}, {"600", "600"}, {"120", "120"}}, intRefusals({"29", "601", "0", "-1", "86400"})},
        {"max_attempts", {{"1", "1"}, {"10", "10"}, {"5", "5"}}, intRefusals({"0", "11", "-3", "1000000"})},
        {"cooldown_s", {{"0", "0"}, {"3600", "3600"}, {"60", "60"}}, intRefusals({"-1", "3601"})},
        {"sends_per_hour", {{"1", "1"}, {"100", "100"}}, intRefusals({"0", "101", "-1"})},
        {"sends_per_day", {{"1", "1"}, {"1000", "1000"}}, intRefusals({"0", "1001"})},
        // HTTP-API.md "Abuse": 0 turns the per-address cap off.
        {"sends_per_ip_per_hour", {{"0", "0"}, {"30", "30"}, {"100000", "100000"}}, intRefusals({"-1", "100001"})},
        {"lockout_s", {{"0", "0"}, {"604800", "604800"}}, intRefusals({"-1", "604801"})},
        {"prefix_burst_cap", {{"1", "1"}, {"100000", "100000"}}, intRefusals({"0", "100001"})},
        {"prefix_burst_window_s", {{"1", "1"}, {"86400", "86400"}}, intRefusals({"0", "86401"})},
        {"delivery", {{"sync", "sync"}, {"async", "async"}, {" async ", "async"}}, {"", "batch", "0", "sync,async"}},
        {"account_creation",
         {{"on_verify", "on_verify"}, {"on_delivery", "on_delivery"}},
         {"", "never", "on-verify", "true"}},
        {"allowed_countries",
         {{"in, gb", "IN,GB"}, {"IN", "IN"}, {"in,IN, in", "IN"}, {"us,,gb", "US,GB"}, {"", ""}},
         {"XX", "IN,XX", "India", "IN;GB", "ZZ"}},
        {"default_region", {{"gb", "GB"}, {" us ", "US"}, {"IN", "IN"}}, {"", "XX", "ZZ", "India", "IN,GB"}},
        {"message_language", {{"hi", "hi"}, {" ta ", "ta"}, {"en", "en"}}, {"", "EN", "hindi", "h1", "en-IN"}},
        {"app_name", {{"Acme", "Acme"}, {" Zenith Pay ", "Zenith Pay"}, {"", ""}}, {"{code}", "Acme\x07", "An app name of thirty-one chars"}},
        {"delivery_max_tries", {{"1", "1"}, {"10", "10"}}, intRefusals({"0", "11"})},
        {"delivery_backoff_s", {{"1", "1"}, {"600", "600"}}, intRefusals({"0", "601"})},
        {"breaker_failures", {{"1", "1"}, {"1000", "1000"}}, intRefusals({"0", "1001", "-5"})},
        {"breaker_min_success_pct", {{"0", "0"}, {"100", "100"}, {"50", "50"}}, intRefusals({"-1", "101"})},
        {"breaker_min_tries", {{"1", "1"}, {"100000", "100000"}}, intRefusals({"0", "100001"})},
        {"breaker_window_min", {{"1", "1"}, {"1440", "1440"}}, intRefusals({"0", "1441"})},
        {"breaker_cooloff_s", {{"1", "1"}, {"86400", "86400"}}, intRefusals({"0", "86401"})},
        {"breaker_close_successes", {{"1", "1"}, {"100", "100"}}, intRefusals({"0", "101"})},
        {"alarm_window_min", {{"1", "1"}, {"1440", "1440"}}, intRefusals({"0", "1441"})},
        {"alarm_min_tries", {{"1", "1"}, {"100000", "100000"}}, intRefusals({"0", "100001"})},
        {"alarm_vendor_success_pct", {{"0", "0"}, {"100", "100"}}, intRefusals({"-1", "101"})},
        {"alarm_p95_latency_ms", {{"100", "100"}, {"600000", "600000"}}, intRefusals({"99", "600001"})},
        {"alarm_outbox_depth", {{"1", "1"}, {"10000000", "10000000"}}, intRefusals({"0", "10000001"})},
        {"alarm_lockouts_per_min", {{"1", "1"}, {"100000", "100000"}}, intRefusals({"0", "100001"})},
        {"alarm_conversion_pct", {{"1", "1"}, {"100", "100"}}, intRefusals({"0", "101"})},
        {"route_sms", {{"gupshup", "gupshup"}, {"Gupshup, dev,gupshup", "gupshup,dev"}, {"", ""}},
         {"gup shup", "gupshup;dev", "'; DROP TABLE vendors; --", "-x", "a,b c"}},
        {"route_whatsapp", {{"wati,myoperator", "wati,myoperator"}, {"wati-acme", "wati-acme"}}, {"wati myoperator", "waтi"}},
        {"route_email", {{"smtp", "smtp"}, {"smtp-eu.1", "smtp-eu.1"}}, {"smtp/eu", "x@y"}},
        {"fallback_sms", {{"whatsapp", "whatsapp"}, {"none", "none"}, {"", "none"}}, {"sms", "email", "voice"}},
        {"fallback_whatsapp", {{"sms", "sms"}, {" SMS ", "sms"}, {"none", "none"}}, {"whatsapp", "email", "sms,email"}},
    };
    return cases;
}

// The table covers exactly Policy::keys(): a new key fails here until its validation is tested.
TEST(PolicyTest, TableCoversEveryKey)
{
    QStringList tabled;
    for (const KeyCases& c : keyCases())
        tabled << QString::fromLatin1(c.key);
    QStringList keys = Policy::keys();
    EXPECT_EQ(keys.size(), QSet<QString>(keys.begin(), keys.end()).size()) << "duplicate key";
    keys.sort();
    tabled.sort();
    EXPECT_EQ(keys.join(QLatin1Char(' ')).toStdString(), tabled.join(QLatin1Char(' ')).toStdString());
}

class PolicySetKey : public ::testing::TestWithParam<KeyCases>
{};

TEST_P(PolicySetKey, InRangeAccepted)
{
    const KeyCases& c = GetParam();
    const QString key = QString::fromLatin1(c.key);
    for (const auto& [input, expected] : c.accepted) {
        Policy p;
        const QString problem = p.set(key, QString::fromUtf8(input));
        EXPECT_TRUE(problem.isEmpty()) << c.key << "=" << input << ": " << problem.toStdString();
        EXPECT_EQ(p.value(key).toStdString(), expected) << c.key << "=" << input;
        EXPECT_EQ(p.toMap().value(key).toStdString(), expected);
        // Only that key moved.
        QMap<QString, QString> before = Policy().toMap();
        QMap<QString, QString> after = p.toMap();
        before.remove(key);
        after.remove(key);
        EXPECT_EQ(before, after) << c.key << "=" << input << " changed another key";
    }
}

TEST_P(PolicySetKey, OutOfRangeOrMalformedRefusedNamingKeyAndUnchanged)
{
    const KeyCases& c = GetParam();
    const QString key = QString::fromLatin1(c.key);
    // Start from a non-default policy so "unchanged" is not the same as "reset to defaults".
    Policy p;
    ASSERT_EQ(p.set(QStringLiteral("ttl_s"), QStringLiteral("120")), QString());
    ASSERT_EQ(p.set(QStringLiteral("allowed_countries"), QStringLiteral("IN,US")), QString());
    ASSERT_EQ(p.set(QStringLiteral("delivery"), QStringLiteral("async")), QString());
    ASSERT_EQ(p.set(QStringLiteral("max_attempts"), QStringLiteral("5")), QString());
    const QMap<QString, QString> before = p.toMap();

    for (const char* input : c.refused) {
        const QString problem = p.set(key, QString::fromUtf8(input));
        EXPECT_FALSE(problem.isEmpty()) << c.key << "=\"" << input << "\" was accepted";
        EXPECT_TRUE(containsNoCase(problem, key))
            << "message \"" << problem.toStdString() << "\" does not name " << c.key;
        EXPECT_EQ(p.toMap(), before) << c.key << "=\"" << input << "\" changed the policy: " << dump(p.toMap());
    }
}

INSTANTIATE_TEST_SUITE_P(Policy, PolicySetKey, ::testing::ValuesIn(keyCases()),
                         [](const ::testing::TestParamInfo<KeyCases>& info) { return std::string(info.param.key); });

// Integer limits are stated in the message, so an operator knows what to type instead.
TEST(PolicyTest, RangeMessageGivesTheBounds)
{
    Policy p;
    const QString problem = p.set(QStringLiteral("ttl_s"), QStringLiteral("601"));
    EXPECT_TRUE(problem.contains(QStringLiteral("30"))) << problem.toStdString();
    EXPECT_TRUE(problem.contains(QStringLiteral("600"))) << problem.toStdString();
    EXPECT_EQ(p.ttlS, 300);
}

TEST(PolicyTest, UnknownKeyRefusedNamingIt)
{
    for (const char* key : {"code_len", "CODE_LENGTH", "ttl", "pepper", "", "code_length "}) {
        Policy p;
        const QMap<QString, QString> before = p.toMap();
        const QString problem = p.set(QString::fromLatin1(key), QStringLiteral("6"));
        EXPECT_FALSE(problem.isEmpty()) << "'" << key << "' accepted";
        EXPECT_TRUE(containsNoCase(problem, QStringLiteral("unknown"))) << problem.toStdString();
        EXPECT_TRUE(problem.contains(QStringLiteral("'%1'").arg(QString::fromLatin1(key)))) << problem.toStdString();
        EXPECT_EQ(p.toMap(), before);
        EXPECT_TRUE(p.value(QString::fromLatin1(key)).isEmpty());
    }
}

// SECURITY.md row 13: the allowed-country list is normalised and refuses codes that are not countries.
TEST(PolicyTest, Row13_AllowedCountriesNormalisedAndChecked)
{
    Policy p;
    EXPECT_EQ(p.set(QStringLiteral("allowed_countries"), QStringLiteral("in, gb")), QString());
    EXPECT_EQ(p.allowedCountries, (QStringList{QStringLiteral("IN"), QStringLiteral("GB")}));
    EXPECT_EQ(p.value(QStringLiteral("allowed_countries")).toStdString(), "IN,GB");

    const QString problem = p.set(QStringLiteral("allowed_countries"), QStringLiteral("IN,XX"));
    EXPECT_TRUE(problem.contains(QStringLiteral("XX"))) << problem.toStdString();
    EXPECT_TRUE(problem.contains(QStringLiteral("allowed_countries"))) << problem.toStdString();
    EXPECT_EQ(p.allowedCountries, (QStringList{QStringLiteral("IN"), QStringLiteral("GB")})) << "half-applied";

    // Empty means every country.
    EXPECT_EQ(p.set(QStringLiteral("allowed_countries"), QString()), QString());
    EXPECT_TRUE(p.allowedCountries.isEmpty());
}

// DESIGN.md's defaults table: code 6 digits, lifetime 5 min, 3 attempts, 30 s cooldown, 3 sends/hour,
// 15 min lockout, sync delivery; plus the header's documented daily and burst caps.
TEST(PolicyTest, DefaultsMatchDesign)
{
    const Policy p;
    EXPECT_EQ(p.codeLength, 6);
    EXPECT_EQ(p.ttlS, 300);
    EXPECT_EQ(p.maxAttempts, 3);
    EXPECT_EQ(p.cooldownS, 30);
    EXPECT_EQ(p.sendsPerHour, 3);
    EXPECT_EQ(p.lockoutS, 900);
    EXPECT_EQ(p.sendsPerDay, 10);
    EXPECT_EQ(p.sendsPerIpPerHour, 30);
    EXPECT_EQ(p.prefixBurstCap, 20);
    EXPECT_EQ(p.prefixBurstWindowS, 60);
    EXPECT_EQ(p.delivery, Policy::Delivery::Sync);
    EXPECT_EQ(p.accountCreation, Policy::AccountCreation::OnVerify);
    EXPECT_TRUE(p.allowedCountries.isEmpty());
    EXPECT_EQ(p.defaultRegion.toStdString(), "IN");
    EXPECT_EQ(p.consistencyProblem(), QString());

    // The same through the key/value view the CLI and console use.
    const QMap<QString, QString> m = p.toMap();
    EXPECT_EQ(m.value(QStringLiteral("code_length")).toStdString(), "6");
    EXPECT_EQ(m.value(QStringLiteral("ttl_s")).toStdString(), "300");
    EXPECT_EQ(m.value(QStringLiteral("max_attempts")).toStdString(), "3");
    EXPECT_EQ(m.value(QStringLiteral("cooldown_s")).toStdString(), "30");
    EXPECT_EQ(m.value(QStringLiteral("sends_per_hour")).toStdString(), "3");
    EXPECT_EQ(m.value(QStringLiteral("lockout_s")).toStdString(), "900");
    EXPECT_EQ(m.value(QStringLiteral("delivery")).toStdString(), "sync");
    EXPECT_EQ(m.value(QStringLiteral("account_creation")).toStdString(), "on_verify");
    EXPECT_EQ(m.size(), Policy::keys().size());
}

// Every key's value() reads back through set() unchanged (what `policy show` prints can be pasted
// into `policy set`).
TEST(PolicyTest, ValueRoundTripsThroughSet)
{
    Policy configured;
    ASSERT_EQ(configured.set(QStringLiteral("allowed_countries"), QStringLiteral("gb,in")), QString());
    ASSERT_EQ(configured.set(QStringLiteral("delivery"), QStringLiteral("async")), QString());
    ASSERT_EQ(configured.set(QStringLiteral("account_creation"), QStringLiteral("on_delivery")), QString());
    ASSERT_EQ(configured.set(QStringLiteral("code_length"), QStringLiteral("8")), QString());
    for (const Policy& source : {Policy(), configured}) {
        Policy copy;
        for (const QString& key : Policy::keys())
            EXPECT_EQ(copy.set(key, source.value(key)), QString()) << key.toStdString();
        EXPECT_EQ(copy.toMap(), source.toMap());
    }
}

TEST(PolicyTest, ConsistencyProblemNamesBothCaps)
{
    Policy p;
    ASSERT_EQ(p.set(QStringLiteral("sends_per_day"), QStringLiteral("2")), QString());
    const QString problem = p.consistencyProblem();
    EXPECT_TRUE(problem.contains(QStringLiteral("sends_per_day"))) << problem.toStdString();
    EXPECT_TRUE(problem.contains(QStringLiteral("sends_per_hour"))) << problem.toStdString();
    ASSERT_EQ(p.set(QStringLiteral("sends_per_hour"), QStringLiteral("2")), QString());
    EXPECT_EQ(p.consistencyProblem(), QString());
}

} // namespace
