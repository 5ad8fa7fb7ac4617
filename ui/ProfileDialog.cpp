#include "ProfileDialog.h"

#include "ThemePalette.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace otp::ui {

ProfileDialog::ProfileDialog(const std::optional<models::ConnectionProfile>& existing, QWidget* parent)
    : QDialog(parent),
      m_editing(existing.has_value()),
      m_name(new QLineEdit(this)),
      m_path(new QLineEdit(this)),
      m_host(new QLineEdit(QStringLiteral("localhost"), this)),
      m_database(new QLineEdit(QStringLiteral("otp"), this)),
      m_user(new QLineEdit(QStringLiteral("otp"), this)),
      m_password(new QLineEdit(this)),
      m_engine(new QComboBox(this)),
      m_port(new QSpinBox(this)),
      m_browse(new QPushButton(this)),
      m_form(new QFormLayout),
      m_nameLabel(new QLabel(this)),
      m_engineLabel(new QLabel(this)),
      m_pathLabel(new QLabel(this)),
      m_hostLabel(new QLabel(this)),
      m_portLabel(new QLabel(this)),
      m_databaseLabel(new QLabel(this)),
      m_userLabel(new QLabel(this)),
      m_passwordLabel(new QLabel(this)),
      m_problem(new QLabel(this))
{
    m_engine->addItem(QStringLiteral("SQLite"), QStringLiteral("sqlite"));
    m_engine->addItem(QStringLiteral("PostgreSQL"), QStringLiteral("postgresql"));
    m_engine->addItem(QStringLiteral("MariaDB"), QStringLiteral("mariadb"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setObjectName(QStringLiteral("profilePassword"));
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("profileProblem"));
    m_path->setText(models::ConnectionProfiles::embedded().url.mid(9));
    for (auto [label, buddy] : {std::pair<QLabel*, QWidget*>{m_nameLabel, m_name}, {m_engineLabel, m_engine}, {m_pathLabel, m_path},
                                {m_hostLabel, m_host}, {m_portLabel, m_port}, {m_databaseLabel, m_database},
                                {m_userLabel, m_user}, {m_passwordLabel, m_password}})
        label->setBuddy(buddy);

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    m_form->addRow(m_nameLabel, m_name);
    m_form->addRow(m_engineLabel, m_engine);
    m_form->addRow(m_pathLabel, pathRow);
    m_form->addRow(m_hostLabel, m_host);
    m_form->addRow(m_portLabel, m_port);
    m_form->addRow(m_databaseLabel, m_database);
    m_form->addRow(m_userLabel, m_user);
    m_form->addRow(m_passwordLabel, m_password);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(buttons);

    if (existing) {
        DatabaseConfig c;
        QString error;
        m_name->setText(existing->name);
        m_name->setReadOnly(true);
        if (existing->config(&c, &error)) {
            m_engine->setCurrentIndex(int(c.dialect));
            m_path->setText(c.path);
            if (c.dialect != SqlDialect::Sqlite) {
                m_host->setText(c.host);
                m_port->setValue(c.port);
                m_database->setText(c.database);
                m_user->setText(c.user);
            }
        }
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_engine, &QComboBox::currentIndexChanged, this, &ProfileDialog::engineChanged);
    connect(m_browse, &QPushButton::clicked, this, [this]() {
        const QString f = QFileDialog::getSaveFileName(this, tr("SQLite database file"), m_path->text(), tr("SQLite (*.db *.sqlite);;All files (*)"),
                                                       nullptr, QFileDialog::DontConfirmOverwrite);
        if (!f.isEmpty())
            m_path->setText(f);
    });
    for (QLineEdit* e : {m_name, m_path, m_host, m_database, m_user})
        connect(e, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    connect(m_port, &QSpinBox::valueChanged, this, &ProfileDialog::validate);
    engineChanged();
    retranslateUi();
    resize(480, 360);
}

void ProfileDialog::engineChanged()
{
    const bool file = m_engine->currentData().toString() == QLatin1String("sqlite");
    m_form->setRowVisible(2, file);
    for (int row = 3; row <= 7; ++row)
        m_form->setRowVisible(row, !file);
    if (!file && !m_editing)
        m_port->setValue(m_engine->currentData().toString() == QLatin1String("postgresql") ? 5432 : 3306);
    validate();
}

models::ConnectionProfile ProfileDialog::profile() const
{
    const QString engine = m_engine->currentData().toString();
    QString url;
    if (engine == QLatin1String("sqlite"))
        url = QStringLiteral("sqlite://") + m_path->text().trimmed();
    else
        url = QStringLiteral("%1://%2@%3:%4/%5")
                  .arg(engine == QLatin1String("postgresql") ? QStringLiteral("postgresql") : QStringLiteral("mysql"),
                       m_user->text().trimmed(), m_host->text().trimmed())
                  .arg(m_port->value())
                  .arg(m_database->text().trimmed());
    return {m_name->text().trimmed(), url};
}

QString ProfileDialog::password() const
{
    return m_password->text();
}

QString ProfileDialog::problem() const
{
    DatabaseConfig c;
    QString error;
    const models::ConnectionProfile p = profile();
    if (p.isEmbedded())
        return tr("'%1' is the built-in profile's name").arg(p.name);
    if (!p.config(&c, &error))
        return error;
    if (c.dialect == SqlDialect::Sqlite && !c.path.startsWith(QLatin1Char('/')))
        return tr("the SQLite file needs an absolute path");
    if (c.dialect != SqlDialect::Sqlite && c.user.isEmpty())
        return tr("the server profile names no user");
    return {};
}

void ProfileDialog::set(const QString& name, const QString& engine, const QString& hostOrPath, int port, const QString& database,
                        const QString& user, const QString& password)
{
    m_name->setText(name);
    m_engine->setCurrentIndex(qMax(0, m_engine->findData(engine)));
    if (engine == QLatin1String("sqlite")) {
        m_path->setText(hostOrPath);
    } else {
        m_host->setText(hostOrPath);
        m_port->setValue(port);
        m_database->setText(database);
        m_user->setText(user);
    }
    m_password->setText(password);
}

void ProfileDialog::validate()
{
    const QString p = problem();
    m_problem->setText(ThemePalette::problemHtml(p));
    m_ok->setEnabled(p.isEmpty());
}

void ProfileDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ProfileDialog::retranslateUi()
{
    setWindowTitle(m_editing ? tr("Connection %1").arg(m_name->text()) : tr("New connection"));
    m_nameLabel->setText(tr("&Name"));
    m_engineLabel->setText(tr("&Engine"));
    m_pathLabel->setText(tr("&File"));
    m_hostLabel->setText(tr("&Host"));
    m_portLabel->setText(tr("&Port"));
    m_databaseLabel->setText(tr("&Database"));
    m_userLabel->setText(tr("&User"));
    m_passwordLabel->setText(tr("Pass&word"));
    m_browse->setText(tr("&Browse…"));
    m_password->setPlaceholderText(m_editing ? tr("leave empty to keep the stored password")
                                             : tr("kept in the keychain, never in settings"));
    m_name->setPlaceholderText(tr("e.g. staging-pg"));
    validate();
}

} // namespace otp::ui
