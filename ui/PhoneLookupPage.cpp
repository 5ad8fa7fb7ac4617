#include "PhoneLookupPage.h"

#include "Clock.h"
#include "DatabaseThread.h"
#include "DestinationMask.h"
#include "ElidedCellDelegate.h"
#include "PhoneLookup.h"
#include "StatusText.h"
#include "TimelineModel.h"
#include "UnlockDialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace otp::ui {

namespace {
qint64 msOf(const QJsonValue& iso)
{
    const QString s = iso.toString();
    return s.isEmpty() ? 0 : QDateTime::fromString(s, Qt::ISODateWithMs).toMSecsSinceEpoch();
}
QString clockTime(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    return t.date() == QDate::currentDate() ? t.toString(QStringLiteral("HH:mm:ss")) : t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}
qint64 secondsLeft(qint64 untilMs, qint64 nowMs)
{
    return qMax<qint64>(0, (untilMs - nowMs + 999) / 1000);
}
} // namespace

PhoneLookupPage::PhoneLookupPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_ctx(context),
      m_lookup(new models::PhoneLookup(context, this)),
      m_timeline(new models::TimelineModel(this)),
      m_tenant(new QLineEdit(QStringLiteral("default"), this)),
      m_input(new QLineEdit(this)),
      m_purpose(new QComboBox(this)),
      m_go(new QPushButton(this)),
      m_unlock(new QPushButton(this)),
      m_tenantLabel(new QLabel(this)),
      m_inputLabel(new QLabel(this)),
      m_purposeLabel(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_notice(new QLabel(this)),
      m_table(new QTableView(this)),
      m_tickTimer(new QTimer(this)),
      m_pollTimer(new QTimer(this))
{
    m_input->setObjectName(QStringLiteral("lookupInput"));
    m_input->setClearButtonEnabled(true);
    m_input->setMinimumWidth(240);
    m_tenant->setMaximumWidth(140);
    m_purpose->setObjectName(QStringLiteral("lookupPurpose"));
    for (Purpose p : {Purpose::Login, Purpose::Registration, Purpose::PasswordReset, Purpose::Signup})
        m_purpose->addItem(QString(), purposeName(p));
    m_tenantLabel->setBuddy(m_tenant);
    m_inputLabel->setBuddy(m_input);
    m_purposeLabel->setBuddy(m_purpose);
    // QLabel's size hint is the text's advance; DejaVu Sans's "T" starts a pixel before it and a final "t" ends a
    // pixel after it, so "Tenant" lost its edges. A margin each side keeps a line's whole ink inside the label.
    for (QLabel* label : {m_inputLabel, m_tenantLabel, m_purposeLabel})
        label->setContentsMargins(2, 0, 2, 0);
    m_go->setDefault(true);
    m_go->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    m_unlock->setObjectName(QStringLiteral("lookupUnlockButton"));
    m_unlock->setIcon(style()->standardIcon(QStyle::SP_DialogOkButton));
    m_unlock->hide();
    m_summary->setObjectName(QStringLiteral("lookupSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMargin(8);
    m_summary->setAutoFillBackground(true);
    m_summary->setBackgroundRole(QPalette::Base);
    m_notice->setObjectName(QStringLiteral("lookupNotice"));
    m_notice->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("timelineTable"));
    m_table->setModel(m_timeline);
    m_table->setItemDelegate(new ElidedCellDelegate(m_table)); // an elided cell's whole text as its tooltip
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 150);
    m_table->setColumnWidth(1, 340);
    // Each event whole (Tamil's are long: "dev ஐ எஸ்எம்எஸ் வழியாக…" was cut), up to half the width; the
    // details take the rest, wrapped onto more lines where they need them (in Tamil the vendor's message id,
    // what support quotes to the vendor, was cut), the row as tall as its lines. ElidedCellDelegate draws
    // the wrapped lines itself and sizes the row by the same layout. A timeline is one destination's
    // history, a few dozen rows: fitting their heights is cheap.
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_timeline, &QAbstractItemModel::modelReset, this, [this]() {
        m_table->resizeColumnToContents(models::TimelineModel::Event);
        const int widest = qMax(340, m_table->viewport()->width() / 2);
        m_table->setColumnWidth(models::TimelineModel::Event, qBound(340, m_table->columnWidth(models::TimelineModel::Event), widest));
    });

    auto* form = new QHBoxLayout;
    form->addWidget(m_inputLabel);
    form->addWidget(m_input, 2);
    form->addWidget(m_tenantLabel);
    form->addWidget(m_tenant);
    form->addWidget(m_purposeLabel);
    form->addWidget(m_purpose);
    form->addWidget(m_go);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_notice, 1);
    actions->addWidget(m_unlock);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_summary, 1);
    topLayout->addLayout(actions);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_table);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(split, 1);

    connect(m_go, &QPushButton::clicked, this, &PhoneLookupPage::go);
    connect(m_input, &QLineEdit::returnPressed, this, &PhoneLookupPage::go);
    // Another purpose chosen after a lookup: follow it at once.
    connect(m_purpose, &QComboBox::currentIndexChanged, this, [this]() {
        if (m_haveReport)
            go();
    });
    // Double-click on a code of another purpose (a failed registration under a login lookup) follows it.
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString purpose = index.data(models::TimelineModel::PurposeRole).toString();
        const int i = m_purpose->findData(purpose);
        if (!purpose.isEmpty() && i >= 0 && i != m_purpose->currentIndex())
            m_purpose->setCurrentIndex(i);
    });
    connect(m_lookup, &models::PhoneLookup::finished, this, [this]() {
        m_go->setEnabled(true);
        m_haveReport = true;
        m_timeline->setReport(m_lookup->report());
        showReport();
        if (m_afterUnlock) {
            m_afterUnlock = false;
            const QJsonArray still = m_lookup->report().status.details.value(QStringLiteral("blocked_by")).toArray();
            if (still.isEmpty()) {
                m_notice->setText(tr("Unlocked. A new code can be sent now."));
            } else {
                QStringList names;
                for (const QJsonValue& b : still)
                    names << models::StatusText::blocker(b.toObject().value(QStringLiteral("reason")).toString());
                m_notice->setText(tr("Unlocked. Still blocking the next code: %1.").arg(names.join(QStringLiteral(", "))));
            }
        }
    });
    connect(m_unlock, &QPushButton::clicked, this, &PhoneLookupPage::requestUnlock);
    connect(m_lookup, &models::PhoneLookup::unlockFinished, this, [this](const Outcome& o) {
        if (o.status == OutcomeStatus::Unlocked) {
            m_afterUnlock = true;
            m_notice->setText(models::StatusText::outcome(o));
            m_lookup->lookup(m_queryTenant, m_lookup->report().status.destination, m_queryPurpose);
        } else {
            m_notice->setText(tr("Not unlocked: %1").arg(models::StatusText::outcome(o)));
        }
    });

    m_tickTimer->setInterval(1000);
    connect(m_tickTimer, &QTimer::timeout, this, &PhoneLookupPage::tick);
    m_tickTimer->start();
    m_pollTimer->setInterval(2000);
    connect(m_pollTimer, &QTimer::timeout, this, &PhoneLookupPage::requery);
    m_pollTimer->start();
    if (m_ctx.db)
        connect(m_ctx.db, &models::DatabaseThread::changed, this, &PhoneLookupPage::requery);
    retranslateUi();
}

QWidget* PhoneLookupPage::primaryField() const
{
    return m_input;
}

void PhoneLookupPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    // A role that may not see it: the full number must not stay in the field.
    if (!info.permissions.revealsDestinations() && m_hiddenDestination.isEmpty() && m_haveReport &&
        m_lookup->report().found() && m_input->text().trimmed() == m_lookup->report().status.destination) {
        m_hiddenDestination = m_lookup->report().status.destination;
        m_maskedShown = models::DestinationMask::mask(m_hiddenDestination);
        m_input->setText(m_maskedShown);
    }
    showReport();
    updateUnlockButton();
}

void PhoneLookupPage::setRefreshInterval(int ms)
{
    m_pollTimer->setInterval(ms);
}

void PhoneLookupPage::refresh()
{
    if (m_haveReport)
        go();
}

void PhoneLookupPage::go()
{
    QString destination = m_input->text().trimmed();
    if (destination.isEmpty()) {
        m_summary->setText(tr("<p><b>Nothing to look up:</b> type a phone number or an email first.</p>"));
        return;
    }
    if (!m_hiddenDestination.isEmpty() && destination == m_maskedShown)
        destination = m_hiddenDestination;
    else
        m_hiddenDestination.clear();
    m_queryTenant = m_tenant->text().trimmed();
    m_queryDestination = destination;
    m_queryPurpose = currentPurpose();
    m_go->setEnabled(false);
    m_lookup->lookup(m_queryTenant, m_queryDestination, m_queryPurpose);
}

void PhoneLookupPage::requery()
{
    if (!m_haveReport || m_lookup->running() || !isVisible())
        return;
    const models::PhoneReport& r = m_lookup->report();
    m_lookup->lookup(m_queryTenant, r.found() ? r.status.destination : m_queryDestination, m_queryPurpose);
}

void PhoneLookupPage::tick()
{
    if (!m_haveReport || !isVisible())
        return;
    showReport();
    // A blocker whose time is up: read again now rather than at the next poll.
    const models::PhoneReport& r = m_lookup->report();
    if (r.found() && r.status.status != OutcomeStatus::CanSend && r.nextSendAtMs() > 0 && r.nextSendAtMs() <= m_ctx.clock->nowMs())
        requery();
}

void PhoneLookupPage::lookup(const QString& tenant, const QString& destination, std::optional<Purpose> purpose)
{
    m_tenant->setText(tenant);
    if (m_operator.permissions.revealsDestinations()) {
        m_hiddenDestination.clear();
        m_input->setText(destination);
    } else {
        m_hiddenDestination = destination;
        m_maskedShown = models::DestinationMask::mask(destination);
        m_input->setText(m_maskedShown);
    }
    if (purpose) {
        const QSignalBlocker block(m_purpose);
        m_purpose->setCurrentIndex(qMax(0, m_purpose->findData(purposeName(*purpose))));
    }
    m_notice->clear();
    go();
}

Purpose PhoneLookupPage::currentPurpose() const
{
    return purposeFromName(m_purpose->currentData().toString()).value_or(Purpose::Login);
}

QString PhoneLookupPage::summaryText() const
{
    return m_summary->text();
}

QString PhoneLookupPage::noticeText() const
{
    return m_notice->text();
}

QString PhoneLookupPage::inputText() const
{
    return m_input->text();
}

void PhoneLookupPage::updateUnlockButton()
{
    const bool locked = m_haveReport && !m_lookup->report().status.details.value(QStringLiteral("lockout")).toObject().isEmpty();
    m_unlock->setVisible(locked && m_operator.permissions.canUnlock());
}

UnlockDialog* PhoneLookupPage::requestUnlock()
{
    if (!m_haveReport || !m_operator.permissions.canUnlock() || !m_lookup->report().found())
        return nullptr;
    const QString destination = m_lookup->report().status.destination;
    const QString tenant = m_queryTenant;
    auto* dialog = new UnlockDialog(models::DestinationMask::show(destination, m_operator.permissions.revealsDestinations()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, tenant, destination]() {
        m_lookup->unlock(tenant, destination, dialog->reason(), Actor{m_operator.login, m_operator.permissions.roleName()});
    });
    dialog->open();
    return dialog;
}

void PhoneLookupPage::showReport()
{
    updateUnlockButton();
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
    using models::StatusText;
    const bool reveal = m_operator.permissions.revealsDestinations();
    const QJsonObject d = r.status.details;
    const qint64 now = m_ctx.clock->nowMs();
    const qint64 next = r.nextSendAtMs();
    const QJsonArray blockers = d.value(QStringLiteral("blocked_by")).toArray();
    const QString nextBlocker = d.value(QStringLiteral("next_blocker")).toString();
    const QJsonObject lock = d.value(QStringLiteral("lockout")).toObject();

    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(models::DestinationMask::show(r.status.destination, reveal)));
    const bool canSend = r.status.status == OutcomeStatus::CanSend;
    const QString green = StatusText::color(QStringLiteral("verified")).name();
    const QString amber = StatusText::color(QStringLiteral("locked")).name();
    QString headline;
    if (canSend)
        headline = tr("A new code can be sent now.");
    else if (!nextBlocker.isEmpty())
        headline = tr("A new code can be sent at %1 (in %2), when %3 ends.")
                       .arg(clockTime(next), StatusText::duration(secondsLeft(next, now)), StatusText::blocker(nextBlocker));
    else
        headline = esc(StatusText::outcome(r.status));
    html += QStringLiteral("<p><b style='color:%1'>%2</b></p>").arg(canSend ? green : amber, headline);

    // Which blockers hold, each until when: the latest of them decides.
    if (!blockers.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul style='margin-top:0'>").arg(tr("Blocked by:"));
        for (const QJsonValue& bv : blockers) {
            const QJsonObject b = bv.toObject();
            const qint64 until = msOf(b.value(QStringLiteral("until")));
            QString line = tr("%1 — until %2 (%3 left)")
                               .arg(StatusText::blocker(b.value(QStringLiteral("reason")).toString()), clockTime(until),
                                    StatusText::duration(secondsLeft(until, now)));
            if (b.value(QStringLiteral("reason")).toString() == QLatin1String("lockout") && !lock.isEmpty())
                line += tr(": %1").arg(StatusText::lockReason(lock.value(QStringLiteral("reason")).toString()));
            html += QStringLiteral("<li>%1</li>").arg(esc(line));
        }
        html += QStringLiteral("</ul>");
    }

    // The latest code of every purpose this destination asked for: the selected one from status()
    // (attempts left), the others from the history, so a failed registration shows under a login lookup.
    const QString selectedPurpose = purposeName(m_queryPurpose);
    QJsonObject latestByPurpose;
    const QJsonArray challenges = r.history.details.value(QStringLiteral("challenges")).toArray();
    for (const QJsonValue& cv : challenges) { // newest first
        const QJsonObject c = cv.toObject();
        const QString p = c.value(QStringLiteral("purpose")).toString();
        if (!latestByPurpose.contains(p))
            latestByPurpose.insert(p, c);
    }
    const QJsonObject latest = d.value(QStringLiteral("latest_challenge")).toObject();
    if (!latest.isEmpty())
        latestByPurpose.insert(selectedPurpose, latest);

    // The next step, in words.
    QString step;
    const QJsonObject mine = latestByPurpose.value(selectedPurpose).toObject();
    QJsonObject lastDelivery;
    for (const QJsonValue& cv : challenges) {
        const QJsonObject c = cv.toObject();
        if (c.value(QStringLiteral("challenge")).toString() == mine.value(QStringLiteral("challenge")).toString()) {
            const QJsonArray ds = c.value(QStringLiteral("deliveries")).toArray();
            for (const QJsonValue& dv : ds)
                if (lastDelivery.isEmpty() || msOf(dv.toObject().value(QStringLiteral("at"))) >= msOf(lastDelivery.value(QStringLiteral("at"))))
                    lastDelivery = dv.toObject();
        }
    }
    const QString mineStatus = mine.value(QStringLiteral("status")).toString();
    const QString mineChannel = mine.value(QStringLiteral("channel")).toString();
    const QString otherChannel = mineChannel == QLatin1String("sms") ? QStringLiteral("whatsapp")
                                 : mineChannel == QLatin1String("whatsapp") ? QStringLiteral("sms") : QString();
    if (!canSend) {
        const qint64 wait = secondsLeft(next, now);
        if (nextBlocker == QLatin1String("lockout"))
            step = m_operator.permissions.canUnlock()
                       ? tr("If the caller's identity is confirmed, unlock (button below); otherwise wait %1.").arg(StatusText::duration(wait))
                       : tr("Wait %1, or ask an admin to unlock it once the caller's identity is confirmed.").arg(StatusText::duration(wait));
        else if (nextBlocker == QLatin1String("cooldown"))
            step = tr("Wait %1, then ask for a new code.").arg(StatusText::duration(wait));
        else if (nextBlocker == QLatin1String("hourly_cap") || nextBlocker == QLatin1String("daily_cap"))
            step = tr("Wait %1 for %2 to free a slot; unlocking does not change it.").arg(StatusText::duration(wait), StatusText::blocker(nextBlocker));
        else if (nextBlocker == QLatin1String("prefix_burst_cap"))
            step = tr("Wait %1; if many numbers of this block keep asking, tell an admin (possible SMS pumping).").arg(StatusText::duration(wait));
        if (!lock.isEmpty() && nextBlocker != QLatin1String("lockout"))
            step += QLatin1Char(' ') + tr("Unlocking alone would not help: %1 holds longer.").arg(StatusText::blocker(nextBlocker));
    } else if (mineStatus == QLatin1String("delivery_failed")) {
        const QString why = lastDelivery.value(QStringLiteral("reason")).toString();
        step = otherChannel.isEmpty() ? tr("The vendor refused the last code (%1): check the address, then send again.").arg(why)
                                      : tr("The vendor refused the last code (%1): try %2.").arg(why, StatusText::channel(otherChannel));
    } else if (mineStatus == QLatin1String("pending") && lastDelivery.value(QStringLiteral("state")).toString() == QLatin1String("timeout")) {
        step = tr("The vendor did not confirm the last code: it works if it arrives. If nothing arrives, send a new one.");
    } else if (mineStatus == QLatin1String("pending")) {
        const qint64 left = secondsLeft(msOf(mine.value(QStringLiteral("expires_at"))), now);
        step = left > 0 ? tr("The user can enter the code sent (valid %1 more), or ask for a new one.").arg(StatusText::duration(left))
                        : tr("The last code expired: the user can ask for a new one.");
    } else {
        step = tr("The user can ask for a code.");
    }
    if (!step.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Next step:"), esc(step));

    html += QStringLiteral("<table cellspacing='2' cellpadding='2'>");
    auto row = [&](const QString& k, const QString& v) { html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v); };
    row(tr("Sends in the last hour"), tr("%1 of %2").arg(d.value(QStringLiteral("sends_last_hour")).toInt()).arg(d.value(QStringLiteral("sends_per_hour")).toInt()));
    row(tr("Sends in the last 24 hours"), tr("%1 of %2").arg(d.value(QStringLiteral("sends_last_day")).toInt()).arg(d.value(QStringLiteral("sends_per_day")).toInt()));
    row(tr("Cooldown between sends"), StatusText::duration(d.value(QStringLiteral("cooldown_s")).toInt()));
    row(tr("Lockout"), lock.isEmpty() ? tr("none")
                                      : esc(tr("%1, until %2 (%3 left)")
                                                .arg(StatusText::lockReason(lock.value(QStringLiteral("reason")).toString()),
                                                     clockTime(msOf(lock.value(QStringLiteral("locked_until")))),
                                                     StatusText::duration(secondsLeft(msOf(lock.value(QStringLiteral("locked_until"))), now)))));
    QStringList purposes = {selectedPurpose};
    for (const QString& p : latestByPurpose.keys())
        if (p != selectedPurpose)
            purposes << p;
    for (const QString& p : purposes) {
        const QJsonObject c = latestByPurpose.value(p).toObject();
        const QString label = tr("Latest %1 code").arg(StatusText::purpose(p));
        if (c.isEmpty()) {
            row(label, tr("none requested yet"));
            continue;
        }
        QString status = c.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("pending") && msOf(c.value(QStringLiteral("expires_at"))) <= now)
            status = QStringLiteral("expired");
        QString text = StatusText::status(status);
        if (status == QLatin1String("pending"))
            text += tr(" · %n attempt(s) left", nullptr,
                       c.value(QStringLiteral("max_attempts")).toInt() - c.value(QStringLiteral("attempts")).toInt());
        text += tr(" · by %1 via %2 · %3")
                    .arg(StatusText::channel(c.value(QStringLiteral("channel")).toString()), c.value(QStringLiteral("last_vendor")).toString(),
                         clockTime(msOf(c.value(QStringLiteral("created_at")))));
        row(label, QStringLiteral("<span style='color:%1'>%2</span>").arg(StatusText::color(status).name(), esc(text)));
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
    if (m_summary->text() != html)
        m_summary->setText(html);
}

void PhoneLookupPage::retranslateUi()
{
    m_inputLabel->setText(tr("&Phone or email"));
    m_tenantLabel->setText(tr("T&enant"));
    m_purposeLabel->setText(tr("P&urpose"));
    m_input->setPlaceholderText(tr("e.g. 98765 43210"));
    m_go->setText(tr("&Look up"));
    m_unlock->setText(tr("&Unlock…"));
    m_unlock->setToolTip(tr("Release this destination's lockout (needs a reason; audited)"));
    for (int i = 0; i < m_purpose->count(); ++i)
        m_purpose->setItemText(i, models::StatusText::purpose(m_purpose->itemData(i).toString()));
    emit m_timeline->headerDataChanged(Qt::Horizontal, 0, models::TimelineModel::ColumnCount - 1);
    if (m_haveReport)
        m_timeline->setReport(m_lookup->report());
    showReport();
}

} // namespace otp::ui
