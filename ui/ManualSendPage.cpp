#include "ManualSendPage.h"

#include "Clock.h"
#include "ManualSender.h"
#include "StatusText.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace otp::ui {

ManualSendPage::ManualSendPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_sender(new models::ManualSender(context, this)),
      m_form(new QFormLayout),
      m_tenant(new QLineEdit(QStringLiteral("default"), this)),
      m_destination(new QLineEdit(this)),
      m_clock(context.clock),
      m_channel(new QComboBox(this)),
      m_purpose(new QComboBox(this)),
      m_vendor(new QComboBox(this)),
      m_send(new QPushButton(this)),
      m_resend(new QPushButton(this)),
      m_verify(new QPushButton(this)),
      m_code(new QLineEdit(this)),
      m_outcome(new QLabel(this)),
      m_roleNote(new QLabel(this)),
      m_devLabel(new QLabel(this)),
      m_verifyOutcome(new QLabel(this)),
      m_devMessage(new QPlainTextEdit(this)),
      m_tickTimer(new QTimer(this))
{
    m_code->setObjectName(QStringLiteral("manualCode"));
    m_verify->setObjectName(QStringLiteral("manualVerifyButton"));
    m_verifyOutcome->setObjectName(QStringLiteral("manualVerifyOutcome"));
    m_verifyOutcome->setWordWrap(true);
    m_code->setMaximumWidth(160);
    m_verify->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_destination->setObjectName(QStringLiteral("manualDestination"));
    m_send->setObjectName(QStringLiteral("manualSendButton"));
    m_resend->setObjectName(QStringLiteral("manualResendButton"));
    m_outcome->setObjectName(QStringLiteral("manualOutcome"));
    m_devMessage->setObjectName(QStringLiteral("devMessage"));
    m_vendor->setObjectName(QStringLiteral("manualVendor"));
    m_channel->addItem(QString(), QString());
    for (Channel c : {Channel::Sms, Channel::WhatsApp, Channel::Email})
        m_channel->addItem(QString(), channelName(c));
    for (Purpose p : {Purpose::Login, Purpose::Registration, Purpose::PasswordReset, Purpose::Signup})
        m_purpose->addItem(QString(), purposeName(p));
    m_vendor->addItem(QString(), QString());
    m_devMessage->setReadOnly(true);
    m_devMessage->setMaximumHeight(90);
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::RichText);
    m_roleNote->setWordWrap(true);
    m_send->setDefault(true);
    m_send->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_resend->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));

    for (QWidget* field : std::initializer_list<QWidget*>{m_tenant, m_destination, m_channel, m_purpose, m_vendor}) {
        auto* l = new QLabel(this);
        l->setBuddy(field);
        m_form->addRow(l, field);
    }
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_resend);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_roleNote);
    layout->addLayout(m_form);
    layout->addLayout(buttons);
    layout->addWidget(m_outcome);
    layout->addWidget(m_devLabel);
    layout->addWidget(m_devMessage);
    // Close the loop here: the code read above, checked as the app would check it.
    auto* verifyRow = new QHBoxLayout;
    verifyRow->addWidget(m_code);
    verifyRow->addWidget(m_verify);
    verifyRow->addWidget(m_verifyOutcome, 1);
    layout->addLayout(verifyRow);
    layout->addStretch(1);

    connect(m_send, &QPushButton::clicked, this, [this]() { submit(false); });
    connect(m_resend, &QPushButton::clicked, this, [this]() { submit(true); });
    connect(m_destination, &QLineEdit::returnPressed, this, [this]() { submit(false); });
    connect(m_verify, &QPushButton::clicked, this, [this]() { verifyCode(m_code->text()); });
    connect(m_code, &QLineEdit::returnPressed, this, [this]() { verifyCode(m_code->text()); });
    connect(m_sender, &models::ManualSender::verified, this, [this](const Outcome& o) {
        m_verify->setEnabled(m_operator.permissions.canManualSend());
        const QString key = o.status == OutcomeStatus::Verified ? QStringLiteral("verified") : QStringLiteral("delivery_failed");
        m_verifyOutcome->setText(QStringLiteral("<b style='color:%1'>%2</b>")
                                     .arg(models::StatusText::color(key).name(), models::StatusText::outcome(o).toHtmlEscaped()));
    });
    m_tickTimer->setInterval(1000);
    connect(m_tickTimer, &QTimer::timeout, this, &ManualSendPage::tick);
    m_tickTimer->start();
    connect(m_sender, &models::ManualSender::finished, this, [this](const Outcome& o, const QJsonObject& dev) {
        m_busy = false;
        // A refusal names when the next code can go: the buttons count down to it.
        m_blockedUntilMs = o.retryAfterS && !o.ok() ? m_clock->nowMs() + qint64(*o.retryAfterS) * 1000 : 0;
        if (o.ok() && o.retryAfterS)
            m_blockedUntilMs = 0;
        updateButtons();
        const bool good = o.ok();
        QString text = QStringLiteral("<b style='color:%1'>%2</b>")
                           .arg(models::StatusText::color(good ? QStringLiteral("verified") : QStringLiteral("delivery_failed")).name(),
                                models::StatusText::outcome(o).toHtmlEscaped());
        if (o.attemptsRemaining && good)
            text += tr("<br>%n attempt(s) to enter it.", nullptr, *o.attemptsRemaining);
        m_outcome->setText(text);
        // The only place the console shows a code: the dev vendor's message body, for QA. A refused
        // resend sent nothing: the last message (and its code, still valid) stays in view.
        if (!dev.isEmpty() || good) {
            m_devMessage->setPlainText(dev.value(QStringLiteral("body")).toString());
            m_devLabel->setVisible(!dev.isEmpty());
            m_devMessage->setVisible(!dev.isEmpty());
            m_code->clear();
            m_verifyOutcome->clear();
        }
    });
    m_devLabel->hide();
    m_devMessage->hide();
    retranslateUi();
    setOperator({});
}

QWidget* ManualSendPage::primaryField() const
{
    return m_destination;
}

void ManualSendPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    m_sender->setPermissions(info.permissions);
    const bool may = info.permissions.canManualSend();
    for (QWidget* w : std::initializer_list<QWidget*>{m_tenant, m_destination, m_channel, m_purpose, m_vendor, m_code, m_verify})
        w->setEnabled(may);
    updateButtons();
    retranslateUi();
}

void ManualSendPage::setDestination(const QString& destination)
{
    m_destination->setText(destination);
}

void ManualSendPage::setVendors(const QStringList& vendors)
{
    while (m_vendor->count() > 1)
        m_vendor->removeItem(1);
    for (const QString& v : vendors)
        m_vendor->addItem(v, v);
}

void ManualSendPage::submit(bool resend)
{
    if (m_destination->text().trimmed().isEmpty()) {
        m_outcome->setText(tr("Nothing to send: type a phone number or an email first."));
        return;
    }
    SendRequest r;
    r.tenant = m_tenant->text().trimmed();
    r.destination = m_destination->text().trimmed();
    r.channel = channelFromName(m_channel->currentData().toString());
    r.purpose = purposeFromName(m_purpose->currentData().toString()).value_or(Purpose::Login);
    r.vendor = m_vendor->currentData().toString();
    m_busy = true;
    updateButtons();
    m_outcome->setText(tr("Sending…"));
    m_sender->send(r, Actor{m_operator.login, m_operator.permissions.roleName()}, resend);
}

void ManualSendPage::verifyCode(const QString& code)
{
    m_code->setText(code);
    if (m_destination->text().trimmed().isEmpty() || code.trimmed().isEmpty()) {
        m_verifyOutcome->setText(tr("Type the destination and the code first."));
        return;
    }
    VerifyRequest v;
    v.tenant = m_tenant->text().trimmed();
    v.destination = m_destination->text().trimmed();
    v.code = code.trimmed();
    v.purpose = purposeFromName(m_purpose->currentData().toString()).value_or(Purpose::Login);
    m_verify->setEnabled(false);
    m_verifyOutcome->setText(tr("Checking…"));
    m_sender->verify(v, Actor{m_operator.login, m_operator.permissions.roleName()});
}

QString ManualSendPage::verifyText() const
{
    return m_verifyOutcome->text();
}

void ManualSendPage::tick()
{
    if (m_blockedUntilMs > 0)
        updateButtons();
}

void ManualSendPage::updateButtons()
{
    const bool may = m_operator.permissions.canManualSend() && !m_busy;
    const qint64 left = m_blockedUntilMs > 0 ? (m_blockedUntilMs - m_clock->nowMs() + 999) / 1000 : 0;
    if (left <= 0)
        m_blockedUntilMs = 0;
    // Still pressable while counting down (the core judges; another destination may be typed), but it
    // says how long the one just refused has to wait.
    m_send->setEnabled(may);
    m_resend->setEnabled(may);
    m_send->setText(left > 0 ? tr("&Send code (in %1)").arg(models::StatusText::duration(left)) : tr("&Send code"));
    m_resend->setText(left > 0 ? tr("&Resend (in %1)").arg(models::StatusText::duration(left)) : tr("&Resend"));
}

QString ManualSendPage::outcomeText() const
{
    return m_outcome->text();
}

QString ManualSendPage::devMessageText() const
{
    return m_devMessage->toPlainText();
}

void ManualSendPage::retranslateUi()
{
    auto label = [this](QWidget* field, const QString& text) {
        if (auto* l = qobject_cast<QLabel*>(m_form->labelForField(field)))
            l->setText(text);
    };
    label(m_tenant, tr("Tenant"));
    label(m_destination, tr("&Destination"));
    label(m_channel, tr("&Channel"));
    label(m_purpose, tr("&Purpose"));
    label(m_vendor, tr("Ve&ndor"));
    m_destination->setPlaceholderText(tr("phone in any format, or email"));
    m_channel->setItemText(0, tr("default for the destination"));
    for (int i = 1; i < m_channel->count(); ++i)
        m_channel->setItemText(i, models::StatusText::channel(m_channel->itemData(i).toString()));
    for (int i = 0; i < m_purpose->count(); ++i)
        m_purpose->setItemText(i, models::StatusText::purpose(m_purpose->itemData(i).toString()));
    m_vendor->setItemText(0, tr("default for the channel"));
    updateButtons();
    m_code->setPlaceholderText(tr("code from the message"));
    // The hint whole in every language (Tamil's was cut to "செய்தியில் உள்ள …"): a code is short anyway.
    m_code->setMaximumWidth(qMax(160, m_code->fontMetrics().horizontalAdvance(m_code->placeholderText()) + 24));
    m_code->setMinimumWidth(m_code->maximumWidth());
    m_verify->setText(tr("Verif&y"));
    m_devLabel->setText(tr("Message the dev vendor delivered (read the code here):"));
    m_roleNote->setText(m_operator.permissions.canManualSend()
                            ? tr("Sends are real: they count against the destination's caps and are audited under your name.")
                            : tr("Only QA and admin can send codes by hand; your role is %1.").arg(m_operator.permissions.roleTitle()));
}

} // namespace otp::ui
