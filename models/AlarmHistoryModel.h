#pragma once

#include "AuditLog.h"
#include "ConsoleContext.h"
#include "Outcome.h"
#include "SqlSession.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace otp::models {

// One raising of an alarm (AlarmMonitor.h) with its acknowledgement, if any (migration 008).
struct AlarmEntry
{
    qint64 id = 0, raisedAt = 0, clearedAt = 0, ackedAt = 0; // 0: still active / not acknowledged
    QString tenant, rule, subject, observed, threshold, message, ackedBy, ackReason;
    int windowMin = 15; // the tenant's alarm window, for the words
    bool active() const { return clearedAt == 0; }
    bool acknowledged() const { return ackedAt != 0; }
    QString words() const;
};

// The alarm history across tenants, newest first: raised and cleared times, the alarm in words, and who
// acknowledged it. Polled on the worker thread; an acknowledgement goes through
// OtpService::acknowledgeAlarm (audited with the operator), where the role allows.
class AlarmHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Raised, Cleared, Tenant, Alarm, Acknowledged, ColumnCount };
    enum Role {
        AlarmIdRole = Qt::UserRole + 1,
        ActiveRole,
        AcknowledgedRole,
    };

    AlarmHistoryModel(const ConsoleContext& context, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The newest `limit` alarms of every tenant (only the active ones when asked), with their acknowledgements.
    static QList<AlarmEntry> read(SqlSession& s, bool activeOnly, int limit);

    void setActiveOnly(bool activeOnly);
    bool activeOnly() const { return m_activeOnly; }
    // Whether a read has come back: before it, no rows does not mean no alarms.
    bool hasLoaded() const { return m_loaded; }
    // Whether the rows held are the active ones only: the filter of the read that brought them, which
    // setActiveOnly() changes only once its own read is back.
    bool rowsAreActiveOnly() const { return m_rowsActiveOnly; }
    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    void start();
    void stop();
    void refresh();
    void setRows(const QList<AlarmEntry>& rows);
    const AlarmEntry& rowAt(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const;

    // Acknowledges alarm `alarmId` with `reason` as `actor`. Refused without a database call when the
    // role may not (Permissions::canAcknowledgeAlarms) or the reason is empty.
    void acknowledge(qint64 alarmId, const QString& reason, const Actor& actor, bool allowed);

signals:
    void loaded();
    void acknowledgeFinished(const otp::Outcome& outcome);

private:
    ConsoleContext m_ctx;
    QList<AlarmEntry> m_rows;
    QTimer m_poll;
    bool m_activeOnly = false;
    bool m_loaded = false;
    bool m_rowsActiveOnly = false;
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace otp::models
