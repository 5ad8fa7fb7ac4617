// The search fields of Live sends, Lockouts and the audit log show their whole placeholder in every language at
// 1366x768: the Tamil ones were cut ("தொலைபேசி எண் அல்லது மின்ன…", and "…, குத்தகையாளர், …" lost
// "reason"), so an operator could not tell what the field searches.
#include "ConsoleFixture.h"
#include "LiveSendsPage.h"
#include "LockoutsPage.h"

#include <QApplication>
#include <QHash>
#include <QLineEdit>
#include <QStyle>
#include <QStyleOptionFrame>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::ui;

using SearchFieldsTest = otp::test::ConsoleFixture;

namespace {
// The width the field's text has: its rectangle as the style lays it out, less the clear button's room.
int textRoom(QLineEdit* field)
{
    QStyleOptionFrame option;
    option.initFrom(field);
    const QRect contents = field->style()->subElementRect(QStyle::SE_LineEditContents, &option, field);
    const int clear = field->isClearButtonEnabled() ? field->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, field) + 4 : 0;
    const QMargins m = field->textMargins();
    return contents.width() - m.left() - m.right() - clear;
}
} // namespace

TEST_F(SearchFieldsTest, EachSearchFieldShowsItsWholePlaceholderInEveryLanguageAt1366x768)
{
    MainWindow& w = window();
    w.resize(1366, 768);
    w.show();
    for (const QString& lang : {QStringLiteral("en"), QStringLiteral("hi"), QStringLiteral("ta")}) {
        ASSERT_TRUE(switchLanguage(lang)) << lang.toStdString();
        const QHash<MainWindow::Page, QString> fields{{MainWindow::LiveSends, QStringLiteral("searchFilter")},
                                                      {MainWindow::Lockouts, QStringLiteral("lockoutsSearch")},
                                                      {MainWindow::Audit, QStringLiteral("auditSearch")}};
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            const MainWindow::Page page = it.key();
            w.showPage(page);
            w.resize(1366, 768);
            QApplication::processEvents();
            auto* field = w.page(page)->findChild<QLineEdit*>(it.value());
            ASSERT_NE(field, nullptr);
            ASSERT_TRUE(field->text().isEmpty());
            const int need = field->fontMetrics().horizontalAdvance(field->placeholderText());
            EXPECT_GE(textRoom(field), need) << lang.toStdString() << " page " << page << ": "
                                             << field->placeholderText().toStdString();
            EXPECT_LE(w.minimumSizeHint().width(), 1366) << lang.toStdString();
        }
    }
    ASSERT_TRUE(switchLanguage(QStringLiteral("en")));
}
