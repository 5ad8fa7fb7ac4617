#include "LiveSendsModel.h"

#include "DatabaseThread.h"
#include "DestinationMask.h"
#include "LiveSendsQuery.h"
#include "StatusText.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace otp::models {

Q_LOGGING_CATEGORY(lcLive, "otp.ui.live", QtInfoMsg)

namespace {
// A writer's transaction may commit a little after the time it stamped: look back this far.
constexpr qint64 kWatermarkSlackMs = 2000;

QString timeText(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    if (t.date() == QDate::currentDate())
        return t.toString(QStringLiteral("HH:mm:ss"));
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}
} // namespace

LiveSendsModel::LiveSendsModel(DatabaseThread* db, QObject* parent) : QAbstractTableModel(parent), m_db(db)
{
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &LiveSendsModel::refresh);
    if (!m_db)
        return; // a model fed by applyRows() alone (tests)
    // PostgreSQL tells us the moment another process commits; the timer stays as the safety net.
    connect(m_db, &DatabaseThread::changed, this, [this]() {
        if (m_timer.isActive())
            refresh();
    });
    // A failed poll must not wedge the feed: the next tick tries again.
    connect(m_db, &DatabaseThread::failed, this, [this]() {
        m_inFlight = false;
        m_fetching = false;
    });
}

int LiveSendsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LiveSendsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiveSendsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SendRow& r = m_rows.at(index.row());
    switch (role) {
    case DestinationRole: return r.destination;
    case StatusKeyRole: return r.statusKey();
    case DeliveryIdRole: return r.deliveryId;
    case Qt::BackgroundRole: {
        QColor c = StatusText::color(r.statusKey());
        c.setAlpha(48);
        return c;
    }
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return StatusText::textColor(r.statusKey()); // darker(115) was 2.5:1 on its tint in the dark theme
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Attempts || index.column() == Latency)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == VendorAnswer || index.column() == Status)
            return StatusText::vendorAnswer(r);
        return {};
    case RawRole:
        switch (index.column()) {
        case Time: return r.createdAt;
        case Destination: return r.destination;
        case Tenant: return r.tenant;
        case Channel: return r.channel;
        case Vendor: return r.vendor;
        case Purpose: return r.purpose;
        case Status: return r.statusKey();
        case Attempts: return r.attempts;
        case Latency: return r.latencyMs;
        case VendorAnswer: return StatusText::vendorAnswer(r);
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return timeText(r.createdAt);
        case Destination: return DestinationMask::show(r.destination, m_reveal);
        case Tenant: return r.tenant;
        case Channel: return StatusText::channel(r.channel);
        case Vendor: return r.vendor;
        case Purpose: return StatusText::purpose(r.purpose);
        case Status: return StatusText::status(r.statusKey());
        case Attempts: return tr("%1 of %2").arg(r.attempts).arg(r.maxAttempts);
        case Latency: return r.latencyMs < 0 ? QString() : tr("%1 ms").arg(r.latencyMs);
        case VendorAnswer: return StatusText::vendorAnswer(r);
        }
        return {};
    }
    return {};
}

QVariant LiveSendsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Destination: return tr("Destination");
    case Tenant: return tr("Tenant");
    case Channel: return tr("Channel");
    case Vendor: return tr("Vendor");
    case Purpose: return tr("Purpose");
    case Status: return tr("Status");
    case Attempts: return tr("Attempts");
    case Latency: return tr("Latency");
    case VendorAnswer: return tr("Vendor answer");
    }
    return {};
}

void LiveSendsModel::setRevealDestinations(bool reveal)
{
    if (m_reveal == reveal)
        return;
    m_reveal = reveal;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Destination), index(int(m_rows.size()) - 1, Destination), {Qt::DisplayRole});
}

void LiveSendsModel::setMaxRows(int rows)
{
    m_maxRows = rows;
    m_keep = qMax(rows, qMin<int>(int(m_rows.size()), m_historyLimit));
}

bool LiveSendsModel::canFetchMore(const QModelIndex& parent) const
{
    // While a fetch is under way there is still more to come: the view keeps waiting at the bottom.
    return !parent.isValid() && m_db && m_loaded && !m_historyEnd && !m_rows.isEmpty() && m_rows.size() < m_historyLimit;
}

void LiveSendsModel::fetchMore(const QModelIndex& parent)
{
    if (m_fetching || !canFetchMore(parent))
        return;
    m_fetching = true;
    const qint64 beforeId = m_rows.last().deliveryId;
    const int limit = qMin(m_pageSize, m_historyLimit - int(m_rows.size()));
    DatabaseThread* db = m_db;
    const int generation = m_generation;
    m_db->run<QList<SendRow>>(
        this, [db, beforeId, limit]() { return LiveSendsQuery(db->session()).older(beforeId, limit); },
        [this, beforeId, limit, generation](QList<SendRow> rows) {
            if (generation != m_generation) {
                m_fetching = false;
                return; // read for rows a reload() has dropped
            }
            if (rows.size() < limit)
                m_historyEnd = true;
            appendOlder(beforeId, rows);
            // Only now: a view asking for more while these rows go in would ask from the old bottom.
            m_fetching = false;
        });
}

void LiveSendsModel::appendOlder(qint64 beforeId, const QList<SendRow>& rows)
{
    // New rows may have pushed the old bottom out meanwhile: appending would leave a gap.
    if (m_rows.isEmpty() || m_rows.last().deliveryId != beforeId || rows.isEmpty()) {
        emit fetched(0);
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(rows);
    for (int i = first; i < m_rows.size(); ++i) {
        m_seqOf.insert(m_rows.at(i).deliveryId, m_topSeq - 1 - i);
        countDistinct(m_rows.at(i), +1);
    }
    endInsertRows();
    m_keep = qMax(m_keep, qMin<int>(int(m_rows.size()), m_historyLimit));
    emit fetched(int(rows.size()));
}

void LiveSendsModel::reload()
{
    ++m_generation;
    beginResetModel();
    for (auto& counts : m_distinct)
        counts.clear();
    m_rows.clear();
    m_seqOf.clear();
    m_topSeq = 0;
    m_maxId = 0;
    m_watermark = 0;
    m_keep = m_maxRows;
    m_loaded = false;
    m_historyEnd = false;
    endResetModel();
    refresh();
}

void LiveSendsModel::start()
{
    refresh();
    m_timer.start();
}

void LiveSendsModel::stop()
{
    m_timer.stop();
}

void LiveSendsModel::refresh()
{
    if (m_inFlight || !m_db)
        return;
    m_inFlight = true;
    const bool loaded = m_loaded;
    const int limit = loaded ? m_keep : m_maxRows;
    const qint64 minId = m_rows.isEmpty() ? 0 : m_rows.last().deliveryId;
    const qint64 maxId = m_maxId;
    const qint64 since = m_watermark - kWatermarkSlackMs;
    DatabaseThread* db = m_db;
    const int generation = m_generation;
    m_db->run<QList<SendRow>>(
        this,
        [db, loaded, limit, minId, maxId, since]() {
            LiveSendsQuery q(db->session());
            return loaded ? q.changes(minId, maxId, since, limit) : q.latest(limit);
        },
        [this, loaded, limit, generation](QList<SendRow> rows) {
            m_inFlight = false;
            if (generation != m_generation) {
                refresh(); // a reload() came meanwhile: read afresh
                return;
            }
            m_loaded = true;
            if (!loaded && rows.size() < limit)
                m_historyEnd = true; // the first read already reached the oldest send
            applyRows(rows);
        });
}

void LiveSendsModel::applyRows(const QList<SendRow>& rows)
{
    QList<SendRow> fresh;
    QList<int> updated;
    for (const SendRow& r : rows) {
        m_watermark = qMax(m_watermark, r.updatedAt);
        const int at = rowOf(r.deliveryId);
        if (at < 0) {
            if (r.deliveryId > m_maxId || m_rows.isEmpty() || r.deliveryId > m_rows.last().deliveryId)
                fresh.append(r);
            continue;
        }
        SendRow& mine = m_rows[at];
        if (mine == r)
            continue;
        countDistinct(mine, -1);
        mine = r;
        countDistinct(mine, +1);
        updated.append(at);
    }
    // One dataChanged per run of adjacent rows: under live traffic the changes cluster near the top,
    // and each signal costs the proxy and the view a pass of their own.
    std::sort(updated.begin(), updated.end());
    for (qsizetype i = 0; i < updated.size();) {
        qsizetype j = i;
        while (j + 1 < updated.size() && updated.at(j + 1) == updated.at(j) + 1)
            ++j;
        emit dataChanged(index(updated.at(i), 0), index(updated.at(j), ColumnCount - 1));
        i = j + 1;
    }
    int changed = int(updated.size());
    if (!fresh.isEmpty()) {
        std::sort(fresh.begin(), fresh.end(), [](const SendRow& a, const SendRow& b) { return a.deliveryId > b.deliveryId; });
        for (const SendRow& r : fresh)
            countDistinct(r, +1);
        // Rows are kept newest first; a fresh id lower than our newest (a late commit) is placed in order.
        bool reindex = false;
        if (m_rows.isEmpty() || fresh.last().deliveryId > m_rows.first().deliveryId) {
            // Prepended in place (QList keeps room at its front) and indexed one by one: a poll costs
            // what it brings, not what the model holds.
            beginInsertRows({}, 0, int(fresh.size()) - 1);
            for (auto it = fresh.crbegin(); it != fresh.crend(); ++it) {
                m_rows.prepend(*it);
                m_seqOf.insert(it->deliveryId, m_topSeq++);
            }
            endInsertRows();
        } else {
            reindex = true;
            for (const SendRow& r : fresh) {
                const auto pos = std::lower_bound(m_rows.begin(), m_rows.end(), r.deliveryId,
                                                  [](const SendRow& a, qint64 id) { return a.deliveryId > id; });
                const int at = int(pos - m_rows.begin());
                beginInsertRows({}, at, at);
                m_rows.insert(at, r);
                endInsertRows();
            }
        }
        changed += int(fresh.size());
        m_maxId = qMax(m_maxId, m_rows.first().deliveryId);
        if (m_rows.size() > m_keep) {
            beginRemoveRows({}, m_keep, int(m_rows.size()) - 1);
            for (qsizetype i = m_keep; i < m_rows.size(); ++i) {
                countDistinct(m_rows.at(i), -1);
                m_seqOf.remove(m_rows.at(i).deliveryId);
            }
            m_rows.resize(m_keep);
            endRemoveRows();
            m_historyEnd = false; // what was pushed out can be fetched again
        }
        if (reindex)
            rebuildIndex();
    }
    if (changed > 0)
        qCDebug(lcLive) << "live sends:" << changed << "rows inserted or updated";
    emit polled(changed);
}

void LiveSendsModel::rebuildIndex()
{
    m_seqOf.clear();
    m_seqOf.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_seqOf.insert(m_rows.at(i).deliveryId, m_topSeq - 1 - i);
}

int LiveSendsModel::rowOf(qint64 deliveryId) const
{
    const auto it = m_seqOf.constFind(deliveryId);
    if (it == m_seqOf.cend())
        return -1;
    const qint64 row = m_topSeq - 1 - it.value();
    return row >= 0 && row < m_rows.size() ? int(row) : -1;
}

void LiveSendsModel::countDistinct(const SendRow& r, int delta)
{
    const QString values[] = {r.tenant, r.channel, r.vendor, r.statusKey(), r.purpose};
    for (size_t i = 0; i < m_distinct.size(); ++i) {
        auto it = m_distinct[i].find(values[i]);
        if (it == m_distinct[i].end())
            it = m_distinct[i].insert(values[i], 0);
        if ((it.value() += delta) <= 0)
            m_distinct[i].erase(it);
    }
}

QStringList LiveSendsModel::distinctValues(Column column) const
{
    // Counted as rows come and go, so the filter boxes cost nothing per poll however many rows are held.
    int slot = -1;
    switch (column) {
    case Tenant: slot = 0; break;
    case Channel: slot = 1; break;
    case Vendor: slot = 2; break;
    case Status: slot = 3; break;
    case Purpose: slot = 4; break;
    default: return {};
    }
    QStringList out = m_distinct[size_t(slot)].keys();
    out.sort();
    return out;
}

} // namespace otp::models
