#include "ConsoleFixture.h"

#include "LockoutsModel.h"
#include "LockoutsPage.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

using namespace otp;
using namespace otp::ui;

using LockoutsPageTest = otp::test::ConsoleFixture;

namespace {
QString selectedDestination(QTableView* table)
{
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(models::LockoutsModel::DestinationRole).toString();
}
} // namespace

// Issue 12, admin: the table was reset on every change, dropping the selection and the Unlock button mid-click.
TEST_F(LockoutsPageTest, TheSelectionAndUnlockSurviveNewLockoutsArrivingAndOthersEnding)
{
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::Lockouts);
    LockoutsPage* page = w.lockoutsPage();
    models::LockoutsModel* model = page->model();
    lockOut(QStringLiteral("+919812345210"));
    m_db.clock().advanceS(60);
    lockOut(QStringLiteral("+919812345211"));
    page->refresh();
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 2; }));
    QTableView* table = page->mainTable();
    table->selectRow(1);
    ASSERT_EQ(selectedDestination(table), QStringLiteral("+919812345211"));
    ASSERT_TRUE(page->unlockButton()->isEnabled());

    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    // A lockout that ends before it (the first one, released elsewhere) and a new one after it.
    m_db.service().unlock(QStringLiteral("default"), QStringLiteral("+919812345210"), Actor{QStringLiteral("ravi"), QStringLiteral("admin")},
                          QStringLiteral("caller verified"));
    m_db.clock().advanceS(10);
    lockOut(QStringLiteral("+919812345212"));
    page->refresh();
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 2 && model->rowAt(1).destination == QStringLiteral("+919812345212"); }));
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(selectedDestination(table), QStringLiteral("+919812345211"));
    EXPECT_TRUE(page->unlockButton()->isEnabled());
}

// Issue 12, admin: a search box over the lockouts (any spelling of a number).
TEST_F(LockoutsPageTest, TheSearchFindsANumberInAnyFormatAndUnlockActsOnTheRowFound)
{
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::Lockouts);
    LockoutsPage* page = w.lockoutsPage();
    lockOut(QStringLiteral("+919812345210"));
    lockOut(QStringLiteral("+919812345299"));
    page->refresh();
    ASSERT_TRUE(waitFor([&]() { return page->model()->rowCount() == 2; }));
    QTableView* table = page->mainTable();
    page->searchBox()->setText(QStringLiteral("98123 45299"));
    ASSERT_EQ(table->model()->rowCount(), 1);
    table->selectRow(0);
    EXPECT_EQ(selectedDestination(table), QStringLiteral("+919812345299"));
    EXPECT_TRUE(page->unlockButton()->isEnabled());
    page->searchBox()->setText(QStringLiteral("nobody"));
    EXPECT_EQ(table->model()->rowCount(), 0);
    EXPECT_FALSE(page->unlockButton()->isEnabled());
}
