#include "VendorDialog.h"

#include "ThemePalette.h"
#include "VendorsModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace otp::ui {

using models::VendorsModel;

VendorDialog::VendorDialog(const std::optional<VendorConfig>& existing, bool credentialStored, QWidget* parent)
    : QDialog(parent),
      m_editing(existing.has_value()),
      m_credentialStored(credentialStored),
      m_name(new QLineEdit(this)),
      m_kind(new QComboBox(this)),
      m_enabled(new QCheckBox(this)),
      m_settingsForm(new QFormLayout),
      m_secretName(new QLineEdit(this)),
      m_credential(new QLineEdit(this)),
      m_nameLabel(new QLabel(this)),
      m_kindLabel(new QLabel(this)),
      m_secretNameLabel(new QLabel(this)),
      m_credentialLabel(new QLabel(this)),
      m_problem(new QLabel(this))
{
    for (const QString& k : VendorsModel::kinds())
        m_kind->addItem(k, k);
    m_name->setObjectName(QStringLiteral("vendorName"));
    m_kind->setObjectName(QStringLiteral("vendorKind"));
    m_credential->setObjectName(QStringLiteral("vendorCredential"));
    m_credential->setEchoMode(QLineEdit::Password);
    m_problem->setObjectName(QStringLiteral("vendorProblem"));
    m_problem->setWordWrap(true);
    m_enabled->setChecked(true);
    m_nameLabel->setBuddy(m_name);
    m_kindLabel->setBuddy(m_kind);
    m_secretNameLabel->setBuddy(m_secretName);
    m_credentialLabel->setBuddy(m_credential);

    if (existing) {
        m_name->setText(existing->name);
        m_name->setReadOnly(true);
        m_kind->setCurrentIndex(qMax(0, m_kind->findData(existing->kind)));
        m_kind->setEnabled(false);
        m_enabled->setChecked(existing->enabled);
        m_secretName->setText(existing->secretName);
        m_initial = existing->settings;
    }

    auto* top = new QFormLayout;
    top->addRow(m_nameLabel, m_name);
    top->addRow(m_kindLabel, m_kind);
    top->addRow(QString(), m_enabled);
    auto* credentials = new QFormLayout;
    credentials->addRow(m_secretNameLabel, m_secretName);
    credentials->addRow(m_credentialLabel, m_credential);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(m_settingsForm);
    layout->addLayout(credentials);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this]() {
        rebuildSettings();
        validate();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& name) {
        // A new vendor's credential follows its name until the operator names it otherwise.
        if (!m_editing && (m_secretName->text().isEmpty() || m_secretName->isModified() == false))
            m_secretName->setText(m_kind->currentData().toString() == QLatin1String("smtp") ? QString()
                                                                                            : VendorsModel::defaultSecretName(name.trimmed()));
        validate();
    });
    for (QLineEdit* e : {m_secretName, m_credential})
        connect(e, &QLineEdit::textChanged, this, &VendorDialog::validate);
    rebuildSettings();
    retranslateUi();
    validate();
    resize(520, 560);
}

void VendorDialog::rebuildSettings()
{
    // Keep what was typed when the kind changes back and forth.
    for (auto it = m_settings.cbegin(); it != m_settings.cend(); ++it)
        if (!it.value()->text().isEmpty())
            m_initial.insert(it.key(), it.value()->text());
    while (m_settingsForm->rowCount() > 0)
        m_settingsForm->removeRow(0);
    m_settings.clear();
    for (const QString& key : VendorsModel::settingKeys(m_kind->currentData().toString())) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("setting_") + key);
        const QJsonValue v = m_initial.value(key);
        edit->setText(v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : v.toString());
        connect(edit, &QLineEdit::textChanged, this, &VendorDialog::validate);
        m_settingsForm->addRow(key, edit);
        m_settings.insert(key, edit);
    }
}

VendorConfig VendorDialog::config() const
{
    VendorConfig c;
    c.name = m_name->text().trimmed();
    c.kind = m_kind->currentData().toString();
    c.enabled = m_enabled->isChecked();
    c.secretName = m_secretName->text().trimmed();
    for (auto it = m_settings.cbegin(); it != m_settings.cend(); ++it)
        if (!it.value()->text().trimmed().isEmpty())
            c.settings.insert(it.key(), it.value()->text().trimmed());
    return c;
}

QString VendorDialog::credential() const
{
    return m_credential->text();
}

QString VendorDialog::problem() const
{
    const VendorConfig c = config();
    QString p = VendorsModel::problem(c);
    if (p.isEmpty() && !c.secretName.isEmpty() && !m_credentialStored && m_credential->text().isEmpty())
        p = tr("enter the credential: none is stored under %1 yet").arg(c.secretName);
    if (p.isEmpty() && c.secretName.isEmpty() && !m_credential->text().isEmpty())
        p = tr("name the secret the credential is kept under");
    return p;
}

void VendorDialog::validate()
{
    const QString p = problem();
    m_problem->setText(ThemePalette::problemHtml(p));
    m_ok->setEnabled(p.isEmpty());
}

void VendorDialog::setName(const QString& name)
{
    m_name->setText(name);
    emit m_name->textEdited(name);
}

void VendorDialog::setKind(const QString& kind)
{
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(kind)));
}

void VendorDialog::setSetting(const QString& key, const QString& value)
{
    if (QLineEdit* e = m_settings.value(key))
        e->setText(value);
}

void VendorDialog::setCredential(const QString& value)
{
    m_credential->setText(value);
}

void VendorDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void VendorDialog::retranslateUi()
{
    setWindowTitle(m_editing ? tr("Vendor %1").arg(m_name->text()) : tr("New vendor"));
    m_nameLabel->setText(tr("&Name"));
    m_kindLabel->setText(tr("&Kind"));
    m_enabled->setText(tr("&Enabled: sends may be routed to it"));
    m_secretNameLabel->setText(tr("Credential &name"));
    m_credentialLabel->setText(tr("&Credential"));
    m_secretName->setPlaceholderText(tr("e.g. vendor/gupshup (empty for an SMTP server without login)"));
    m_credential->setPlaceholderText(m_credentialStored ? tr("stored in the keychain — leave empty to keep it")
                                                        : tr("password or API token; kept in the keychain only"));
}

} // namespace otp::ui
