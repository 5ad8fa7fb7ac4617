#include "ConsoleFixture.h"

#include "LockoutsPage.h"
#include "ManualSendPage.h"
#include "OperatorStore.h"

#include <QPushButton>

using namespace otp;
using namespace otp::ui;

using RoleChangeTest = otp::test::ConsoleFixture;

// Issue 12, QA: the role comes from `operators`, but a change needed a restart.
TEST_F(RoleChangeTest, ARoleSetInTheOperatorsTableAppliesWithoutARestart)
{
    MainWindow& w = window();
    w.setRoleRefreshInterval(20);
    QSignalSpy changed(&w, &MainWindow::operatorChanged);
    w.resolveOperator(QStringLiteral("priya"));
    ASSERT_TRUE(changed.wait(5000));
    EXPECT_EQ(w.operatorInfo().permissions.roleName(), QStringLiteral("support"));
    EXPECT_FALSE(w.manualSendPage()->findChild<QPushButton*>(QStringLiteral("manualSendButton"))->isEnabled());

    // What `otpctl operators set priya --role qa` does, from another connection.
    const Outcome set = OperatorStore(m_db.database().session())
                            .set(QStringLiteral("priya"), QStringLiteral("qa"), QStringLiteral("Priya"),
                                 Actor{QStringLiteral("meera"), QStringLiteral("admin")}, m_db.clock().nowMs());
    ASSERT_TRUE(set.ok()) << set.message.toStdString();
    ASSERT_TRUE(waitFor([&]() { return w.operatorInfo().permissions.roleName() == QLatin1String("qa"); }));
    EXPECT_TRUE(w.manualSendPage()->findChild<QPushButton*>(QStringLiteral("manualSendButton"))->isEnabled());
    EXPECT_FALSE(w.lockoutsPage()->unlockButton()->isVisible());
}
