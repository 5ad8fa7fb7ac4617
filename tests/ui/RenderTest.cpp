#include "ConsoleFixture.h"

#include "AuditModel.h"
#include "AuditPage.h"
#include "DashboardModel.h"
#include "DashboardPage.h"
#include "LiveSendsModel.h"
#include "LiveSendsPage.h"
#include "LockoutsModel.h"
#include "LockoutsPage.h"
#include "PhoneLookup.h"
#include "PhoneLookupPage.h"
#include "PolicyModel.h"
#include "SettingsPage.h"
#include "StatusText.h"
#include "TimelineModel.h"

#include <QDir>
#include <QImage>
#include <QListWidget>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace otp;
using namespace otp::ui;

namespace {
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            colours.insert(img.pixel(x, y));
    return int(colours.size());
}
} // namespace

class RenderTest : public otp::test::ConsoleFixture
{
protected:
    void seed()
    {
        // A morning of traffic: verified logins, an unused code, a lockout, a refused delivery.
        for (int i = 0; i < 12; ++i) {
            const QString phone = QStringLiteral("+9198123456%1").arg(10 + i);
            ASSERT_EQ(sendTo(phone).status, OutcomeStatus::Sent);
            if (i % 3 != 2) {
                VerifyRequest v;
                v.destination = phone;
                v.code = m_db.outbox().lastCodeFor(phone);
                m_db.service().verify(v);
            }
            m_db.clock().advanceS(20);
        }
        lockOut(QStringLiteral("+919812345210"));
        SendRequest email;
        email.destination = QStringLiteral("asha@example.com");
        m_db.service().send(email, Actor{QStringLiteral("qa1"), QStringLiteral("qa")});
    }

    QString screenshotDir()
    {
        const QString fromEnv = qEnvironmentVariable("OTP_UI_SCREENSHOTS");
        if (!fromEnv.isEmpty()) {
            QDir().mkpath(fromEnv);
            return fromEnv;
        }
        return m_shots.path();
    }

    QTemporaryDir m_shots;
};

TEST_F(RenderTest, EveryPageRendersWithSeededDataAndIsNotBlank)
{
    seed();
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    ASSERT_TRUE(waitFor([&]() { return w.liveSendsPage()->model()->rowCount() >= 13; }));
    ASSERT_TRUE(waitFor([&]() { return w.dashboardPage()->model()->snapshot().totalSends() >= 13; }));
    ASSERT_TRUE(waitFor([&]() { return w.lockoutsPage()->model()->rowCount() == 1; }));
    ASSERT_TRUE(waitFor([&]() { return w.auditPage()->model()->rowCount() >= 1; }));
    ASSERT_TRUE(waitFor([&]() { return w.settingsPage()->policy()->rowCount() > 5; }));
    w.phoneLookupPage()->lookup(QStringLiteral("default"), QStringLiteral("98123 45210"));
    ASSERT_TRUE(waitFor([&]() { return w.phoneLookupPage()->timeline()->rowCount() >= 3; }));

    const QString dir = screenshotDir();
    for (int p = 0; p < MainWindow::PageCount; ++p) {
        w.showPage(MainWindow::Page(p));
        QApplication::processEvents();
        const QImage shot = w.grab().toImage();
        const QString file = QStringLiteral("%1/%2.png").arg(dir, w.page(MainWindow::Page(p))->settingsKey());
        ASSERT_TRUE(shot.save(file));
        // A blank or half-drawn page has a handful of colours; a drawn table or chart has many.
        EXPECT_GT(distinctColours(shot), 40) << file.toStdString();
        const QImage pageOnly = w.page(MainWindow::Page(p))->grab().toImage();
        EXPECT_GT(distinctColours(pageOnly), 20) << "page " << p;
    }

    // Dark theme renders too.
    w.setTheme(QStringLiteral("dark"));
    w.showPage(MainWindow::Dashboard);
    ASSERT_TRUE(waitFor([&]() { return w.dashboardPage()->model()->snapshot().totalSends() >= 13; }));
    QApplication::processEvents();
    const QImage dark = w.grab().toImage();
    dark.save(QStringLiteral("%1/dashboard-dark.png").arg(dir));
    EXPECT_GT(distinctColours(dark), 40);
    EXPECT_LT(qGray(dark.pixel(dark.width() / 2, dark.height() - 5)), 128) << "the status bar should be dark";
    w.setTheme(QStringLiteral("light"));
}

TEST_F(RenderTest, LanguageSwitchesAtRuntime)
{
    MainWindow& w = window();
    auto* sidebar = w.findChild<QListWidget*>(QStringLiteral("sidebar"));
    ASSERT_NE(sidebar, nullptr);
    const QString english = sidebar->item(0)->text();
    EXPECT_EQ(english, QStringLiteral("Live sends"));
    // LanguageChange reaches top-level widgets as a posted event: let the loop deliver it.
    w.setLanguage(QStringLiteral("hi"));
    EXPECT_TRUE(waitFor([&]() { return sidebar->item(0)->text() == QString::fromUtf8("लाइव भेजे गए"); }))
        << sidebar->item(0)->text().toStdString();
    EXPECT_NE(w.liveSendsPage()->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Time"));
    QApplication::processEvents();
    if (qEnvironmentVariableIsSet("OTP_UI_SCREENSHOTS"))
        w.grab().save(QStringLiteral("%1/live-hi.png").arg(qEnvironmentVariable("OTP_UI_SCREENSHOTS")));
    // The core's outcomes too: the console words them in the operator's language.
    Outcome locked = Outcome::make(OutcomeStatus::Locked, QStringLiteral("this destination is locked (too_many_attempts)"));
    locked.retryAfterS = 600;
    const QString hindi = models::StatusText::outcome(locked);
    EXPECT_NE(hindi, QStringLiteral("Locked after too many wrong codes; unlocks in 10 min."));
    EXPECT_TRUE(hindi.contains(QRegularExpression(QStringLiteral("[\\x{0900}-\\x{097F}]")))) << hindi.toStdString();
    EXPECT_FALSE(hindi.contains(QStringLiteral("locked"))) << hindi.toStdString();
    w.setLanguage(QStringLiteral("ta"));
    EXPECT_TRUE(waitFor([&]() { return sidebar->item(0)->text() == QString::fromUtf8("நேரடி அனுப்புதல்கள்"); }));
    w.setLanguage(QStringLiteral("en"));
    EXPECT_TRUE(waitFor([&]() { return sidebar->item(0)->text() == english; }));
}
