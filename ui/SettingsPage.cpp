#include "SettingsPage.h"

#include "LanguageSwitcher.h"
#include "PolicyModel.h"
#include "StatusText.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace otp::ui {

SettingsPage::SettingsPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_ctx(context),
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
      m_table(new QTableView(this))
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
    m_table->setObjectName(QStringLiteral("policyTable"));
    m_table->setModel(m_policy);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 200);
    m_save->setObjectName(QStringLiteral("savePolicyButton"));
    m_policyResult->setWordWrap(true);

    auto* general = new QFormLayout;
    general->addRow(m_connection);
    general->addRow(m_who);
    general->addRow(m_themeLabel, m_theme);
    general->addRow(m_languageLabel, m_language);
    auto* policyBar = new QHBoxLayout;
    policyBar->addWidget(m_tenantLabel);
    policyBar->addWidget(m_tenant);
    policyBar->addWidget(m_purposeLabel);
    policyBar->addWidget(m_purpose);
    policyBar->addWidget(m_load);
    policyBar->addStretch(1);
    policyBar->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(general);
    layout->addSpacing(12);
    layout->addWidget(m_policyTitle);
    layout->addLayout(policyBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_policyResult);

    connect(m_theme, &QComboBox::activated, this, [this]() { emit themeRequested(m_theme->currentData().toString()); });
    connect(m_language, &QComboBox::activated, this, [this]() { emit languageRequested(m_language->currentData().toString()); });
    connect(m_load, &QPushButton::clicked, this, &SettingsPage::refresh);
    connect(m_tenant, &QLineEdit::returnPressed, this, &SettingsPage::refresh);
    connect(m_purpose, &QComboBox::activated, this, &SettingsPage::refresh);
    connect(m_save, &QPushButton::clicked, this,
            [this]() { m_policy->save(Actor{m_operator.login, m_operator.permissions.roleName()}); });
    connect(m_policy, &models::PolicyModel::saved, this, [this](const Outcome& o) {
        m_policyResult->setText(o.ok() ? tr("Saved: %1").arg(o.message) : tr("Not saved: %1").arg(o.message));
    });
    retranslateUi();
    refresh();
}

void SettingsPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    m_policy->setPermissions(info.permissions);
    m_save->setVisible(info.permissions.canEditPolicy());
    retranslateUi();
}

void SettingsPage::refresh()
{
    m_policy->load(m_tenant->text().trimmed(), purposeFromName(m_purpose->currentData().toString()));
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
    m_connection->setText(tr("<b>Database:</b> %1<br><b>Dev vendor outbox:</b> %2")
                              .arg(m_ctx.databaseDisplayUrl.toHtmlEscaped(), m_ctx.devOutboxPath.toHtmlEscaped()));
    m_who->setText(tr("<b>Signed in as:</b> %1 (%2), role <b>%3</b>%4")
                       .arg(m_operator.displayName.toHtmlEscaped(), m_operator.login.toHtmlEscaped(), m_operator.permissions.roleName(),
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
    m_load->setText(tr("Load"));
    m_save->setText(tr("&Save policy"));
    emit m_policy->headerDataChanged(Qt::Horizontal, 0, models::PolicyModel::ColumnCount - 1);
}

} // namespace otp::ui
