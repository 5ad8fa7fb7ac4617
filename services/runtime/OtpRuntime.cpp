#include "OtpRuntime.h"

#include "GatewayFactory.h"
#include "PepperSource.h"
#include "SecretStores.h"
#include "VendorStore.h"
#include "StoreError.h"

#include <QFileInfo>
#include <QStandardPaths>

namespace otp {

namespace {
// A configured vendor that cannot work in this process (its credential is missing or the keychain is
// out of reach): every send through it fails at once, with the reason, and is not retried.
class UnavailableGateway final : public DeliveryGateway
{
public:
    UnavailableGateway(VendorConfig config, QString problem) : m_config(std::move(config)), m_problem(std::move(problem)) {}
    QString name() const override { return m_config.name; }
    bool supports(Channel c) const override
    {
        const QString k = m_config.kind;
        return k == QLatin1String("dev") || (c == Channel::Sms && k == QLatin1String("gupshup")) ||
               (c == Channel::WhatsApp && (k == QLatin1String("wati") || k == QLatin1String("myoperator"))) ||
               (c == Channel::Email && k == QLatin1String("smtp"));
    }
    VendorAnswer deliver(const OutgoingMessage&) override
    {
        VendorAnswer a;
        a.vendor = m_config.name;
        a.vendorCode = QStringLiteral("NOT_CONFIGURED");
        a.reason = m_problem;
        return a;
    }

private:
    VendorConfig m_config;
    QString m_problem;
};
} // namespace

SecretStore* OtpRuntime::secrets(QString* error)
{
    if (!m_secrets && !m_secretsTried) {
        m_secretsTried = true;
        m_secrets = SecretStores::fromEnvironment(&m_secretsError);
    }
    if (!m_secrets && error)
        *error = m_secretsError;
    return m_secrets.get();
}

QStringList OtpRuntime::loadVendors()
{
    QStringList problems;
    QList<VendorConfig> vendors;
    QList<std::shared_ptr<DeliveryGateway>> loaded;
    try {
        vendors = VendorStore(m_database->session()).all();
    } catch (const StoreError& e) {
        return {e.message()};
    }
    for (const VendorConfig& v : vendors) {
        if (!v.enabled || v.kind == QLatin1String("dev"))
            continue;
        QString problem;
        std::shared_ptr<DeliveryGateway> g;
        SecretStore* store = (v.secretName.isEmpty() && v.kind == QLatin1String("smtp")) ? nullptr : secrets(&problem);
        if (store || problem.isEmpty())
            g = createGateway(v, store, &problem);
        if (!g) {
            problems << QStringLiteral("%1: %2").arg(v.name, problem);
            g = std::make_shared<UnavailableGateway>(v, QStringLiteral("vendor %1 is not usable here: %2").arg(v.name, problem));
        }
        loaded << g;
    }
    // A reload (the console after editing a vendor) also drops vendors removed or disabled since.
    m_gateways.replace(loaded, m_dev ? QStringList{m_dev->name()} : QStringList{});
    return problems;
}

QString OtpRuntime::defaultDevOutbox(const DatabaseConfig& config)
{
    if (config.dialect == SqlDialect::Sqlite)
        return QFileInfo(config.path).absolutePath() + QStringLiteral("/dev-outbox.jsonl");
    return QFileInfo(DatabaseConfig::defaultSqlitePath()).absolutePath() + QStringLiteral("/dev-outbox.jsonl");
}

std::unique_ptr<OtpRuntime> OtpRuntime::open(const Options& options, QString* error)
{
    DatabaseConfig config;
    const QString url = options.databaseUrl.isEmpty()
                            ? qEnvironmentVariable("OTP_DB", QStringLiteral("sqlite://") + DatabaseConfig::defaultSqlitePath())
                            : options.databaseUrl;
    if (!DatabaseConfig::fromUrl(url, &config, error))
        return nullptr;
    if (!options.databasePassword.isEmpty())
        config.password = options.databasePassword;

    std::unique_ptr<OtpRuntime> rt(new OtpRuntime);
    rt->m_database = std::make_unique<Database>(config);
    rt->m_clock = std::make_unique<DatabaseClock>(*rt->m_database);
    try {
        if (options.migrate)
            rt->m_database->migrate();
        else if (rt->m_database->schemaVersion() < rt->m_database->latestVersion()) {
            *error = QStringLiteral("the database schema is out of date: run `otpctl migrate`");
            return nullptr;
        }
    } catch (const StoreError& e) {
        *error = e.message();
        return nullptr;
    }
    // The pepper may live in the secret store; a store that is misconfigured (not merely
    // unreachable) stops the runtime rather than silently using another pepper.
    rt->m_secrets = options.secrets;
    SecretStore* secrets = rt->secrets(error);
    if (!secrets)
        return nullptr;
    // On Linux the keychain is the Secret Service on the session bus: without a bus (headless) it is
    // not asked for the pepper at all, and OTP_PEPPER / OTP_PEPPER_FILE / the file beside the database
    // serve. macOS and Windows keychains need no bus.
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const bool keychainReachable = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") ||
                                   !qEnvironmentVariableIsEmpty("OTP_SECRETS_DIR") ||
                                   qEnvironmentVariable("OTP_SECRETS") == QLatin1String("env");
#else
    const bool keychainReachable = true;
#endif
    EnvSecretStore environmentOnly; // OTP_SECRET_PEPPER still wins on a headless machine
    const QByteArray pepper = PepperSource::load(config, keychainReachable ? secrets : &environmentOnly, error);
    if (pepper.isEmpty())
        return nullptr;

    rt->m_dev.reset(DevGateway::fromEnvironment(defaultDevOutbox(config)));
    rt->m_gateways.add(rt->m_dev);
    for (Channel c : {Channel::Sms, Channel::WhatsApp, Channel::Email})
        rt->m_gateways.setDefault(c, rt->m_dev->name());
    // A vendor that cannot be loaded (no credential here) refuses its sends with the reason; it is not
    // worth a warning in every command that never sends (`otpctl vendors list` shows the problems).
    rt->loadVendors();
    rt->m_service = std::make_unique<OtpService>(*rt->m_database, rt->m_gateways, *rt->m_clock, rt->m_random, pepper);
    return rt;
}

} // namespace otp
