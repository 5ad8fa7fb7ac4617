#pragma once

#include "DashboardSnapshot.h"

#include <QAbstractTableModel>

namespace otp::models {

// The dashboard's per-vendor table: sends, success rate, latency percentiles.
class VendorStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Vendor, Sends, Accepted, Failed, SuccessRate, LatencyP50, LatencyP95, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSnapshot(const DashboardSnapshot& snapshot);

private:
    QList<DashboardSnapshot::VendorRow> m_rows;
};

} // namespace otp::models
