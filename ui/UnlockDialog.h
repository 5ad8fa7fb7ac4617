#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace otp::ui {

// Asks why a lockout is being released; the reason is required and goes to the audit log.
class UnlockDialog : public QDialog
{
    Q_OBJECT
public:
    UnlockDialog(const QString& destinationShown, QWidget* parent = nullptr);

    QString reason() const;
    void setReason(const QString& reason);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QString m_destination;
    QLabel* m_prompt;
    QPlainTextEdit* m_reason;
    QPushButton* m_ok;
};

} // namespace otp::ui
