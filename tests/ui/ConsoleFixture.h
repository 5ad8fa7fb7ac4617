#pragma once

#include "ConsoleContext.h"
#include "DatabaseThread.h"
#include "LanguageSwitcher.h"
#include "MainWindow.h"
#include "TestDatabase.h"

#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

#include <memory>

namespace otp::test {

// The whole console over a temp database: the core on a manual clock, the real worker thread.
class ConsoleFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_thread = std::make_unique<models::DatabaseThread>(m_db.database());
        m_ctx.db = m_thread.get();
        m_ctx.service = &m_db.service();
        m_ctx.clock = &m_db.clock();
        m_ctx.devOutboxPath = m_db.outbox().path();
        m_ctx.databaseDisplayUrl = m_db.url();
        m_ctx.vendors = m_db.gateways().names();
    }
    void TearDown() override
    {
        m_window.reset();
        m_thread.reset();
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
    Outcome sendTo(const QString& phone)
    {
        SendRequest r;
        r.destination = phone;
        return m_db.service().send(r);
    }
    void lockOut(const QString& phone)
    {
        const Outcome sent = sendTo(phone);
        ASSERT_EQ(sent.status, OutcomeStatus::Sent);
        QString wrong = m_db.outbox().lastCodeFor(sent.destination);
        wrong[0] = wrong.at(0) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        for (int i = 0; i < 3; ++i) {
            VerifyRequest v;
            v.destination = phone;
            v.code = wrong;
            m_db.service().verify(v);
        }
    }
    // Spins the event loop until `condition` holds (the worker answers through queued calls).
    template <typename F>
    static bool waitFor(F condition, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(condition, timeoutMs);
    }

    TestDatabase m_db;
    std::unique_ptr<models::DatabaseThread> m_thread;
    models::ConsoleContext m_ctx;
    ui::LanguageSwitcher m_languages;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace otp::test
