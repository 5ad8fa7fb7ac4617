#pragma once

#include "ConnectionProfiles.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace otp::ui {

// A database connection profile: SQLite file, or PostgreSQL / MariaDB server, user and database.
// The password is typed hidden and goes to the keychain, never into the profile.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(const std::optional<models::ConnectionProfile>& existing, QWidget* parent = nullptr);

    models::ConnectionProfile profile() const;
    QString password() const;
    QString problem() const;

    // For tests and scripted set-up: engine is sqlite | postgresql | mariadb.
    void set(const QString& name, const QString& engine, const QString& hostOrPath, int port, const QString& database,
             const QString& user, const QString& password = {});

protected:
    void changeEvent(QEvent* event) override;

private:
    void engineChanged();
    void validate();
    void retranslateUi();

    bool m_editing;
    QLineEdit *m_name, *m_path, *m_host, *m_database, *m_user, *m_password;
    QComboBox* m_engine;
    QSpinBox* m_port;
    QPushButton *m_browse, *m_ok;
    QFormLayout* m_form;
    QLabel *m_nameLabel, *m_engineLabel, *m_pathLabel, *m_hostLabel, *m_portLabel, *m_databaseLabel, *m_userLabel,
        *m_passwordLabel, *m_problem;
};

} // namespace otp::ui
