#pragma once

#include "AuditLog.h"
#include "Channel.h"
#include "ConsoleContext.h"
#include "Permissions.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QMap>
#include <optional>

namespace otp::models {

// One tenant's effective policy, a row per key in Policy::keys() order: the setting in words, the key
// as otpctl names it, the value and its unit. Values are editable only for roles that may edit
// policies; save() sends the changed keys through OtpService::policySet (validated, audited).
class PolicyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Label, Key, Value, Unit, ColumnCount };

    PolicyModel(const ConsoleContext& context, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPermissions(const Permissions& permissions);
    void load(const QString& tenant, std::optional<Purpose> purpose);
    void setValues(const QMap<QString, QString>& values);
    QMap<QString, QString> changes() const;
    void save(const Actor& actor);
    QString tenant() const { return m_tenant; }

    // A policy key in the operator's words ("cooldown_s" → "Wait between two sends") and the unit of
    // its value ("seconds"); an unknown key is shown as it is, without a unit.
    static QString label(const QString& key);
    static QString unit(const QString& key);

signals:
    void loaded();
    void saved(const otp::Outcome& outcome);

private:
    ConsoleContext m_ctx;
    Permissions m_permissions;
    QString m_tenant = QStringLiteral("default");
    std::optional<Purpose> m_purpose;
    QList<QPair<QString, QString>> m_rows;
    QMap<QString, QString> m_original;
};

} // namespace otp::models
