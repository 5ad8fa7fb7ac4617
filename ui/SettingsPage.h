#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace otp::models {
class PolicyModel;
}

namespace otp::ui {

// Where the console is connected, who it runs as, look and language, and each tenant's policy
// (editable by admins, through OtpService::policySet).
class SettingsPage : public ConsolePage
{
    Q_OBJECT
public:
    SettingsPage(const models::ConsoleContext& context, QWidget* parent = nullptr);

    QString title() const override { return tr("Settings"); }
    QString settingsKey() const override { return QStringLiteral("settings"); }
    void setOperator(const models::OperatorInfo& info) override;
    QTableView* mainTable() const override { return m_table; }
    void refresh() override;

    models::PolicyModel* policy() const { return m_policy; }
    void setCurrentTheme(const QString& theme);
    void setCurrentLanguage(const QString& code);

signals:
    void themeRequested(const QString& theme);
    void languageRequested(const QString& code);

protected:
    void retranslateUi() override;

private:
    models::ConsoleContext m_ctx;
    models::PolicyModel* m_policy;
    QLabel *m_connection, *m_who, *m_policyTitle, *m_policyResult, *m_themeLabel, *m_languageLabel, *m_tenantLabel, *m_purposeLabel;
    QComboBox *m_theme, *m_language, *m_purpose;
    QLineEdit* m_tenant;
    QPushButton *m_load, *m_save;
    QTableView* m_table;
};

} // namespace otp::ui
