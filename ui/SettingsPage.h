#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"
#include "ConnectionProfiles.h"
#include "VendorConfig.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace otp::models {
class ConnectionProfiles;
class PolicyModel;
class VendorsModel;
}

namespace otp::ui {

class TemplatesEditor;

// Where the console is connected, who it runs as, look and language (General); the database
// connection profiles, passwords in the keychain (Connections); the vendor accounts and their
// credentials (Vendors, admins edit); each tenant's policy (Policies, admins edit, via policySet); each tenant's message templates per
// purpose, channel and language (Message templates, admins edit: TemplatesEditor).
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

    enum Tab { GeneralTab, ConnectionsTab, VendorsTab, PoliciesTab, TemplatesTab };
    void showTab(Tab tab);

    models::PolicyModel* policy() const { return m_policy; }
    models::VendorsModel* vendors() const { return m_vendors; }
    models::ConnectionProfiles* profiles() const { return m_profiles; }
    QTableView* vendorsTable() const { return m_vendorTable; }
    QTableView* profilesTable() const { return m_profileTable; }
    TemplatesEditor* templatesEditor() const { return m_templates; }
    QString vendorsResult() const;
    QString connectionsResult() const;

    // What the buttons do, callable from tests: the dialogs are opened by the buttons only.
    void saveVendor(const VendorConfig& config, const QString& credential);
    void removeVendor(const QString& name, bool deleteCredential);
    void saveProfile(const models::ConnectionProfile& profile, const QString& password);
    // Tests the profile off the GUI thread; on success emits connectRequested(name).
    void connectTo(const QString& profile);
    void setCurrentTheme(const QString& theme);
    void setCurrentLanguage(const QString& code);

signals:
    void themeRequested(const QString& theme);
    void languageRequested(const QString& code);
    // The operator asked to switch to this profile and its test connection worked.
    void connectRequested(const QString& profile);

protected:
    void retranslateUi() override;

private:
    QWidget* buildConnectionsTab();
    QWidget* buildVendorsTab();
    void editVendor(bool create);
    void editProfile(bool create);
    QString selectedProfile() const;

    models::ConsoleContext m_ctx;
    QTabWidget* m_tabs;
    models::VendorsModel* m_vendors;
    models::ConnectionProfiles* m_profiles;
    QTableView *m_vendorTable, *m_profileTable;
    QLabel *m_vendorsTitle, *m_vendorsResult, *m_connectionsTitle, *m_connectionsResult;
    QLabel* m_vendorsEmpty; // says where sends go while no vendor is stored
    void updateVendorButtons();
    QPushButton *m_addVendor, *m_editVendor, *m_removeVendor, *m_reloadVendors;
    QPushButton *m_addProfile, *m_editProfile, *m_removeProfile, *m_testProfile, *m_connectProfile;
    QProgressBar* m_connectionBusy;
    QString m_connectAfterTest;
    models::PolicyModel* m_policy;
    QLabel *m_connection, *m_who, *m_policyTitle, *m_policyResult, *m_themeLabel, *m_languageLabel, *m_tenantLabel, *m_purposeLabel;
    QComboBox *m_theme, *m_language, *m_purpose;
    QLineEdit* m_tenant;
    QPushButton *m_load, *m_save;
    QTableView* m_table;
    TemplatesEditor* m_templates;
};

} // namespace otp::ui
