#pragma once

#include "SendRow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace otp::models {

class DatabaseThread;

// Every vendor call, newest first, live from any process writing the same database: a worker-thread
// poll (every 500 ms by default) reads what is new by id and what changed by an updated_at watermark.
class LiveSendsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Destination, Tenant, Channel, Vendor, Purpose, Status, Attempts, Latency, VendorAnswer, ColumnCount };
    enum Role {
        RawRole = Qt::UserRole + 1, // the unformatted value of the column (sorting, filtering, export)
        DestinationRole,            // the full destination, whatever the role shows
        StatusKeyRole,
        DeliveryIdRole,
    };

    explicit LiveSendsModel(DatabaseThread* db, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRevealDestinations(bool reveal);
    bool revealsDestinations() const { return m_reveal; }
    void setMaxRows(int rows) { m_maxRows = rows; }
    void setPollInterval(int ms) { m_timer.setInterval(ms); }

    void start();
    void stop();
    // Polls now unless a poll is already running.
    void refresh();
    // Merges rows read from the database (newest first): new ones go on top, known ones are updated.
    void applyRows(const QList<SendRow>& rows);

    const SendRow& rowAt(int row) const { return m_rows.at(row); }
    // Distinct raw values of a column (tenants, channels, vendors) for the filter boxes.
    QStringList distinctValues(Column column) const;

signals:
    // A poll came back; `changed` rows were inserted or updated.
    void polled(int changed);

private:
    void rebuildIndex();

    DatabaseThread* m_db;
    QTimer m_timer;
    QList<SendRow> m_rows;
    QHash<qint64, int> m_rowOf; // delivery id → row
    qint64 m_maxId = 0;
    qint64 m_watermark = 0;
    int m_maxRows = 2000;
    bool m_loaded = false;
    bool m_inFlight = false;
    bool m_reveal = false;
};

} // namespace otp::models
