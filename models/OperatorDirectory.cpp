#include "OperatorDirectory.h"

namespace otp::models {

OperatorInfo OperatorDirectory::lookup(const QString& login)
{
    OperatorInfo info;
    info.login = login;
    info.displayName = login;
    const Rows rows = m_s.select(QStringLiteral("SELECT role, display_name FROM operators WHERE login = ?"), {login});
    if (rows.isEmpty())
        return info;
    info.known = true;
    info.permissions = Permissions::fromRoleName(rows.first().value(0).toString());
    const QString name = rows.first().value(1).toString();
    if (!name.isEmpty())
        info.displayName = name;
    return info;
}

} // namespace otp::models
