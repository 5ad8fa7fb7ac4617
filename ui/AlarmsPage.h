#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace otp::models {
class AlarmHistoryModel;
}

namespace otp::ui {

class ReasonDialog;

// The alarm history: raised and cleared alarms of every tenant with their times, newest first, and
// who acknowledged each. An admin acknowledges the selected alarm with a reason (audited).
class AlarmsPage : public ConsolePage
{
    Q_OBJECT
public:
    AlarmsPage(const models::ConsoleContext& context, QWidget* parent = nullptr);

    QString title() const override { return tr("Alarms"); }
    QString settingsKey() const override { return QStringLiteral("alarms"); }
    void setOperator(const models::OperatorInfo& info) override;
    QTableView* mainTable() const override { return m_table; }
    void refresh() override;

    models::AlarmHistoryModel* model() const { return m_model; }
    QPushButton* acknowledgeButton() const { return m_ack; }
    QCheckBox* activeOnlyBox() const { return m_activeOnly; }
    QLabel* resultLabel() const { return m_result; }
    // Says in words that there are no alarms (or no active ones) when a read brought none; hidden otherwise.
    QLabel* emptyStateLabel() const { return m_empty; }
    void selectAlarm(qint64 id);
    // Asks for the reason to acknowledge the selected alarm; nullptr when none is selected or not allowed.
    ReasonDialog* requestAcknowledge();

protected:
    void retranslateUi() override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateButtons();
    void updateEmptyState();
    qint64 selectedId() const;

    models::AlarmHistoryModel* m_model;
    QTableView* m_table;
    QCheckBox* m_activeOnly;
    QPushButton* m_ack;
    QLabel *m_result, *m_roleNote, *m_hint, *m_empty;
    qint64 m_keepSelected = 0; // the alarm selected before a re-read replaced the rows
};

} // namespace otp::ui
