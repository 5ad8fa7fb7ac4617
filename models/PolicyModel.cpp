#include "PolicyModel.h"

#include "AuditLog.h"
#include "DatabaseThread.h"
#include "OtpService.h"

namespace otp::models {

PolicyModel::PolicyModel(const ConsoleContext& context, QObject* parent) : QAbstractTableModel(parent), m_ctx(context) {}

int PolicyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PolicyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& row = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return index.column() == Key ? row.first : row.second;
    if (role == Qt::FontRole && index.column() == Value && m_original.value(row.first) != row.second) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

bool PolicyModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != Value || !m_permissions.canEditPolicy() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString v = value.toString().trimmed();
    if (m_rows[index.row()].second == v)
        return false;
    m_rows[index.row()].second = v;
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, Qt::FontRole});
    return true;
}

Qt::ItemFlags PolicyModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Value && m_permissions.canEditPolicy())
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant PolicyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Key ? tr("Setting") : tr("Value");
}

void PolicyModel::setPermissions(const Permissions& permissions)
{
    beginResetModel(); // the editable flag changes on every row
    m_permissions = permissions;
    endResetModel();
}

void PolicyModel::load(const QString& tenant, std::optional<Purpose> purpose)
{
    m_tenant = tenant;
    m_purpose = purpose;
    OtpService* service = m_ctx.service;
    m_ctx.db->run<Outcome>(
        this, [service, tenant, purpose]() { return service->policyShow(tenant, purpose); },
        [this](Outcome o) {
            QMap<QString, QString> values;
            const QJsonObject p = o.details.value(QStringLiteral("policy")).toObject();
            for (auto it = p.begin(); it != p.end(); ++it)
                values.insert(it.key(), it.value().toString());
            setValues(values);
            emit loaded();
        });
}

void PolicyModel::setValues(const QMap<QString, QString>& values)
{
    beginResetModel();
    m_original = values;
    m_rows.clear();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_rows.append({it.key(), it.value()});
    endResetModel();
}

QMap<QString, QString> PolicyModel::changes() const
{
    QMap<QString, QString> out;
    for (const auto& row : m_rows)
        if (m_original.value(row.first) != row.second)
            out.insert(row.first, row.second);
    return out;
}

void PolicyModel::save(const Actor& actor)
{
    if (!m_permissions.canEditPolicy()) {
        emit saved(Outcome::make(OutcomeStatus::InvalidInput, tr("your role (%1) may not edit policies").arg(m_permissions.roleName())));
        return;
    }
    const QMap<QString, QString> values = changes();
    if (values.isEmpty()) {
        emit saved(Outcome::make(OutcomeStatus::Ok, tr("nothing changed")));
        return;
    }
    OtpService* service = m_ctx.service;
    const QString tenant = m_tenant;
    const std::optional<Purpose> purpose = m_purpose;
    m_ctx.db->run<Outcome>(
        this, [service, tenant, purpose, values, actor]() { return service->policySet(tenant, purpose, values, actor); },
        [this](Outcome o) {
            emit saved(o);
            load(m_tenant, m_purpose);
        });
}

} // namespace otp::models
