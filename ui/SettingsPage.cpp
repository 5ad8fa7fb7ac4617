#include "SettingsPage.h"

#include "ConnectionProfiles.h"
#include "LanguageSwitcher.h"
#include "PolicyModel.h"
#include "ProfileDialog.h"
#include "StatusText.h"
#include "TemplatesEditor.h"
#include "VendorDialog.h"
#include "VendorsModel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace otp::ui {

SettingsPage::SettingsPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_ctx(context),
      m_tabs(new QTabWidget(this)),
      m_vendors(new models::VendorsModel(context, this)),
      m_profiles(new models::ConnectionProfiles(context.secrets, this)),
      m_vendorTable(new QTableView(this)),
      m_profileTable(new QTableView(this)),
      m_vendorsTitle(new QLabel(this)),
      m_vendorsResult(new QLabel(this)),
      m_connectionsTitle(new QLabel(this)),
      m_connectionsResult(new QLabel(this)),
      m_vendorsEmpty(new QLabel(this)),
      m_addVendor(new QPushButton(this)),
      m_editVendor(new QPushButton(this)),
      m_removeVendor(new QPushButton(this)),
      m_reloadVendors(new QPushButton(this)),
      m_addProfile(new QPushButton(this)),
      m_editProfile(new QPushButton(this)),
      m_removeProfile(new QPushButton(this)),
      m_testProfile(new QPushButton(this)),
      m_connectProfile(new QPushButton(this)),
      m_connectionBusy(new QProgressBar(this)),
      m_policy(new models::PolicyModel(context, this)),
      m_connection(new QLabel(this)),
      m_who(new QLabel(this)),
      m_policyTitle(new QLabel(this)),
      m_policyResult(new QLabel(this)),
      m_themeLabel(new QLabel(this)),
      m_languageLabel(new QLabel(this)),
      m_tenantLabel(new QLabel(this)),
      m_purposeLabel(new QLabel(this)),
      m_theme(new QComboBox(this)),
      m_language(new QComboBox(this)),
      m_purpose(new QComboBox(this)),
      m_tenant(new QLineEdit(QStringLiteral("default"), this)),
      m_load(new QPushButton(this)),
      m_save(new QPushButton(this)),
      m_table(new QTableView(this)),
      m_templates(new TemplatesEditor(context, this))
{
    m_connection->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connection->setWordWrap(true);
    m_who->setWordWrap(true);
    m_theme->addItem(QString(), QStringLiteral("light"));
    m_theme->addItem(QString(), QStringLiteral("dark"));
    for (const QString& code : LanguageSwitcher::languages())
        m_language->addItem(LanguageSwitcher::nativeName(code), code);
    m_purpose->addItem(QString(), QString());
    for (Purpose p : {Purpose::Login, Purpose::Registration, Purpose::PasswordReset, Purpose::Signup})
        m_purpose->addItem(QString(), purposeName(p));
    m_themeLabel->setBuddy(m_theme);
    m_languageLabel->setBuddy(m_language);
    m_tenantLabel->setBuddy(m_tenant);
    m_purposeLabel->setBuddy(m_purpose);
    // QLabel's size hint is the text's advance; DejaVu Sans's "T" starts a pixel before it and a final "t" ends a
    // pixel after it, so "Tenant" lost its edges. A margin each side keeps a line's whole ink inside the label.
    for (QLabel* label : {m_tenantLabel, m_purposeLabel})
        label->setContentsMargins(2, 0, 2, 0);
    m_purpose->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "All purposes" is longer in Tamil
    m_table->setObjectName(QStringLiteral("policyTable"));
    m_table->setModel(m_policy);
    m_table->verticalHeader()->hide();
    // The setting in words, its value and unit; the otpctl key is the setting's tooltip.
    m_table->setColumnHidden(models::PolicyModel::Key, true);
    m_table->horizontalHeader()->setSectionResizeMode(models::PolicyModel::Label, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(models::PolicyModel::Value, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(models::PolicyModel::Unit, QHeaderView::ResizeToContents);
    m_save->setObjectName(QStringLiteral("savePolicyButton"));
    m_policyResult->setWordWrap(true);

    auto* generalPage = new QWidget(this);
    auto* general = new QFormLayout(generalPage);
    general->addRow(m_connection);
    general->addRow(m_who);
    general->addRow(m_themeLabel, m_theme);
    general->addRow(m_languageLabel, m_language);

    auto* policyPage = new QWidget(this);
    auto* policyBar = new QHBoxLayout;
    policyBar->addWidget(m_tenantLabel);
    policyBar->addWidget(m_tenant);
    policyBar->addWidget(m_purposeLabel);
    policyBar->addWidget(m_purpose);
    policyBar->addWidget(m_load);
    policyBar->addStretch(1);
    policyBar->addWidget(m_save);
    auto* policyLayout = new QVBoxLayout(policyPage);
    policyLayout->addWidget(m_policyTitle);
    policyLayout->addLayout(policyBar);
    policyLayout->addWidget(m_table, 1);
    policyLayout->addWidget(m_policyResult);

    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(generalPage, QString());
    m_tabs->addTab(buildConnectionsTab(), QString());
    m_tabs->addTab(buildVendorsTab(), QString());
    m_tabs->addTab(policyPage, QString());
    m_tabs->addTab(m_templates, QString());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_theme, &QComboBox::activated, this, [this]() { emit themeRequested(m_theme->currentData().toString()); });
    connect(m_language, &QComboBox::activated, this, [this]() { emit languageRequested(m_language->currentData().toString()); });
    connect(m_load, &QPushButton::clicked, this, &SettingsPage::refresh);
    connect(m_tenant, &QLineEdit::returnPressed, this, &SettingsPage::refresh);
    connect(m_purpose, &QComboBox::activated, this, &SettingsPage::refresh);
    connect(m_save, &QPushButton::clicked, this,
            [this]() { m_policy->save(Actor{m_operator.login, m_operator.permissions.roleName()}); });
    connect(m_policy, &models::PolicyModel::saved, this, [this](const Outcome& o) {
        m_policyResult->setText(o.ok() ? tr("Saved.") : tr("Not saved: %1").arg(models::StatusText::outcome(o)));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == VendorsTab)
            m_vendors->refresh();
        if (tab == TemplatesTab)
            m_templates->refresh();
    });
    retranslateUi();
    refresh();
}

QWidget* SettingsPage::buildConnectionsTab()
{
    auto* page = new QWidget(this);
    m_profiles->setInUse(m_ctx.connectionProfile);
    m_profileTable->setObjectName(QStringLiteral("profilesTable"));
    m_profileTable->setModel(m_profiles);
    m_profileTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_profileTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_profileTable->verticalHeader()->hide();
    m_profileTable->horizontalHeader()->setSectionResizeMode(models::ConnectionProfiles::Where, QHeaderView::Stretch);
    // A profile's name whole (Tamil's "built-in (…)" was cut); the URL column takes the rest.
    m_profileTable->horizontalHeader()->setSectionResizeMode(models::ConnectionProfiles::Name, QHeaderView::ResizeToContents);
    m_connectionsResult->setWordWrap(true);
    m_connectionsResult->setObjectName(QStringLiteral("connectionsResult"));
    m_connectionsResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectionBusy->setRange(0, 0); // a connection test has no measurable progress: busy until it answers
    m_connectionBusy->setMaximumWidth(160);
    m_connectionBusy->hide();
    auto* bar = new QHBoxLayout;
    for (QPushButton* b : {m_addProfile, m_editProfile, m_removeProfile})
        bar->addWidget(b);
    bar->addStretch(1);
    bar->addWidget(m_connectionBusy);
    bar->addWidget(m_testProfile);
    bar->addWidget(m_connectProfile);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_connectionsTitle);
    layout->addWidget(m_profileTable, 1);
    layout->addLayout(bar);
    layout->addWidget(m_connectionsResult);

    // Where this window was opened, until a connection's result replaces it (worded in retranslateUi()).
    m_connectionsResult->setProperty("openedOn", m_ctx.connectionProfile.isEmpty());
    connect(m_addProfile, &QPushButton::clicked, this, [this]() { editProfile(true); });
    connect(m_editProfile, &QPushButton::clicked, this, [this]() { editProfile(false); });
    connect(m_profileTable, &QTableView::doubleClicked, this, [this]() { editProfile(false); });
    connect(m_removeProfile, &QPushButton::clicked, this, [this]() {
        const QString name = selectedProfile();
        if (!name.isEmpty() &&
            QMessageBox::question(this, tr("Remove connection"), tr("Remove the profile %1 and its stored password?").arg(name)) ==
                QMessageBox::Yes)
            m_profiles->remove(name);
    });
    connect(m_testProfile, &QPushButton::clicked, this, [this]() {
        const int row = m_profiles->rowOf(selectedProfile());
        if (row >= 0) {
            m_connectAfterTest.clear();
            m_connectionsResult->setText(tr("Testing %1…").arg(m_profiles->profileAt(row).name));
            m_profiles->test(m_profiles->profileAt(row));
        }
    });
    connect(m_connectProfile, &QPushButton::clicked, this, [this]() { connectTo(selectedProfile()); });
    connect(m_profiles, &models::ConnectionProfiles::busyChanged, this, [this](bool busy) {
        m_connectionBusy->setVisible(busy);
        m_testProfile->setEnabled(!busy);
        m_connectProfile->setEnabled(!busy);
    });
    connect(m_profiles, &models::ConnectionProfiles::finished, this, [this](bool ok, const QString& message) {
        m_connectionsResult->setText(ok ? message : tr("Not saved: %1").arg(message));
    });
    connect(m_profiles, &models::ConnectionProfiles::tested, this, [this](const QString& name, bool ok, const QString& message) {
        const bool connect = ok && name == m_connectAfterTest;
        m_connectAfterTest.clear();
        m_connectionsResult->setText(ok ? (connect ? tr("%1: %2 — switching…").arg(name, message) : tr("%1: %2").arg(name, message))
                                        : tr("%1 cannot be reached: %2").arg(name, message));
        if (connect)
            emit connectRequested(name);
    });
    return page;
}

QWidget* SettingsPage::buildVendorsTab()
{
    auto* page = new QWidget(this);
    m_vendorTable->setObjectName(QStringLiteral("vendorsTable"));
    m_vendorTable->setModel(m_vendors);
    m_vendorTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_vendorTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_vendorTable->verticalHeader()->hide();
    m_vendorTable->horizontalHeader()->setSectionResizeMode(models::VendorsModel::Settings, QHeaderView::Stretch);
    m_vendorsResult->setWordWrap(true);
    m_vendorsResult->setObjectName(QStringLiteral("vendorsResult"));
    auto* bar = new QHBoxLayout;
    for (QPushButton* b : {m_addVendor, m_editVendor, m_removeVendor})
        bar->addWidget(b);
    bar->addStretch(1);
    bar->addWidget(m_reloadVendors);
    m_vendorsEmpty->setObjectName(QStringLiteral("vendorsEmptyState"));
    m_vendorsEmpty->setWordWrap(true);
    m_vendorsEmpty->hide();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_vendorsTitle);
    layout->addWidget(m_vendorsEmpty);
    layout->addWidget(m_vendorTable, 1);
    layout->addLayout(bar);
    layout->addWidget(m_vendorsResult);

    connect(m_addVendor, &QPushButton::clicked, this, [this]() { editVendor(true); });
    connect(m_editVendor, &QPushButton::clicked, this, [this]() { editVendor(false); });
    connect(m_vendorTable, &QTableView::doubleClicked, this, [this]() {
        if (m_operator.permissions.canEditVendors())
            editVendor(false);
    });
    connect(m_reloadVendors, &QPushButton::clicked, m_vendors, &models::VendorsModel::refresh);
    // An empty list says what that means (sends go to the built-in "dev" vendor), once a read came back;
    // Edit and Remove need a vendor to act on.
    connect(m_vendors, &models::VendorsModel::loaded, this, &SettingsPage::updateVendorButtons);
    connect(m_vendors, &QAbstractItemModel::rowsInserted, this, &SettingsPage::updateVendorButtons);
    connect(m_vendors, &QAbstractItemModel::rowsRemoved, this, &SettingsPage::updateVendorButtons);
    connect(m_vendorTable->selectionModel(), &QItemSelectionModel::currentChanged, this, &SettingsPage::updateVendorButtons);
    connect(m_removeVendor, &QPushButton::clicked, this, [this]() {
        const QModelIndex current = m_vendorTable->currentIndex();
        if (!current.isValid())
            return;
        const VendorConfig c = m_vendors->rowAt(current.row()).config;
        QMessageBox box(QMessageBox::Question, tr("Remove vendor"),
                        tr("Remove the vendor %1? Sends routed to it will fail over to the next vendor of the route.").arg(c.name),
                        QMessageBox::Cancel, this);
        QPushButton* withSecret = c.secretName.isEmpty() ? nullptr
                                                         : box.addButton(tr("Remove, and delete %1").arg(c.secretName), QMessageBox::DestructiveRole);
        QPushButton* only = box.addButton(tr("Remove"), QMessageBox::AcceptRole);
        box.exec();
        if (box.clickedButton() == only || (withSecret && box.clickedButton() == withSecret))
            removeVendor(c.name, withSecret && box.clickedButton() == withSecret);
    });
    connect(m_vendors, &models::VendorsModel::finished, this, [this](const Outcome& o) {
        m_vendorsResult->setText(o.ok() ? tr("Saved: %1").arg(o.message) : tr("Not saved: %1").arg(models::StatusText::outcome(o)));
    });
    return page;
}

void SettingsPage::updateVendorButtons()
{
    const bool none = m_vendors->rowCount() == 0;
    m_vendorsEmpty->setVisible(none);
    const bool canEdit = m_operator.permissions.canEditVendors();
    const bool chosen = m_vendorTable->currentIndex().isValid();
    m_editVendor->setEnabled(canEdit && chosen);
    m_removeVendor->setEnabled(canEdit && chosen);
}

void SettingsPage::editVendor(bool create)
{
    std::optional<VendorConfig> existing;
    bool stored = false;
    if (!create) {
        const QModelIndex current = m_vendorTable->currentIndex();
        if (!current.isValid())
            return;
        existing = m_vendors->rowAt(current.row()).config;
        stored = m_vendors->rowAt(current.row()).credentialStored;
    }
    VendorDialog dialog(existing, stored, this);
    if (dialog.exec() == QDialog::Accepted)
        saveVendor(dialog.config(), dialog.credential());
}

void SettingsPage::editProfile(bool create)
{
    std::optional<models::ConnectionProfile> existing;
    if (!create) {
        const int row = m_profiles->rowOf(selectedProfile());
        if (row < 0 || m_profiles->profileAt(row).isEmbedded())
            return;
        existing = m_profiles->profileAt(row);
    }
    ProfileDialog dialog(existing, this);
    if (dialog.exec() == QDialog::Accepted)
        saveProfile(dialog.profile(), dialog.password());
}

QString SettingsPage::selectedProfile() const
{
    const QModelIndex current = m_profileTable->currentIndex();
    return current.isValid() ? m_profiles->profileAt(current.row()).name : QString();
}

void SettingsPage::saveVendor(const VendorConfig& config, const QString& credential)
{
    m_vendorsResult->setText(tr("Saving %1…").arg(config.name));
    m_vendors->save(config, credential, Actor{m_operator.login, m_operator.permissions.roleName()});
}

void SettingsPage::removeVendor(const QString& name, bool deleteCredential)
{
    m_vendors->remove(name, deleteCredential, Actor{m_operator.login, m_operator.permissions.roleName()});
}

void SettingsPage::saveProfile(const models::ConnectionProfile& profile, const QString& password)
{
    m_profiles->save(profile, password);
}

void SettingsPage::connectTo(const QString& name)
{
    const int row = m_profiles->rowOf(name);
    if (row < 0) {
        m_connectionsResult->setText(tr("Choose a connection first."));
        return;
    }
    if (name == m_ctx.connectionProfile) {
        m_connectionsResult->setText(tr("%1 is the connection in use.").arg(name));
        return;
    }
    m_connectAfterTest = name;
    m_connectionsResult->setText(tr("Testing %1 before switching…").arg(name));
    m_profiles->test(m_profiles->profileAt(row));
}

QString SettingsPage::vendorsResult() const
{
    return m_vendorsResult->text();
}

QString SettingsPage::connectionsResult() const
{
    return m_connectionsResult->text();
}

void SettingsPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void SettingsPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    m_policy->setPermissions(info.permissions);
    m_vendors->setPermissions(info.permissions);
    m_save->setVisible(info.permissions.canEditPolicy());
    for (QPushButton* b : {m_addVendor, m_editVendor, m_removeVendor})
        b->setVisible(info.permissions.canEditVendors());
    m_templates->setOperator(info);
    retranslateUi();
}

void SettingsPage::refresh()
{
    m_policy->load(m_tenant->text().trimmed(), purposeFromName(m_purpose->currentData().toString()));
    if (m_tabs->currentIndex() == VendorsTab)
        m_vendors->refresh();
    if (m_tabs->currentIndex() == TemplatesTab)
        m_templates->refresh();
}

void SettingsPage::setCurrentTheme(const QString& theme)
{
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(theme)));
}

void SettingsPage::setCurrentLanguage(const QString& code)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(code)));
}

void SettingsPage::retranslateUi()
{
    // The note stays worded in the operator's language while nothing else was said there (it was English in Tamil).
    const QString openedOn = m_connectionsResult->property("openedOnText").toString();
    if (m_connectionsResult->property("openedOn").toBool() && (openedOn.isEmpty() || m_connectionsResult->text() == openedOn)) {
        m_connectionsResult->setText(tr("This window was opened on %1 by --db or OTP_DB; connecting to a profile replaces it.")
                                         .arg(m_ctx.databaseDisplayUrl));
        m_connectionsResult->setProperty("openedOnText", m_connectionsResult->text());
    }
    m_connection->setText(tr("<b>Database:</b> %1<br><b>Dev vendor outbox:</b> %2")
                              .arg(m_ctx.databaseDisplayUrl.toHtmlEscaped(), m_ctx.devOutboxPath.toHtmlEscaped()));
    m_who->setText(tr("<b>Signed in as:</b> %1 (%2), role <b>%3</b>%4")
                       .arg(m_operator.displayName.toHtmlEscaped(), m_operator.login.toHtmlEscaped(), m_operator.permissions.roleTitle(),
                            m_operator.known ? QString() : tr(" — not in the operators table, so read-mostly support")));
    m_themeLabel->setText(tr("&Theme"));
    m_theme->setItemText(0, tr("Light"));
    m_theme->setItemText(1, tr("Dark"));
    m_languageLabel->setText(tr("&Language"));
    m_policyTitle->setText(tr("<b>Policy per tenant</b> — %1").arg(m_operator.permissions.canEditPolicy()
                                                                     ? tr("double-click a value to change it, then Save")
                                                                     : tr("read-only: only an admin can change it")));
    m_tenantLabel->setText(tr("Tenant"));
    m_purposeLabel->setText(tr("Purpose"));
    m_purpose->setItemText(0, tr("all purposes"));
    for (int i = 1; i < m_purpose->count(); ++i)
        m_purpose->setItemText(i, models::StatusText::purpose(m_purpose->itemData(i).toString()));
    m_tabs->setTabText(GeneralTab, tr("General"));
    m_tabs->setTabText(ConnectionsTab, tr("Connections"));
    m_tabs->setTabText(VendorsTab, tr("Vendors"));
    m_tabs->setTabText(PoliciesTab, tr("Policies"));
    m_tabs->setTabText(TemplatesTab, tr("Message templates"));
    m_templates->retranslateUi();
    m_connectionsTitle->setText(tr("<b>Database connections</b> — the console opens the one marked in use; server "
                                   "passwords are kept in the keychain, never in the settings file"));
    m_vendorsEmpty->setText(tr("No vendor is stored in this database, so every send goes to the built-in development "
                               "vendor “dev” (this machine's outbox or the vendor simulator), never to a real phone or "
                               "mailbox. Add a vendor to send for real."));
    m_vendorsTitle->setText(tr("<b>Delivery vendors</b> — %1")
                                .arg(m_operator.permissions.canEditVendors()
                                         ? tr("credentials go to the keychain and are never shown again; changes apply here at once")
                                         : tr("read-only: only an admin can change vendors")));
    m_addProfile->setText(tr("&New…"));
    m_editProfile->setText(tr("&Edit…"));
    m_removeProfile->setText(tr("Remove"));
    m_testProfile->setText(tr("&Test connection"));
    m_connectProfile->setText(tr("&Connect"));
    m_addVendor->setText(tr("&Add vendor…"));
    m_editVendor->setText(tr("&Edit…"));
    m_removeVendor->setText(tr("Remove"));
    m_reloadVendors->setText(tr("Reload"));
    emit m_vendors->headerDataChanged(Qt::Horizontal, 0, models::VendorsModel::ColumnCount - 1);
    emit m_profiles->headerDataChanged(Qt::Horizontal, 0, models::ConnectionProfiles::ColumnCount - 1);
    m_load->setText(tr("Load"));
    m_save->setText(tr("&Save policy"));
    emit m_policy->headerDataChanged(Qt::Horizontal, 0, models::PolicyModel::ColumnCount - 1);
    if (m_policy->rowCount() > 0) // the settings' words and units (the columns size to them)
        emit m_policy->dataChanged(m_policy->index(0, 0), m_policy->index(m_policy->rowCount() - 1, models::PolicyModel::ColumnCount - 1),
                                   {Qt::DisplayRole});
}

} // namespace otp::ui
