#include "ConsoleFixture.h"

#include "DashboardPage.h"
#include "ElidedCellDelegate.h"
#include "ReasonDialog.h"
#include "StatusText.h"
#include "VendorHealthModel.h"
#include "VendorHealthPanel.h"

#include <QApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QToolTip>

using namespace otp;
using namespace otp::ui;

using models::VendorHealthModel;

class VendorHealthPanelTest : public otp::test::ConsoleFixture
{
protected:
    // One send through "dev", and a second vendor whose breaker opened by itself two minutes ago (the row
    // VendorBreaker::record writes).
    void sendAndOpenASecondVendorsBreaker()
    {
        ASSERT_EQ(sendTo(QStringLiteral("+919812345210")).status, OutcomeStatus::Sent);
        const qint64 openedAt = m_db.clock().nowMs();
        m_db.database().session().update(
            QStringLiteral("INSERT INTO vendor_breakers (vendor, state, forced, consecutive_failures, probe_successes, open_until, "
                           "probe_until, closed_at, reason, updated_at) VALUES ('sim-gupshup', 'open', 0, 5, 0, ?, 0, 0, ?, ?)"),
            {openedAt + 60000, QStringLiteral("5 consecutive retryable failures (last: HTTP 500)"), openedAt});
        m_db.clock().advanceS(120);
    }
    // The breaker tests' start: that second vendor's breaker open, an admin on the dashboard at 1366×768.
    VendorHealthPanel* openBreakerOnTheDashboardAt1366x768()
    {
        sendAndOpenASecondVendorsBreaker();
        actAs(QStringLiteral("meera"), QStringLiteral("admin"));
        MainWindow& w = window();
        w.resize(1366, 768);
        w.showPage(MainWindow::Dashboard);
        return w.dashboardPage()->healthPanel();
    }
};

namespace {
QString cell(VendorHealthModel* m, int row, int column)
{
    return m->index(row, column).data().toString();
}
} // namespace

// Issue 13 item 4: the dashboard shows each vendor's health and breaker; an admin forces one open with a
// reason (OtpService::forceBreaker on the worker thread, audited) and the panel shows it forced open.
TEST_F(VendorHealthPanelTest, ShowsEachVendorsStateAndAnAdminForcesOneOpenAudited)
{
    ASSERT_NO_FATAL_FAILURE(sendAndOpenASecondVendorsBreaker());

    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::Dashboard);
    VendorHealthPanel* panel = w.dashboardPage()->healthPanel();
    VendorHealthModel* model = panel->model();
    panel->refresh(3600);
    ASSERT_TRUE(waitFor([&]() { return model->rowOf(QStringLiteral("dev")) >= 0 && model->rowOf(QStringLiteral("sim-gupshup")) >= 0; }));

    const int dev = model->rowOf(QStringLiteral("dev"));
    EXPECT_EQ(model->index(dev, 0).data(VendorHealthModel::StateKeyRole).toString(), QStringLiteral("closed"));
    EXPECT_EQ(cell(model, dev, VendorHealthModel::Breaker), QStringLiteral("closed: in use"));
    EXPECT_EQ(cell(model, dev, VendorHealthModel::SuccessRate), QStringLiteral("100.0 % of 1"));
    EXPECT_EQ(cell(model, dev, VendorHealthModel::Timeouts), QStringLiteral("0"));
    EXPECT_EQ(cell(model, dev, VendorHealthModel::Since), QStringLiteral("never opened"));
    const int gupshup = model->rowOf(QStringLiteral("sim-gupshup"));
    EXPECT_EQ(cell(model, gupshup, VendorHealthModel::Breaker), QStringLiteral("open: sends skip it"));
    EXPECT_TRUE(cell(model, gupshup, VendorHealthModel::Since).endsWith(QStringLiteral("(2 min ago)")))
        << cell(model, gupshup, VendorHealthModel::Since).toStdString();
    EXPECT_TRUE(cell(model, gupshup, VendorHealthModel::Reason).contains(QStringLiteral("HTTP 500")));

    // The admin forces dev open: select it, Force open…, a reason, OK.
    EXPECT_TRUE(panel->openButton()->isVisible());
    panel->table()->selectRow(dev);
    ASSERT_TRUE(panel->openButton()->isEnabled());
    EXPECT_FALSE(panel->closeButton()->isEnabled()) << "dev is closed already";
    ReasonDialog* dialog = panel->requestForce(true);
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(dialog->okButton()->isEnabled()) << "a reason is required";
    dialog->setReason(QStringLiteral("dev gateway maintenance"));
    dialog->accept();
    ASSERT_TRUE(waitFor([&]() {
        const int r = model->rowOf(QStringLiteral("dev"));
        return r >= 0 && model->index(r, 0).data(VendorHealthModel::ForcedRole).toBool();
    }));
    const int devAfter = model->rowOf(QStringLiteral("dev"));
    EXPECT_EQ(cell(model, devAfter, VendorHealthModel::Breaker), QStringLiteral("open (forced)"));
    EXPECT_EQ(cell(model, devAfter, VendorHealthModel::Reason), QStringLiteral("dev gateway maintenance"));
    EXPECT_NE(cell(model, devAfter, VendorHealthModel::Since), QStringLiteral("never opened"));
    EXPECT_TRUE(panel->lastResult().startsWith(QStringLiteral("Done:"))) << panel->lastResult().toStdString();
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_breaker_forced_open' "
                                        "AND actor = 'meera' AND target = 'dev'")),
              1);
    // The selection survived the refresh: Close… is the next step.
    EXPECT_TRUE(panel->closeButton()->isEnabled());
    EXPECT_FALSE(panel->openButton()->isEnabled());
}

TEST_F(VendorHealthPanelTest, SupportSeesTheHealthButCannotForceABreaker)
{
    ASSERT_EQ(sendTo(QStringLiteral("+919812345210")).status, OutcomeStatus::Sent);
    actAs(QStringLiteral("asha"), QStringLiteral("support"));
    MainWindow& w = window();
    w.showPage(MainWindow::Dashboard);
    VendorHealthPanel* panel = w.dashboardPage()->healthPanel();
    panel->refresh(3600);
    ASSERT_TRUE(waitFor([&]() { return panel->model()->rowOf(QStringLiteral("dev")) >= 0; }));
    panel->table()->selectRow(panel->model()->rowOf(QStringLiteral("dev")));
    EXPECT_FALSE(panel->openButton()->isVisible());
    EXPECT_FALSE(panel->closeButton()->isVisible());
    EXPECT_EQ(panel->requestForce(true), nullptr);
    QSignalSpy refused(panel->model(), &VendorHealthModel::forceFinished);
    panel->model()->forceBreaker(QStringLiteral("dev"), true, QStringLiteral("try"), Actor{QStringLiteral("asha"), QStringLiteral("support")},
                                 false);
    ASSERT_EQ(refused.count(), 1);
    EXPECT_EQ(refused.first().first().value<Outcome>().status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM vendor_breakers")), 0);
}

// Issue 12: in Tamil the breaker's state and since-when are cut to "…" in their shared columns when the
// window is narrower than 1366 px (at 1366×768 the state shows whole: the next test). Resting the pointer on
// either shows the whole text, then the state and why.
TEST_F(VendorHealthPanelTest, ATamilBreakerStateCutInItsColumnIsWholeInItsTooltip)
{
    VendorHealthPanel* panel = nullptr;
    ASSERT_NO_FATAL_FAILURE(panel = openBreakerOnTheDashboardAt1366x768());
    MainWindow& w = window();
    VendorHealthModel* model = panel->model();
    w.setLanguage(QStringLiteral("ta"));
    panel->refresh(3600);
    ASSERT_TRUE(waitFor([&]() { return model->rowOf(QStringLiteral("sim-gupshup")) >= 0; }));
    const int row = model->rowOf(QStringLiteral("sim-gupshup"));
    ASSERT_TRUE(waitFor([&]() { return cell(model, row, VendorHealthModel::Breaker) != QStringLiteral("open: sends skip it"); }));
    w.resize(1366, 768);
    QApplication::processEvents();

    QTableView* table = panel->table();
    auto* delegate = qobject_cast<ElidedCellDelegate*>(table->itemDelegate());
    ASSERT_NE(delegate, nullptr);
    auto toolTipAt = [&](const QModelIndex& index) {
        QToolTip::hideText();
        const QPoint pos = table->visualRect(index).center();
        QHelpEvent help(QEvent::ToolTip, pos, table->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(table->viewport(), &help);
        return QToolTip::isVisible() ? QToolTip::text() : QString();
    };
    auto elided = [&](const QModelIndex& index) {
        QStyleOptionViewItem option;
        option.initFrom(table->viewport());
        option.rect = table->visualRect(index);
        option.widget = table;
        return delegate->isElided(option, index);
    };
    const QString why = QStringLiteral("5 consecutive retryable failures");
    // The state, cut: the tooltip (the model's own already begins with the whole state) says it and why.
    const QModelIndex breaker = model->index(row, VendorHealthModel::Breaker);
    const QModelIndex since = model->index(row, VendorHealthModel::Since);
    w.resize(1100, 768);
    QApplication::processEvents();
    ASSERT_TRUE(elided(breaker)) << "whole at 1100 px: " << breaker.data().toString().toStdString();
    QString tip = toolTipAt(breaker);
    EXPECT_TRUE(tip.startsWith(models::StatusText::breakerState(QStringLiteral("open"), false))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(why)) << tip.toStdString();
    // Since when, cut too: its own text first, then the state and why.
    ASSERT_TRUE(elided(since)) << since.data().toString().toStdString();
    tip = toolTipAt(since);
    EXPECT_TRUE(tip.startsWith(since.data().toString() + QLatin1Char('\n') + models::StatusText::breakerState(QStringLiteral("open"), false)))
        << tip.toStdString();
    EXPECT_TRUE(tip.contains(why)) << tip.toStdString();
    w.setLanguage(QStringLiteral("en"));
}

// The screenshot review: in Tamil at 1366×768 the breaker column, stretched beside since-when, cut the state
// ("திறந்தது: அனுப்புதல்கள் இதைத் தவிர்க்கின்றன" ended in "…"); a tooltip alone is not enough for what the panel is
// for. In every language the column is as wide as each state's words, and the dashboard still fits the screen.
TEST_F(VendorHealthPanelTest, EveryBreakerStateShowsWholeAt1366x768InEveryLanguage)
{
    VendorHealthPanel* panel = nullptr;
    ASSERT_NO_FATAL_FAILURE(panel = openBreakerOnTheDashboardAt1366x768());
    MainWindow& w = window();
    VendorHealthModel* model = panel->model();
    QTableView* table = panel->table();
    auto* delegate = qobject_cast<ElidedCellDelegate*>(table->itemDelegate());
    ASSERT_NE(delegate, nullptr);
    const QString shots = qEnvironmentVariable("OTP_UI_SCREENSHOTS");
    for (const QString& lang : {QStringLiteral("ta"), QStringLiteral("hi"), QStringLiteral("en")}) {
        ASSERT_TRUE(switchLanguage(lang)) << lang.toStdString();
        panel->refresh(3600);
        ASSERT_TRUE(waitFor([&]() {
            const int r = model->rowOf(QStringLiteral("sim-gupshup"));
            return r >= 0 && cell(model, r, VendorHealthModel::Breaker) == models::StatusText::breakerState(QStringLiteral("open"), false);
        })) << lang.toStdString();
        w.resize(1366, 768);
        QApplication::processEvents();
        EXPECT_LE(w.minimumSizeHint().width(), 1366) << lang.toStdString();
        EXPECT_LE(w.minimumSizeHint().height(), 768) << lang.toStdString();
        // The cells as the view paints them.
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex index = model->index(r, VendorHealthModel::Breaker);
            QStyleOptionViewItem option;
            option.initFrom(table->viewport());
            option.widget = table;
            option.font = table->font();
            option.rect = table->visualRect(index);
            EXPECT_FALSE(delegate->isElided(option, index)) << lang.toStdString() << ": " << index.data().toString().toStdString() << " in "
                                                             << option.rect.width() << " px";
            EXPECT_LE(option.rect.right(), table->viewport()->width()) << lang.toStdString() << ": the column runs past the table";
        }
        // Every state's words, whichever a vendor is in: the cell's text rectangle holds each.
        const int margin = table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1;
        const int room = table->visualRect(model->index(0, VendorHealthModel::Breaker)).width() - 2 * margin;
        for (const auto& [state, forced] : {std::pair{QStringLiteral("open"), false}, std::pair{QStringLiteral("open"), true},
                                            std::pair{QStringLiteral("half_open"), false}, std::pair{QStringLiteral("closed"), false}}) {
            const QString words = models::StatusText::breakerState(state, forced);
            EXPECT_LE(table->fontMetrics().horizontalAdvance(words), room) << lang.toStdString() << ": " << words.toStdString();
        }
        if (!shots.isEmpty())
            w.grab().save(shots + QStringLiteral("/dashboard-breakers-%1.png").arg(lang));
    }
}
