#pragma once

#include "SendRow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <array>

namespace otp::models {

class DatabaseThread;

// Every vendor call, newest first, live from any process writing the same database: a worker-thread
// poll (every 500 ms by default) reads what is new by id and what changed by an updated_at watermark.
// It holds the newest maxRows sends; scrolling to the bottom fetches older ones a page at a time
// (fetchMore, on the worker), up to historyLimit rows, so memory stays bounded however large the tables.
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

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void setRevealDestinations(bool reveal);
    bool revealsDestinations() const { return m_reveal; }
    // The newest rows always held (live); set before start().
    void setMaxRows(int rows);
    // The most rows held once older ones were fetched, and how many one fetch reads.
    void setHistoryLimit(int rows) { m_historyLimit = rows; }
    int maxRows() const { return m_maxRows; }
    int historyLimit() const { return m_historyLimit; }
    // Whether the oldest send in the database is held (nothing older to fetch).
    bool reachedOldest() const { return m_historyEnd; }
    bool fetching() const { return m_fetching; }
    // When the oldest held send was made (ms); 0 when none is held.
    qint64 oldestHeldMs() const { return m_rows.isEmpty() ? 0 : m_rows.last().createdAt; }
    void setPageSize(int rows) { m_pageSize = rows; }
    void setPollInterval(int ms) { m_timer.setInterval(ms); }

    void start();
    void stop();
    // Polls now unless a poll is already running.
    void refresh();
    // Drops every row held and reads the newest maxRows afresh (after the limits changed).
    void reload();
    // Merges rows read from the database (newest first): new ones go on top, known ones are updated.
    void applyRows(const QList<SendRow>& rows);

    const SendRow& rowAt(int row) const { return m_rows.at(row); }
    // Distinct raw values of a column (tenants, channels, vendors, purposes, statuses) among the rows held, for
    // the filter boxes and the column widths.
    QStringList distinctValues(Column column) const;

signals:
    // A poll came back; `changed` rows were inserted or updated.
    void polled(int changed);
    // A fetch of older rows came back with `rows` rows.
    void fetched(int rows);

private:
    void rebuildIndex();
    int rowOf(qint64 deliveryId) const; // -1: not held
    void countDistinct(const SendRow& r, int delta);
    void appendOlder(qint64 beforeId, const QList<SendRow>& rows);

    DatabaseThread* m_db;
    QTimer m_timer;
    QList<SendRow> m_rows;
    // delivery id → sequence number; row = m_topSeq - 1 - seq, so rows added on top or at the
    // bottom never renumber the others.
    QHash<qint64, qint64> m_seqOf;
    qint64 m_topSeq = 0;
    std::array<QHash<QString, int>, 5> m_distinct; // tenant, channel, vendor, status, purpose → rows with it
    qint64 m_maxId = 0;
    qint64 m_watermark = 0;
    int m_maxRows = 2000;
    int m_keep = 2000;          // rows kept when new ones push old ones out: maxRows, more after fetches
    int m_historyLimit = 20000;
    int m_pageSize = 1000;
    bool m_loaded = false;
    bool m_inFlight = false;
    bool m_fetching = false;
    bool m_historyEnd = false; // no older sends in the database
    bool m_reveal = false;
    int m_generation = 0; // bumped by reload(): answers to earlier reads are dropped
};

} // namespace otp::models
