#include "OtpRuntime.h"

#include "PepperSource.h"
#include "StoreError.h"

#include <QFileInfo>
#include <QStandardPaths>

namespace otp {

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

    std::unique_ptr<OtpRuntime> rt(new OtpRuntime);
    rt->m_database = std::make_unique<Database>(config);
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
    const QByteArray pepper = PepperSource::load(config, error);
    if (pepper.isEmpty())
        return nullptr;

    rt->m_dev.reset(DevGateway::fromEnvironment(defaultDevOutbox(config)));
    rt->m_gateways.add(rt->m_dev);
    for (Channel c : {Channel::Sms, Channel::WhatsApp, Channel::Email})
        rt->m_gateways.setDefault(c, rt->m_dev->name());
    rt->m_service = std::make_unique<OtpService>(*rt->m_database, rt->m_gateways, rt->m_clock, rt->m_random, pepper);
    return rt;
}

} // namespace otp
