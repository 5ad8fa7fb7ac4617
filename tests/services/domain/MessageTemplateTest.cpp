// Message templates (issue 15 item 5): what a body may hold, how it renders, and the DLT word-for-word rule.
#include "MessageTemplate.h"

#include <gtest/gtest.h>

using namespace otp;
namespace T = otp::MessageTemplates;

TEST(MessageTemplate, RendersEachPlaceholderOnceAndNeverAValueTwice)
{
    const QString body = QStringLiteral("{app}: your {purpose} code is {code}, valid {minutes} min.");
    EXPECT_EQ(T::render(body, QStringLiteral("482913"), 5, QStringLiteral("Acme"), Purpose::PasswordReset),
              QStringLiteral("Acme: your password reset code is 482913, valid 5 min."));
    // An app name that looks like a placeholder is text, not a second {code}.
    EXPECT_EQ(T::render(QStringLiteral("{app} {code}"), QStringLiteral("1234"), 5, QStringLiteral("{code}"), Purpose::Login),
              QStringLiteral("{code} 1234"));
}

TEST(MessageTemplate, RefusesBodiesThatWouldNotCarryOneCode)
{
    EXPECT_TRUE(T::problem(QStringLiteral("Code {code}")).isEmpty());
    EXPECT_TRUE(T::problem(QStringLiteral("")).contains(QStringLiteral("empty")));
    EXPECT_TRUE(T::problem(QStringLiteral("Hello {minutes}")).contains(QStringLiteral("no {code}")));
    EXPECT_TRUE(T::problem(QStringLiteral("{code} {code}")).contains(QStringLiteral("2 times")));
    const QString unknown = T::problem(QStringLiteral("{code} {name} {otp}"));
    EXPECT_TRUE(unknown.contains(QStringLiteral("{name}")) && unknown.contains(QStringLiteral("{otp}"))) << qPrintable(unknown);
    EXPECT_TRUE(T::problem(QStringLiteral("{code}") + QString(T::kMaxBodyChars, QLatin1Char('x'))).contains(QStringLiteral("at most")));
    EXPECT_TRUE(T::problem(QStringLiteral("{code}\x07")).contains(QStringLiteral("control character")));
    EXPECT_TRUE(T::languageProblem(QStringLiteral("hi")).isEmpty());
    EXPECT_FALSE(T::languageProblem(QStringLiteral("hindi")).isEmpty());
    EXPECT_FALSE(T::languageProblem(QStringLiteral("EN")).isEmpty());
}

TEST(MessageTemplate, ShippedTextsAreValidInEveryLanguage)
{
    for (const QString& lang : T::shippedLanguages()) {
        const QString body = T::builtInBody(Purpose::Login, Channel::Sms, lang);
        EXPECT_TRUE(T::problem(body).isEmpty()) << qPrintable(lang);
        EXPECT_TRUE(T::render(body, QStringLiteral("482913"), 5, QStringLiteral("Acme"), Purpose::Login).contains(QStringLiteral("482913")));
    }
    EXPECT_TRUE(T::builtInBody(Purpose::Login, Channel::Sms, QStringLiteral("hi")).contains(QStringLiteral("मिनट")));
    EXPECT_EQ(T::builtInBody(Purpose::Login, Channel::Sms, QStringLiteral("fr")), T::builtInBody(Purpose::Login, Channel::Sms, QStringLiteral("en")));
}

TEST(MessageTemplate, DltRegistrationIsMatchedWordForWord)
{
    const QString registered = QStringLiteral("Your OTP for {#var#} is {#var#}. Valid for {#var#} minutes. - ACME");
    EXPECT_TRUE(T::dltProblem(registered, QStringLiteral("Your OTP for {app} is {code}. Valid for {minutes} minutes. - ACME"),
                              Purpose::Login).isEmpty());
    // One word changed, or a variable where the registration has fixed text: refused, naming the registration.
    const QString changed = T::dltProblem(registered, QStringLiteral("Your code for {app} is {code}. Valid for {minutes} minutes. - ACME"), Purpose::Login);
    EXPECT_TRUE(changed.contains(QStringLiteral("word for word")) && changed.contains(QStringLiteral("- ACME"))) << qPrintable(changed);
    EXPECT_FALSE(T::dltProblem(QStringLiteral("Your OTP is {#var#}. - ACME"), QStringLiteral("Your OTP is {code}. - {app}"), Purpose::Login).isEmpty());
    EXPECT_FALSE(T::matchesDlt(QStringLiteral("OTP {#var#}"), QStringLiteral("OTP ") + QString(31, QLatin1Char('1'))))
        << "a variable stands for at most 30 characters";
}
