#include "ConsoleFixture.h"

#include "ManualSendPage.h"
#include "ManualSender.h"

#include <QPushButton>

using namespace otp;
using namespace otp::ui;

using ManualSendPageTest = otp::test::ConsoleFixture;

// Issue 12, QA: the loop closes in Manual send — a Verify field, the last code kept after a refused
// resend, and countdowns on the buttons.
TEST_F(ManualSendPageTest, QaSendsIsRefusedAResendKeepsTheCodeAndVerifiesItHere)
{
    actAs(QStringLiteral("qa1"), QStringLiteral("qa"));
    MainWindow& w = window();
    w.showPage(MainWindow::ManualSend);
    ManualSendPage* page = w.manualSendPage();
    page->setDestination(QStringLiteral("98123 45777"));
    QSignalSpy sent(page->sender(), &models::ManualSender::finished);
    page->submit(false);
    ASSERT_TRUE(sent.wait(5000));
    const QString code = m_db.outbox().lastCodeFor(QStringLiteral("+919812345777"));
    ASSERT_TRUE(page->devMessageText().contains(code));

    m_db.clock().advanceS(4);
    page->submit(true); // within the cooldown: refused
    ASSERT_TRUE(sent.wait(5000));
    EXPECT_TRUE(page->outcomeText().contains(QStringLiteral("26 s"))) << page->outcomeText().toStdString();
    EXPECT_TRUE(page->devMessageText().contains(code)) << "the code still valid stays in view";
    EXPECT_EQ(page->resendButton()->text(), QStringLiteral("&Resend (in 26 s)"));
    m_db.clock().advanceS(20);
    page->tick();
    EXPECT_EQ(page->resendButton()->text(), QStringLiteral("&Resend (in 6 s)"));
    m_db.clock().advanceS(6);
    page->tick();
    EXPECT_EQ(page->resendButton()->text(), QStringLiteral("&Resend"));

    QSignalSpy verified(page->sender(), &models::ManualSender::verified);
    QString wrong = code;
    wrong[0] = code.at(0) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    page->verifyCode(wrong);
    ASSERT_TRUE(verified.wait(5000));
    EXPECT_TRUE(page->verifyText().contains(QStringLiteral("Wrong code; 2 attempts left."))) << page->verifyText().toStdString();
    page->verifyCode(code);
    ASSERT_TRUE(verified.wait(5000));
    EXPECT_TRUE(page->verifyText().contains(QStringLiteral("The code is correct."))) << page->verifyText().toStdString();
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'verify' AND actor = 'qa1'")), 2);
    if (qEnvironmentVariableIsSet("OTP_UI_SCREENSHOTS"))
        w.grab().save(QStringLiteral("%1/manual-send-verified.png").arg(qEnvironmentVariable("OTP_UI_SCREENSHOTS")));
}

// The audit: Send with no destination says so in words and sends nothing (it used to do nothing, silently).
TEST_F(ManualSendPageTest, AnEmptyDestinationSaysSoAndSendsNothing)
{
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::ManualSend);
    ManualSendPage* page = w.manualSendPage();
    page->setDestination(QStringLiteral("   "));
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("manualSendButton")), Qt::LeftButton);
    QApplication::processEvents();
    EXPECT_TRUE(page->outcomeText().contains(QStringLiteral("Nothing to send"))) << page->outcomeText().toStdString();
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM deliveries")), 0);
}
