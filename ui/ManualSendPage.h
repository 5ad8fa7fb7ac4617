#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"

class QComboBox;
class QTimer;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace otp {
class Clock;
}

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
    // Types `code` into the Verify field and presses Verify, as QA would.
    void verifyCode(const QString& code);
    QString verifyText() const;
    QPushButton* resendButton() const { return m_resend; }
    // Redraws the countdowns on the buttons against the clock.
    void tick();

protected:
    void retranslateUi() override;

private:
    models::ManualSender* m_sender;
    QFormLayout* m_form;
    QLineEdit *m_tenant, *m_destination;
    void updateButtons();

    const Clock* m_clock;
    QComboBox *m_channel, *m_purpose, *m_vendor;
    QPushButton *m_send, *m_resend, *m_verify;
    QLineEdit* m_code;
    QLabel *m_outcome, *m_roleNote, *m_devLabel, *m_verifyOutcome;
    QPlainTextEdit* m_devMessage;
    QTimer* m_tickTimer;
    qint64 m_blockedUntilMs = 0; // the cooldown or cap the last answer named, on m_clock
    bool m_busy = false;
};

} // namespace otp::ui
