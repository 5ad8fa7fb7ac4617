#include "LiveSendsPage.h"

#include "Clock.h"
#include "ElidedCellDelegate.h"
#include "LiveSendsModel.h"
#include "SendsFilterModel.h"
#include "StatusText.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace otp::ui {

using models::LiveSendsModel;

LiveSendsPage::LiveSendsPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_clock(context.clock),
      m_model(new LiveSendsModel(context.db, this)),
      m_filter(new models::SendsFilterModel(this)),
      m_table(new QTableView(this)),
      m_tenant(new QComboBox(this)),
      m_channel(new QComboBox(this)),
      m_vendor(new QComboBox(this)),
      m_status(new QComboBox(this)),
      m_range(new QComboBox(this)),
      m_search(new QLineEdit(this)),
      m_count(new QLabel(this)),
      m_tenantLabel(new QLabel(this)),
      m_channelLabel(new QLabel(this)),
      m_vendorLabel(new QLabel(this)),
      m_statusLabel(new QLabel(this)),
      m_rangeLabel(new QLabel(this)),
      m_holdNote(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("liveSendsTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new ElidedCellDelegate(m_table)); // an elided cell's whole text as its tooltip
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LiveSendsModel::Time, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setWordWrap(false);
    const int widths[] = {80, 140, 80, 80, 70, 80, 200, 80, 70}; // widened to their words by fitColumnsToWords()
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);

    for (QComboBox* box : {m_tenant, m_channel, m_vendor, m_status}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed); // the spare width goes to the search
        box->addItem(QString(), QString());
    }
    m_tenant->setObjectName(QStringLiteral("tenantFilter"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_search->setObjectName(QStringLiteral("searchFilter"));
    m_search->setClearButtonEnabled(true);
    m_range->setObjectName(QStringLiteral("rangeFilter"));
    m_range->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (qint64 range : {qint64(15 * 60), qint64(3600), qint64(24 * 3600), qint64(7 * 24 * 3600), qint64(0)})
        m_range->addItem(QString(), range);
    m_range->setCurrentIndex(4); // all held sends, as before
    m_count->setObjectName(QStringLiteral("sendsCount"));
    m_holdNote->setObjectName(QStringLiteral("holdNote"));
    m_holdNote->setWordWrap(true);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    for (auto [label, box] : {std::pair{m_tenantLabel, m_tenant}, {m_channelLabel, m_channel}, {m_vendorLabel, m_vendor},
                              {m_statusLabel, m_status}}) {
        label->setBuddy(box);
        filters->addWidget(label);
        filters->addWidget(box);
    }
    filters->addStretch(1);
    // The time range, the count and why the count stops where it does, on a line of their own.
    auto* range = new QHBoxLayout;
    m_rangeLabel->setBuddy(m_range);
    range->addWidget(m_rangeLabel);
    range->addWidget(m_range);
    range->addSpacing(12);
    range->addWidget(m_count);
    range->addSpacing(12);
    range->addWidget(m_holdNote, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(range);
    layout->addWidget(m_table);

    auto comboFilter = [this](QComboBox* box, void (models::SendsFilterModel::*set)(const QString&)) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, box, set]() {
            (m_filter->*set)(box->currentData().toString());
            updateCount();
        });
    };
    comboFilter(m_tenant, &models::SendsFilterModel::setTenant);
    comboFilter(m_channel, &models::SendsFilterModel::setChannel);
    comboFilter(m_vendor, &models::SendsFilterModel::setVendor);
    connect(m_vendor, &QComboBox::activated, this, [this]() { m_filter->setVendorCode({}); }); // a person's choice
    comboFilter(m_status, &models::SendsFilterModel::setStatus);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this]() {
        applyRange();
        updateCount();
    });
    // Queued: the model is still marked fetching while it emits fetched().
    connect(m_model, &LiveSendsModel::fetched, this, [this]() {
        applyRange();
        updateCount();
    }, Qt::QueuedConnection);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setSearch(text);
        updateCount();
    });
    // New sends arrive on top. While the operator is pointing at, has selected or has scrolled to a row,
    // the rows on screen stay where they are (they drifted 12 rows in 3 s under a double-click).
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this]() {
        if (m_anchorId != 0 || !holdingView())
            return;
        const int top = m_table->rowAt(0);
        if (top >= 0)
            m_anchorId = m_filter->index(top, 0).data(LiveSendsModel::DeliveryIdRole).toLongLong();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this]() {
        if (m_anchorId == 0)
            return;
        // After the view has laid the new rows out.
        QTimer::singleShot(0, this, [this]() {
            const qint64 id = m_anchorId;
            m_anchorId = 0;
            for (int r = 0; r < m_filter->rowCount(); ++r) {
                const QModelIndex i = m_filter->index(r, 0);
                if (i.data(LiveSendsModel::DeliveryIdRole).toLongLong() == id) {
                    m_table->scrollTo(i, QAbstractItemView::PositionAtTop);
                    return;
                }
            }
        });
    });
    connect(m_model, &LiveSendsModel::polled, this, [this](int changed) {
        if (changed > 0)
            refillCombos();
        applyRange();
        updateCount();
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QModelIndex src = m_filter->mapToSource(index);
        const models::SendRow& row = m_model->rowAt(src.row());
        emit lookupRequested(row.tenant, row.destination, row.purpose);
    });
    for (const QString& key : models::StatusText::statusKeys())
        m_status->addItem(QString(), key);
    retranslateUi();
    m_model->start();
}

void LiveSendsPage::showVendor(const QString& vendor, const QString& code)
{
    if (m_vendor->findData(vendor) < 0)
        m_vendor->addItem(vendor, vendor);
    m_vendor->setCurrentIndex(m_vendor->findData(vendor));
    m_search->clear();
    m_filter->setVendorCode(code);
    updateCount();
}

bool LiveSendsPage::holdingView() const
{
    return m_table->selectionModel()->hasSelection() || m_table->viewport()->underMouse() ||
           m_table->verticalScrollBar()->value() > 0;
}

QWidget* LiveSendsPage::primaryField() const
{
    return m_search;
}

void LiveSendsPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    m_model->setRevealDestinations(info.permissions.revealsDestinations());
}

void LiveSendsPage::refresh()
{
    m_model->refresh();
}

void LiveSendsPage::refillCombos()
{
    auto refill = [this](QComboBox* box, LiveSendsModel::Column column, auto words) {
        const QString current = box->currentData().toString();
        QStringList values = m_model->distinctValues(column);
        if (!current.isEmpty() && !values.contains(current))
            values.append(current);
        QStringList have;
        for (int i = 1; i < box->count(); ++i)
            have << box->itemData(i).toString();
        if (have == values)
            return;
        const QSignalBlocker block(box);
        while (box->count() > 1)
            box->removeItem(1);
        for (const QString& v : values)
            box->addItem(words(v), v);
        box->setCurrentIndex(qMax(0, box->findData(current)));
    };
    refill(m_tenant, LiveSendsModel::Tenant, [](const QString& v) { return v; });
    refill(m_channel, LiveSendsModel::Channel, [](const QString& v) { return models::StatusText::channel(v); });
    refill(m_vendor, LiveSendsModel::Vendor, [](const QString& v) { return v; });
    fitColumnsToWords();
}

void LiveSendsPage::fitColumnsToWords()
{
    using models::StatusText;
    QHash<int, QStringList> texts;
    for (const QString& key : StatusText::statusKeys())
        texts[LiveSendsModel::Status] << StatusText::status(key);
    for (const char* name : {"sms", "whatsapp", "email"})
        texts[LiveSendsModel::Channel] << StatusText::channel(QLatin1String(name));
    // Purposes as held (nearly every send is a login; Tamil's "password reset" alone is 150 px).
    for (const QString& name : m_model->distinctValues(LiveSendsModel::Purpose))
        texts[LiveSendsModel::Purpose] << StatusText::purpose(name);
    texts[LiveSendsModel::Attempts] << LiveSendsModel::tr("%1 of %2").arg(10).arg(10);
    texts[LiveSendsModel::Latency] << LiveSendsModel::tr("%1 ms").arg(10000);
    texts[LiveSendsModel::Tenant] = m_model->distinctValues(LiveSendsModel::Tenant);
    texts[LiveSendsModel::Vendor] = m_model->distinctValues(LiveSendsModel::Vendor);
    // A cell's text is drawn inside a focus-frame margin each side (QCommonStyle).
    const int margin = 2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) + 4;
    const QFontMetrics fm(m_table->font());
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        int need = 0;
        for (const QString& text : it.value())
            need = qMax(need, fm.horizontalAdvance(text) + margin);
        if (m_table->columnWidth(it.key()) < need)
            m_table->setColumnWidth(it.key(), need);
    }
}

void LiveSendsPage::setRangeS(qint64 seconds)
{
    const int i = m_range->findData(seconds);
    if (i >= 0)
        m_range->setCurrentIndex(i);
}

qint64 LiveSendsPage::rangeS() const
{
    return m_range->currentData().toLongLong();
}

void LiveSendsPage::applyRange()
{
    const qint64 range = rangeS();
    if (range <= 0 || !m_clock) {
        m_filter->setSince(0);
        return;
    }
    // The start follows the clock in steps (3 s for 15 min … 34 min for 7 days): not a re-filter per poll.
    const qint64 stepMs = qMax<qint64>(1000, range * 1000 / 300);
    const qint64 since = ((m_clock->nowMs() - range * 1000) / stepMs) * stepMs;
    m_filter->setSince(since);
    // The range reaches past the oldest send held: read older ones (a page at a time, up to the
    // history limit), as scrolling to the bottom would.
    if (m_model->oldestHeldMs() > since && m_model->canFetchMore({}) && !m_model->fetching())
        m_model->fetchMore({});
}

QString LiveSendsPage::countText() const
{
    return m_count->text();
}

QString LiveSendsPage::holdNote() const
{
    const int held = m_model->rowCount();
    const qint64 range = rangeS();
    const qint64 since = m_filter->since();
    const bool covered = m_model->reachedOldest() || (range > 0 && m_model->oldestHeldMs() > 0 && m_model->oldestHeldMs() <= since);
    if (covered)
        return range > 0 ? tr("Every send of the chosen time range is listed.") : tr("Every send in the database is listed.");
    const QString oldest = m_model->oldestHeldMs() > 0
                               ? QDateTime::fromMSecsSinceEpoch(m_model->oldestHeldMs()).toLocalTime().toString(QStringLiteral("dd MMM HH:mm"))
                               : QString();
    if (held >= m_model->historyLimit())
        return tr("The console holds at most %1 sends (the oldest listed is from %2); for older ones use otpctl history "
                  "or otpctl stats, or choose a shorter time range.").arg(held).arg(oldest);
    if (range > 0 && (m_model->fetching() || m_model->canFetchMore({})))
        return tr("Reading older sends for the chosen time range…");
    return tr("The newest %1 sends are held live (the oldest listed is from %2); older ones are read when you scroll "
              "to the bottom, up to %3.").arg(held).arg(oldest).arg(m_model->historyLimit());
}

void LiveSendsPage::updateCount()
{
    const QString count = tr("%1 of %2 sends").arg(m_filter->rowCount()).arg(m_model->rowCount());
    m_count->setText(m_filter->vendorCode().isEmpty() ? count : tr("%1 · error code %2 only").arg(count, m_filter->vendorCode()));
    // Why the count stops where it does: the rows held, the range, the history limit.
    const QString note = holdNote();
    m_count->setToolTip(note);
    m_holdNote->setText(note);
}

void LiveSendsPage::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search a phone number or email…"));
    fitPlaceholder(m_search, 220);
    m_tenantLabel->setText(tr("&Tenant"));
    m_channelLabel->setText(tr("Cha&nnel"));
    m_vendorLabel->setText(tr("Ven&dor"));
    m_statusLabel->setText(tr("&Status"));
    m_rangeLabel->setText(tr("Ti&me"));
    m_range->setItemText(0, tr("Last 15 minutes"));
    m_range->setItemText(1, tr("Last hour"));
    m_range->setItemText(2, tr("Last 24 hours"));
    m_range->setItemText(3, tr("Last 7 days"));
    m_range->setItemText(4, tr("All held"));
    for (QComboBox* box : {m_tenant, m_channel, m_vendor, m_status})
        box->setItemText(0, tr("All"));
    for (int i = 1; i < m_status->count(); ++i)
        m_status->setItemText(i, models::StatusText::status(m_status->itemData(i).toString()));
    for (int i = 1; i < m_channel->count(); ++i)
        m_channel->setItemText(i, models::StatusText::channel(m_channel->itemData(i).toString()));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, LiveSendsModel::ColumnCount - 1);
    widenToHeaders(m_table, {LiveSendsModel::Time});
    fitColumnsToWords();
    m_table->viewport()->update();
    m_table->setToolTip(tr("Double-click a send to open its destination in Phone lookup"));
    updateCount();
}

} // namespace otp::ui
