#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace otp::models {
class ManualSender;
}

namespace otp::ui {

// QA triggers a send or resend by hand and reads the outcome in plain words; with the dev vendor
// the delivered message is shown so QA can read the code as the user would.
class ManualSendPage : public ConsolePage
{
    Q_OBJECT
public:
    ManualSendPage(const models::ConsoleContext& context, QWidget* parent = nullptr);

    QString title() const override { return tr("Manual send"); }
    QString settingsKey() const override { return QStringLiteral("manualSend"); }
    void setOperator(const models::OperatorInfo& info) override;

    models::ManualSender* sender() const { return m_sender; }
    QWidget* primaryField() const override;
    void setDestination(const QString& destination);
    void setVendors(const QStringList& vendors);
    // Presses Send (or Resend) as QA would.
    void submit(bool resend);
    QString outcomeText() const;
    QString devMessageText() const;

protected:
    void retranslateUi() override;

private:
    models::ManualSender* m_sender;
    QFormLayout* m_form;
    QLineEdit *m_tenant, *m_destination;
    QComboBox *m_channel, *m_purpose, *m_vendor;
    QPushButton *m_send, *m_resend;
    QLabel *m_outcome, *m_roleNote, *m_devLabel;
    QPlainTextEdit* m_devMessage;
};

} // namespace otp::ui
