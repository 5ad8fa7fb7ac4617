// Free text from people and callers is bounded by the core, with the same limits on every engine
// (issue 10 item 8, SECURITY.md row 23): too long is `invalid_input` naming the field and the limit,
// never `internal_error` on PostgreSQL / MariaDB and silently kept on SQLite. A value exactly at the
// limit is stored on every engine (the limits are the columns'). And a policy routes sends only to
// vendors that exist (issue 10 item 14).
#include "DestinationParser.h"
#include "InputLimits.h"
#include "OperatorStore.h"
#include "PolicyStore.h"
#include "TestDatabase.h"
#include "WrongCode.h"

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
const Actor kAdmin{QStringLiteral("asha"), QStringLiteral("admin")};
const QString kTenant = QStringLiteral("default");

std::string s(const Outcome& o)
{
    return (o.statusName() + QStringLiteral(": ") + o.message.left(300)).toStdString();
}

// invalid_input whose message names `field` and `limit`.
void expectTooLong(const Outcome& o, const QString& field, int limit)
{
    EXPECT_EQ(o.status, OutcomeStatus::InvalidInput) << s(o);
    EXPECT_TRUE(o.message.contains(field)) << "names the field: " << s(o);
    EXPECT_TRUE(o.message.contains(QString::number(limit))) << "names the limit: " << s(o);
    EXPECT_LT(o.message.size(), 1000) << "the text itself is not echoed";
}

class TextLimits : public ::testing::Test
{
protected:
    TestDatabase t;
    OtpService& svc = t.service();

    Outcome send(const QString& phone) { return svc.send({kTenant, phone, std::nullopt, Purpose::Login, {}}); }
    Outcome verify(const QString& phone, const QString& code) { return svc.verify({kTenant, phone, code, Purpose::Login}); }
    void lock(const QString& phone)
    {
        ASSERT_EQ(send(phone).status, OutcomeStatus::Sent);
        const QString code = t.outbox().lastCodeFor(phone);
        for (int i = 0; i < 3; ++i)
            verify(phone, wrongCode(code));
        ASSERT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM lockouts WHERE destination = ? AND released_at IS NULL"), {phone}), 1);
    }
    Outcome policy(const QMap<QString, QString>& values) { return svc.policySet(kTenant, std::nullopt, values, kAdmin); }
};
} // namespace

TEST_F(TextLimits, Security23_AHundredThousandCharacterUnlockReasonIsInvalidInput)
{
    const QString phone = QStringLiteral("+919876543210");
    lock(phone);
    expectTooLong(svc.unlock(kTenant, phone, kAdmin, QString(100000, QLatin1Char('r'))), QStringLiteral("reason"), InputLimits::kReason);
    expectTooLong(svc.unlock(kTenant, phone, kAdmin, QString(InputLimits::kReason + 1, QLatin1Char('r'))), QStringLiteral("reason"),
                  InputLimits::kReason);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM lockouts WHERE released_at IS NULL")), 1) << "still locked";
    const Outcome longest = svc.unlock(kTenant, phone, kAdmin, QString(InputLimits::kReason, QChar(0x00e9))); // é: 2 bytes in UTF-8
    EXPECT_EQ(longest.status, OutcomeStatus::Unlocked) << "a reason at the limit fits the column on every engine: " << s(longest);
}

TEST_F(TextLimits, Security23_AHundredThousandCharacterCancelReasonIsInvalidInput)
{
    const QString phone = QStringLiteral("+919876543211");
    ASSERT_EQ(send(phone).status, OutcomeStatus::Sent);
    expectTooLong(svc.cancel(kTenant, phone, Purpose::Login, kAdmin, QString(100000, QLatin1Char('c'))), QStringLiteral("reason"),
                  InputLimits::kReason);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE status = 'pending'")), 1) << "nothing was canceled";
    const Outcome ok = svc.cancel(kTenant, phone, Purpose::Login, kAdmin, QString(InputLimits::kReason, QLatin1Char('c')));
    EXPECT_EQ(ok.status, OutcomeStatus::Canceled) << s(ok);
}

TEST_F(TextLimits, PolicyValuesLongerThanTheColumnAreInvalidInput)
{
    // Every region there is, as an allow-list: far over 512 characters.
    QStringList regions;
    for (char a = 'A'; a <= 'Z'; ++a)
        for (char b = 'A'; b <= 'Z'; ++b)
            if (const QString r = QString(QLatin1Char(a)) + QLatin1Char(b); DestinationParser::isKnownRegion(r))
                regions << r;
    ASSERT_GT(regions.join(QLatin1Char(',')).size(), InputLimits::kPolicyValue);
    expectTooLong(policy({{QStringLiteral("allowed_countries"), regions.join(QLatin1Char(','))}}), QStringLiteral("allowed_countries"),
                  InputLimits::kPolicyValue);
    QStringList sixty;
    for (int i = 0; i < 60; ++i)
        sixty << QStringLiteral("vendor-%1").arg(i);
    expectTooLong(policy({{QStringLiteral("route_sms"), sixty.join(QLatin1Char(','))}}), QStringLiteral("route_sms"),
                  InputLimits::kPolicyValue);
    expectTooLong(policy({{QStringLiteral("allowed_countries"), QString(100000, QLatin1Char('I'))}}), QStringLiteral("allowed_countries"),
                  InputLimits::kPolicyValue);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM policies")), 0) << "nothing was written";
    // As many countries as fit.
    QStringList fitting;
    while ((fitting + QStringList{regions.value(fitting.size())}).join(QLatin1Char(',')).size() <= InputLimits::kPolicyValue)
        fitting << regions.value(fitting.size());
    const Outcome ok = policy({{QStringLiteral("allowed_countries"), fitting.join(QLatin1Char(','))}});
    EXPECT_EQ(ok.status, OutcomeStatus::Ok) << s(ok);
}

TEST_F(TextLimits, ProfileFieldsNameTheFieldAndTheLimit)
{
    const QString phone = QStringLiteral("+919876543212");
    ASSERT_EQ(send(phone).status, OutcomeStatus::Sent);
    ASSERT_EQ(verify(phone, t.outbox().lastCodeFor(phone)).status, OutcomeStatus::Verified);
    ProfileUpdate p;
    p.firstName = QString(InputLimits::kFirstName + 1, QLatin1Char('f'));
    expectTooLong(svc.updateProfile(kTenant, phone, p, kAdmin), QStringLiteral("first_name"), InputLimits::kFirstName);
    p = {};
    p.lastName = QString(100000, QLatin1Char('l'));
    expectTooLong(svc.updateProfile(kTenant, phone, p, kAdmin), QStringLiteral("last_name"), InputLimits::kLastName);
    p = {};
    p.address = QString(InputLimits::kAddress + 1, QLatin1Char('a'));
    expectTooLong(svc.updateProfile(kTenant, phone, p, kAdmin), QStringLiteral("address"), InputLimits::kAddress);
    p.firstName = QString(InputLimits::kFirstName, QChar(0x00e9));
    p.lastName = QString(InputLimits::kLastName, QChar(0x00e9));
    p.address = QString(InputLimits::kAddress, QChar(0x00e9));
    const Outcome ok = svc.updateProfile(kTenant, phone, p, kAdmin);
    EXPECT_EQ(ok.status, OutcomeStatus::Ok) << s(ok);
}

TEST_F(TextLimits, OperatorNamesAreBoundedByTheirColumns)
{
    OperatorStore ops(t.database().session());
    const qint64 now = t.clock().nowMs();
    expectTooLong(ops.set(QString(InputLimits::kOperatorLogin + 1, QLatin1Char('o')), QStringLiteral("qa"), {}, kAdmin, now),
                  QStringLiteral("login"), InputLimits::kOperatorLogin);
    expectTooLong(ops.set(QStringLiteral("ravi"), QStringLiteral("qa"), QString(100000, QLatin1Char('n')), kAdmin, now),
                  QStringLiteral("display name"), InputLimits::kOperatorName);
    EXPECT_EQ(ops.set(QString(InputLimits::kOperatorLogin, QLatin1Char('o')), QStringLiteral("qa"),
                      QString(InputLimits::kOperatorName, QChar(0x00e9)), kAdmin, now).status,
              OutcomeStatus::Ok);
}

TEST_F(TextLimits, VendorSecretNamesAndSettingsAreBounded)
{
    VendorConfig c;
    c.name = QStringLiteral("dev2");
    c.kind = QStringLiteral("dev");
    c.secretName = QString(InputLimits::kVendorSecretName + 1, QLatin1Char('s'));
    expectTooLong(svc.saveVendor(c, kAdmin), QStringLiteral("secret"), InputLimits::kVendorSecretName);
    c.secretName.clear();
    c.settings = {{QStringLiteral("outbox"), QString(100000, QLatin1Char('x'))}};
    expectTooLong(svc.saveVendor(c, kAdmin), QStringLiteral("settings"), InputLimits::kVendorSettingsBytes);
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM vendors")), 0);
}

// ---- routes name vendors that exist ---------------------------------------------------------------

namespace {
class WhatsAppOnly final : public DeliveryGateway
{
public:
    QString name() const override { return QStringLiteral("wa-only"); }
    bool supports(Channel c) const override { return c == Channel::WhatsApp; }
    VendorAnswer deliver(const OutgoingMessage&) override { return {}; }
};
} // namespace

TEST_F(TextLimits, ARouteNamingAVendorThatIsNotConfiguredIsRefused)
{
    const Outcome unknown = policy({{QStringLiteral("route_sms"), QStringLiteral("nonexistent")}});
    EXPECT_EQ(unknown.status, OutcomeStatus::InvalidInput) << s(unknown);
    EXPECT_TRUE(unknown.message.contains(QStringLiteral("nonexistent"))) << s(unknown);
    EXPECT_TRUE(svc.effectivePolicy(kTenant, Purpose::Login).routes.isEmpty()) << "nothing changed";
    EXPECT_EQ(policy({{QStringLiteral("route_sms"), QStringLiteral("dev")}}).status, OutcomeStatus::Ok);

    // A vendor of the vendors table counts although this process has not loaded it; a disabled one does not.
    VendorConfig c;
    c.name = QStringLiteral("gupshup-b");
    c.kind = QStringLiteral("gupshup");
    c.secretName = QStringLiteral("vendor/gupshup");
    c.settings = {{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9")}, {QStringLiteral("userid"), QStringLiteral("u")}};
    ASSERT_TRUE(svc.saveVendor(c, kAdmin).ok());
    const Outcome listed = policy({{QStringLiteral("route_sms"), QStringLiteral("gupshup-b,dev")}});
    EXPECT_EQ(listed.status, OutcomeStatus::Ok) << s(listed);
    c.enabled = false;
    ASSERT_TRUE(svc.saveVendor(c, kAdmin).ok());
    const Outcome disabled = policy({{QStringLiteral("route_sms"), QStringLiteral("gupshup-b")},
                                     {QStringLiteral("route_whatsapp"), QStringLiteral("dev")}});
    EXPECT_EQ(disabled.status, OutcomeStatus::InvalidInput) << s(disabled);
    EXPECT_TRUE(disabled.message.contains(QStringLiteral("gupshup-b"))) << s(disabled);
    EXPECT_TRUE(svc.effectivePolicy(kTenant, Purpose::Login).routes.value(QStringLiteral("whatsapp")).isEmpty())
        << "all or nothing";
}

TEST_F(TextLimits, ARouteOrFallbackToAChannelNoVendorDeliversIsRefused)
{
    GatewayRegistry only;
    only.add(std::make_shared<WhatsAppOnly>());
    SystemRandomSource random;
    OtpService service(t.database(), only, t.clock(), random, t.pepper());
    const Outcome wrongChannel = service.policySet(kTenant, std::nullopt, {{QStringLiteral("route_sms"), QStringLiteral("wa-only")}}, kAdmin);
    EXPECT_EQ(wrongChannel.status, OutcomeStatus::InvalidInput) << s(wrongChannel);
    EXPECT_TRUE(wrongChannel.message.contains(QStringLiteral("wa-only"))) << s(wrongChannel);
    const Outcome fallback = service.policySet(kTenant, std::nullopt, {{QStringLiteral("fallback_whatsapp"), QStringLiteral("sms")}}, kAdmin);
    EXPECT_EQ(fallback.status, OutcomeStatus::InvalidInput) << s(fallback);
    EXPECT_TRUE(fallback.message.contains(QStringLiteral("fallback_whatsapp"))) << s(fallback);
    EXPECT_EQ(service.policySet(kTenant, std::nullopt, {{QStringLiteral("route_whatsapp"), QStringLiteral("wa-only")},
                                                        {QStringLiteral("fallback_whatsapp"), QStringLiteral("none")}}, kAdmin).status,
              OutcomeStatus::Ok);
}
