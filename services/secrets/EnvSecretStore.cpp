#include "SecretStores.h"

#include "SecretStoreShared.h"

#include <QProcessEnvironment>

namespace otp {

using secretstores::kEnvPrefix;

// ---- EnvSecretStore ---------------------------------------------------------------------------

QString EnvSecretStore::describe() const
{
    return QStringLiteral("environment (OTP_SECRET_*)");
}

std::optional<QString> EnvSecretStore::get(const QString& name, QString* error)
{
    Q_UNUSED(error);
    const QString value = qEnvironmentVariable(SecretStores::environmentVariable(name).toLocal8Bit().constData());
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

bool EnvSecretStore::set(const QString& name, const QString& value, QString* error)
{
    Q_UNUSED(value);
    *error = QStringLiteral("environment secrets are read-only; export %1=… instead").arg(SecretStores::environmentVariable(name));
    return false;
}

bool EnvSecretStore::remove(const QString& name, QString* error)
{
    *error = QStringLiteral("environment secrets are read-only; unset %1 instead").arg(SecretStores::environmentVariable(name));
    return false;
}

QStringList EnvSecretStore::names(QString* error)
{
    Q_UNUSED(error);
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QStringList out;
    for (const QString& key : env.keys()) {
        if (key.size() > kEnvPrefix.size() && key.startsWith(kEnvPrefix) && !env.value(key).isEmpty())
            out.append(key.mid(kEnvPrefix.size()).toLower());
    }
    out.sort();
    return out;
}

} // namespace otp
