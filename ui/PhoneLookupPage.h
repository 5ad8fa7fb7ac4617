#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"
#include "PhoneReport.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace otp::models {
class PhoneLookup;
class TimelineModel;
} // namespace otp::models

namespace otp::ui {

// "Why did this user get no code?": a phone in any format → account, every challenge and vendor
// answer on one timeline, lockout / cooldown / send-cap state and when a new code can be sent.
class PhoneLookupPage : public ConsolePage
{
    Q_OBJECT
public:
    PhoneLookupPage(const models::ConsoleContext& context, QWidget* parent = nullptr);

    QString title() const override { return tr("Phone lookup"); }
    QString settingsKey() const override { return QStringLiteral("phoneLookup"); }
    void setOperator(const models::OperatorInfo& info) override;
    QTableView* mainTable() const override { return m_table; }
    void refresh() override;

    void lookup(const QString& tenant, const QString& destination);
    models::PhoneLookup* lookupService() const { return m_lookup; }
    models::TimelineModel* timeline() const { return m_timeline; }
    QString summaryText() const;

protected:
    void retranslateUi() override;

private:
    void showReport();

    models::ConsoleContext m_ctx;
    models::PhoneLookup* m_lookup;
    models::TimelineModel* m_timeline;
    QLineEdit *m_tenant, *m_input;
    QComboBox* m_purpose;
    QPushButton* m_go;
    QLabel *m_tenantLabel, *m_inputLabel, *m_purposeLabel, *m_summary;
    QTableView* m_table;
    bool m_haveReport = false;
};

} // namespace otp::ui
