#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"

class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QLabel;
class QPushButton;
class QTableView;

namespace otp::models {
class LockoutsModel;
}

namespace otp::ui {

class UnlockDialog;

// Active lockouts with the time left ticking, or their history; admins unlock with a reason.
class LockoutsPage : public ConsolePage
{
    Q_OBJECT
public:
    LockoutsPage(const models::ConsoleContext& context, QWidget* parent = nullptr);

    QString title() const override { return tr("Lockouts"); }
    QString settingsKey() const override { return QStringLiteral("lockouts"); }
    void setOperator(const models::OperatorInfo& info) override;
    QTableView* mainTable() const override { return m_table; }
    void refresh() override;

    models::LockoutsModel* model() const { return m_model; }
    QPushButton* unlockButton() const { return m_unlock; }
    QLineEdit* searchBox() const { return m_search; }
    // The line under the table: the unlock's result, then what still blocks the next code.
    QLabel* resultLabel() const { return m_result; }
    // Opens the reason dialog for the selected lockout (non-modal to the event loop: open(), not exec()).
    UnlockDialog* requestUnlock();

protected:
    void retranslateUi() override;

private:
    void updateButtons();
    QModelIndex targetRow() const;

    models::ConsoleContext m_ctx;
    models::LockoutsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLineEdit* m_search;
    QCheckBox* m_history;
    QPushButton* m_unlock;
    QLabel *m_result, *m_roleNote;
};

} // namespace otp::ui
