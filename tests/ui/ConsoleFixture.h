#pragma once

#include "ChartNote.h"
#include "LanguageSwitcher.h"
#include "MainWindow.h"
#include "ModelFixture.h"

#include <QListWidget>
#include <QTest>

#include <memory>

namespace otp::test {

// The texts of the chart notes `page` shows now ("No sends in this range", …).
inline QStringList shownChartNotes(const QWidget* page)
{
    QStringList out;
    for (ui::ChartNote* note : page->findChildren<ui::ChartNote*>())
        if (note->isVisible())
            out << note->text();
    return out;
}

// The whole console over ModelFixture's temp database, manual clock and real worker thread.
class ConsoleFixture : public ModelFixture
{
protected:
    void SetUp() override
    {
        ModelFixture::SetUp();
        m_ctx.vendors = m_db.gateways().names();
    }
    void TearDown() override
    {
        m_window.reset(); // before the worker thread it talks to
        ModelFixture::TearDown();
    }

    ui::MainWindow& window()
    {
        if (!m_window) {
            m_window = std::make_unique<ui::MainWindow>(m_ctx, &m_languages);
            m_window->resize(1280, 800);
            m_window->show();
        }
        return *m_window;
    }
    void actAs(const QString& login, const QString& role)
    {
        models::OperatorInfo info;
        info.login = login;
        info.displayName = login;
        info.known = true;
        info.permissions = models::Permissions::fromRoleName(role);
        window().setOperator(info);
    }
    // Switches the window's language and waits until its sidebar shows it (the translators load on the
    // event loop): English reads "Live sends"; another language, anything but what it read before.
    bool switchLanguage(const QString& lang)
    {
        auto* sidebar = window().findChild<QListWidget*>(QStringLiteral("sidebar"));
        const QString before = sidebar->item(0)->text();
        window().setLanguage(lang);
        return waitFor([&]() {
            return lang == QLatin1String("en") ? sidebar->item(0)->text() == QLatin1String("Live sends")
                                               : sidebar->item(0)->text() != before;
        });
    }
    // Spins the event loop until `condition` holds (the worker answers through queued calls).
    template <typename F>
    static bool waitFor(F condition, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(condition, timeoutMs);
    }

    ui::LanguageSwitcher m_languages;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace otp::test
