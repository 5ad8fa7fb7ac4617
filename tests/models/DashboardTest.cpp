#include "DashboardModel.h"
#include "DashboardQuery.h"
#include "DeliveryStats.h"
#include "ModelFixture.h"
#include "VendorStatsModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>

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

TEST_F(DashboardTest, VendorAndChannelFiguresAreThoseOfOtpctlStats)
{
    // Several tenants and outcomes: verified, unused, refused by the vendor, and sends older than the window.
    otp::test::TestDatabase db({QStringLiteral("+919812345099"), QStringLiteral("+919812345098")});
    auto send = [&](const QString& to, const QString& tenant = QStringLiteral("default")) {
        SendRequest r;
        r.tenant = tenant;
        r.destination = to;
        return db.service().send(r);
    };
    ASSERT_EQ(send(QStringLiteral("+919812345001")).status, OutcomeStatus::Sent);
    db.clock().advanceS(2 * 3600); // outside a 1 h window from here on
    for (int i = 2; i < 9; ++i) {
        ASSERT_EQ(send(QStringLiteral("+91981234500%1").arg(i), i % 2 ? QStringLiteral("acme") : QStringLiteral("default")).status,
                  OutcomeStatus::Sent);
        db.clock().advanceS(50);
    }
    ASSERT_EQ(send(QStringLiteral("+919812345099")).status, OutcomeStatus::DeliveryFailed);
    ASSERT_EQ(send(QStringLiteral("+919812345098")).status, OutcomeStatus::DeliveryFailed);
    for (const char* to : {"+919812345006", "+919812345008"}) { // still within their 5 min
        VerifyRequest v;
        v.destination = QString::fromLatin1(to);
        v.code = db.outbox().lastCodeFor(v.destination);
        ASSERT_EQ(db.service().verify(v).status, OutcomeStatus::Verified);
    }

    for (qint64 window : {qint64(3600), qint64(24 * 3600)}) {
        const qint64 now = db.clock().nowMs();
        const DashboardSnapshot s = DashboardQuery(db.database().session()).compute(now, window);
        DeliveryStats stats(db.database().session());
        const QJsonArray vendors = stats.summarise(now - window * 1000, QStringLiteral("vendor")).value(QStringLiteral("rows")).toArray();
        ASSERT_EQ(s.vendors.size(), vendors.size()) << window;
        for (int i = 0; i < vendors.size(); ++i) {
            const QJsonObject o = vendors.at(i).toObject();
            const DashboardSnapshot::VendorRow& v = s.vendors.at(i);
            EXPECT_EQ(v.vendor, o.value(QStringLiteral("key")).toString());
            EXPECT_EQ(v.sends, o.value(QStringLiteral("sends")).toInteger());
            EXPECT_EQ(v.accepted, o.value(QStringLiteral("accepted")).toInteger());
            EXPECT_EQ(v.failed, o.value(QStringLiteral("failed")).toInteger());
            EXPECT_DOUBLE_EQ(v.successRate, o.value(QStringLiteral("success_rate")).toDouble());
            EXPECT_EQ(v.latencyP50Ms, o.value(QStringLiteral("latency_p50_ms")).toInt());
            EXPECT_EQ(v.latencyP95Ms, o.value(QStringLiteral("latency_p95_ms")).toInt());
        }
        const QJsonArray channels = stats.summarise(now - window * 1000, QStringLiteral("channel")).value(QStringLiteral("rows")).toArray();
        ASSERT_EQ(s.channels.size(), channels.size()) << window;
        for (int i = 0; i < channels.size(); ++i) {
            const QJsonObject o = channels.at(i).toObject();
            EXPECT_EQ(s.channels.at(i).channel, o.value(QStringLiteral("key")).toString());
            EXPECT_EQ(s.channels.at(i).challenges, o.value(QStringLiteral("challenges")).toInteger());
            EXPECT_EQ(s.channels.at(i).verified, o.value(QStringLiteral("verified")).toInteger());
        }
        int verified = 0, accepted = 0, failed = 0;
        for (const auto& b : s.buckets) {
            verified += b.byOutcome.value(QStringLiteral("verified"));
            accepted += b.byOutcome.value(QStringLiteral("accepted"));
            failed += b.byOutcome.value(QStringLiteral("failed"));
        }
        EXPECT_EQ(verified, 2);
        EXPECT_EQ(failed, 2);
        EXPECT_EQ(accepted, window == 3600 ? 5 : 6) << "the first send is only in the 24 h window";
        ASSERT_EQ(s.errors.size(), 1);
        EXPECT_EQ(s.errors.first().count, 2);
        EXPECT_FALSE(s.errors.first().reason.isEmpty());
    }
}

TEST_F(DashboardTest, RefreshesOnlyWhileActiveAndLessOftenForWideWindows)
{
    DashboardModel model(m_thread.get(), m_db.clock());
    EXPECT_EQ(model.refreshInterval(), 5000);
    EXPECT_FALSE(model.isActive());
    QSignalSpy updated(&model, &DashboardModel::updated);
    model.setActive(true);
    EXPECT_TRUE(model.isActive());
    ASSERT_TRUE(updated.wait(5000)) << "activating a model that never computed refreshes it at once";
    model.setActive(false);
    EXPECT_FALSE(model.isActive());
    model.setActive(true);
    EXPECT_FALSE(updated.wait(300)) << "a fresh snapshot is not recomputed on activation";
    model.setWindowS(24 * 3600);
    EXPECT_EQ(model.refreshInterval(), 15000);
    ASSERT_TRUE(updated.wait(5000));
    model.setWindowS(7 * 24 * 3600);
    EXPECT_EQ(model.refreshInterval(), 60000);
    model.setRefreshInterval(1000);
    model.setWindowS(3600);
    EXPECT_EQ(model.refreshInterval(), 1000) << "a fixed interval stays";
}
