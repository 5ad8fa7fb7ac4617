#include "ConsoleFixture.h"

#include "LiveSendsModel.h"
#include "LiveSendsPage.h"
#include "SendsFilterModel.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>

using namespace otp;
using namespace otp::ui;

class LiveSendsRangeTest : public otp::test::ConsoleFixture
{
protected:
    // Six sends to six numbers: 3 h, 2 h, 90 min, 50 min, 10 min and 1 min ago.
    void seed()
    {
        const int minutesAgo[] = {180, 120, 90, 50, 10, 1};
        for (int i = 0; i < 6; ++i) {
            ASSERT_EQ(sendTo(QStringLiteral("+9198123452%1").arg(10 + i)).status, OutcomeStatus::Sent);
            m_db.clock().advanceS(60 * (minutesAgo[i] - (i + 1 < 6 ? minutesAgo[i + 1] : 0)));
        }
    }
};

// Issue 12, everywhere: a time-range filter on Live sends.
TEST_F(LiveSendsRangeTest, TheRangeKeepsOnlyTheSendsOfTheChosenTime)
{
    seed();
    MainWindow& w = window();
    LiveSendsPage* page = w.liveSendsPage();
    ASSERT_TRUE(waitFor([&]() { return page->model()->rowCount() == 6; }));
    EXPECT_EQ(page->rangeS(), 0) << "all held sends by default";
    EXPECT_EQ(page->filter()->rowCount(), 6);
    auto* range = page->findChild<QComboBox*>(QStringLiteral("rangeFilter"));
    ASSERT_NE(range, nullptr);
    EXPECT_EQ(range->count(), 5);

    page->setRangeS(15 * 60);
    EXPECT_EQ(page->filter()->rowCount(), 2);
    EXPECT_EQ(page->countText(), QStringLiteral("2 of 6 sends"));
    page->setRangeS(3600);
    EXPECT_EQ(page->filter()->rowCount(), 3);
    page->setRangeS(24 * 3600);
    EXPECT_EQ(page->filter()->rowCount(), 6);
    EXPECT_EQ(page->holdNote(), QStringLiteral("Every send of the chosen time range is listed."));

    // Time passes: the range moves with the clock on the next poll (no waiting on a real clock).
    page->setRangeS(3600);
    m_db.clock().advanceS(15 * 60);
    page->refresh();
    ASSERT_TRUE(waitFor([&]() { return page->filter()->rowCount() == 2; }));
}

// Issue 12: say why "2000 of 2000" stops: the rows held live, older ones read on scrolling, the history limit.
TEST_F(LiveSendsRangeTest, TheCountSaysWhyItStopsAndARangeReadsOlderSendsUpToTheLimit)
{
    seed();
    MainWindow& w = window();
    LiveSendsPage* page = w.liveSendsPage();
    models::LiveSendsModel* model = page->model();
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 6; }));
    EXPECT_EQ(page->holdNote(), QStringLiteral("Every send in the database is listed."));

    // Small limits so the six sends play the part of 20,000: two held live, four at most. The table is
    // given an empty model meanwhile: a view whose last row is on screen fetches older rows by itself
    // (QAbstractItemView::fetchMore), which with two rows it always is.
    page->mainTable()->setModel(new QStandardItemModel(page));
    model->setMaxRows(2);
    model->setPageSize(1);
    model->setHistoryLimit(4);
    model->reload();
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 2 && model->canFetchMore({}) && !model->fetching(); }));
    QApplication::processEvents();
    const int held = model->rowCount();
    EXPECT_EQ(page->countText(), QStringLiteral("%1 of %1 sends").arg(held));
    EXPECT_TRUE(page->holdNote().startsWith(QStringLiteral("The newest %1 sends are held live (the oldest listed is from ").arg(held)))
        << page->holdNote().toStdString();
    EXPECT_TRUE(page->holdNote().endsWith(QStringLiteral("older ones are read when you scroll to the bottom, up to 4.")));
    EXPECT_EQ(page->findChild<QLabel*>(QStringLiteral("holdNote"))->text(), page->holdNote()) << "shown, not only a tooltip";

    // The last hour reaches past the two held (50 min ago is the third): older sends are read until one
    // older than the hour is held (90 min ago), so nothing of the hour can be missing.
    page->setRangeS(3600);
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 4 && !model->fetching(); }));
    QApplication::processEvents();
    EXPECT_EQ(page->filter()->rowCount(), 3);
    EXPECT_EQ(page->holdNote(), QStringLiteral("Every send of the chosen time range is listed."));

    // 7 days reaches back to every send, but the console holds at most 4: it says so and what to do.
    page->setRangeS(7 * 24 * 3600);
    QApplication::processEvents();
    EXPECT_EQ(model->rowCount(), 4);
    EXPECT_FALSE(model->canFetchMore({}));
    EXPECT_EQ(page->countText(), QStringLiteral("4 of 4 sends"));
    EXPECT_TRUE(page->holdNote().startsWith(QStringLiteral("The console holds at most 4 sends"))) << page->holdNote().toStdString();
    EXPECT_TRUE(page->holdNote().contains(QStringLiteral("otpctl history"))) << page->holdNote().toStdString();
    page->mainTable()->setModel(page->filter());
    if (qEnvironmentVariableIsSet("OTP_UI_SCREENSHOTS")) {
        w.showPage(MainWindow::LiveSends);
        w.resize(1366, 768);
        QApplication::processEvents();
        w.grab().save(QStringLiteral("%1/live-sends-range.png").arg(qEnvironmentVariable("OTP_UI_SCREENSHOTS")));
    }
}
