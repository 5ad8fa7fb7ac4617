#include "GatewayFactory.h"

#include "GupshupGateway.h"
#include "MyOperatorGateway.h"
#include "SmtpGateway.h"
#include "WatiGateway.h"

#include <QUrl>

namespace otp {

namespace {

// Collects the first problem with a config, phrased for the person fixing it.
class SettingsCheck
{
public:
    explicit SettingsCheck(const VendorConfig& config) : m_config(config) {}

    bool ok() const { return m_problem.isEmpty(); }
    QString problem() const
    {
        return QStringLiteral("vendor '%1' (%2): %3").arg(m_config.name, m_config.kind, m_problem);
    }

    void required(const QString& key)
    {
        if (ok() && m_config.setting(key).trimmed().isEmpty())
            m_problem = QStringLiteral("setting '%1' is missing").arg(key);
    }
    void oneOf(const QString& key, const QStringList& allowed)
    {
        const QString value = m_config.setting(key);
        if (ok() && !value.isEmpty() && !allowed.contains(value, Qt::CaseInsensitive))
            m_problem = QStringLiteral("setting '%1' is '%2'; expected %3").arg(key, value, allowed.join(QStringLiteral(" or ")));
    }
    void url(const QString& key, const QStringList& schemes)
    {
        const QString value = m_config.setting(key).trimmed();
        if (!ok() || value.isEmpty())
            return;
        const QUrl u(value, QUrl::StrictMode);
        if (!u.isValid() || u.host().isEmpty() || !schemes.contains(u.scheme().toLower()))
            m_problem = QStringLiteral("setting '%1' (%2) is not a %3 URL").arg(key, value, schemes.join(QLatin1Char('/')));
    }
    void timeout()
    {
        const QJsonValue v = m_config.settings.value(QStringLiteral("timeout_ms"));
        if (ok() && !v.isUndefined() && !v.isNull() && m_config.setting(QStringLiteral("timeout_ms")).toInt() <= 0)
            m_problem = QStringLiteral("setting 'timeout_ms' must be a positive number of milliseconds");
    }
    void fail(const QString& problem)
    {
        if (ok())
            m_problem = problem;
    }

private:
    const VendorConfig& m_config;
    QString m_problem;
};

const QStringList kHttp{QStringLiteral("https"), QStringLiteral("http")};

bool needsSecret(const VendorConfig& config)
{
    if (config.kind.compare(QLatin1String("smtp"), Qt::CaseInsensitive) == 0)
        return !config.setting(QStringLiteral("username")).isEmpty(); // no username: an open relay
    return true;
}

} // namespace

bool validateGatewayConfig(const VendorConfig& config, QString* error)
{
    const QString kind = config.kind.trimmed().toLower();
    auto failWith = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (config.name.trimmed().isEmpty())
        return failWith(QStringLiteral("a %1 vendor has no name").arg(kind.isEmpty() ? QStringLiteral("(kindless)") : kind));
    if (kind == QLatin1String("dev"))
        return failWith(QStringLiteral("dev is built by the runtime"));

    SettingsCheck check(config);
    if (kind == QLatin1String("gupshup")) {
        check.url(QStringLiteral("base_url"), kHttp);
        check.required(QStringLiteral("userid"));
        if (config.setting(QStringLiteral("format")).compare(QLatin1String("xml"), Qt::CaseInsensitive) == 0)
            check.fail(QStringLiteral("setting 'format' is 'xml', which this gateway does not read; use json or text"));
        check.oneOf(QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("text")});
        check.oneOf(QStringLiteral("method"), {QStringLiteral("GET"), QStringLiteral("POST")});
        check.oneOf(QStringLiteral("msg_type"), {QStringLiteral("TEXT"), QStringLiteral("Unicode_text")});
    } else if (kind == QLatin1String("wati")) {
        check.required(QStringLiteral("base_url")); // per account: there is no shared default
        check.url(QStringLiteral("base_url"), kHttp);
        check.required(QStringLiteral("template_name"));
        check.oneOf(QStringLiteral("api_version"), {QStringLiteral("v1"), QStringLiteral("v2")});
    } else if (kind == QLatin1String("myoperator")) {
        check.url(QStringLiteral("base_url"), kHttp);
        check.required(QStringLiteral("company_id"));
        check.required(QStringLiteral("phone_number_id"));
        check.required(QStringLiteral("template_name"));
        check.oneOf(QStringLiteral("otp_button"), {QStringLiteral("true"), QStringLiteral("false")});
    } else if (kind == QLatin1String("smtp")) {
        check.required(QStringLiteral("url"));
        check.url(QStringLiteral("url"), {QStringLiteral("smtp"), QStringLiteral("smtps")});
        check.required(QStringLiteral("from"));
        if (check.ok() && !SmtpGateway::bareAddress(config.setting(QStringLiteral("from"))).contains(QLatin1Char('@')))
            check.fail(QStringLiteral("setting 'from' (%1) holds no e-mail address").arg(config.setting(QStringLiteral("from"))));
        check.oneOf(QStringLiteral("starttls"), {QStringLiteral("required"), QStringLiteral("optional"), QStringLiteral("none")});
    } else {
        return failWith(QStringLiteral("vendor '%1': unknown kind '%2' (expected gupshup, wati, myoperator, smtp or dev)")
                            .arg(config.name, config.kind));
    }
    check.timeout();
    if (!check.ok())
        return failWith(check.problem());
    if (needsSecret(config) && config.secretName.trimmed().isEmpty())
        return failWith(QStringLiteral("vendor '%1' (%2): no secret name is configured; name the secret that holds its %3")
                            .arg(config.name, kind,
                                 kind == QLatin1String("gupshup") || kind == QLatin1String("smtp") ? QStringLiteral("password")
                                                                                                   : QStringLiteral("API token")));
    return true;
}

std::shared_ptr<DeliveryGateway> createGateway(const VendorConfig& config, SecretStore* secrets, QString* error)
{
    if (!validateGatewayConfig(config, error))
        return nullptr;
    auto failWith = [error](const QString& message) -> std::shared_ptr<DeliveryGateway> {
        if (error)
            *error = message;
        return nullptr;
    };

    QString secret;
    if (needsSecret(config)) {
        if (!secrets)
            return failWith(QStringLiteral("vendor '%1': no secret store is available to read secret '%2' from")
                                .arg(config.name, config.secretName));
        QString storeError;
        const std::optional<QString> value = secrets->get(config.secretName, &storeError);
        if (!storeError.isEmpty())
            return failWith(QStringLiteral("vendor '%1': reading secret '%2' from %3 failed: %4")
                                .arg(config.name, config.secretName, secrets->describe(), storeError));
        if (!value || value->isEmpty())
            return failWith(QStringLiteral("vendor '%1': secret '%2' is not in %3")
                                .arg(config.name, config.secretName, secrets->describe()));
        secret = *value;
    }

    const QString kind = config.kind.trimmed().toLower();
    if (kind == QLatin1String("gupshup"))
        return std::make_shared<GupshupGateway>(config, secret);
    if (kind == QLatin1String("wati"))
        return std::make_shared<WatiGateway>(config, secret);
    if (kind == QLatin1String("myoperator"))
        return std::make_shared<MyOperatorGateway>(config, secret);
    return std::make_shared<SmtpGateway>(config, secret); // validateGatewayConfig let no other kind through
}

} // namespace otp
