#include "DashboardModel.h"
#include "DashboardQuery.h"
#include "ModelFixture.h"
#include "VendorStatsModel.h"

#include <QAbstractItemModelTester>

using namespace otp;
using namespace otp::models;

using DashboardTest = otp::test::ModelFixture;

TEST_F(DashboardTest, BucketsVendorsErrorsAndConversion)
{
    otp::test::TestDatabase db({QStringLiteral("+919812345099")});
    auto send = [&](const QString& to) {
        SendRequest r;
        r.destination = to;
        return db.service().send(r);
    };
    ASSERT_EQ(send(QStringLiteral("+919812345001")).status, OutcomeStatus::Sent);
    db.clock().advanceS(70);
    ASSERT_EQ(send(QStringLiteral("+919812345002")).status, OutcomeStatus::Sent);
    ASSERT_EQ(send(QStringLiteral("+919812345099")).status, OutcomeStatus::DeliveryFailed);
    VerifyRequest v;
    v.destination = QStringLiteral("+919812345001");
    v.code = db.outbox().lastCodeFor(v.destination);
    ASSERT_EQ(db.service().verify(v).status, OutcomeStatus::Verified);

    const DashboardSnapshot s = DashboardQuery(db.database().session()).compute(db.clock().nowMs(), 15 * 60);
    EXPECT_EQ(s.bucketS, 60);
    EXPECT_EQ(s.buckets.size(), 15);
    int verified = 0, accepted = 0, failed = 0;
    for (const auto& b : s.buckets) {
        verified += b.byOutcome.value(QStringLiteral("verified"));
        accepted += b.byOutcome.value(QStringLiteral("accepted"));
        failed += b.byOutcome.value(QStringLiteral("failed"));
    }
    EXPECT_EQ(verified, 1);
    EXPECT_EQ(accepted, 1);
    EXPECT_EQ(failed, 1);
    ASSERT_EQ(s.vendors.size(), 1);
    EXPECT_EQ(s.vendors.first().vendor, QStringLiteral("dev"));
    EXPECT_EQ(s.vendors.first().sends, 3);
    EXPECT_NEAR(s.vendors.first().successRate, 2.0 / 3.0, 1e-9);
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_EQ(s.errors.first().code, QStringLiteral("DEV_FAIL"));
    ASSERT_EQ(s.channels.size(), 1);
    EXPECT_EQ(s.channels.first().verified, 1);

    VendorStatsModel table;
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::Fatal);
    table.setSnapshot(s);
    EXPECT_EQ(table.rowCount(), 1);
    EXPECT_EQ(table.index(0, VendorStatsModel::SuccessRate).data().toString(), QStringLiteral("66.7 %"));
}

TEST_F(DashboardTest, ModelRecomputesOnTheWorkerForTheChosenWindow)
{
    ASSERT_EQ(sendTo(QStringLiteral("+919812345001")).status, OutcomeStatus::Sent);
    DashboardModel model(m_thread.get(), m_db.clock());
    QSignalSpy updated(&model, &DashboardModel::updated);
    model.refresh();
    ASSERT_TRUE(updated.wait(5000));
    EXPECT_EQ(model.snapshot().totalSends(), 1);
    EXPECT_EQ(model.snapshot().buckets.size(), 60);
    model.setWindowS(7 * 24 * 3600);
    ASSERT_TRUE(updated.wait(5000));
    EXPECT_EQ(model.snapshot().bucketS, 3 * 3600);
    EXPECT_EQ(model.snapshot().buckets.size(), 56);
    m_db.clock().advanceS(8 * 24 * 3600);
    model.refresh();
    ASSERT_TRUE(updated.wait(5000));
    EXPECT_EQ(model.snapshot().totalSends(), 0);
}
