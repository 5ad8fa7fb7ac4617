// Message templates through the core (issue 15 item 5): validated first, refused when an SMS text would break a
// Gupshup vendor's DLT registration (naming the vendor), audited, and used by the next send in the policy's
// language with the policy's app name.
#include "TestDatabase.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
const Actor kAdmin{QStringLiteral("asha"), QStringLiteral("admin")};

MessageTemplate text(const QString& language, const QString& body)
{
    MessageTemplate t;
    t.tenant = QStringLiteral("default");
    t.purpose = Purpose::Login;
    t.channel = Channel::Sms;
    t.language = language;
    t.body = body;
    return t;
}
} // namespace

TEST(TemplateFlow, TheNextSendUsesTheTenantsTextInThePolicysLanguage)
{
    TestDatabase db;
    OtpService& svc = db.service();
    ASSERT_TRUE(svc.saveTemplate(text(QStringLiteral("hi"), QStringLiteral("{app} का OTP {code} है, {minutes} मिनट")), kAdmin).ok());
    ASSERT_TRUE(svc.policySet(QStringLiteral("default"), std::nullopt,
                              {{QStringLiteral("message_language"), QStringLiteral("hi")}, {QStringLiteral("app_name"), QStringLiteral("Acme")}},
                              kAdmin).ok());
    const QString phone = QStringLiteral("+919812345678");
    ASSERT_EQ(svc.send({QStringLiteral("default"), phone}).status, OutcomeStatus::Sent);
    const QString code = db.outbox().lastCodeFor(phone);
    ASSERT_FALSE(code.isEmpty());
    const QString body = db.outbox().messages().last().value(QStringLiteral("body")).toString();
    EXPECT_EQ(body, QStringLiteral("Acme का OTP %1 है, 5 मिनट").arg(code));
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'template_set' AND target = 'login/sms/hi'")), 1);
    for (const QString& row : db.dumpAllText())
        EXPECT_FALSE(row.contains(code)) << "the rendered text (with its code) is stored nowhere";

    // Removing it brings the shipped Hindi text back.
    ASSERT_TRUE(svc.removeTemplate(QStringLiteral("default"), Purpose::Login, Channel::Sms, QStringLiteral("hi"), kAdmin).ok());
    db.clock().advanceMs(31'000);
    ASSERT_EQ(svc.resend({QStringLiteral("default"), phone}).status, OutcomeStatus::Sent);
    EXPECT_TRUE(db.outbox().messages().last().value(QStringLiteral("body")).toString().startsWith(QStringLiteral("Acme के लिए आपका OTP")));
}

TEST(TemplateFlow, RefusesWhatWouldNotArriveAndWritesNothing)
{
    TestDatabase db;
    OtpService& svc = db.service();
    VendorConfig g;
    g.name = QStringLiteral("gupshup-in");
    g.kind = QStringLiteral("gupshup");
    g.secretName = QStringLiteral("vendor/gupshup");
    g.settings = {{QStringLiteral("base_url"), QStringLiteral("https://enterprise.smsgupshup.com")},
                  {QStringLiteral("userid"), QStringLiteral("2000123")},
                  {QStringLiteral("principal_entity_id"), QStringLiteral("1101")},
                  {QStringLiteral("dlt_template_id"), QStringLiteral("1107161")},
                  {QStringLiteral("dlt_template_text"), QStringLiteral("Your OTP for {#var#} is {#var#}. - ACME")}};
    const Outcome saved = svc.saveVendor(g, kAdmin);
    ASSERT_TRUE(saved.ok()) << qPrintable(saved.message);

    const Outcome dlt = svc.saveTemplate(text(QStringLiteral("en"), QStringLiteral("Your code for {app} is {code}. - ACME")), kAdmin);
    EXPECT_EQ(dlt.status, OutcomeStatus::InvalidInput);
    EXPECT_TRUE(dlt.message.contains(QStringLiteral("gupshup-in")) && dlt.message.contains(QStringLiteral("1107161")))
        << qPrintable(dlt.message);
    EXPECT_TRUE(svc.saveTemplate(text(QStringLiteral("en"), QStringLiteral("Your OTP for {app} is {code}. - ACME")), kAdmin).ok())
        << "the registered wording is accepted";
    MessageTemplate email = text(QStringLiteral("en"), QStringLiteral("Code {code}"));
    email.channel = Channel::Email;
    EXPECT_TRUE(svc.saveTemplate(email, kAdmin).ok()) << "DLT is about SMS only";

    EXPECT_EQ(svc.saveTemplate(text(QStringLiteral("en"), QStringLiteral("no code")), kAdmin).status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(svc.saveTemplate(text(QStringLiteral("english"), QStringLiteral("{code}")), kAdmin).status, OutcomeStatus::InvalidInput);
    MessageTemplate otherTenant = text(QStringLiteral("en"), QStringLiteral("{code}"));
    otherTenant.tenant = QStringLiteral("bad tenant!");
    EXPECT_EQ(svc.saveTemplate(otherTenant, kAdmin).status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM message_templates")), 2);
    EXPECT_EQ(svc.removeTemplate(QStringLiteral("default"), Purpose::Login, Channel::Sms, QStringLiteral("ta"), kAdmin).status,
              OutcomeStatus::InvalidInput);

    const Outcome listed = svc.templates(QStringLiteral("default"));
    ASSERT_TRUE(listed.ok());
    int own = 0;
    for (const QJsonValue& v : listed.details.value(QStringLiteral("templates")).toArray())
        own += v.toObject().value(QStringLiteral("built_in")).toBool() ? 0 : 1;
    EXPECT_EQ(own, 2);
    EXPECT_EQ(listed.details.value(QStringLiteral("templates")).toArray().size(), 4 * 3 * 3);
}
