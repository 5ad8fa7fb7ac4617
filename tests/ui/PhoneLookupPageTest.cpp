#include "ConsoleFixture.h"

#include "ElidedCellDelegate.h"
#include "LiveSendsModel.h"
#include "LiveSendsPage.h"
#include "LockoutsPage.h"
#include "PhoneLookup.h"
#include "PhoneLookupPage.h"
#include "TimelineModel.h"
#include "UnlockDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStyleOptionViewItem>
#include <QTableView>

using namespace otp;
using namespace otp::ui;

using PhoneLookupPageTest = otp::test::ConsoleFixture;

namespace {
SendRequest registrationTo(const QString& phone)
{
    SendRequest r;
    r.destination = phone;
    r.purpose = Purpose::Registration;
    return r;
}
} // namespace

// Issue 12, support: "in 6 s" stayed after the time passed; the lookup must tick with the clock.
TEST_F(PhoneLookupPageTest, TheTimeLeftTicksWithTheClockAndNamesTheBlockerAndTheNextStep)
{
    actAs(QStringLiteral("sam"), QStringLiteral("support"));
    MainWindow& w = window();
    w.showPage(MainWindow::PhoneLookup);
    PhoneLookupPage* page = w.phoneLookupPage();
    ASSERT_EQ(sendTo(QStringLiteral("+919812345210")).status, OutcomeStatus::Sent);
    m_db.clock().advanceS(4);
    QSignalSpy done(page->lookupService(), &models::PhoneLookup::finished);
    page->lookup(QStringLiteral("default"), QStringLiteral("+919812345210"));
    ASSERT_TRUE(done.wait(5000));
    EXPECT_TRUE(page->summaryText().contains(QStringLiteral("(in 26 s), when the cooldown between sends ends")))
        << page->summaryText().toStdString();
    EXPECT_TRUE(page->summaryText().contains(QStringLiteral("Wait 26 s, then ask for a new code."))) << page->summaryText().toStdString();

    m_db.clock().advanceS(20);
    page->tick();
    EXPECT_TRUE(page->summaryText().contains(QStringLiteral("(in 6 s)"))) << page->summaryText().toStdString();

    // The time is up: the page reads again by itself and says a code can go.
    m_db.clock().advanceS(7);
    page->tick();
    ASSERT_TRUE(waitFor([&]() { return page->summaryText().contains(QStringLiteral("A new code can be sent now.")); }))
        << page->summaryText().toStdString();
}

// Issue 12, support: another window said "Locked" two minutes after an admin unlocked.
TEST_F(PhoneLookupPageTest, AnUnlockByAnotherProcessShowsWithoutRefreshing)
{
    actAs(QStringLiteral("sam"), QStringLiteral("support"));
    MainWindow& w = window();
    w.showPage(MainWindow::PhoneLookup);
    PhoneLookupPage* page = w.phoneLookupPage();
    lockOut(QStringLiteral("+919812345210"));
    m_db.clock().advanceS(40); // past the cooldown: only the lockout holds
    QSignalSpy done(page->lookupService(), &models::PhoneLookup::finished);
    page->lookup(QStringLiteral("default"), QStringLiteral("+919812345210"));
    ASSERT_TRUE(done.wait(5000));
    EXPECT_TRUE(page->summaryText().contains(QStringLiteral("when the lockout ends"))) << page->summaryText().toStdString();
    EXPECT_TRUE(page->summaryText().contains(QStringLiteral("ask an admin to unlock"))) << page->summaryText().toStdString();
    EXPECT_FALSE(page->unlockButton()->isVisible()) << "support cannot unlock";

    const Outcome unlocked = m_db.service().unlock(QStringLiteral("default"), QStringLiteral("+919812345210"),
                                                   Actor{QStringLiteral("meera"), QStringLiteral("admin")},
                                                   QStringLiteral("caller verified"));
    ASSERT_EQ(unlocked.status, OutcomeStatus::Unlocked);
    page->setRefreshInterval(20);
    ASSERT_TRUE(waitFor([&]() { return page->summaryText().contains(QStringLiteral("A new code can be sent now.")); }))
        << page->summaryText().toStdString();
    // …and the timeline tells the unlock in words.
    QStringList events;
    for (int i = 0; i < page->timeline()->rowCount(); ++i)
        events << page->timeline()->index(i, models::TimelineModel::Event).data().toString() + QLatin1String(" / ") +
                      page->timeline()->index(i, models::TimelineModel::Detail).data().toString();
    EXPECT_TRUE(events.first().startsWith(QStringLiteral("unlocked by meera (admin) / reason: caller verified"))) << events.join('\n').toStdString();
}

// Issue 12, admin: Unlock from the lookup too, and say what still blocks afterwards.
TEST_F(PhoneLookupPageTest, AnAdminUnlocksFromTheLookupAndIsToldWhatStillBlocks)
{
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::PhoneLookup);
    PhoneLookupPage* page = w.phoneLookupPage();
    lockOut(QStringLiteral("+919812345210")); // the cooldown of its send still runs
    QSignalSpy done(page->lookupService(), &models::PhoneLookup::finished);
    page->lookup(QStringLiteral("default"), QStringLiteral("+919812345210"));
    ASSERT_TRUE(done.wait(5000));
    ASSERT_TRUE(page->unlockButton()->isVisible());
    EXPECT_TRUE(page->summaryText().contains(QStringLiteral("unlock (button below)"))) << page->summaryText().toStdString();
    QTest::mouseClick(page->unlockButton(), Qt::LeftButton);
    auto* dialog = page->findChild<UnlockDialog*>();
    ASSERT_NE(dialog, nullptr);
    dialog->setReason(QStringLiteral("caller verified on a recorded line"));
    dialog->accept();
    ASSERT_TRUE(waitFor([&]() { return page->noticeText().startsWith(QStringLiteral("Unlocked. Still blocking")); }))
        << page->noticeText().toStdString();
    EXPECT_TRUE(page->noticeText().contains(QStringLiteral("the cooldown between sends"))) << page->noticeText().toStdString();
    EXPECT_FALSE(page->unlockButton()->isVisible());
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'unlock' AND actor = 'meera'")), 1);
}

// Issue 12, support: double-clicking a registration row did not switch purpose, and put the full
// number in the lookup field for a role that sees it masked.
TEST_F(PhoneLookupPageTest, ADoubleClickedRowOpensItsPurposeWithTheNumberStillMasked)
{
    actAs(QStringLiteral("sam"), QStringLiteral("support"));
    MainWindow& w = window();
    ASSERT_EQ(m_db.service().send(registrationTo(QStringLiteral("+919812345210"))).status, OutcomeStatus::Sent);
    w.showPage(MainWindow::LiveSends);
    LiveSendsPage* live = w.liveSendsPage();
    ASSERT_TRUE(waitFor([&]() { return live->model()->rowCount() == 1; }));
    QTableView* table = live->mainTable();
    const QRect cell = table->visualRect(table->model()->index(0, models::LiveSendsModel::Destination));
    PhoneLookupPage* page = w.phoneLookupPage();
    QSignalSpy done(page->lookupService(), &models::PhoneLookup::finished);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center()); // a double-click opens a pressed index
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    ASSERT_TRUE(done.wait(5000));
    EXPECT_EQ(w.currentPage(), MainWindow::PhoneLookup);
    EXPECT_EQ(page->inputText(), QString::fromUtf8("+91 98•••••210"));
    EXPECT_FALSE(page->summaryText().contains(QStringLiteral("9812345210")));
    EXPECT_EQ(page->currentPurpose(), Purpose::Registration);
    EXPECT_EQ(page->lookupService()->report().status.destination, QStringLiteral("+919812345210"));
    EXPECT_TRUE(page->summaryText().contains(QStringLiteral("Latest registration code"))) << page->summaryText().toStdString();
    EXPECT_FALSE(page->summaryText().contains(QStringLiteral("none requested yet"))) << page->summaryText().toStdString();

    // Switched to login, the registration stays in view beside it.
    page->findChild<QComboBox*>(QStringLiteral("lookupPurpose"))->setCurrentIndex(0);
    ASSERT_TRUE(done.wait(5000));
    EXPECT_EQ(page->currentPurpose(), Purpose::Login);
    EXPECT_TRUE(page->summaryText().contains(QStringLiteral("Latest login code"))) << page->summaryText().toStdString();
    EXPECT_TRUE(page->summaryText().contains(QStringLiteral("Latest registration code"))) << page->summaryText().toStdString();
    // A double-click on the registration in the timeline follows it back.
    QTableView* timeline = page->mainTable();
    const QRect row = timeline->visualRect(timeline->model()->index(timeline->model()->rowCount() - 1, models::TimelineModel::Event));
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, row.center());
    QTest::mouseDClick(timeline->viewport(), Qt::LeftButton, {}, row.center());
    ASSERT_TRUE(done.wait(5000));
    EXPECT_EQ(page->currentPurpose(), Purpose::Registration);
}

// Issue 12, support: Ctrl+4 typed into Tenant; a sidebar click left focus nowhere.
TEST_F(PhoneLookupPageTest, CtrlNumberPutsTheKeyboardInEachPagesMainField)
{
    MainWindow& w = window();
    w.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
    EXPECT_EQ(w.currentPage(), MainWindow::PhoneLookup);
    EXPECT_EQ(QApplication::focusWidget(), w.findChild<QLineEdit*>(QStringLiteral("lookupInput")));
    QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
    EXPECT_EQ(QApplication::focusWidget(), w.findChild<QLineEdit*>(QStringLiteral("searchFilter")));
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    EXPECT_EQ(QApplication::focusWidget(), w.lockoutsPage()->mainTable());
}

// Issue 12, everywhere: an empty destination says so.
TEST_F(PhoneLookupPageTest, AnEmptyDestinationSaysSo)
{
    MainWindow& w = window();
    w.showPage(MainWindow::PhoneLookup);
    QTest::keyClick(w.findChild<QLineEdit*>(QStringLiteral("lookupInput")), Qt::Key_Return);
    EXPECT_TRUE(w.phoneLookupPage()->summaryText().contains(QStringLiteral("Nothing to look up"))) << w.phoneLookupPage()->summaryText().toStdString();
}

// Issue 12, support: each wrong guess is on the lookup's timeline, "Wrong code (attempt 2 of 3)", newest
// on top and in causal order, in the operator's language; never the code.
TEST_F(PhoneLookupPageTest, TheTimelineListsEachWrongGuessInTheOperatorsLanguage)
{
    actAs(QStringLiteral("sam"), QStringLiteral("support"));
    MainWindow& w = window();
    w.showPage(MainWindow::PhoneLookup);
    PhoneLookupPage* page = w.phoneLookupPage();
    const QString phone = QStringLiteral("+919812345213");
    ASSERT_EQ(sendTo(phone).status, OutcomeStatus::Sent);
    const QString code = m_db.outbox().lastCodeFor(phone);
    for (int i = 0; i < 2; ++i) {
        m_db.clock().advanceMs(400);
        VerifyRequest v;
        v.destination = phone;
        v.code = wrongCodeFor(phone);
        ASSERT_EQ(m_db.service().verify(v).status, OutcomeStatus::WrongCode);
    }
    QSignalSpy done(page->lookupService(), &models::PhoneLookup::finished);
    page->lookup(QStringLiteral("default"), phone);
    ASSERT_TRUE(done.wait(5000));
    models::TimelineModel* timeline = page->timeline();
    auto events = [&]() {
        QStringList out;
        for (int i = 0; i < timeline->rowCount(); ++i)
            out << timeline->index(i, models::TimelineModel::Event).data().toString();
        return out;
    };
    QStringList shown = events();
    ASSERT_GE(shown.size(), 4) << shown.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(shown.at(0), QStringLiteral("Wrong code (attempt 2 of 3)")) << shown.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(shown.at(1), QStringLiteral("Wrong code (attempt 1 of 3)"));
    EXPECT_EQ(timeline->index(0, models::TimelineModel::Detail).data().toString(), QStringLiteral("1 attempt left"));
    EXPECT_TRUE(shown.last().startsWith(QStringLiteral("Code requested")));
    for (int r = 0; r < timeline->rowCount(); ++r)
        for (int c = 0; c < timeline->columnCount(); ++c)
            EXPECT_FALSE(timeline->index(r, c).data().toString().contains(code));

    w.setLanguage(QStringLiteral("ta"));
    ASSERT_TRUE(waitFor([&]() { return events().value(0) != shown.at(0); }));
    EXPECT_EQ(events().value(0), QStringLiteral("தவறான குறியீடு (3 இல் முயற்சி 2)"));
    EXPECT_EQ(timeline->index(0, models::TimelineModel::Detail).data().toString(), QStringLiteral("1 முயற்சி மீதம்"));
    w.setLanguage(QStringLiteral("hi"));
    ASSERT_TRUE(waitFor([&]() { return events().value(0) == QStringLiteral("गलत कोड (3 में से प्रयास 2)"); }))
        << events().value(0).toStdString();
    w.setLanguage(QStringLiteral("en"));
}

// The screenshot review: in Tamil at 1366×768 the delivery row's details lost their end, the vendor's message id
// that support quotes to the vendor. A reverted attempt sized the row for two lines while the style still drew one
// elided line, and its test measured the row, not the drawing. This one asks the delegate for the lines it paints
// in the very rectangle the view paints the cell in: every detail is drawn whole, and the message id wraps.
TEST_F(PhoneLookupPageTest, EveryDetailOfTheTimelineIsDrawnWholeInTamilAt1366x768)
{
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.resize(1366, 768);
    // Shown, so the view's columns follow the window as on screen (a hidden window's resize waits for its show).
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.showPage(MainWindow::PhoneLookup);
    PhoneLookupPage* page = w.phoneLookupPage();
    const QString phone = QStringLiteral("+919812345214");
    ASSERT_EQ(sendTo(phone).status, OutcomeStatus::Sent);
    ASSERT_TRUE(switchLanguage(QStringLiteral("ta")));
    QSignalSpy done(page->lookupService(), &models::PhoneLookup::finished);
    page->lookup(QStringLiteral("default"), phone);
    ASSERT_TRUE(done.wait(5000));
    w.resize(1366, 768);
    QApplication::processEvents();
    auto* table = page->findChild<QTableView*>(QStringLiteral("timelineTable"));
    ASSERT_NE(table, nullptr);
    auto* delegate = qobject_cast<ElidedCellDelegate*>(table->itemDelegate());
    ASSERT_NE(delegate, nullptr);
    models::TimelineModel* timeline = page->timeline();
    ASSERT_GE(timeline->rowCount(), 2);
    const int column = models::TimelineModel::Detail;
    // The option QTableView paints a cell with: its font, its wrapping, the cell less the grid line (as
    // visualRect() gives it).
    const auto optionFor = [&](const QModelIndex& index) {
        QStyleOptionViewItem option;
        option.initFrom(table->viewport());
        option.widget = table;
        option.font = table->font();
        option.features = table->wordWrap() ? QStyleOptionViewItem::WrapText : QStyleOptionViewItem::None;
        option.textElideMode = table->textElideMode();
        option.rect = table->visualRect(index);
        return option;
    };
    // A detail wider than its cell on one line is wrapped, never elided: the vendor's message id (a UUID,
    // random, in a proportional font) makes the delivery row's detail sometimes a little shorter than the
    // cell at this width, sometimes longer, so which rows wrap is measured, not assumed.
    const QFontMetrics fm(table->font());
    bool sawMessageId = false;
    for (int r = 0; r < timeline->rowCount(); ++r) {
        const QModelIndex index = timeline->index(r, column);
        const QString text = index.data().toString();
        const QStringList drawn = delegate->textLines(optionFor(index), index);
        EXPECT_EQ(drawn.join(QString()).toStdString(), text.toStdString()) << "row " << r << " is drawn as " << drawn.join(QLatin1Char('|')).toStdString();
        EXPECT_FALSE(delegate->isElided(optionFor(index), index)) << "row " << r;
        if (fm.horizontalAdvance(text) > optionFor(index).rect.width()) {
            EXPECT_GE(drawn.size(), 2) << "row " << r << " is wider than its cell and drawn on one line";
        }
        sawMessageId |= text.contains(QStringLiteral("HTTP 200"));
    }
    EXPECT_TRUE(sawMessageId) << "the delivery row with its message id is listed";
    const QString shots = qEnvironmentVariable("OTP_UI_SCREENSHOTS");
    if (!shots.isEmpty())
        w.grab().save(shots + QStringLiteral("/lookup-details-ta.png"));
    ASSERT_TRUE(switchLanguage(QStringLiteral("en")));
}

// The audit: Ctrl+1…Ctrl+7 each, and a click on each sidebar entry, leave the keyboard in that page's main field
// (the test above tries Ctrl+4, 1 and 3 only). Each key and click moves to another page, so each focus is new.
TEST_F(PhoneLookupPageTest, EachCtrlNumberAndEachSidebarClickPutTheKeyboardInThatPagesMainField)
{
    actAs(QStringLiteral("meera"), QStringLiteral("admin")); // Manual send's fields are enabled for QA and admin only
    MainWindow& w = window();
    w.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    const QList<QPair<MainWindow::Page, QWidget*>> fields = {
        {MainWindow::LiveSends, w.findChild<QLineEdit*>(QStringLiteral("searchFilter"))},
        {MainWindow::Dashboard, w.findChild<QTableView*>(QStringLiteral("vendorStatsTable"))},
        {MainWindow::Lockouts, w.findChild<QTableView*>(QStringLiteral("lockoutsTable"))},
        {MainWindow::PhoneLookup, w.findChild<QLineEdit*>(QStringLiteral("lookupInput"))},
        {MainWindow::ManualSend, w.findChild<QLineEdit*>(QStringLiteral("manualDestination"))},
        {MainWindow::Audit, w.findChild<QLineEdit*>(QStringLiteral("auditSearch"))},
        {MainWindow::Alarms, w.findChild<QTableView*>(QStringLiteral("alarmsTable"))},
    };
    for (const auto& [page, field] : fields)
        ASSERT_NE(field, nullptr) << "page " << page;
    ASSERT_EQ(w.currentPage(), MainWindow::LiveSends);
    // Ctrl+2…Ctrl+7, then Ctrl+1 (Live sends shows first).
    for (int k = 1; k <= 7; ++k) {
        const auto& [page, field] = fields.at(k % 7);
        QTest::keyClick(&w, Qt::Key(Qt::Key_0 + page + 1), Qt::ControlModifier);
        EXPECT_EQ(w.currentPage(), page) << "Ctrl+" << page + 1;
        EXPECT_EQ(QApplication::focusWidget(), field)
            << "Ctrl+" << page + 1 << ": focus is in "
            << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName().toStdString() : std::string("nothing"));
    }
    // The same with the mouse on the sidebar.
    auto* sidebar = w.findChild<QListWidget*>(QStringLiteral("sidebar"));
    ASSERT_NE(sidebar, nullptr);
    for (int k = 1; k <= 7; ++k) {
        const auto& [page, field] = fields.at(k % 7);
        const QRect item = sidebar->visualItemRect(sidebar->item(page));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, item.center());
        EXPECT_EQ(w.currentPage(), page) << "sidebar entry " << page;
        EXPECT_EQ(QApplication::focusWidget(), field)
            << "sidebar entry " << page << ": focus is in "
            << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName().toStdString() : std::string("nothing"));
    }
}
