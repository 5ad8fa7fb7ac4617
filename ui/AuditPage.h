#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace otp::models {
class AuditModel;
}

namespace otp::ui {

// Who changed what: every unlock, manual send, policy change, cancel.
class AuditPage : public ConsolePage
{
    Q_OBJECT
public:
    AuditPage(const models::ConsoleContext& context, QWidget* parent = nullptr);

    QString title() const override { return tr("Audit log"); }
    QString settingsKey() const override { return QStringLiteral("audit"); }
    void setOperator(const models::OperatorInfo& info) override;
    QTableView* mainTable() const override { return m_table; }
    void refresh() override;
    models::AuditModel* model() const { return m_model; }
    QWidget* primaryField() const override;
    // Narrows the log to one action ("unlock"; empty: all) and a text found in who, target or details.
    void setFilter(const QString& action, const QString& text);

protected:
    void retranslateUi() override;

private:
    void refillActions();

    models::AuditModel* m_model;
    QSortFilterProxyModel *m_byAction, *m_bySearch;
    QTableView* m_table;
    QLabel *m_hint, *m_actionLabel;
    QComboBox* m_action;
    QLineEdit* m_search;
};

} // namespace otp::ui
