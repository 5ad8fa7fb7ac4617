#pragma once

#include "AuditLog.h"
#include "ConsoleContext.h"
#include "Outcome.h"

#include <QAbstractTableModel>

namespace otp::models {

// One vendor's health over the dashboard's window and its circuit breaker, as every process sees them.
struct VendorHealthEntry
{
    QString vendor;
    int tries = 0, accepted = 0, timeouts = 0, p95Ms = -1; // p95 -1: no try with a latency
    double successPct = -1;                                 // -1: no try in the window
    QString state = QStringLiteral("closed");
    bool forced = false;
    qint64 sinceMs = 0;     // when the breaker entered its state; 0: never opened
    qint64 openUntilMs = 0; // open, not forced: when the cool-off ends and a probe may go
    QString reason;         // why it last changed (an admin's reason when forced)
};

// The dashboard's vendor health panel: OtpService::vendorHealth (success rate, timeouts, p95 latency,
// breaker) read on the worker thread, rows updated in place so a selection survives a refresh; an
// admin forces a breaker open or closed through OtpService::forceBreaker (audited) on that thread.
class VendorHealthModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Vendor, SuccessRate, Timeouts, LatencyP95, Breaker, Since, Reason, ColumnCount };
    enum Role {
        StateKeyRole = Qt::UserRole + 1, // "closed", "open", "half_open"
        ForcedRole,
        VendorRole,
    };

    VendorHealthModel(const ConsoleContext& context, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Reads the health over the last `windowS` (60 s … 7 d) on the worker thread.
    void refresh(qint64 windowS);
    void setEntries(const QList<VendorHealthEntry>& entries);
    const VendorHealthEntry& entryAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString& vendor) const;
    qint64 windowS() const { return m_windowS; }

    // Forces `vendor`'s breaker open (until closed by hand) or closed. Refused without a database call
    // when the operator's role may not (Permissions::canForceBreakers) or the reason is empty.
    void forceBreaker(const QString& vendor, bool open, const QString& reason, const Actor& actor, bool allowed);

signals:
    void loaded();
    void forceFinished(const otp::Outcome& outcome);

private:
    ConsoleContext m_ctx;
    QList<VendorHealthEntry> m_rows;
    qint64 m_windowS = 3600;
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace otp::models
