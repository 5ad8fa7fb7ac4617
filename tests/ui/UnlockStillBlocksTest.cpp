#include "ConsoleFixture.h"

#include "LockoutsModel.h"
#include "LockoutsPage.h"
#include "UnlockDialog.h"

#include <QLabel>
#include <QTableView>

using namespace otp;
using namespace otp::ui;

class UnlockStillBlocksTest : public otp::test::ConsoleFixture
{
protected:
    // Unlocks the only lockout through the page's dialog and returns the line under the table.
    QString unlockOnPage(LockoutsPage* page)
    {
        page->refresh();
        EXPECT_TRUE(waitFor([&]() { return page->model()->rowCount() == 1; }));
        page->mainTable()->selectRow(0);
        UnlockDialog* dialog = page->requestUnlock();
        EXPECT_NE(dialog, nullptr);
        if (!dialog)
            return {};
        dialog->setReason(QStringLiteral("caller verified on a recorded line"));
        QSignalSpy after(page->model(), &models::LockoutsModel::statusAfterUnlock);
        dialog->accept();
        EXPECT_TRUE(after.wait(5000));
        QApplication::processEvents();
        return page->resultLabel()->text();
    }
};

// Issue 12, admin: after an unlock, say what still blocks the next code (status() right after it).
TEST_F(UnlockStillBlocksTest, AfterAnUnlockTheCooldownStillHoldingIsNamedWithItsTime)
{
    lockOut(QStringLiteral("+919812345210")); // one send, three wrong codes: locked, and the 30 s cooldown runs
    m_db.clock().advanceS(10);
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::Lockouts);
    w.resize(1366, 768);
    const QString text = unlockOnPage(w.lockoutsPage());
    if (qEnvironmentVariableIsSet("OTP_UI_SCREENSHOTS"))
        w.grab().save(QStringLiteral("%1/lockouts-still-blocks.png").arg(qEnvironmentVariable("OTP_UI_SCREENSHOTS")));
    EXPECT_TRUE(text.startsWith(QStringLiteral("Unlocked, but the next code must still wait: the cooldown between sends until ")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("(20 s)"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("It can be sent from "))) << text.toStdString();
    EXPECT_TRUE(text.endsWith(QStringLiteral("(in 20 s)."))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("lockout"))) << "the lockout just released is not named";
}

TEST_F(UnlockStillBlocksTest, AfterAnUnlockWithNothingElseHoldingItSaysACodeCanGoNow)
{
    lockOut(QStringLiteral("+919812345210"));
    m_db.clock().advanceS(60); // the cooldown is over; the lockout (15 min) still holds
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::Lockouts);
    EXPECT_EQ(unlockOnPage(w.lockoutsPage()), QStringLiteral("Unlocked. Nothing else blocks the next code: it can be sent now."));
}

TEST_F(UnlockStillBlocksTest, AfterAnUnlockTheHourlyCapIsNamed)
{
    // Three sends in the hour (the cap), the last one followed by three wrong codes.
    const QString phone = QStringLiteral("+919812345210");
    for (int i = 0; i < 2; ++i) {
        SendRequest r;
        r.destination = phone;
        ASSERT_EQ(i == 0 ? m_db.service().send(r).status : m_db.service().resend(r).status, OutcomeStatus::Sent);
        m_db.clock().advanceS(60);
    }
    SendRequest r;
    r.destination = phone;
    const Outcome third = m_db.service().resend(r);
    ASSERT_EQ(third.status, OutcomeStatus::Sent) << third.message.toStdString();
    for (int i = 0; i < 3; ++i) {
        VerifyRequest v;
        v.destination = phone;
        v.code = wrongCodeFor(third.destination);
        m_db.service().verify(v);
    }
    ASSERT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM lockouts WHERE released_at IS NULL")), 1);
    m_db.clock().advanceS(60);
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::Lockouts);
    const QString text = unlockOnPage(w.lockoutsPage());
    EXPECT_TRUE(text.contains(QStringLiteral("the hourly send cap until "))) << text.toStdString();
    // The first send leaves the hour 60 min after it was made: 60 - 3 min from now.
    EXPECT_TRUE(text.endsWith(QStringLiteral("(in 57 min)."))) << text.toStdString();
}
