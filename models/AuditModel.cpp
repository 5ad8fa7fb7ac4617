#include "AuditModel.h"

#include "DatabaseThread.h"
#include "DestinationMask.h"
#include "Permissions.h"
#include "StatusText.h"

#include <QDateTime>
#include <QJsonDocument>

namespace otp::models {

AuditModel::AuditModel(const ConsoleContext& context, QObject* parent) : QAbstractTableModel(parent), m_ctx(context)
{
    m_poll.setInterval(3000);
    connect(&m_poll, &QTimer::timeout, this, &AuditModel::refresh);
    connect(m_ctx.db, &DatabaseThread::failed, this, [this]() { m_inFlight = false; });
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRow& r = m_rows.at(index.row());
    if (role == ActionKeyRole)
        return r.action;
    if (role == SearchRole)
        return QStringList{r.actor, r.role, Permissions::roleTitle(r.role), r.target, r.tenant, StatusText::auditAction(r.action), StatusText::auditDetails(r.details)}
            .join(QLatin1Char(' '));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case When: return QDateTime::fromMSecsSinceEpoch(r.createdAt).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Who: return r.actor;
    case Role: return Permissions::roleTitle(r.role);
    case Action: return StatusText::auditAction(r.action);
    case Tenant: return r.tenant;
    case Target: return r.target.contains(QLatin1Char('@')) || r.target.startsWith(QLatin1Char('+'))
                            ? DestinationMask::show(r.target, m_reveal) : r.target;
    case Details:
        // In words; the tooltip keeps the exact record.
        return role == Qt::ToolTipRole ? QString::fromUtf8(QJsonDocument(r.details).toJson(QJsonDocument::Compact))
                                       : StatusText::auditDetails(r.details);
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return tr("When");
    case Who: return tr("Who");
    case Role: return tr("Role");
    case Action: return tr("Action");
    case Tenant: return tr("Tenant");
    case Target: return tr("Target");
    case Details: return tr("Details");
    }
    return {};
}

void AuditModel::setRevealDestinations(bool reveal)
{
    m_reveal = reveal;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Target), index(int(m_rows.size()) - 1, Target), {Qt::DisplayRole});
}

void AuditModel::start()
{
    refresh();
    m_poll.start();
}

void AuditModel::stop()
{
    m_poll.stop();
}

void AuditModel::refresh()
{
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    DatabaseThread* db = m_ctx.db;
    db->run<QList<AuditRow>>(
        this, [db]() { return AuditLog(db->session()).recent(500); },
        [this](QList<AuditRow> rows) {
            m_inFlight = false;
            setRows(rows);
            emit loaded();
            if (m_again) {
                m_again = false;
                refresh();
            }
        });
}

void AuditModel::setRows(const QList<AuditRow>& rows)
{
    if (!rows.isEmpty() && !m_rows.isEmpty() && rows.first().id == m_rows.first().id && rows.size() == m_rows.size())
        return; // nothing new: keep the view (and its selection) as it is
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

} // namespace otp::models
