// `otp-console --lang CODE`: app/console/main.cpp only copies the option into
// ConsoleSession::Options::language and starts ConsoleApp with it, so the option's behaviour is tested
// here, on that path: the console starts in that language for this run, and the language saved in
// Settings (what the next run without --lang opens in) stays as it was.

#include "ConsoleApp.h"
#include "DashboardPage.h"
#include "MainWindow.h"

#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace otp;
using namespace otp::ui;

namespace {

bool hasScript(const QString& text, char16_t first, char16_t last)
{
    for (QChar c : text)
        if (c.unicode() >= first && c.unicode() <= last)
            return true;
    return false;
}

class LanguageOptionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QSettings().clear();
        qputenv("OTP_PEPPER", "language-option-test-pepper-0123456789abcdef");
        qputenv("OTP_SECRETS", "env");
        qunsetenv("OTP_DB");
    }
    void TearDown() override
    {
        QSettings().clear();
        qunsetenv("OTP_PEPPER");
        qunsetenv("OTP_SECRETS");
    }
    // As main.cpp fills the options from its command line.
    ConsoleSession::Options options(const QString& lang) const
    {
        ConsoleSession::Options o;
        o.databaseUrl = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("otp.db"));
        o.operatorLogin = QStringLiteral("support1");
        o.deliver = false;
        o.language = lang;
        return o;
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(LanguageOptionTest, LangAppliesToThisRunAndLeavesTheSavedLanguage)
{
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("hi"));
    {
        ConsoleApp app;
        QString error;
        ASSERT_TRUE(app.start(options(QStringLiteral("ta")), &error)) << error.toStdString();
        MainWindow& w = app.session()->window();
        const QString title = w.dashboardPage()->title();
        EXPECT_TRUE(hasScript(title, 0x0B80, 0x0BFF)) << "not Tamil: " << title.toStdString();
        // Closing saves the window's settings: the language saved is still the one chosen in Settings.
        w.close();
        QSettings().sync();
        EXPECT_EQ(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("hi"));
    }
    // The next run without --lang opens in the saved language.
    {
        ConsoleApp app;
        QString error;
        ASSERT_TRUE(app.start(options(QString()), &error)) << error.toStdString();
        MainWindow& w = app.session()->window();
        const QString title = w.dashboardPage()->title();
        EXPECT_TRUE(hasScript(title, 0x0900, 0x097F)) << "not Hindi: " << title.toStdString();
        w.close();
    }
    EXPECT_EQ(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("hi"));
}
