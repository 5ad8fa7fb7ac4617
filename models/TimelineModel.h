#pragma once

#include "PhoneReport.h"

#include <QAbstractTableModel>

namespace otp::models {

// One destination's story on one timeline, newest first: each code requested, each vendor call
// with the vendor's answer, each verification and each operator action.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Event, Detail, ColumnCount };
    enum Role { StatusKeyRole = Qt::UserRole + 1, TimeRole, PurposeRole };

    struct Entry
    {
        qint64 atMs = 0;
        QString event, detail, statusKey;
        QString purpose; // the purpose of the code the entry belongs to; empty for operator actions
        bool operator==(const Entry& o) const
        {
            return atMs == o.atMs && event == o.event && detail == o.detail && statusKey == o.statusKey && purpose == o.purpose;
        }
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the story; a report that tells the same story leaves the rows (and the selection) alone.
    void setReport(const PhoneReport& report);
    const Entry& entryAt(int row) const { return m_entries.at(row); }

private:
    // One guess at a code as the core lists it: "Wrong code (attempt 2 of 5)" and what it led to.
    static Entry guessEntry(const QJsonObject& guess, const QString& purpose);

    QList<Entry> m_entries;
};

} // namespace otp::models
