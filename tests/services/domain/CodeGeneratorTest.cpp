// SECURITY.md row 1: codes come from the OS CSPRNG, are ≥ 6 digits by default, uniform per digit,
// and keep their leading zeros. (The other half of row 1's proof is code review of
// services/CodeGenerator.cpp and services/RandomSource.h.)

#include "CodeGenerator.h"
#include "SequenceRandom.h"

#include <gtest/gtest.h>

#include <QList>

#include <array>
#include <random>
#include <string>

namespace {

using otp::CodeGenerator;
using otp::RandomSource;
using otp::SystemRandomSource;
using otp::test::SequenceRandom;

// Chi-square goodness of fit of 10 digit counts against uniform has 9 degrees of freedom.
//
// Critical value chosen: p = 1e-6, chi2(9) = 44.81 (computed from the closed form of the chi-square
// survival function for odd degrees of freedom; 45.3 would be p ≈ 8.1e-7). With 6 positions tested per
// run the false-failure rate of this test is 1 - (1 - 1e-6)^6 ≈ 6e-6: one spurious red build in about
// 170,000 runs. The more usual p = 0.001 (27.88) would fail a correct generator in ≈ 0.6 % of runs
// (1 - 0.999^6), about once in 170 CI runs, which teaches people to ignore the test.
//
// What we give up is negligible: with 10^6 samples per position, the critical value 44.81 still
// catches any real bias worth the name. E.g. the classic "byte % 10" modulo bias (digits 0-5 at
// 26/256, 6-9 at 25/256: 1.6 % above and 2.3 % below uniform) gives an expected chi2 ≈ 366 per
// position, eight times the critical value; the test
// BiasedSourceIsCaught below proves the check has that power.
constexpr double kChiSquareCritical9DofP1e6 = 44.81;

constexpr int kCodes = 1'000'000;
constexpr int kLength = 6;

using DigitCounts = std::array<std::array<qint64, 10>, kLength>;

double chiSquareUniform(const std::array<qint64, 10>& counts)
{
    qint64 total = 0;
    for (qint64 c : counts)
        total += c;
    const double expected = double(total) / 10.0;
    double chi2 = 0;
    for (qint64 c : counts) {
        const double d = double(c) - expected;
        chi2 += d * d / expected;
    }
    return chi2;
}

// Generates kCodes codes of kLength digits and counts each digit per position; also checks every code's
// shape and counts codes that begin with '0'.
struct Sample
{
    DigitCounts counts{};
    qint64 leadingZero = 0;
    qint64 badShape = 0;
};

Sample sample(RandomSource& random)
{
    const CodeGenerator generator(random);
    Sample s;
    for (int n = 0; n < kCodes; ++n) {
        const QString code = generator.generate(kLength);
        if (code.size() != kLength) {
            ++s.badShape;
            continue;
        }
        const char16_t* p = reinterpret_cast<const char16_t*>(code.constData());
        for (int i = 0; i < kLength; ++i) {
            const int d = int(p[i]) - int(u'0');
            if (d < 0 || d > 9) {
                ++s.badShape;
                break;
            }
            ++s.counts[i][d];
        }
        if (p[0] == u'0')
            ++s.leadingZero;
    }
    return s;
}

// A deliberately broken source: the low byte of a Mersenne Twister, reduced modulo the bound.
class ByteModuloRandom final : public RandomSource
{
public:
    quint32 bounded(quint32 bound) override { return (m_rng() & 0xffu) % bound; }

private:
    std::mt19937 m_rng{20240501u};
};

// Records the bound of every draw, so the test can see the generator asks for decimal digits.
class RecordingRandom final : public RandomSource
{
public:
    quint32 bounded(quint32 bound) override
    {
        bounds << bound;
        return 7 % bound;
    }
    QList<quint32> bounds;
};

// SECURITY.md row 1: 10^6 codes from the OS CSPRNG, chi-square per digit position.
TEST(CodeGeneratorTest, Row1_MillionCodesEachPositionUniform)
{
    SystemRandomSource random;
    const Sample s = sample(random);
    EXPECT_EQ(s.badShape, 0);
    for (int i = 0; i < kLength; ++i) {
        const double chi2 = chiSquareUniform(s.counts[i]);
        qint64 total = 0;
        for (qint64 c : s.counts[i])
            total += c;
        EXPECT_EQ(total, kCodes);
        RecordProperty("chi2_position_" + std::to_string(i), std::to_string(chi2)); // in --gtest_output=xml
        EXPECT_LT(chi2, kChiSquareCritical9DofP1e6) << "digit position " << i << " is not uniform: chi2 = " << chi2;
        // Every digit appears at every position (a generator that never emits a digit fails here too).
        for (int d = 0; d < 10; ++d)
            EXPECT_GT(s.counts[i][d], 0) << "digit " << d << " never at position " << i;
    }
    // Row 1, leading zeros kept: about a tenth of codes start with '0' and they are still 6 long.
    EXPECT_GT(s.leadingZero, kCodes / 20);
    EXPECT_LT(s.leadingZero, kCodes / 5);
}

// The chi-square check above has teeth: a source with byte-modulo bias fails it at every position.
TEST(CodeGeneratorTest, Row1_BiasedSourceIsCaught)
{
    ByteModuloRandom biased;
    const Sample s = sample(biased);
    EXPECT_EQ(s.badShape, 0);
    for (int i = 0; i < kLength; ++i)
        EXPECT_GT(chiSquareUniform(s.counts[i]), kChiSquareCritical9DofP1e6) << "position " << i;
}

// Row 1: leading zeros are kept, never stripped by a round trip through an integer.
TEST(CodeGeneratorTest, Row1_LeadingZerosKept)
{
    SequenceRandom zeros({0, 0, 0, 4, 2, 0});
    EXPECT_EQ(CodeGenerator(zeros).generate(6).toStdString(), "000420");

    SequenceRandom allZero({0});
    const CodeGenerator generator(allZero);
    for (int length = CodeGenerator::kMinLength; length <= CodeGenerator::kMaxLength; ++length)
        EXPECT_EQ(generator.generate(length), QString(length, QLatin1Char('0')));
}

// Every allowed length yields exactly that many ASCII digits.
TEST(CodeGeneratorTest, LengthsFourToTenAreExact)
{
    SystemRandomSource random;
    const CodeGenerator generator(random);
    EXPECT_EQ(CodeGenerator::kMinLength, 4);
    EXPECT_EQ(CodeGenerator::kMaxLength, 10);
    for (int length = CodeGenerator::kMinLength; length <= CodeGenerator::kMaxLength; ++length) {
        for (int n = 0; n < 2000; ++n) {
            const QString code = generator.generate(length);
            ASSERT_EQ(code.size(), length);
            for (QChar c : code)
                ASSERT_TRUE(c.unicode() >= u'0' && c.unicode() <= u'9') << code.toStdString();
        }
    }
}

// The injected source is the one used: a fixed sequence gives a predictable code.
TEST(CodeGeneratorTest, InjectedSequenceGivesExpectedCode)
{
    SequenceRandom seq({1, 2, 3, 4, 5, 6});
    const CodeGenerator generator(seq);
    EXPECT_EQ(generator.generate(6).toStdString(), "123456");
    EXPECT_EQ(generator.generate(4).toStdString(), "1234"); // the cycle carries on from where it was
    EXPECT_EQ(generator.generate(8).toStdString(), "56123456");

    // SequenceRandom reduces each value modulo the bound: 10 → 0, 23 → 3, 99 → 9.
    SequenceRandom reduced({10, 23, 99});
    EXPECT_EQ(CodeGenerator(reduced).generate(6).toStdString(), "039039");
}

// Each digit is one draw from [0, 10): no draws of a wider range folded down (which would bias it).
TEST(CodeGeneratorTest, OneDrawOfBoundTenPerDigit)
{
    RecordingRandom recorder;
    const CodeGenerator generator(recorder);
    EXPECT_EQ(generator.generate(7).toStdString(), "7777777");
    ASSERT_EQ(recorder.bounds.size(), 7);
    for (quint32 b : recorder.bounds)
        EXPECT_EQ(b, 10u);
}

// Two generators on the OS source do not produce the same run of codes (a seeded PRNG would).
TEST(CodeGeneratorTest, Row1_SystemSourceIsNotRepeatable)
{
    SystemRandomSource a;
    SystemRandomSource b;
    QStringList first;
    QStringList second;
    for (int n = 0; n < 20; ++n) {
        first << CodeGenerator(a).generate(10);
        second << CodeGenerator(b).generate(10);
    }
    EXPECT_NE(first, second);
}

} // namespace
