#include "LockoutsModel.h"

#include "Clock.h"
#include "DatabaseThread.h"
#include "DestinationMask.h"
#include "OtpService.h"
#include "StatusText.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

namespace otp::models {

Q_LOGGING_CATEGORY(lcLockouts, "otp.ui.lockouts", QtInfoMsg)

namespace {
// The console's one duration format ("14 min 57 s"), as Phone lookup says it.
QString durationText(qint64 ms)
{
    return StatusText::duration((ms + 999) / 1000);
}
} // namespace

LockoutsModel::LockoutsModel(const ConsoleContext& context, QObject* parent)
    : QAbstractTableModel(parent), m_ctx(context)
{
    m_now = m_ctx.clock->nowMs();
    m_poll.setInterval(2000);
    m_tick.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &LockoutsModel::refresh);
    connect(&m_tick, &QTimer::timeout, this, &LockoutsModel::tick);
    connect(m_ctx.db, &DatabaseThread::failed, this, [this]() { m_inFlight = false; });
}

int LockoutsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LockoutsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LockoutsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LockoutRow& r = m_rows.at(index.row());
    const bool active = r.activeAt(m_now);
    switch (role) {
    case DestinationRole: return r.destination;
    case TenantRole: return r.tenant;
    case ActiveRole: return active;
    case SearchRole: {
        QString digits = r.destination;
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        return QStringList{r.destination, digits, r.tenant, StatusText::lockReason(r.reason), r.releasedBy, r.releaseReason}
            .join(QLatin1Char(' '));
    }
    case Qt::ForegroundRole:
        if (index.column() == TimeLeft || index.column() == State)
            return active ? StatusText::textColor(QStringLiteral("locked")) : StatusText::textColor(QString());
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Destination: return DestinationMask::show(r.destination, m_permissions.revealsDestinations());
        case Tenant: return r.tenant;
        case Reason: return StatusText::lockReason(r.reason);
        case LockedAt: return QDateTime::fromMSecsSinceEpoch(r.lockedAt).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case TimeLeft: return active ? durationText(r.lockedUntil - m_now) : QString();
        case State:
            if (active)
                return tr("locked");
            if (r.releasedAt > 0)
                return tr("unlocked by %1").arg(r.releasedBy);
            return tr("ended");
        case ReleaseReason: return r.releaseReason;
        }
        return {};
    }
    return {};
}

QVariant LockoutsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Destination: return tr("Destination");
    case Tenant: return tr("Tenant");
    case Reason: return tr("Reason");
    case LockedAt: return tr("Locked at");
    case TimeLeft: return tr("Time left");
    case State: return tr("State");
    case ReleaseReason: return tr("Unlock reason");
    }
    return {};
}

void LockoutsModel::setPermissions(const Permissions& permissions)
{
    m_permissions = permissions;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Destination), index(int(m_rows.size()) - 1, Destination), {Qt::DisplayRole});
}

void LockoutsModel::setShowHistory(bool history)
{
    if (m_history == history)
        return;
    m_history = history;
    refresh();
}

void LockoutsModel::start()
{
    refresh();
    m_poll.start();
    m_tick.start();
}

void LockoutsModel::stop()
{
    m_poll.stop();
    m_tick.stop();
}

void LockoutsModel::refresh()
{
    if (m_inFlight) {
        m_again = true; // what is in flight may predate a change: read once more afterwards
        return;
    }
    m_inFlight = true;
    const bool history = m_history;
    const qint64 now = m_ctx.clock->nowMs();
    DatabaseThread* db = m_ctx.db;
    db->run<QList<LockoutRow>>(
        this,
        [db, history, now]() {
            const Rows rows = history
                ? db->session().select(QStringLiteral("SELECT * FROM lockouts ORDER BY locked_at DESC, id DESC LIMIT 500"))
                : db->session().select(QStringLiteral("SELECT * FROM lockouts WHERE locked_until > ? AND released_at IS NULL "
                                                      "ORDER BY locked_until ASC, id ASC LIMIT 500"),
                                       {now});
            QList<LockoutRow> out;
            for (const SqlRow& r : rows)
                out.append(LockoutRow::fromRecord(r));
            return out;
        },
        [this](QList<LockoutRow> rows) {
            m_inFlight = false;
            setRows(rows);
            emit loaded();
            if (m_again) {
                m_again = false;
                refresh();
            }
        });
}

void LockoutsModel::tick()
{
    m_now = m_ctx.clock->nowMs();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, TimeLeft), index(int(m_rows.size()) - 1, State), {Qt::DisplayRole, Qt::ForegroundRole});
}

void LockoutsModel::setRows(const QList<LockoutRow>& rows)
{
    m_now = m_ctx.clock->nowMs();
    QSet<qint64> fresh;
    for (const LockoutRow& r : rows)
        fresh.insert(r.id);
    // The rows still there must keep their relative order (both reads sort the same way); if they
    // do not (the history switched on or off), the table is rebuilt.
    QList<qint64> kept;
    for (const LockoutRow& r : m_rows)
        if (fresh.contains(r.id))
            kept.append(r.id);
    qsizetype k = 0;
    for (const LockoutRow& r : rows)
        if (k < kept.size() && r.id == kept.at(k))
            ++k;
    if (k != kept.size()) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!fresh.contains(m_rows.at(i).id)) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    for (int i = 0; i < rows.size(); ++i) {
        if (i < m_rows.size() && m_rows.at(i).id == rows.at(i).id) {
            m_rows[i] = rows.at(i);
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, rows.at(i));
        endInsertRows();
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int LockoutsModel::activeCount() const
{
    int n = 0;
    for (const LockoutRow& r : m_rows)
        n += r.activeAt(m_now);
    return n;
}

void LockoutsModel::unlock(int row, const QString& reason, const Actor& actor)
{
    if (row < 0 || row >= m_rows.size())
        return;
    if (!m_permissions.canUnlock()) {
        emit unlockFinished(Outcome::make(OutcomeStatus::InvalidInput,
                                          tr("your role (%1) may not unlock; ask an admin").arg(m_permissions.roleTitle())));
        return;
    }
    if (reason.trimmed().isEmpty()) {
        emit unlockFinished(Outcome::make(OutcomeStatus::InvalidInput, tr("an unlock needs a reason")));
        return;
    }
    const LockoutRow l = m_rows.at(row);
    OtpService* service = m_ctx.service;
    qCInfo(lcLockouts) << "unlock requested by" << actor.user << "for lockout" << l.id;
    // After the unlock, on the same trip: what still holds the next code (cooldown, caps), read by status().
    m_ctx.db->run<QPair<Outcome, Outcome>>(
        this,
        [service, l, reason, actor]() {
            const Outcome unlocked = service->unlock(l.tenant, l.destination, actor, reason);
            Outcome after;
            if (unlocked.status == OutcomeStatus::Unlocked)
                after = service->status(l.tenant, l.destination, Purpose::Login);
            return qMakePair(unlocked, after);
        },
        [this](QPair<Outcome, Outcome> result) {
            emit unlockFinished(result.first);
            if (result.first.status == OutcomeStatus::Unlocked)
                emit statusAfterUnlock(result.second);
            refresh();
        });
}

} // namespace otp::models
