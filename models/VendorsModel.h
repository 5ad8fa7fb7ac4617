#pragma once

#include "AuditLog.h"
#include "ConsoleContext.h"
#include "Outcome.h"
#include "Permissions.h"
#include "VendorConfig.h"

#include <QAbstractTableModel>

namespace otp::models {

// The configured vendor accounts (the `vendors` table) beside what this console makes of them: is
// the credential in the secret store, is the vendor in use here or why not. Admins add, change and
// remove vendors and write their credentials into the keychain; the value goes from the form to the
// store on the worker thread and is never read back, shown, logged or put in the database.
class VendorsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Channel, Settings, Credential, State, ColumnCount };

    struct Row
    {
        VendorConfig config;
        bool loaded = false;
        bool credentialStored = false; // secretName is listed by the secret store
        QString problem;               // why this process cannot use it ("" when in use)
    };

    VendorsModel(const ConsoleContext& context, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPermissions(const Permissions& permissions) { m_permissions = permissions; }
    const Row& rowAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString& name) const;
    void setRows(const QList<Row>& rows);

    // Reloads the table and the running gateways (a vendor edited elsewhere is picked up too).
    void refresh();
    // Validates `config` first; then writes `credential` (when not empty) under config.secretName,
    // saves the vendor and reloads the gateways. Refused for roles that may not edit vendors.
    void save(const VendorConfig& config, const QString& credential, const Actor& actor);
    // Removes the vendor, and its credential from the store when `deleteCredential`.
    void remove(const QString& name, bool deleteCredential, const Actor& actor);

    // The settings a vendor kind understands, in the order a form shows them (VendorConfig.h).
    static QStringList kinds();
    static QStringList settingKeys(const QString& kind);
    static QString channelOf(const QString& kind);
    // What is wrong with `config` before anything is written (names the setting); empty when valid.
    static QString problem(const VendorConfig& config);
    // Where a new vendor's credential is kept by default.
    static QString defaultSecretName(const QString& vendor) { return QStringLiteral("vendor/") + vendor; }

signals:
    void loaded();
    void finished(const otp::Outcome& outcome);

private:
    QList<Row> load(); // worker thread

    ConsoleContext m_ctx;
    Permissions m_permissions;
    QList<Row> m_rows;
};

} // namespace otp::models
