#include "LiveSendsModel.h"
#include "ModelFixture.h"
#include "SendsFilterModel.h"
#include "StatusText.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QPalette>
#include <QSet>

#include <cmath>

using namespace otp;
using namespace otp::models;

using LiveSendsModelTest = otp::test::ModelFixture;

namespace {
bool pollOnce(LiveSendsModel& model)
{
    QSignalSpy spy(&model, &LiveSendsModel::polled);
    model.refresh();
    return spy.wait(5000);
}

SendRow row(qint64 id, const QString& tenant, const QString& channel, const QString& dest, const QString& state)
{
    SendRow r;
    r.deliveryId = id;
    r.challengeId = id;
    r.createdAt = 1'800'000'000'000 + id;
    r.updatedAt = r.createdAt;
    r.tenant = tenant;
    r.channel = channel;
    r.vendor = QStringLiteral("dev");
    r.destination = dest;
    r.deliveryState = state;
    r.challengeStatus = QStringLiteral("pending");
    return r;
}
} // namespace

TEST_F(LiveSendsModelTest, LoadsNewestFirstThenFollowsNewAndChangedRows)
{
    LiveSendsModel model(m_thread.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    ASSERT_EQ(sendTo(QStringLiteral("+919812345001")).status, OutcomeStatus::Sent);
    ASSERT_EQ(sendTo(QStringLiteral("+919812345002")).status, OutcomeStatus::Sent);
    ASSERT_TRUE(pollOnce(model));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, LiveSendsModel::Destination).data(LiveSendsModel::DestinationRole).toString(),
              QStringLiteral("+919812345002"));
    // Support by default: the destination is masked.
    EXPECT_EQ(model.index(0, LiveSendsModel::Destination).data().toString(), QString::fromUtf8("+91 98•••••002"));
    EXPECT_EQ(model.index(0, LiveSendsModel::Status).data(LiveSendsModel::StatusKeyRole).toString(), QStringLiteral("pending"));

    // Another writer: a new send, and a verification of the first challenge.
    m_db.clock().advanceS(5);
    ASSERT_EQ(sendTo(QStringLiteral("+919812345003")).status, OutcomeStatus::Sent);
    VerifyRequest v;
    v.destination = QStringLiteral("+919812345001");
    v.code = m_db.outbox().lastCodeFor(QStringLiteral("+919812345001"));
    ASSERT_EQ(m_db.service().verify(v).status, OutcomeStatus::Verified);

    ASSERT_TRUE(pollOnce(model));
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, LiveSendsModel::Destination).data(LiveSendsModel::DestinationRole).toString(),
              QStringLiteral("+919812345003"));
    EXPECT_EQ(model.index(2, LiveSendsModel::Status).data(LiveSendsModel::StatusKeyRole).toString(), QStringLiteral("verified"));

    model.setRevealDestinations(true);
    EXPECT_EQ(model.index(0, LiveSendsModel::Destination).data().toString(), QStringLiteral("+919812345003"));
}

TEST_F(LiveSendsModelTest, FailedDeliveriesSayWhyInPlainWords)
{
    otp::test::TestDatabase failing({QStringLiteral("+919812345099")});
    DatabaseThread thread(failing.database());
    LiveSendsModel model(&thread);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    SendRequest r;
    r.destination = QStringLiteral("+919812345099");
    ASSERT_EQ(failing.service().send(r).status, OutcomeStatus::DeliveryFailed);
    ASSERT_TRUE(pollOnce(model));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, LiveSendsModel::Status).data(LiveSendsModel::StatusKeyRole).toString(), QStringLiteral("delivery_failed"));
    const QString answer = model.index(0, LiveSendsModel::VendorAnswer).data().toString();
    EXPECT_TRUE(answer.contains(QStringLiteral("refused"))) << answer.toStdString();
    EXPECT_TRUE(answer.contains(QStringLiteral("422"))) << answer.toStdString();
}

TEST_F(LiveSendsModelTest, KeepsAtMostMaxRows)
{
    LiveSendsModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMaxRows(3);
    model.applyRows({row(2, QStringLiteral("a"), QStringLiteral("sms"), QStringLiteral("+919800000002"), QStringLiteral("accepted")),
                     row(1, QStringLiteral("a"), QStringLiteral("sms"), QStringLiteral("+919800000001"), QStringLiteral("accepted"))});
    model.applyRows({row(5, QStringLiteral("a"), QStringLiteral("sms"), QStringLiteral("+919800000005"), QStringLiteral("accepted")),
                     row(4, QStringLiteral("a"), QStringLiteral("sms"), QStringLiteral("+919800000004"), QStringLiteral("accepted"))});
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.rowAt(0).deliveryId, 5);
    EXPECT_EQ(model.rowAt(2).deliveryId, 2);
    // A late commit with a lower id lands in order.
    model.applyRows({row(3, QStringLiteral("a"), QStringLiteral("sms"), QStringLiteral("+919800000003"), QStringLiteral("accepted"))});
    EXPECT_EQ(model.rowAt(1).deliveryId, 4);
    EXPECT_EQ(model.rowAt(2).deliveryId, 3);
}

TEST_F(LiveSendsModelTest, FilterNarrowsByTenantChannelStatusAndSearch)
{
    LiveSendsModel model(nullptr);
    model.setMaxRows(100);
    model.applyRows({row(4, QStringLiteral("acme"), QStringLiteral("whatsapp"), QStringLiteral("+919876543210"), QStringLiteral("accepted")),
                     row(3, QStringLiteral("acme"), QStringLiteral("sms"), QStringLiteral("+919811111111"), QStringLiteral("failed")),
                     row(2, QStringLiteral("default"), QStringLiteral("email"), QStringLiteral("asha@example.com"), QStringLiteral("accepted")),
                     row(1, QStringLiteral("default"), QStringLiteral("sms"), QStringLiteral("+14155550123"), QStringLiteral("accepted"))});
    SendsFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(filter.rowCount(), 4);
    filter.setTenant(QStringLiteral("acme"));
    EXPECT_EQ(filter.rowCount(), 2);
    filter.setStatus(QStringLiteral("delivery_failed"));
    EXPECT_EQ(filter.rowCount(), 1);
    filter.setStatus({});
    filter.setTenant({});
    filter.setChannel(QStringLiteral("sms"));
    EXPECT_EQ(filter.rowCount(), 2);
    filter.setChannel({});
    filter.setSearch(QStringLiteral("098765 43210"));
    ASSERT_EQ(filter.rowCount(), 1);
    EXPECT_EQ(filter.index(0, 0).data(LiveSendsModel::DeliveryIdRole).toLongLong(), 4);
    filter.setSearch(QStringLiteral("ASHA@"));
    EXPECT_EQ(filter.rowCount(), 1);
    EXPECT_EQ(model.distinctValues(LiveSendsModel::Tenant), (QStringList{QStringLiteral("acme"), QStringLiteral("default")}));
}

TEST_F(LiveSendsModelTest, FetchesOlderSendsPageByPageUpToTheHistoryLimit)
{
    for (int i = 0; i < 12; ++i) {
        ASSERT_EQ(sendTo(QStringLiteral("+9198123450%1").arg(i, 2, 10, QLatin1Char('0'))).status, OutcomeStatus::Sent);
        m_db.clock().advanceS(40);
    }
    LiveSendsModel model(m_thread.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMaxRows(4);
    model.setPageSize(3);
    model.setHistoryLimit(9);
    ASSERT_TRUE(pollOnce(model));
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_TRUE(model.canFetchMore({}));

    QSignalSpy fetched(&model, &LiveSendsModel::fetched);
    model.fetchMore({});
    model.fetchMore({}); // a second request while one is under way is ignored
    ASSERT_TRUE(fetched.wait(5000));
    ASSERT_EQ(model.rowCount(), 7);
    for (int r = 1; r < model.rowCount(); ++r)
        EXPECT_GT(model.rowAt(r - 1).deliveryId, model.rowAt(r).deliveryId) << "row " << r;
    model.fetchMore({});
    ASSERT_TRUE(fetched.wait(5000));
    EXPECT_EQ(model.rowCount(), 9);
    EXPECT_FALSE(model.canFetchMore({})) << "the history limit bounds what is held";
    EXPECT_EQ(model.rowAt(8).destination, QStringLiteral("+919812345003"));

    // New sends still arrive on top; the oldest fall off so the bound holds.
    ASSERT_EQ(sendTo(QStringLiteral("+919812345099")).status, OutcomeStatus::Sent);
    ASSERT_TRUE(pollOnce(model));
    EXPECT_EQ(model.rowCount(), 9);
    EXPECT_EQ(model.rowAt(0).destination, QStringLiteral("+919812345099"));
}

TEST_F(LiveSendsModelTest, OffersNoMoreWhenTheFirstReadHoldsEverySend)
{
    ASSERT_EQ(sendTo(QStringLiteral("+919812345001")).status, OutcomeStatus::Sent);
    LiveSendsModel model(m_thread.get());
    ASSERT_TRUE(pollOnce(model));
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_FALSE(model.canFetchMore({}));
}

TEST_F(LiveSendsModelTest, FilterValuesFollowRowsInAndOut)
{
    LiveSendsModel model(nullptr);
    model.setMaxRows(2);
    SendRow reset = row(1, QStringLiteral("zen"), QStringLiteral("email"), QStringLiteral("a@example.com"), QStringLiteral("accepted"));
    reset.purpose = QStringLiteral("password_reset");
    SendRow login = row(2, QStringLiteral("acme"), QStringLiteral("sms"), QStringLiteral("+919800000002"), QStringLiteral("accepted"));
    login.purpose = QStringLiteral("login");
    model.applyRows({login, reset});
    EXPECT_EQ(model.distinctValues(LiveSendsModel::Tenant), (QStringList{QStringLiteral("acme"), QStringLiteral("zen")}));
    EXPECT_EQ(model.distinctValues(LiveSendsModel::Channel), (QStringList{QStringLiteral("email"), QStringLiteral("sms")}));
    EXPECT_EQ(model.distinctValues(LiveSendsModel::Purpose), (QStringList{QStringLiteral("login"), QStringLiteral("password_reset")}));
    // Row 1 (the only "zen", "email" and password reset row) is pushed out by a new send.
    SendRow next = row(3, QStringLiteral("acme"), QStringLiteral("sms"), QStringLiteral("+919800000003"), QStringLiteral("accepted"));
    next.purpose = QStringLiteral("login");
    model.applyRows({next});
    EXPECT_EQ(model.distinctValues(LiveSendsModel::Tenant), QStringList{QStringLiteral("acme")});
    EXPECT_EQ(model.distinctValues(LiveSendsModel::Channel), QStringList{QStringLiteral("sms")});
    EXPECT_EQ(model.distinctValues(LiveSendsModel::Purpose), QStringList{QStringLiteral("login")});
    // A status change moves the row from one status to another.
    SendRow failed = row(3, QStringLiteral("acme"), QStringLiteral("sms"), QStringLiteral("+919800000003"), QStringLiteral("failed"));
    failed.updatedAt += 10;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyRows({failed, row(2, QStringLiteral("acme"), QStringLiteral("sms"), QStringLiteral("+919800000002"), QStringLiteral("failed"))});
    EXPECT_EQ(changed.count(), 1) << "adjacent changed rows are announced together";
    EXPECT_EQ(model.distinctValues(LiveSendsModel::Status), QStringList{QStringLiteral("delivery_failed")});
}

namespace {
// WCAG's contrast ratio of two opaque colours.
double contrast(const QColor& a, const QColor& b)
{
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

// Issue 12: in the dark theme the status words (blue on the row's navy tint) were hard to read. In either
// theme a status is at least 4.5:1 against its row's tint laid over the table's base.
TEST_F(LiveSendsModelTest, EveryStatusIsReadableOnItsRowInALightAndADarkTable)
{
    const QPalette before = QGuiApplication::palette();
    for (const QColor& base : {QColor(Qt::white), QColor(0x1f, 0x21, 0x24)}) {
        QPalette palette = before;
        palette.setColor(QPalette::Base, base);
        QGuiApplication::setPalette(palette);
        LiveSendsModel model(nullptr);
        QList<SendRow> rows;
        const QStringList states{QStringLiteral("accepted"), QStringLiteral("failed"), QStringLiteral("queued")};
        const QStringList challenges{QStringLiteral("pending"), QStringLiteral("verified"), QStringLiteral("locked"),
                                     QStringLiteral("expired"), QStringLiteral("canceled"), QStringLiteral("superseded")};
        qint64 id = 100;
        for (const QString& state : states)
            for (const QString& challenge : challenges) {
                SendRow r = row(id--, QStringLiteral("acme"), QStringLiteral("sms"), QStringLiteral("+919800000002"), state);
                r.challengeStatus = challenge;
                rows << r;
            }
        model.applyRows(rows);
        ASSERT_EQ(model.rowCount(), rows.size());
        QSet<QString> seen;
        for (int i = 0; i < model.rowCount(); ++i) {
            const QModelIndex status = model.index(i, LiveSendsModel::Status);
            seen << status.data(LiveSendsModel::StatusKeyRole).toString();
            const QColor text = status.data(Qt::ForegroundRole).value<QColor>();
            const QColor tint = status.data(Qt::BackgroundRole).value<QColor>();
            const double a = tint.alphaF();
            const QColor under = QColor::fromRgbF(float(tint.redF() * a + base.redF() * (1 - a)), float(tint.greenF() * a + base.greenF() * (1 - a)),
                                                float(tint.blueF() * a + base.blueF() * (1 - a)));
            EXPECT_GE(contrast(text, under), 4.5) << base.name().toStdString() << " " << status.data().toString().toStdString();
        }
        EXPECT_GE(seen.size(), 5) << "statuses of several colours";
        // The other tables' status words (lockouts, timeline, breakers, alarms) stand on the base alone.
        for (const QString& key : {QStringLiteral("locked"), QStringLiteral("delivery_failed"), QStringLiteral("verified"),
                                   QStringLiteral("pending"), QString()})
            EXPECT_GE(contrast(StatusText::textColor(key), base), 4.5) << base.name().toStdString() << " " << key.toStdString();
    }
    QGuiApplication::setPalette(before);
}
