#include "SecretStores.h"

namespace otp {

// ---- ChainSecretStore -------------------------------------------------------------------------

ChainSecretStore::ChainSecretStore(std::unique_ptr<SecretStore> primary, std::unique_ptr<SecretStore> overrides)
    : m_primary(std::move(primary)), m_overrides(std::move(overrides))
{
}

QString ChainSecretStore::describe() const
{
    return QStringLiteral("%1, with OTP_SECRET_* environment overrides").arg(m_primary->describe());
}

std::optional<QString> ChainSecretStore::get(const QString& name, QString* error)
{
    QString overrideError;
    if (auto v = m_overrides->get(name, &overrideError))
        return v;
    if (!overrideError.isEmpty()) {
        *error = overrideError;
        return std::nullopt;
    }
    return m_primary->get(name, error);
}

bool ChainSecretStore::set(const QString& name, const QString& value, QString* error)
{
    return m_primary->set(name, value, error);
}

bool ChainSecretStore::remove(const QString& name, QString* error)
{
    return m_primary->remove(name, error);
}

QStringList ChainSecretStore::names(QString* error)
{
    QString listError;
    QStringList out = m_primary->names(&listError);
    const QStringList env = listError.isEmpty() ? m_overrides->names(&listError) : QStringList();
    if (!listError.isEmpty()) {
        *error = listError;
        return {};
    }
    QStringList primaryVars;
    for (const QString& n : out)
        primaryVars.append(SecretStores::environmentVariable(n));
    for (const QString& n : env) {
        if (!primaryVars.contains(SecretStores::environmentVariable(n)))
            out.append(n);
    }
    out.sort();
    return out;
}

} // namespace otp
