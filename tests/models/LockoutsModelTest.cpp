#include "AuditModel.h"
#include "LockoutsModel.h"
#include "ModelFixture.h"

#include <QAbstractItemModelTester>

using namespace otp;
using namespace otp::models;

using LockoutsModelTest = otp::test::ModelFixture;

namespace {
bool reload(LockoutsModel& model)
{
    QSignalSpy spy(&model, &LockoutsModel::loaded);
    model.refresh();
    return spy.wait(5000);
}
} // namespace

TEST_F(LockoutsModelTest, ThreeWrongCodesLockAndAnAdminUnlocksWithAReason)
{
    LockoutsModel model(m_ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    lockOut(QStringLiteral("+919812345210"));
    ASSERT_TRUE(reload(model));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.activeCount(), 1);
    EXPECT_EQ(model.index(0, LockoutsModel::Destination).data().toString(), QString::fromUtf8("+91 98•••••210"));
    EXPECT_EQ(model.index(0, LockoutsModel::TimeLeft).data().toString(), QStringLiteral("15 min"));

    // The time left counts down on the clock, without a database round trip.
    m_db.clock().advanceS(61);
    model.tick();
    EXPECT_EQ(model.index(0, LockoutsModel::TimeLeft).data().toString(), QStringLiteral("13 min 59 s"));

    // Support may not unlock: refused before any database call.
    QSignalSpy done(&model, &LockoutsModel::unlockFinished);
    model.unlock(0, QStringLiteral("caller verified by ID"), Actor{QStringLiteral("sam"), QStringLiteral("support")});
    ASSERT_EQ(done.count(), 1);
    EXPECT_NE(done.takeFirst().at(0).value<Outcome>().status, OutcomeStatus::Unlocked);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM lockouts WHERE released_at IS NULL")), 1);

    model.setPermissions(Permissions(Permissions::Role::Admin));
    EXPECT_EQ(model.index(0, LockoutsModel::Destination).data().toString(), QStringLiteral("+919812345210"));
    model.unlock(0, QString(), Actor{QStringLiteral("meera"), QStringLiteral("admin")});
    ASSERT_EQ(done.count(), 1);
    EXPECT_EQ(done.takeFirst().at(0).value<Outcome>().status, OutcomeStatus::InvalidInput);

    QSignalSpy loaded(&model, &LockoutsModel::loaded);
    model.unlock(0, QStringLiteral("caller verified by ID"), Actor{QStringLiteral("meera"), QStringLiteral("admin")});
    ASSERT_TRUE(done.wait(5000));
    EXPECT_EQ(done.takeFirst().at(0).value<Outcome>().status, OutcomeStatus::Unlocked);
    ASSERT_TRUE(loaded.wait(5000));
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'unlock' AND actor = 'meera'")), 1);

    model.setShowHistory(true);
    ASSERT_TRUE(loaded.wait(5000));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, LockoutsModel::State).data().toString(), QStringLiteral("unlocked by meera"));
    EXPECT_EQ(model.index(0, LockoutsModel::ReleaseReason).data().toString(), QStringLiteral("caller verified by ID"));
}

TEST_F(LockoutsModelTest, AuditModelListsPeoplesActionsNewestFirst)
{
    AuditModel model(m_ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    SendRequest r;
    r.destination = QStringLiteral("+919812345210");
    m_db.service().send(r, Actor{QStringLiteral("qa1"), QStringLiteral("qa")});
    m_db.clock().advanceS(1);
    m_db.service().cancel(QStringLiteral("default"), r.destination, Purpose::Login, Actor{QStringLiteral("meera"), QStringLiteral("admin")},
                          QStringLiteral("test"));
    QSignalSpy loaded(&model, &AuditModel::loaded);
    model.refresh();
    ASSERT_TRUE(loaded.wait(5000));
    ASSERT_EQ(model.rowCount(), 2);
    // Actions and details in words; the exact record stays in the tooltip.
    EXPECT_EQ(model.index(0, AuditModel::Action).data().toString(), QStringLiteral("code cancelled"));
    EXPECT_EQ(model.index(0, AuditModel::Details).data().toString(), QStringLiteral("purpose: login · reason: test"));
    EXPECT_TRUE(model.index(0, AuditModel::Details).data(Qt::ToolTipRole).toString().contains(QStringLiteral("\"reason\":\"test\"")));
    EXPECT_EQ(model.index(1, AuditModel::Who).data().toString(), QStringLiteral("qa1"));
    EXPECT_EQ(model.index(1, AuditModel::Target).data().toString(), QString::fromUtf8("+91 98•••••210"));
}
