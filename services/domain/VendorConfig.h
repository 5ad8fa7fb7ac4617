#pragma once

#include "Channel.h"

#include <QJsonObject>
#include <QString>

namespace otp {

// One configured vendor account (the `vendors` table). Only non-secret settings live here: the
// credential (Gupshup password, WATI / MyOperator token, SMTP password) is looked up by
// `secretName` in the SecretStore (keychain, env or file), never stored in the database.
//
// kind        settings keys (all strings unless noted)
// gupshup     base_url, userid, mask, format ("json"|"text"), method ("GET"|"POST"),
//             msg_type, dlt_template_id, principal_entity_id, dlt_template_text ({#var#} per variable),
//             timeout_ms (int)
// wati        base_url (per account, may carry the tenant path), api_version ("v2" default |"v1"),
//             template_name, broadcast_name, timeout_ms; code_parameter (template parameter name, default "1")
// myoperator  base_url, company_id, phone_number_id, waba_id, template_name, language, otp_button ("true"|"false"),
//             timeout_ms
// smtp        url ("smtp://host:port" | "smtps://host:465"), starttls ("required"|"optional"|"none"),
//             username, from, timeout_ms; subject (default: per purpose, never the code)
// dev         outbox (path; empty: the runtime's default)
// VendorStore::knownSettings() holds these lists: saving a vendor refuses any other key by name
// (an unknown key is where a credential would hide), and a base_url with a query string or userinfo.
struct VendorConfig
{
    QString tenant = QStringLiteral("*"); // '*': every tenant
    QString name;                          // unique per tenant: "gupshup", "wati-main", …
    QString kind;                          // gupshup | wati | myoperator | smtp | dev
    QJsonObject settings;
    QString secretName;                    // empty: the vendor needs no credential
    bool enabled = true;

    QString setting(const QString& key, const QString& fallback = {}) const
    {
        const QJsonValue v = settings.value(key);
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble(), 'g', 15);
        return fallback;
    }
    int timeoutMs(int fallback = 10000) const
    {
        const int t = setting(QStringLiteral("timeout_ms")).toInt();
        return t > 0 ? t : fallback;
    }
};

} // namespace otp
