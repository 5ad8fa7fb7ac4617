#pragma once

#include "AuditLog.h"
#include "ConsoleContext.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace otp::models {

// The audit log, newest first: who changed what, in which role, when.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Who, Role, Action, Tenant, Target, Details, ColumnCount };
    enum DataRole {
        ActionKeyRole = Qt::UserRole + 1, // the action as recorded ("unlock"), for the action filter
        SearchRole,                       // what the search box matches: who, role, target (full), action and details in words
    };

    AuditModel(const ConsoleContext& context, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRevealDestinations(bool reveal);
    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    void start();
    void stop();
    void refresh();
    void setRows(const QList<AuditRow>& rows);
    const AuditRow& rowAt(int row) const { return m_rows.at(row); }

signals:
    void loaded();

private:
    ConsoleContext m_ctx;
    QList<AuditRow> m_rows;
    QTimer m_poll;
    bool m_reveal = false;
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace otp::models
