#include "Permissions.h"

namespace otp::models {

Permissions Permissions::fromRoleName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("admin"))
        return Permissions(Role::Admin);
    if (n == QLatin1String("qa"))
        return Permissions(Role::Qa);
    return Permissions(Role::Support);
}

QString Permissions::roleName() const
{
    switch (m_role) {
    case Role::Admin: return QStringLiteral("admin");
    case Role::Qa: return QStringLiteral("qa");
    case Role::Support: break;
    }
    return QStringLiteral("support");
}

QString Permissions::roleTitle(const QString& name)
{
    if (name == QLatin1String("admin")) return tr("admin", "role");
    if (name == QLatin1String("support")) return tr("support", "role");
    if (name == QLatin1String("qa")) return tr("QA", "role");
    if (name == QLatin1String("cli")) return tr("command line", "role of an otpctl user");
    if (name == QLatin1String("api")) return tr("API", "role of an otpd client");
    if (name == QLatin1String("system")) return tr("system", "role of automatic changes");
    return name;
}

} // namespace otp::models
