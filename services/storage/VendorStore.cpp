#include "VendorStore.h"

#include "InputLimits.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace otp {

namespace {
VendorConfig fromRecord(const SqlRow& r)
{
    VendorConfig c;
    c.name = r.value(QStringLiteral("name")).toString();
    c.kind = r.value(QStringLiteral("kind")).toString();
    c.settings = QJsonDocument::fromJson(r.value(QStringLiteral("settings")).toString().toUtf8()).object();
    c.secretName = r.value(QStringLiteral("secret_name")).toString();
    c.enabled = r.value(QStringLiteral("enabled")).toInt() != 0;
    return c;
}

// Settings without which a vendor cannot be called at all.
QStringList required(const QString& kind)
{
    if (kind == QLatin1String("gupshup"))
        return {QStringLiteral("base_url"), QStringLiteral("userid")};
    if (kind == QLatin1String("wati"))
        return {QStringLiteral("base_url"), QStringLiteral("template_name")};
    if (kind == QLatin1String("myoperator"))
        return {QStringLiteral("base_url"), QStringLiteral("company_id"), QStringLiteral("phone_number_id"),
                QStringLiteral("template_name")};
    if (kind == QLatin1String("smtp"))
        return {QStringLiteral("url"), QStringLiteral("from")};
    return {};
}
} // namespace

QStringList VendorStore::knownSettings(const QString& kind)
{
    // The settings each gateway reads (VendorConfig.h lists what they mean). Nothing else is stored:
    // an unknown key is where a credential would hide (passwd=, authorization=Bearer …,
    // headers=Authorization: …), and the table and the audit log would keep it (SECURITY.md row 16).
    if (kind == QLatin1String("gupshup"))
        return {QStringLiteral("base_url"), QStringLiteral("userid"), QStringLiteral("mask"), QStringLiteral("format"),
                QStringLiteral("method"), QStringLiteral("msg_type"), QStringLiteral("dlt_template_id"),
                QStringLiteral("principal_entity_id"), QStringLiteral("dlt_template_text"), QStringLiteral("timeout_ms")};
    if (kind == QLatin1String("wati"))
        return {QStringLiteral("base_url"), QStringLiteral("api_version"), QStringLiteral("template_name"),
                QStringLiteral("broadcast_name"), QStringLiteral("code_parameter"), QStringLiteral("timeout_ms")};
    if (kind == QLatin1String("myoperator"))
        return {QStringLiteral("base_url"), QStringLiteral("company_id"), QStringLiteral("phone_number_id"),
                QStringLiteral("waba_id"), QStringLiteral("template_name"), QStringLiteral("language"),
                QStringLiteral("otp_button"), QStringLiteral("timeout_ms")};
    if (kind == QLatin1String("smtp"))
        return {QStringLiteral("url"), QStringLiteral("starttls"), QStringLiteral("username"), QStringLiteral("from"),
                QStringLiteral("subject"), QStringLiteral("timeout_ms")};
    if (kind == QLatin1String("dev"))
        return {QStringLiteral("outbox")};
    return {};
}

QStringList VendorStore::kinds()
{
    return {QStringLiteral("gupshup"), QStringLiteral("wati"), QStringLiteral("myoperator"), QStringLiteral("smtp"),
            QStringLiteral("dev")};
}

QString VendorStore::problem(const VendorConfig& c)
{
    static const QRegularExpression nameRe(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,31}$"));
    if (!nameRe.match(c.name).hasMatch())
        return QStringLiteral("vendor name '%1' must be 1–32 lower-case letters, digits, '.', '_' or '-'").arg(c.name);
    if (!kinds().contains(c.kind))
        return QStringLiteral("unknown vendor kind '%1' (%2)").arg(c.kind, kinds().join(QStringLiteral(", ")));
    // The columns' sizes, checked here so every engine answers alike (SECURITY.md row 23).
    if (const QString tooLong = InputLimits::problem(QStringLiteral("the secret name"), c.secretName, InputLimits::kVendorSecretName);
        !tooLong.isEmpty())
        return tooLong;
    if (const qsizetype bytes = QJsonDocument(c.settings).toJson(QJsonDocument::Compact).size(); bytes > InputLimits::kVendorSettingsBytes)
        return QStringLiteral("the settings are too long: %1 bytes as JSON, at most %2").arg(bytes).arg(InputLimits::kVendorSettingsBytes);
    for (const QString& key : required(c.kind))
        if (c.setting(key).isEmpty())
            return QStringLiteral("a %1 vendor needs the setting %2").arg(c.kind, key);
    const QStringList known = knownSettings(c.kind);
    for (auto it = c.settings.begin(); it != c.settings.end(); ++it) {
        // Credentials belong in the keychain: refuse anything that looks like one (SECURITY.md row 16).
        const QString k = it.key().toLower();
        if (k.contains(QLatin1String("password")) || k.contains(QLatin1String("token")) ||
            k.contains(QLatin1String("secret")) || k.contains(QLatin1String("apikey")) || k == QLatin1String("api_key"))
            return QStringLiteral("'%1' looks like a credential: store it with `otpctl secrets set` and name it with "
                                  "--secret, never in the vendor settings").arg(it.key());
        // Only what the gateway reads; the value is not repeated (it may be the credential).
        if (!known.contains(it.key()))
            return QStringLiteral("unknown setting '%1' for a %2 vendor; known: %3")
                .arg(it.key(), c.kind, known.join(QStringLiteral(", ")));
    }
    for (const QString& key : {QStringLiteral("base_url"), QStringLiteral("url")}) {
        const QString url = c.setting(key);
        // The value is not quoted back in these messages: it may carry the credential.
        if (!url.isEmpty() && !QRegularExpression(QStringLiteral("^(https?|smtps?)://[^\\s/]+")).match(url).hasMatch())
            return QStringLiteral("%1 is not an http(s):// or smtp(s):// URL").arg(key);
        if (url.contains(QLatin1Char('@')))
            return QStringLiteral("%1 must not carry credentials (user:password@); use --secret").arg(key);
        // No vendor API here takes its parameters from base_url's query, and a query is where a key
        // or password would ride along (…/?password=…) into the table and the audit log.
        if (url.contains(QLatin1Char('?')) || url.contains(QLatin1Char('#')))
            return QStringLiteral("%1 must not carry a query string or fragment (credentials go in the keychain: use "
                                  "--secret)").arg(key);
    }
    // Time is bounded as well as size: a vendor call holds a worker (and its lease) at most this long.
    if (c.setting(QStringLiteral("timeout_ms")).toLongLong() > kMaxTimeoutMs)
        return QStringLiteral("timeout_ms must be at most %1 (one minute)").arg(kMaxTimeoutMs);
    if (c.kind != QLatin1String("dev") && c.kind != QLatin1String("smtp") && c.secretName.isEmpty())
        return QStringLiteral("a %1 vendor needs --secret NAME (its credential in the keychain)").arg(c.kind);
    return {};
}

QList<VendorConfig> VendorStore::all()
{
    QList<VendorConfig> out;
    for (const auto& r : m_s.select(QStringLiteral("SELECT * FROM vendors ORDER BY name")))
        out.append(fromRecord(r));
    return out;
}

std::optional<VendorConfig> VendorStore::find(const QString& name)
{
    const auto rows = m_s.select(QStringLiteral("SELECT * FROM vendors WHERE name = ?"), {name});
    if (rows.isEmpty())
        return std::nullopt;
    return fromRecord(rows.first());
}

void VendorStore::save(const VendorConfig& c, qint64 now)
{
    m_s.update(QStringLiteral("DELETE FROM vendors WHERE name = ?"), {c.name});
    m_s.update(QStringLiteral("INSERT INTO vendors (name, kind, settings, secret_name, enabled, updated_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)"),
               {c.name, c.kind, QString::fromUtf8(QJsonDocument(c.settings).toJson(QJsonDocument::Compact)),
                c.secretName, c.enabled ? 1 : 0, now});
}

bool VendorStore::remove(const QString& name)
{
    return m_s.update(QStringLiteral("DELETE FROM vendors WHERE name = ?"), {name}) == 1;
}

} // namespace otp
