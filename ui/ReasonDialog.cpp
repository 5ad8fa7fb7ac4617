#include "ReasonDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace otp::ui {

ReasonDialog::ReasonDialog(const QString& title, const QString& prompt, const QString& placeholder, const QString& okText,
                           QWidget* parent)
    : QDialog(parent), m_prompt(new QLabel(prompt, this)), m_reason(new QPlainTextEdit(this))
{
    setWindowTitle(title);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(okText);
    m_ok->setEnabled(false);
    m_prompt->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(placeholder);
    m_reason->setTabChangesFocus(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, [this]() { m_ok->setEnabled(!reason().isEmpty()); });
    resize(440, 220);
}

QString ReasonDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void ReasonDialog::setReason(const QString& reason)
{
    m_reason->setPlainText(reason);
}

} // namespace otp::ui
