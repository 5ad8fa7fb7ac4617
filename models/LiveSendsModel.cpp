#include "LiveSendsModel.h"

#include "DatabaseThread.h"
#include "DestinationMask.h"
#include "LiveSendsQuery.h"
#include "StatusText.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

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
    // A failed poll must not wedge the feed: the next tick tries again.
    if (m_db)
        connect(m_db, &DatabaseThread::failed, this, [this]() { m_inFlight = false; });
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
            return StatusText::color(r.statusKey()).darker(115);
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
    const int limit = m_maxRows;
    const qint64 minId = m_rows.isEmpty() ? 0 : m_rows.last().deliveryId;
    const qint64 maxId = m_maxId;
    const qint64 since = m_watermark - kWatermarkSlackMs;
    DatabaseThread* db = m_db;
    m_db->run<QList<SendRow>>(
        this,
        [db, loaded, limit, minId, maxId, since]() {
            LiveSendsQuery q(db->session());
            return loaded ? q.changes(minId, maxId, since, limit) : q.latest(limit);
        },
        [this](QList<SendRow> rows) {
            m_inFlight = false;
            m_loaded = true;
            applyRows(rows);
        });
}

void LiveSendsModel::applyRows(const QList<SendRow>& rows)
{
    QList<SendRow> fresh;
    int changed = 0;
    for (const SendRow& r : rows) {
        m_watermark = qMax(m_watermark, r.updatedAt);
        const auto it = m_rowOf.constFind(r.deliveryId);
        if (it == m_rowOf.cend()) {
            if (r.deliveryId > m_maxId || m_rows.isEmpty() || r.deliveryId > m_rows.last().deliveryId)
                fresh.append(r);
            continue;
        }
        SendRow& mine = m_rows[it.value()];
        if (mine == r)
            continue;
        mine = r;
        ++changed;
        emit dataChanged(index(it.value(), 0), index(it.value(), ColumnCount - 1));
    }
    if (!fresh.isEmpty()) {
        std::sort(fresh.begin(), fresh.end(), [](const SendRow& a, const SendRow& b) { return a.deliveryId > b.deliveryId; });
        // Rows are kept newest first; a fresh id lower than our newest (a late commit) is placed in order.
        if (m_rows.isEmpty() || fresh.last().deliveryId > m_rows.first().deliveryId) {
            beginInsertRows({}, 0, int(fresh.size()) - 1);
            m_rows = fresh + m_rows;
            endInsertRows();
        } else {
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
        if (m_rows.size() > m_maxRows) {
            beginRemoveRows({}, m_maxRows, int(m_rows.size()) - 1);
            m_rows.resize(m_maxRows);
            endRemoveRows();
        }
        rebuildIndex();
    }
    if (changed > 0)
        qCDebug(lcLive) << "live sends:" << changed << "rows inserted or updated";
    emit polled(changed);
}

void LiveSendsModel::rebuildIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).deliveryId, i);
}

QStringList LiveSendsModel::distinctValues(Column column) const
{
    QSet<QString> seen;
    for (const SendRow& r : m_rows) {
        switch (column) {
        case Tenant: seen.insert(r.tenant); break;
        case Channel: seen.insert(r.channel); break;
        case Vendor: seen.insert(r.vendor); break;
        case Status: seen.insert(r.statusKey()); break;
        default: break;
        }
    }
    QStringList out(seen.cbegin(), seen.cend());
    out.sort();
    return out;
}

} // namespace otp::models
