#include "AlarmHistoryModel.h"

#include "DatabaseThread.h"
#include "OtpService.h"
#include "PolicyStore.h"
#include "StatusText.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace otp::models {

Q_LOGGING_CATEGORY(lcAlarmHistory, "otp.models.alarms", QtInfoMsg)

namespace {
QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("dd MMM HH:mm:ss"));
}
} // namespace

QString AlarmEntry::words() const
{
    return StatusText::alarm(rule, subject, observed, threshold, windowMin);
}

AlarmHistoryModel::AlarmHistoryModel(const ConsoleContext& context, QObject* parent)
    : QAbstractTableModel(parent), m_ctx(context)
{
    m_poll.setInterval(5000);
    connect(&m_poll, &QTimer::timeout, this, &AlarmHistoryModel::refresh);
    if (m_ctx.db)
        connect(m_ctx.db, &DatabaseThread::failed, this, [this]() { m_inFlight = false; });
}

QList<AlarmEntry> AlarmHistoryModel::read(SqlSession& s, bool activeOnly, int limit)
{
    QList<AlarmEntry> out;
    QHash<QString, int> windowOf;
    const QString sql =
        QStringLiteral("SELECT a.id, a.tenant, a.rule, a.subject, a.observed, a.threshold, a.message, a.raised_at, a.cleared_at, "
                       "k.acked_at, k.acked_by, k.reason FROM alarms a LEFT JOIN alarm_acks k ON k.alarm_id = a.id ") +
        (activeOnly ? QStringLiteral("WHERE a.cleared_at IS NULL ") : QString()) +
        QStringLiteral("ORDER BY a.raised_at DESC, a.id DESC LIMIT ?");
    for (const SqlRow& r : s.select(sql, {limit})) {
        AlarmEntry e;
        e.id = r.value(0).toLongLong();
        e.tenant = r.value(1).toString();
        e.rule = r.value(2).toString();
        e.subject = r.value(3).toString();
        e.observed = r.value(4).toString();
        e.threshold = r.value(5).toString();
        e.message = r.value(6).toString();
        e.raisedAt = r.value(7).toLongLong();
        e.clearedAt = r.value(8).isNull() ? 0 : r.value(8).toLongLong();
        e.ackedAt = r.value(9).isNull() ? 0 : r.value(9).toLongLong();
        e.ackedBy = r.value(10).toString();
        e.ackReason = r.value(11).toString();
        if (!windowOf.contains(e.tenant))
            windowOf.insert(e.tenant, PolicyStore(s).loadCached(e.tenant, QStringLiteral("login")).alarmWindowMin);
        e.windowMin = windowOf.value(e.tenant);
        out.append(e);
    }
    return out;
}

int AlarmHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlarmHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int AlarmHistoryModel::rowOfId(qint64 id) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).id == id)
            return r;
    return -1;
}

QVariant AlarmHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlarmEntry& e = m_rows.at(index.row());
    switch (role) {
    case AlarmIdRole: return e.id;
    case ActiveRole: return e.active();
    case AcknowledgedRole: return e.acknowledged();
    case Qt::ForegroundRole:
        if (index.column() == Cleared && e.active())
            return StatusText::textColor(QStringLiteral("delivery_failed")); // red on the dark base was 3.4:1
        return {};
    case Qt::ToolTipRole:
        // The monitor's full sentence (English, as otpctl prints it) beside our words.
        return index.column() == Alarm ? e.message : index.column() == Acknowledged ? e.ackReason : QString();
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case Raised: return when(e.raisedAt);
    case Cleared: return e.active() ? tr("still active") : when(e.clearedAt);
    case Tenant: return e.tenant;
    case Alarm: return e.words();
    case Acknowledged:
        if (!e.acknowledged())
            return e.active() ? tr("not yet") : tr("no");
        return tr("%1 at %2: %3").arg(e.ackedBy, when(e.ackedAt), e.ackReason);
    }
    return {};
}

QVariant AlarmHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Raised: return tr("Raised");
    case Cleared: return tr("Cleared");
    case Tenant: return tr("Tenant");
    case Alarm: return tr("Alarm");
    case Acknowledged: return tr("Acknowledged");
    }
    return {};
}

void AlarmHistoryModel::setActiveOnly(bool activeOnly)
{
    if (m_activeOnly == activeOnly)
        return;
    m_activeOnly = activeOnly;
    refresh();
}

void AlarmHistoryModel::start()
{
    refresh();
    m_poll.start();
}

void AlarmHistoryModel::stop()
{
    m_poll.stop();
}

void AlarmHistoryModel::refresh()
{
    if (!m_ctx.db)
        return;
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    DatabaseThread* db = m_ctx.db;
    const bool activeOnly = m_activeOnly;
    db->run<QList<AlarmEntry>>(
        this, [db, activeOnly]() { return read(db->session(), activeOnly, 500); },
        [this, activeOnly](QList<AlarmEntry> rows) {
            m_inFlight = false;
            m_loaded = true;
            m_rowsActiveOnly = activeOnly;
            setRows(rows);
            emit loaded();
            if (m_again) {
                m_again = false;
                refresh();
            }
        });
}

void AlarmHistoryModel::setRows(const QList<AlarmEntry>& rows)
{
    bool sameIds = rows.size() == m_rows.size();
    for (int i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows.at(i).id == m_rows.at(i).id;
    if (!sameIds) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    // The same alarms: update in place (a clearing, an acknowledgement) and keep the selection.
    m_rows = rows;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void AlarmHistoryModel::acknowledge(qint64 alarmId, const QString& reason, const Actor& actor, bool allowed)
{
    if (!allowed) {
        emit acknowledgeFinished(Outcome::make(OutcomeStatus::InvalidInput, tr("your role may not acknowledge alarms; ask an admin")));
        return;
    }
    if (reason.trimmed().isEmpty()) {
        emit acknowledgeFinished(Outcome::make(OutcomeStatus::InvalidInput, tr("acknowledging an alarm needs a reason")));
        return;
    }
    OtpService* service = m_ctx.service;
    qCInfo(lcAlarmHistory) << "alarm" << alarmId << "acknowledged by" << actor.user;
    m_ctx.db->run<Outcome>(
        this, [service, alarmId, reason, actor]() { return service->acknowledgeAlarm(alarmId, reason, actor); },
        [this](Outcome o) {
            emit acknowledgeFinished(o);
            refresh();
        });
}

} // namespace otp::models
