#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"

class QLabel;
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

protected:
    void retranslateUi() override;

private:
    models::AuditModel* m_model;
    QTableView* m_table;
    QLabel* m_hint;
};

} // namespace otp::ui
