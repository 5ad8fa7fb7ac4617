#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace otp::ui {

// Asks why an audited action is taken (forcing a vendor's breaker, acknowledging an alarm); OK needs a
// reason. The caller words the title, the question and the button, already translated.
class ReasonDialog : public QDialog
{
    Q_OBJECT
public:
    ReasonDialog(const QString& title, const QString& prompt, const QString& placeholder, const QString& okText,
                 QWidget* parent = nullptr);

    QString reason() const;
    void setReason(const QString& reason);
    QPushButton* okButton() const { return m_ok; }

private:
    QLabel* m_prompt;
    QPlainTextEdit* m_reason;
    QPushButton* m_ok;
};

} // namespace otp::ui
