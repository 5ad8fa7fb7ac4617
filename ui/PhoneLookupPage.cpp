#include "PhoneLookupPage.h"

#include "Clock.h"
#include "DestinationMask.h"
#include "PhoneLookup.h"
#include "StatusText.h"
#include "TimelineModel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace otp::ui {

PhoneLookupPage::PhoneLookupPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_ctx(context),
      m_lookup(new models::PhoneLookup(context, this)),
      m_timeline(new models::TimelineModel(this)),
      m_tenant(new QLineEdit(QStringLiteral("default"), this)),
      m_input(new QLineEdit(this)),
      m_purpose(new QComboBox(this)),
      m_go(new QPushButton(this)),
      m_tenantLabel(new QLabel(this)),
      m_inputLabel(new QLabel(this)),
      m_purposeLabel(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_table(new QTableView(this))
{
    m_input->setObjectName(QStringLiteral("lookupInput"));
    m_input->setClearButtonEnabled(true);
    m_input->setMinimumWidth(240);
    m_tenant->setMaximumWidth(140);
    for (Purpose p : {Purpose::Login, Purpose::Registration, Purpose::PasswordReset, Purpose::Signup})
        m_purpose->addItem(QString(), purposeName(p));
    m_tenantLabel->setBuddy(m_tenant);
    m_inputLabel->setBuddy(m_input);
    m_purposeLabel->setBuddy(m_purpose);
    m_go->setDefault(true);
    m_go->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    m_summary->setObjectName(QStringLiteral("lookupSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMargin(8);
    m_summary->setAutoFillBackground(true);
    m_summary->setBackgroundRole(QPalette::Base);
    m_table->setObjectName(QStringLiteral("timelineTable"));
    m_table->setModel(m_timeline);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 150);
    m_table->setColumnWidth(1, 300);
    m_table->setWordWrap(false);

    auto* form = new QHBoxLayout;
    form->addWidget(m_inputLabel);
    form->addWidget(m_input, 2);
    form->addWidget(m_tenantLabel);
    form->addWidget(m_tenant);
    form->addWidget(m_purposeLabel);
    form->addWidget(m_purpose);
    form->addWidget(m_go);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_summary);
    split->addWidget(m_table);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(split, 1);

    auto go = [this]() {
        if (m_input->text().trimmed().isEmpty())
            return;
        m_go->setEnabled(false);
        m_lookup->lookup(m_tenant->text().trimmed(), m_input->text().trimmed(),
                         purposeFromName(m_purpose->currentData().toString()).value_or(Purpose::Login));
    };
    connect(m_go, &QPushButton::clicked, this, go);
    connect(m_input, &QLineEdit::returnPressed, this, go);
    connect(m_lookup, &models::PhoneLookup::finished, this, [this]() {
        m_go->setEnabled(true);
        m_haveReport = true;
        m_timeline->setReport(m_lookup->report());
        showReport();
    });
    retranslateUi();
}

void PhoneLookupPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    showReport();
}

void PhoneLookupPage::refresh()
{
    if (m_haveReport)
        m_go->click();
}

void PhoneLookupPage::lookup(const QString& tenant, const QString& destination)
{
    m_tenant->setText(tenant);
    m_input->setText(destination);
    m_go->click();
}

QString PhoneLookupPage::summaryText() const
{
    return m_summary->text();
}

void PhoneLookupPage::showReport()
{
    if (!m_haveReport) {
        m_summary->setText(tr("<p>Type a phone number in any format (98765 43210, +91-98765-43210, 098765…) or an email, "
                              "then press Enter.</p>"));
        return;
    }
    const models::PhoneReport& r = m_lookup->report();
    auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    if (!r.found()) {
        m_summary->setText(tr("<p><b>Not a usable destination:</b> %1</p>").arg(esc(models::StatusText::outcome(r.status))));
        return;
    }
    const bool reveal = m_operator.permissions.revealsDestinations();
    const QJsonObject d = r.status.details;
    const qint64 now = m_ctx.clock->nowMs();
    const qint64 next = r.nextSendAtMs();
    auto when = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")); };

    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(models::DestinationMask::show(r.status.destination, reveal)));
    const bool canSend = r.status.status == OutcomeStatus::CanSend;
    const QString colour = canSend ? models::StatusText::color(QStringLiteral("verified")).name()
                                   : models::StatusText::color(QStringLiteral("locked")).name();
    html += QStringLiteral("<p><b style='color:%1'>%2</b></p>")
                .arg(colour, canSend ? tr("A new code can be sent now.")
                                     : tr("A new code can be sent at %1 (in %2 s).").arg(when(next)).arg(qMax<qint64>(0, (next - now + 999) / 1000)));
    html += QStringLiteral("<p>%1</p>").arg(tr("Why: %1").arg(esc(models::StatusText::outcome(r.status))));
    html += QStringLiteral("<table cellspacing='2' cellpadding='2'>");
    auto row = [&](const QString& k, const QString& v) { html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v); };
    row(tr("Sends in the last hour"), tr("%1 of %2").arg(d.value(QStringLiteral("sends_last_hour")).toInt()).arg(d.value(QStringLiteral("sends_per_hour")).toInt()));
    row(tr("Sends in the last 24 hours"), tr("%1 of %2").arg(d.value(QStringLiteral("sends_last_day")).toInt()).arg(d.value(QStringLiteral("sends_per_day")).toInt()));
    row(tr("Cooldown between sends"), tr("%1 s").arg(d.value(QStringLiteral("cooldown_s")).toInt()));
    const QJsonObject lock = d.value(QStringLiteral("lockout")).toObject();
    row(tr("Lockout"), lock.isEmpty() ? tr("none")
                                      : tr("%1, until %2").arg(models::StatusText::lockReason(lock.value(QStringLiteral("reason")).toString()),
                                                               when(QDateTime::fromString(lock.value(QStringLiteral("locked_until")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch())));
    const QJsonObject latest = d.value(QStringLiteral("latest_challenge")).toObject();
    if (!latest.isEmpty()) {
        QString text = models::StatusText::status(latest.value(QStringLiteral("status")).toString());
        if (latest.contains(QStringLiteral("attempts_remaining")))
            text += tr(" · %1 attempt(s) left").arg(latest.value(QStringLiteral("attempts_remaining")).toInt());
        text += tr(" · by %1 via %2").arg(models::StatusText::channel(latest.value(QStringLiteral("channel")).toString()),
                                         latest.value(QStringLiteral("last_vendor")).toString());
        row(tr("Latest code"), esc(text));
    } else {
        row(tr("Latest code"), tr("none requested yet"));
    }
    const QJsonObject account = r.account.details.value(QStringLiteral("account")).toObject();
    if (r.account.details.value(QStringLiteral("exists")).toBool()) {
        const QString name = (account.value(QStringLiteral("first_name")).toString() + QLatin1Char(' ') +
                              account.value(QStringLiteral("last_name")).toString()).trimmed();
        row(tr("Account"), esc(tr("#%1 %2 · %3 · profile %4")
                                   .arg(account.value(QStringLiteral("id")).toInteger())
                                   .arg(name.isEmpty() ? tr("(no name yet)") : name,
                                        account.value(QStringLiteral("status")).toString(),
                                        account.value(QStringLiteral("profile_completed")).toBool() ? tr("complete") : tr("incomplete"))));
    } else {
        row(tr("Account"), tr("no account (it is created when a code is verified)"));
    }
    html += QStringLiteral("</table>");
    m_summary->setText(html);
}

void PhoneLookupPage::retranslateUi()
{
    m_inputLabel->setText(tr("&Phone or email"));
    m_tenantLabel->setText(tr("T&enant"));
    m_purposeLabel->setText(tr("P&urpose"));
    m_input->setPlaceholderText(tr("e.g. 98765 43210"));
    m_go->setText(tr("&Look up"));
    for (int i = 0; i < m_purpose->count(); ++i)
        m_purpose->setItemText(i, models::StatusText::purpose(m_purpose->itemData(i).toString()));
    emit m_timeline->headerDataChanged(Qt::Horizontal, 0, models::TimelineModel::ColumnCount - 1);
    if (m_haveReport)
        m_timeline->setReport(m_lookup->report());
    showReport();
}

} // namespace otp::ui
