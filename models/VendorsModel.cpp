#include "VendorsModel.h"

#include "DatabaseThread.h"
#include "GatewayFactory.h"
#include "OtpService.h"
#include "SecretStore.h"
#include "StatusText.h"
#include "VendorStore.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>

namespace otp::models {

VendorsModel::VendorsModel(const ConsoleContext& context, QObject* parent) : QAbstractTableModel(parent), m_ctx(context) {}

int VendorsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VendorsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList VendorsModel::kinds()
{
    return {QStringLiteral("gupshup"), QStringLiteral("wati"), QStringLiteral("myoperator"), QStringLiteral("smtp")};
}

QStringList VendorsModel::settingKeys(const QString& kind)
{
    // The core's list: the dialog offers exactly the settings a save accepts.
    return VendorStore::knownSettings(kind);
}

QString VendorsModel::channelOf(const QString& kind)
{
    if (kind == QLatin1String("gupshup"))
        return StatusText::channel(QStringLiteral("sms"));
    if (kind == QLatin1String("wati") || kind == QLatin1String("myoperator"))
        return StatusText::channel(QStringLiteral("whatsapp"));
    if (kind == QLatin1String("smtp"))
        return StatusText::channel(QStringLiteral("email"));
    return tr("every channel");
}

QString VendorsModel::problem(const VendorConfig& config)
{
    QString problem = VendorStore::problem(config);
    if (problem.isEmpty() && config.kind != QLatin1String("dev"))
        validateGatewayConfig(config, &problem);
    return problem;
}

QVariant VendorsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == State && r.config.enabled && !r.loaded)
        return QBrush(StatusText::textColor(QStringLiteral("failed")));
    if (role == Qt::ForegroundRole && index.column() == Credential && !r.config.secretName.isEmpty() && !r.credentialStored)
        return QBrush(StatusText::textColor(QStringLiteral("failed")));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name: return r.config.name;
    case Kind: return r.config.kind;
    case Channel: return channelOf(r.config.kind);
    case Settings: {
        QStringList parts;
        for (const QString& key : r.config.settings.keys())
            parts << QStringLiteral("%1=%2").arg(key, r.config.setting(key));
        return parts.join(QStringLiteral(", "));
    }
    case Credential:
        if (r.config.secretName.isEmpty())
            return tr("none needed");
        return r.credentialStored ? tr("%1 — stored").arg(r.config.secretName) : tr("%1 — missing").arg(r.config.secretName);
    case State:
        if (!r.config.enabled)
            return tr("disabled");
        if (r.loaded)
            return tr("in use");
        return r.problem.isEmpty() ? tr("not loaded") : tr("not usable: %1").arg(r.problem);
    }
    return {};
}

QVariant VendorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Vendor");
    case Kind: return tr("Kind");
    case Channel: return tr("Channel");
    case Settings: return tr("Settings");
    case Credential: return tr("Credential");
    case State: return tr("State");
    }
    return {};
}

int VendorsModel::rowOf(const QString& name) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).config.name == name)
            return i;
    return -1;
}

void VendorsModel::setRows(const QList<Row>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
    emit loaded();
}

QList<VendorsModel::Row> VendorsModel::load()
{
    QMap<QString, QString> problems;
    if (m_ctx.reloadVendors) {
        for (const QString& p : m_ctx.reloadVendors()) {
            const qsizetype colon = p.indexOf(QLatin1String(": "));
            if (colon > 0)
                problems.insert(p.left(colon), p.mid(colon + 2));
        }
    }
    QString storeError;
    SecretStore* store = m_ctx.secrets ? m_ctx.secrets(&storeError) : nullptr;
    const Outcome o = m_ctx.service->vendors();
    QList<Row> rows;
    for (const QJsonValue& v : o.details.value(QStringLiteral("vendors")).toArray()) {
        const QJsonObject j = v.toObject();
        Row r;
        r.config.name = j.value(QStringLiteral("name")).toString();
        r.config.kind = j.value(QStringLiteral("kind")).toString();
        r.config.settings = j.value(QStringLiteral("settings")).toObject();
        r.config.secretName = j.value(QStringLiteral("secret")).toString();
        r.config.enabled = j.value(QStringLiteral("enabled")).toBool();
        r.loaded = j.value(QStringLiteral("loaded")).toBool() && !problems.contains(r.config.name);
        // Asked per name (the value is dropped at once): an environment store cannot list its names back.
        QString getError;
        r.credentialStored = store && !r.config.secretName.isEmpty() && store->get(r.config.secretName, &getError).has_value();
        r.problem = problems.value(r.config.name, storeError);
        rows << r;
    }
    return rows;
}

void VendorsModel::refresh()
{
    m_ctx.db->run<QList<Row>>(this, [this]() { return load(); }, [this](const QList<Row>& rows) { setRows(rows); });
}

void VendorsModel::save(const VendorConfig& config, const QString& credential, const Actor& actor)
{
    if (!m_permissions.canEditVendors()) {
        emit finished(Outcome::make(OutcomeStatus::InvalidInput, tr("only an admin can change vendors")));
        return;
    }
    struct Result
    {
        Outcome outcome;
        QList<Row> rows;
    };
    m_ctx.db->run<Result>(
        this,
        [this, config, credential, actor]() {
            Result res;
            // Validate everything before writing anything: a refused vendor leaves no credential behind.
            QString problem = VendorsModel::problem(config);
            if (problem.isEmpty() && !credential.isEmpty() && config.secretName.isEmpty())
                problem = tr("a credential was entered but the vendor names no secret to keep it under");
            SecretStore* store = nullptr;
            if (problem.isEmpty() && !credential.isEmpty()) {
                QString storeError;
                store = m_ctx.secrets ? m_ctx.secrets(&storeError) : nullptr;
                if (!store)
                    problem = tr("the secret store cannot be opened: %1").arg(storeError);
            }
            if (!problem.isEmpty()) {
                res.outcome = Outcome::make(OutcomeStatus::InvalidInput, problem);
                return res;
            }
            if (store) {
                QString error;
                if (!store->set(config.secretName, credential, &error)) {
                    res.outcome = Outcome::make(OutcomeStatus::InternalError,
                                                tr("the credential was not stored in %1: %2").arg(store->describe(), error));
                    return res;
                }
                m_ctx.service->recordSecretChange(QStringLiteral("secret_set"), config.secretName, store->describe(), actor);
            }
            res.outcome = m_ctx.service->saveVendor(config, actor);
            if (res.outcome.ok())
                res.outcome.message = tr("vendor %1 saved and reloaded in this console").arg(config.name);
            res.rows = load();
            return res;
        },
        [this](const Result& res) {
            if (res.outcome.ok())
                setRows(res.rows);
            emit finished(res.outcome);
        });
}

void VendorsModel::remove(const QString& name, bool deleteCredential, const Actor& actor)
{
    if (!m_permissions.canEditVendors()) {
        emit finished(Outcome::make(OutcomeStatus::InvalidInput, tr("only an admin can change vendors")));
        return;
    }
    const int at = rowOf(name);
    const QString secretName = at >= 0 ? m_rows.at(at).config.secretName : QString();
    struct Result
    {
        Outcome outcome;
        QList<Row> rows;
    };
    m_ctx.db->run<Result>(
        this,
        [this, name, secretName, deleteCredential, actor]() {
            Result res;
            res.outcome = m_ctx.service->removeVendor(name, actor);
            if (res.outcome.ok() && deleteCredential && !secretName.isEmpty()) {
                QString error;
                SecretStore* store = m_ctx.secrets ? m_ctx.secrets(&error) : nullptr;
                if (store && store->remove(secretName, &error))
                    m_ctx.service->recordSecretChange(QStringLiteral("secret_delete"), secretName, store->describe(), actor);
                else
                    res.outcome.message = tr("vendor %1 removed, but its credential was not deleted: %2").arg(name, error);
            }
            res.rows = load();
            return res;
        },
        [this](const Result& res) {
            setRows(res.rows);
            emit finished(res.outcome);
        });
}

} // namespace otp::models
