// VendorAnswer::toSeedJsonText writes the challenge's vendor record without QJsonDocument; it must be
// the very text QJsonDocument writes for toSeedJson(), whatever the vendor put in its fields.
#include "Outcome.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <gtest/gtest.h>

using namespace otp;

namespace {
QString viaQJsonDocument(const VendorAnswer& a)
{
    return QString::fromUtf8(QJsonDocument(a.toSeedJson()).toJson(QJsonDocument::Compact));
}

// Characters a vendor's body can hold, weighted towards the ones JSON treats specially.
// With `loneSurrogates` false every surrogate comes in a whole pair (text UTF-8 can carry).
QString hostileText(QRandomGenerator& random, int length, bool loneSurrogates)
{
    static const char16_t specials[] = {u'"', u'\\', u'/', u'\b', u'\f', u'\n', u'\r', u'\t', 0x00, 0x01, 0x1f, 0x7f,
                                        0x80, 0xe9, 0x2028, 0xfeff, 0xffff, 0xd83d, 0xde00, 0xdbff, 0xdc00};
    QString s;
    for (int i = 0; i < length; ++i) {
        switch (random.bounded(4)) {
        case 0: {
            const char16_t c = specials[random.bounded(int(std::size(specials)))];
            s += loneSurrogates || !QChar::isSurrogate(c) ? QChar(c) : QChar(u'?');
            break;
        }
        case 1: s += QChar(char16_t(random.bounded(0x20, 0x7f))); break;
        case 2: s += QChar(char16_t(random.bounded(loneSurrogates ? 0x10000 : 0xd800))); break;
        default: // half a pair, or a whole one
            s += loneSurrogates ? QString::fromUcs4(U"\U0001F600\U00010348").mid(random.bounded(4), 1)
                                : QString::fromUcs4(U"\U0001F600\U00010348").mid(2 * random.bounded(2), 2);
            break;
        }
    }
    return s;
}
} // namespace

TEST(VendorAnswerTest, SeedJsonTextIsWhatQJsonDocumentWritesForOrdinaryAnswers)
{
    VendorAnswer a;
    a.vendor = QStringLiteral("gupshup");
    a.accepted = true;
    a.httpStatus = 200;
    a.vendorCode = QStringLiteral("success");
    a.messageId = QStringLiteral("4091726350918273645-1");
    a.excerpt = QStringLiteral("{\"response\":{\"id\":\"4091726350918273645\",\"phone\":\"919876543210\"}}");
    a.latencyMs = 184;
    EXPECT_EQ(a.toSeedJsonText(), viaQJsonDocument(a));

    VendorAnswer refused;
    refused.vendor = QStringLiteral("wati");
    refused.httpStatus = 0;
    refused.reason = QStringLiteral("the vendor did not answer within 10 s");
    refused.latencyMs = 10001;
    EXPECT_EQ(refused.toSeedJsonText(), viaQJsonDocument(refused)); // an empty excerpt: "response" is the reason
    EXPECT_TRUE(refused.toSeedJsonText().contains(QLatin1String("\"response\":\"the vendor did not answer within 10 s\"")));

    VendorAnswer extremes;
    extremes.httpStatus = -1;
    extremes.latencyMs = (qint64(1) << 53) - 1; // the largest integer a JSON double holds exactly
    EXPECT_EQ(extremes.toSeedJsonText(), viaQJsonDocument(extremes));
}

TEST(VendorAnswerTest, SeedJsonTextEscapesHostileFieldsAsQJsonDocumentDoes)
{
    QRandomGenerator random(20261201);
    int wellFormed = 0;
    for (int round = 0; round < 3000; ++round) {
        const bool lone = round % 2 == 0;
        VendorAnswer a;
        a.vendor = hostileText(random, random.bounded(6), lone);
        a.accepted = random.bounded(2) == 1;
        a.httpStatus = random.bounded(600);
        a.vendorCode = hostileText(random, random.bounded(12), lone);
        a.messageId = hostileText(random, random.bounded(12), lone);
        a.reason = hostileText(random, random.bounded(40), lone);
        a.excerpt = random.bounded(3) == 0 ? QString() : hostileText(random, random.bounded(120), lone);
        a.latencyMs = random.bounded(qint64(1) << 40);
        const QString mine = a.toSeedJsonText();
        ASSERT_EQ(mine, viaQJsonDocument(a)) << "round " << round;
        ASSERT_TRUE(mine.startsWith(QLatin1String("{\"http_status\":"))) << "round " << round;
        // It parses, and reads back to the same object unless a field held a lone surrogate (which
        // UTF-8 cannot carry) or U+FEFF (Qt's parser drops it): QJsonDocument's own text does not read
        // back then either.
        QJsonParseError error{};
        const QJsonDocument back = QJsonDocument::fromJson(mine.toUtf8(), &error);
        ASSERT_EQ(error.error, QJsonParseError::NoError) << "round " << round;
        const QString all = a.vendor + a.vendorCode + a.messageId + a.reason + a.excerpt;
        if (QString::fromUtf8(all.toUtf8()) == all && !all.contains(QChar(0xfeff))) {
            ++wellFormed;
            ASSERT_EQ(back.object(), a.toSeedJson()) << "round " << round;
        }
    }
    EXPECT_GE(wellFormed, 500); // the read-back was exercised
}
