#pragma once

#include "VendorConfig.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace otp::ui {

// Adds or changes one vendor account: its kind's settings as a form, the name of its credential and,
// optionally, a new credential value (typed hidden, never filled in from the store). OK stays off
// while the settings are invalid, and the problem is named under the form.
class VendorDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing`: the vendor being changed (name and kind fixed); nullopt: a new one.
    VendorDialog(const std::optional<VendorConfig>& existing, bool credentialStored, QWidget* parent = nullptr);

    VendorConfig config() const;
    QString credential() const;
    QString problem() const;

    // For tests and scripted set-up.
    void setName(const QString& name);
    void setKind(const QString& kind);
    void setSetting(const QString& key, const QString& value);
    void setCredential(const QString& value);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildSettings();
    void validate();
    void retranslateUi();

    bool m_editing;
    bool m_credentialStored;
    QJsonObject m_initial;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QCheckBox* m_enabled;
    QFormLayout* m_settingsForm;
    QMap<QString, QLineEdit*> m_settings;
    QLineEdit *m_secretName, *m_credential;
    QLabel *m_nameLabel, *m_kindLabel, *m_secretNameLabel, *m_credentialLabel, *m_problem;
    QPushButton* m_ok;
};

} // namespace otp::ui
