#pragma once

#include "Permissions.h"
#include "SqlSession.h"

namespace otp::models {

struct OperatorInfo
{
    QString login;
    QString displayName;
    Permissions permissions;
    bool known = false; // false: the login is not in `operators`, so it acts as support
};

// Reads the `operators` table. Call from a worker thread: it runs SQL on the given session.
class OperatorDirectory
{
public:
    explicit OperatorDirectory(SqlSession& s) : m_s(s) {}
    OperatorInfo lookup(const QString& login);

private:
    SqlSession& m_s;
};

} // namespace otp::models
