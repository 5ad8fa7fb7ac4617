#include "UnlockDialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace otp::ui {

UnlockDialog::UnlockDialog(const QString& destinationShown, QWidget* parent)
    : QDialog(parent), m_destination(destinationShown), m_prompt(new QLabel(this)), m_reason(new QPlainTextEdit(this))
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(false);
    m_prompt->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("unlockReason"));
    m_reason->setTabChangesFocus(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, [this]() { m_ok->setEnabled(!reason().isEmpty()); });
    resize(420, 220);
    retranslateUi();
}

QString UnlockDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void UnlockDialog::setReason(const QString& reason)
{
    m_reason->setPlainText(reason);
}

void UnlockDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void UnlockDialog::retranslateUi()
{
    setWindowTitle(tr("Unlock %1").arg(m_destination));
    m_prompt->setText(tr("Why is %1 being unlocked? The reason is kept in the audit log with your name.").arg(m_destination));
    m_reason->setPlaceholderText(tr("e.g. caller proved their identity on a recorded line"));
    m_ok->setText(tr("Unlock"));
}

} // namespace otp::ui
