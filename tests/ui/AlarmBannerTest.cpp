#include "ConsoleFixture.h"

#include "DatabaseThread.h"

#include <QLabel>

using namespace otp;
using namespace otp::ui;

using AlarmBannerTest = otp::test::ConsoleFixture;

// Issue 13 step 4: a banner at the top of the window while an alarm is active, naming it in plain words,
// read by the periodic refresh on the worker thread; gone when the alarm clears.
TEST_F(AlarmBannerTest, ABannerNamesTheActiveAlarmAndGoesWhenItClears)
{
    MainWindow& w = window();
    w.setRoleRefreshInterval(50);
    auto* banner = w.findChild<QLabel*>(QStringLiteral("alarmBanner"));
    ASSERT_NE(banner, nullptr);
    // No alarm yet: a refresh comes back and the banner stays hidden.
    ASSERT_TRUE(waitFor([&]() { return m_thread->lastJobSucceeded(); }));
    EXPECT_FALSE(banner->isVisible());

    // The row AlarmMonitor::evaluate writes when gupshup's success rate falls under the threshold.
    const qint64 now = m_db.clock().nowMs();
    models::DatabaseThread* db = m_thread.get();
    db->post([db, now]() {
        db->session().insert(QStringLiteral("INSERT INTO alarms (tenant, rule, subject, observed, threshold, message, raised_at) "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                             {QStringLiteral("default"), QStringLiteral("vendor_success"), QStringLiteral("gupshup"),
                              QStringLiteral("12 %"), QStringLiteral("50 %"),
                              QStringLiteral("vendor gupshup accepted 3 of 25 tries in the last 15 min (12 %, under 50 %)"), now});
    });
    ASSERT_TRUE(waitFor([&]() { return banner->isVisible(); }));
    EXPECT_TRUE(banner->text().contains(QStringLiteral("gupshup success 12 % over 15 min (below 50 %)")))
        << banner->text().toStdString();
    EXPECT_LT(banner->mapTo(&w, QPoint(0, 0)).y(), w.height() / 4) << "the banner sits at the top";
    if (qEnvironmentVariableIsSet("OTP_UI_SCREENSHOTS"))
        w.grab().save(QStringLiteral("%1/alarm-banner.png").arg(qEnvironmentVariable("OTP_UI_SCREENSHOTS")));

    // The alarm clears (the monitor sets cleared_at): the next refresh takes the banner down.
    db->post([db, now]() {
        db->session().update(QStringLiteral("UPDATE alarms SET cleared_at = ? WHERE cleared_at IS NULL"), {now + 60000});
    });
    ASSERT_TRUE(waitFor([&]() { return !banner->isVisible(); }));
}
