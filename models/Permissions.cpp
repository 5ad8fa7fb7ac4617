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

} // namespace otp::models
