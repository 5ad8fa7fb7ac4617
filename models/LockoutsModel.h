#pragma once

#include "AuditLog.h"
#include "ConsoleContext.h"
#include "LockoutStore.h"
#include "Permissions.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace otp::models {

// Lockouts across every tenant: active ones with a ticking time left, or the whole history.
// Unlocking goes through OtpService::unlock (audited), and only where the operator's role allows.
class LockoutsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Destination, Tenant, Reason, LockedAt, TimeLeft, State, ReleaseReason, ColumnCount };
    enum Role {
        DestinationRole = Qt::UserRole + 1,
        TenantRole,
        ActiveRole,
        SearchRole, // what the search box matches: the full destination (digits only too), tenant, reason, state
    };

    LockoutsModel(const ConsoleContext& context, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPermissions(const Permissions& permissions);
    const Permissions& permissions() const { return m_permissions; }
    void setShowHistory(bool history);
    bool showsHistory() const { return m_history; }
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

    void start();
    void stop();
    void refresh();
    // Re-reads the clock: the time-left column counts down without a database round trip.
    void tick();
    // Merges a fresh read by lockout id: rows that went are removed, new ones inserted where they
    // belong, the others updated in place, so a selection (and an Unlock about to be clicked) survives.
    void setRows(const QList<LockoutRow>& rows);
    const LockoutRow& rowAt(int row) const { return m_rows.at(row); }
    int activeCount() const;

    // Releases the lockout in `row`. Refused without a database call when the role may not unlock.
    void unlock(int row, const QString& reason, const Actor& actor);

signals:
    void loaded();
    void unlockFinished(const otp::Outcome& outcome);
    // After a successful unlock: the destination's status (OtpService::status), which names what still
    // blocks the next code (cooldown, hourly or daily cap, burst cap) and next_send_at.
    void statusAfterUnlock(const otp::Outcome& status);

private:
    ConsoleContext m_ctx;
    Permissions m_permissions;
    QList<LockoutRow> m_rows;
    QTimer m_poll, m_tick;
    qint64 m_now = 0;
    bool m_history = false;
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace otp::models
