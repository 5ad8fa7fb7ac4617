#pragma once

#include "ConsoleContext.h"
#include "DatabaseThread.h"
#include "TestDatabase.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

#include <memory>

namespace otp::test {

// A migrated temp database, the core on a manual clock, and the console's worker thread over it.
// Shared by the model tests and, as the base of ConsoleFixture, the widget tests. Needs otpmodels:
// targets get it by linking otp_testsupport_models (tests/CMakeLists.txt), not otp_testsupport alone.
class ModelFixture : public ::testing::Test
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
    }
    void TearDown() override { m_thread.reset(); }

    Outcome sendTo(const QString& phone, const QString& tenant = QStringLiteral("default"))
    {
        SendRequest r;
        r.tenant = tenant;
        r.destination = phone;
        return m_db.service().send(r);
    }
    QString wrongCodeFor(const QString& e164)
    {
        QString code = m_db.outbox().lastCodeFor(e164);
        code[0] = code.at(0) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        return code;
    }
    void lockOut(const QString& phone)
    {
        const Outcome sent = sendTo(phone);
        ASSERT_EQ(sent.status, OutcomeStatus::Sent) << sent.message.toStdString();
        for (int i = 0; i < 3; ++i) {
            VerifyRequest v;
            v.destination = phone;
            v.code = wrongCodeFor(sent.destination);
            m_db.service().verify(v);
        }
    }

    TestDatabase m_db;
    std::unique_ptr<models::DatabaseThread> m_thread;
    models::ConsoleContext m_ctx;
};

} // namespace otp::test
