#include "ConsoleFixture.h"

#include "AlarmHistoryModel.h"
#include "AlarmsPage.h"
#include "DatabaseThread.h"
#include "ReasonDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>

using namespace otp;
using namespace otp::ui;

using models::AlarmHistoryModel;

class AlarmHistoryTest : public otp::test::ConsoleFixture
{
protected:
    // The row AlarmMonitor::evaluate writes when a rule fires.
    qint64 raise(const QString& rule, const QString& subject, const QString& observed, const QString& threshold, qint64 at)
    {
        return m_db.database().session().insert(
            QStringLiteral("INSERT INTO alarms (tenant, rule, subject, observed, threshold, message, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {QStringLiteral("default"), rule, subject, observed, threshold,
             QStringLiteral("%1 %2: %3 (threshold %4)").arg(rule, subject, observed, threshold), at});
    }
    void clear(qint64 id, qint64 at)
    {
        m_db.database().session().update(QStringLiteral("UPDATE alarms SET cleared_at = ? WHERE id = ?"), {at, id});
    }
};

// Issue 13 item 4: the alarm history lists raised and cleared alarms with their times; an admin
// acknowledges one with a reason, the audit log has the row with the operator, and the history shows it.
TEST_F(AlarmHistoryTest, AnAdminAcknowledgesAnAlarmAuditedAndTheHistoryShowsWho)
{
    const qint64 t0 = m_db.clock().nowMs();
    const qint64 old = raise(QStringLiteral("outbox_depth"), QStringLiteral("default"), QStringLiteral("40"), QStringLiteral("20"), t0 - 3600000);
    clear(old, t0 - 3000000);
    const qint64 active = raise(QStringLiteral("vendor_success"), QStringLiteral("gupshup"), QStringLiteral("12 %"), QStringLiteral("50 %"), t0);

    actAs(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.showPage(MainWindow::Alarms);
    AlarmsPage* page = w.alarmsPage();
    AlarmHistoryModel* model = page->model();
    page->refresh();
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 2; }));
    EXPECT_EQ(model->rowAt(0).id, active) << "newest first";
    EXPECT_EQ(model->index(0, AlarmHistoryModel::Alarm).data().toString(),
              QStringLiteral("gupshup success 12 % over 15 min (below 50 %)"));
    EXPECT_EQ(model->index(0, AlarmHistoryModel::Cleared).data().toString(), QStringLiteral("still active"));
    EXPECT_EQ(model->index(0, AlarmHistoryModel::Acknowledged).data().toString(), QStringLiteral("not yet"));
    EXPECT_NE(model->index(1, AlarmHistoryModel::Cleared).data().toString(), QStringLiteral("still active"));
    EXPECT_FALSE(model->index(1, AlarmHistoryModel::Raised).data().toString().isEmpty());

    page->mainTable()->selectRow(0);
    ASSERT_TRUE(page->acknowledgeButton()->isVisible());
    ASSERT_TRUE(page->acknowledgeButton()->isEnabled());
    ReasonDialog* dialog = page->requestAcknowledge();
    ASSERT_NE(dialog, nullptr);
    dialog->setReason(QStringLiteral("gupshup outage confirmed, traffic on WATI"));
    dialog->accept();
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 2 && model->rowAt(0).acknowledged(); }));
    const QString ack = model->index(0, AlarmHistoryModel::Acknowledged).data().toString();
    EXPECT_TRUE(ack.startsWith(QStringLiteral("meera at "))) << ack.toStdString();
    EXPECT_TRUE(ack.endsWith(QStringLiteral(": gupshup outage confirmed, traffic on WATI"))) << ack.toStdString();
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'alarm_ack' AND actor = 'meera' "
                                        "AND role = 'admin' AND target = ?"),
                         {QStringLiteral("alarm:%1").arg(active)}),
              1);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM alarm_acks WHERE alarm_id = ? AND acked_by = 'meera'"), {active}), 1);
    EXPECT_TRUE(page->resultLabel()->text().startsWith(QStringLiteral("Acknowledged"))) << page->resultLabel()->text().toStdString();
    EXPECT_FALSE(page->acknowledgeButton()->isEnabled()) << "acknowledged once";
    // The alarm stays active: acknowledging does not clear it.
    EXPECT_TRUE(model->rowAt(0).active());

    // A second acknowledgement (another console) is refused and writes nothing.
    const Outcome twice = m_db.service().acknowledgeAlarm(active, QStringLiteral("me too"), Actor{QStringLiteral("ravi"), QStringLiteral("admin")});
    EXPECT_EQ(twice.status, OutcomeStatus::InvalidInput);
    EXPECT_TRUE(twice.message.contains(QStringLiteral("already acknowledged by meera"))) << twice.message.toStdString();
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'alarm_ack'")), 1);

    // Only the active ones.
    page->activeOnlyBox()->setChecked(true);
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 1; }));
    EXPECT_EQ(model->rowAt(0).id, active);
}

TEST_F(AlarmHistoryTest, SupportSeesTheHistoryButCannotAcknowledge)
{
    const qint64 id = raise(QStringLiteral("lockouts"), QStringLiteral("default"), QStringLiteral("9/min"), QStringLiteral("5/min"),
                            m_db.clock().nowMs());
    actAs(QStringLiteral("asha"), QStringLiteral("support"));
    MainWindow& w = window();
    w.showPage(MainWindow::Alarms);
    AlarmsPage* page = w.alarmsPage();
    page->refresh();
    ASSERT_TRUE(waitFor([&]() { return page->model()->rowCount() == 1; }));
    page->mainTable()->selectRow(0);
    EXPECT_FALSE(page->acknowledgeButton()->isVisible());
    EXPECT_EQ(page->requestAcknowledge(), nullptr);
    QSignalSpy refused(page->model(), &AlarmHistoryModel::acknowledgeFinished);
    page->model()->acknowledge(id, QStringLiteral("seen"), Actor{QStringLiteral("asha"), QStringLiteral("support")}, false);
    ASSERT_EQ(refused.count(), 1);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM alarm_acks")), 0);
}

// A tray notification once per newly raised alarm (offscreen has no tray: alarmAnnounced() carries what
// the tray would show). An alarm already active when the console started is not announced.
TEST_F(AlarmHistoryTest, EachNewlyRaisedAlarmIsAnnouncedOnceWithoutANumber)
{
    raise(QStringLiteral("outbox_depth"), QStringLiteral("default"), QStringLiteral("40"), QStringLiteral("20"), m_db.clock().nowMs() - 60000);
    MainWindow& w = window();
    QSignalSpy announced(&w, &MainWindow::alarmAnnounced);
    auto* banner = w.findChild<QLabel*>(QStringLiteral("alarmBanner"));
    ASSERT_TRUE(waitFor([&]() { return banner->isVisible(); }));
    EXPECT_EQ(announced.count(), 0) << "active before the start: the banner shows it, the tray does not";

    m_db.clock().advanceS(30);
    raise(QStringLiteral("conversion"), QStringLiteral("+91981"), QStringLiteral("4.0 %"), QStringLiteral("40.0 %"), m_db.clock().nowMs());
    // Three refreshes, each waited for on the worker's idle signal.
    for (int i = 0; i < 3; ++i) {
        QSignalSpy idle(m_thread.get(), &models::DatabaseThread::idle);
        w.refreshAlarms();
        ASSERT_TRUE(idle.wait(5000));
        QApplication::processEvents();
    }
    ASSERT_EQ(announced.count(), 1);
    const QString message = announced.first().at(1).toString();
    EXPECT_EQ(message, QStringLiteral("numbers +91981…: 4.0 % of codes verified over 15 min (below 40.0 %): SMS pumping?"));
    EXPECT_FALSE(message.contains(QStringLiteral("+919812345"))) << "a number block, never a number";
    EXPECT_EQ(w.announcedAlarms(), 1);
}

// Issue 12: with no alarms the page said nothing (an empty table). It says so in words once the history
// is read, in the operator's language; any alarm hides the words, and "only active" has its own.
TEST_F(AlarmHistoryTest, AnEmptyHistorySaysSoInWordsAndAnAlarmHidesThem)
{
    MainWindow& w = window();
    w.resize(1366, 768);
    w.showPage(MainWindow::Alarms);
    AlarmsPage* page = w.alarmsPage();
    AlarmHistoryModel* model = page->model();
    QLabel* empty = page->emptyStateLabel();
    ASSERT_NE(empty, nullptr);
    page->refresh();
    ASSERT_TRUE(waitFor([&]() { return model->hasLoaded(); }));
    ASSERT_EQ(model->rowCount(), 0);
    ASSERT_TRUE(waitFor([&]() { return empty->isVisible(); }));
    EXPECT_EQ(empty->text(), QStringLiteral("No alarms: no health rule has fired on this database yet."));
    EXPECT_TRUE(page->mainTable()->viewport()->isAncestorOf(empty)) << "inside the table, under its headers";

    // In Hindi and Tamil, in their own scripts; the screenshots of the empty page go with them.
    const QString dir = qEnvironmentVariable("OTP_UI_SCREENSHOTS");
    if (!dir.isEmpty())
        QDir().mkpath(dir);
    for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
        w.setTheme(theme);
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("hi"), QStringLiteral("ta")}) {
            w.setLanguage(lang);
            const QRegularExpression script(lang == QLatin1String("hi")   ? QStringLiteral("[\\x{0900}-\\x{097F}]")
                                            : lang == QLatin1String("ta") ? QStringLiteral("[\\x{0B80}-\\x{0BFF}]")
                                                                          : QStringLiteral("^No alarms"));
            ASSERT_TRUE(waitFor([&]() { return empty->text().contains(script); })) << lang.toStdString() << " "
                                                                                    << empty->text().toStdString();
            EXPECT_TRUE(empty->isVisible());
            QApplication::processEvents();
            // Whole: the words fit the viewport, wrapped where they must.
            EXPECT_LE(empty->heightForWidth(empty->width()), empty->height()) << lang.toStdString();
            if (!dir.isEmpty())
                w.grab().save(QStringLiteral("%1/alarms-empty-%2-%3.png").arg(dir, lang, theme));
        }
    }
    w.setLanguage(QStringLiteral("en"));
    w.setTheme(QStringLiteral("light"));
    ASSERT_TRUE(waitFor([&]() { return empty->text().startsWith(QStringLiteral("No alarms")); }));

    // An alarm, even a cleared one: the table shows it and the words go.
    const qint64 t0 = m_db.clock().nowMs();
    const qint64 old = raise(QStringLiteral("outbox_depth"), QStringLiteral("default"), QStringLiteral("40"), QStringLiteral("20"), t0 - 60000);
    clear(old, t0);
    page->refresh();
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 1; }));
    EXPECT_FALSE(empty->isVisible());

    // Only the active ones, and none is active: words of their own, once that read is back.
    page->activeOnlyBox()->setChecked(true);
    ASSERT_TRUE(waitFor([&]() { return model->rowsAreActiveOnly() && model->rowCount() == 0; }));
    ASSERT_TRUE(waitFor([&]() { return empty->isVisible(); }));
    EXPECT_EQ(empty->text(),
              QStringLiteral("No active alarms right now. Clear “Only active alarms” to see the ones that have cleared."));

    raise(QStringLiteral("vendor_success"), QStringLiteral("gupshup"), QStringLiteral("12 %"), QStringLiteral("50 %"), t0);
    page->refresh();
    ASSERT_TRUE(waitFor([&]() { return model->rowCount() == 1; }));
    EXPECT_FALSE(empty->isVisible());
}
