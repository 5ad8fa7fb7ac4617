#include "ConsoleFixture.h"

#include "AuditModel.h"
#include "AuditPage.h"

#include <QTableView>

using namespace otp;
using namespace otp::ui;

using AuditPageTest = otp::test::ConsoleFixture;

// Issue 12, admin: the audit log needs a filter and a search, and details in words.
TEST_F(AuditPageTest, TheLogFiltersByActionAndSearchesWhoAndWhyInWords)
{
    SendRequest r;
    r.destination = QStringLiteral("+919812345210");
    m_db.service().send(r, Actor{QStringLiteral("qa1"), QStringLiteral("qa")});
    lockOut(QStringLiteral("+919812345299"));
    m_db.service().unlock(QStringLiteral("default"), QStringLiteral("+919812345299"), Actor{QStringLiteral("meera"), QStringLiteral("admin")},
                          QStringLiteral("caller verified on a recorded line"));
    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::Audit);
    AuditPage* page = w.auditPage();
    page->refresh();
    QTableView* table = page->mainTable();
    ASSERT_TRUE(waitFor([&]() { return page->model()->rowCount() == 2; }));

    page->setFilter(QStringLiteral("unlock"), QString());
    ASSERT_EQ(table->model()->rowCount(), 1);
    EXPECT_EQ(table->model()->index(0, models::AuditModel::Action).data().toString(), QStringLiteral("unlocked"));
    EXPECT_EQ(table->model()->index(0, models::AuditModel::Details).data().toString(),
              QStringLiteral("reason: caller verified on a recorded line · lockouts released: 1"));

    page->setFilter(QString(), QStringLiteral("recorded line"));
    ASSERT_EQ(table->model()->rowCount(), 1);
    EXPECT_EQ(table->model()->index(0, models::AuditModel::Who).data().toString(), QStringLiteral("meera"));
    page->setFilter(QString(), QStringLiteral("qa1"));
    ASSERT_EQ(table->model()->rowCount(), 1);
    EXPECT_EQ(table->model()->index(0, models::AuditModel::Action).data().toString(), QStringLiteral("code sent by hand"));
    page->setFilter(QString(), QString());
    EXPECT_EQ(table->model()->rowCount(), 2);
}
