#include "ConsoleFixture.h"

#include <QAbstractButton>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTabWidget>

using namespace otp;
using namespace otp::ui;

using MnemonicsTest = otp::test::ConsoleFixture;

namespace {
// The Alt+key of a text with an '&' mnemonic, or an empty string.
QString altKey(const QString& text)
{
    const QKeySequence k = QKeySequence::mnemonic(text);
    return k.isEmpty() ? QString() : k.toString(QKeySequence::PortableText);
}

// Every Alt+key shown on `page` and its visible children (buttons, and labels that move focus to a
// field), with the texts that carry it.
void collect(QWidget* page, QMap<QString, QStringList>* keys)
{
    for (QAbstractButton* b : page->findChildren<QAbstractButton*>())
        if (b->isVisibleTo(page) && !altKey(b->text()).isEmpty())
            (*keys)[altKey(b->text())] << b->text();
    for (QLabel* l : page->findChildren<QLabel*>())
        if (l->buddy() && l->isVisibleTo(page) && !altKey(l->text()).isEmpty())
            (*keys)[altKey(l->text())] << l->text();
}
} // namespace

// The screenshot review found "Only active alarms" and "Acknowledge…" both on Alt+A: one of the two
// cannot be reached from the keyboard. On every page, in every language, each Alt+key names one control,
// and none takes a menu's (File, View, Go, Help).
TEST_F(MnemonicsTest, EachAltKeyOnAPageNamesOneControlInEveryLanguage)
{
    actAs(QStringLiteral("meera"), QStringLiteral("admin")); // an admin sees every button
    MainWindow& w = window();
    w.resize(1366, 768);
    for (const QString& lang : {QStringLiteral("en"), QStringLiteral("hi"), QStringLiteral("ta")}) {
        ASSERT_TRUE(switchLanguage(lang)) << lang.toStdString();
        QMap<QString, QStringList> menus;
        for (QAction* a : w.menuBar()->actions())
            if (!altKey(a->text()).isEmpty())
                menus[altKey(a->text())] << a->text();
        for (int p = 0; p < MainWindow::PageCount; ++p) {
            w.showPage(MainWindow::Page(p));
            QApplication::processEvents();
            QWidget* page = w.findChild<QStackedWidget*>()->currentWidget();
            ASSERT_NE(page, nullptr);
            QMap<QString, QStringList> keys;
            collect(page, &keys);
            for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
                EXPECT_EQ(it->size(), 1) << lang.toStdString() << " page " << p << ": " << qPrintable(it.key()) << " on "
                                         << it->join(QStringLiteral(" | ")).toStdString();
                EXPECT_FALSE(menus.contains(it.key()))
                    << lang.toStdString() << " page " << p << ": " << qPrintable(it.key()) << " is also the menu "
                    << menus.value(it.key()).join(QStringLiteral(" | ")).toStdString();
            }
        }
    }
}
