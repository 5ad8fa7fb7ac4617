#include "VendorStatsModel.h"

namespace otp::models {

int VendorStatsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VendorStatsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VendorStatsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Vendor)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool raw = role == Qt::UserRole;
    switch (index.column()) {
    case Vendor: return r.vendor;
    case Sends: return r.sends;
    case Accepted: return r.accepted;
    case Failed: return r.failed;
    case SuccessRate: return raw ? QVariant(r.successRate) : QVariant(tr("%1 %").arg(r.successRate * 100.0, 0, 'f', 1));
    case LatencyP50: return raw ? QVariant(r.latencyP50Ms) : QVariant(tr("%1 ms").arg(r.latencyP50Ms));
    case LatencyP95: return raw ? QVariant(r.latencyP95Ms) : QVariant(tr("%1 ms").arg(r.latencyP95Ms));
    }
    return {};
}

QVariant VendorStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Vendor: return tr("Vendor");
    case Sends: return tr("Sends");
    case Accepted: return tr("Accepted");
    case Failed: return tr("Failed");
    // Short: the table sits beside the vendor health table at 1366×768; the cells carry the units.
    case SuccessRate: return tr("Success");
    case LatencyP50: return tr("p50");
    case LatencyP95: return tr("p95");
    }
    return {};
}

void VendorStatsModel::setSnapshot(const DashboardSnapshot& snapshot)
{
    beginResetModel();
    m_rows = snapshot.vendors;
    endResetModel();
}

} // namespace otp::models
