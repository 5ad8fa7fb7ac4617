#include "PolicyModel.h"

#include "AuditLog.h"
#include "DatabaseThread.h"
#include "OtpService.h"
#include "Policy.h"

namespace otp::models {

namespace {
struct KeyWords
{
    const char* key;
    const char* label;
    const char* unit;
};

// Every key of Policy::keys(), in words; the units say what a number counts.
const KeyWords kKeyWords[] = {
    {"code_length", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Code length"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "digits")},
    {"ttl_s", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "A code is valid for"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "seconds")},
    {"max_attempts", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Guesses per code"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "attempts")},
    {"cooldown_s", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Wait between two sends"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "seconds")},
    {"sends_per_hour", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Sends per hour to one destination"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "sends")},
    {"sends_per_day", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Sends per day to one destination"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "sends")},
    {"sends_per_ip_per_hour", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Sends per hour from one client address"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "sends (0 = no limit)")},
    {"lockout_s", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "A lockout lasts"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "seconds")},
    {"prefix_burst_cap", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Sends to one number block"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "sends per window")},
    {"prefix_burst_window_s", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Number block window"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "seconds")},
    {"delivery_max_tries", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Tries per vendor"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "tries")},
    {"delivery_backoff_s", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "First retry after"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "seconds (doubles each try)")},
    {"breaker_failures", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Breaker opens after failures in a row"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "failures")},
    {"breaker_min_success_pct", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Breaker opens below success rate"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "%")},
    {"breaker_min_tries", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Breaker judges the rate from"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "tries")},
    {"breaker_window_min", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Breaker window"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "minutes")},
    {"breaker_cooloff_s", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Breaker stays open for"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "seconds")},
    {"breaker_close_successes", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Breaker closes after accepted probes"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "probes")},
    {"alarm_window_min", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Alarm window"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "minutes")},
    {"alarm_min_tries", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Alarms judge rates from"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "tries")},
    {"alarm_vendor_success_pct", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Alarm below vendor success rate"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "%")},
    {"alarm_p95_latency_ms", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Alarm above p95 latency"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "ms")},
    {"alarm_outbox_depth", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Alarm above queued sends"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "sends")},
    {"alarm_lockouts_per_min", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Alarm above lockouts per minute"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "lockouts")},
    {"alarm_conversion_pct", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Alarm below codes verified"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "%")},
    {"delivery", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Delivery"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "sync or async")},
    {"account_creation", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Create the account"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "on_verify or on_delivery")},
    {"allowed_countries", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Allowed countries"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "ISO codes, comma-separated (empty: all)")},
    {"default_region", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Country of national numbers"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "ISO code")},
    {"message_language", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Language of the message"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "language code")},
    {"app_name", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "App name in messages"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "text (empty: the tenant's name)")},
    {"route_sms", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "SMS vendors"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "vendor names, in order")},
    {"route_whatsapp", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "WhatsApp vendors"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "vendor names, in order")},
    {"route_email", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "Email vendors"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "vendor names, in order")},
    {"fallback_whatsapp", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "When WhatsApp fails, send by"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "sms or none")},
    {"fallback_sms", QT_TRANSLATE_NOOP("otp::models::PolicyModel", "When SMS fails, send by"), QT_TRANSLATE_NOOP("otp::models::PolicyModel", "whatsapp or none")},
};

const KeyWords* wordsFor(const QString& key)
{
    for (const KeyWords& w : kKeyWords)
        if (key == QLatin1String(w.key))
            return &w;
    return nullptr;
}
} // namespace

QString PolicyModel::label(const QString& key)
{
    const KeyWords* w = wordsFor(key);
    return w ? tr(w->label) : key;
}

QString PolicyModel::unit(const QString& key)
{
    const KeyWords* w = wordsFor(key);
    return w ? tr(w->unit) : QString();
}

PolicyModel::PolicyModel(const ConsoleContext& context, QObject* parent) : QAbstractTableModel(parent), m_ctx(context) {}

int PolicyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PolicyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& row = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Label: return label(row.first);
        case Key: return row.first;
        case Value: return row.second;
        case Unit: return unit(row.first);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Label)
        return tr("%1 (otpctl policy set %1=…)").arg(row.first);
    if (role == Qt::FontRole && index.column() == Value && m_original.value(row.first) != row.second) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

bool PolicyModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != Value || !m_permissions.canEditPolicy() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString v = value.toString().trimmed();
    if (m_rows[index.row()].second == v)
        return false;
    m_rows[index.row()].second = v;
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, Qt::FontRole});
    return true;
}

Qt::ItemFlags PolicyModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Value && m_permissions.canEditPolicy())
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant PolicyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Label: return tr("Setting");
    case Key: return tr("Key");
    case Value: return tr("Value");
    case Unit: return tr("Unit");
    }
    return {};
}

void PolicyModel::setPermissions(const Permissions& permissions)
{
    beginResetModel(); // the editable flag changes on every row
    m_permissions = permissions;
    endResetModel();
}

void PolicyModel::load(const QString& tenant, std::optional<Purpose> purpose)
{
    m_tenant = tenant;
    m_purpose = purpose;
    OtpService* service = m_ctx.service;
    m_ctx.db->run<Outcome>(
        this, [service, tenant, purpose]() { return service->policyShow(tenant, purpose); },
        [this](Outcome o) {
            QMap<QString, QString> values;
            const QJsonObject p = o.details.value(QStringLiteral("policy")).toObject();
            for (auto it = p.begin(); it != p.end(); ++it)
                values.insert(it.key(), it.value().toString());
            setValues(values);
            emit loaded();
        });
}

void PolicyModel::setValues(const QMap<QString, QString>& values)
{
    beginResetModel();
    m_original = values;
    m_rows.clear();
    // In the core's order (the code, the caps, delivery, breaker, alarms, routes), unknown keys last.
    const QStringList order = Policy::keys();
    for (const QString& key : order)
        if (values.contains(key))
            m_rows.append({key, values.value(key)});
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (!order.contains(it.key()))
            m_rows.append({it.key(), it.value()});
    endResetModel();
}

QMap<QString, QString> PolicyModel::changes() const
{
    QMap<QString, QString> out;
    for (const auto& row : m_rows)
        if (m_original.value(row.first) != row.second)
            out.insert(row.first, row.second);
    return out;
}

void PolicyModel::save(const Actor& actor)
{
    if (!m_permissions.canEditPolicy()) {
        emit saved(Outcome::make(OutcomeStatus::InvalidInput, tr("your role (%1) may not edit policies").arg(m_permissions.roleTitle())));
        return;
    }
    const QMap<QString, QString> values = changes();
    if (values.isEmpty()) {
        emit saved(Outcome::make(OutcomeStatus::Ok, tr("nothing changed")));
        return;
    }
    OtpService* service = m_ctx.service;
    const QString tenant = m_tenant;
    const std::optional<Purpose> purpose = m_purpose;
    m_ctx.db->run<Outcome>(
        this, [service, tenant, purpose, values, actor]() { return service->policySet(tenant, purpose, values, actor); },
        [this](Outcome o) {
            emit saved(o);
            load(m_tenant, m_purpose);
        });
}

} // namespace otp::models
