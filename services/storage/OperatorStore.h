#pragma once

#include "AuditLog.h"
#include "Outcome.h"
#include "SqlSession.h"

namespace otp {

struct OperatorRow
{
    QString login, role, displayName;
    qint64 createdAt = 0;
};

// The `operators` table: who may do what in the console (support, admin, qa), keyed by OS login.
// A login that is not listed acts as support. Every change is validated first and audited.
class OperatorStore
{
public:
    explicit OperatorStore(SqlSession& s) : m_s(s) {}

    static QStringList roles() { return {QStringLiteral("support"), QStringLiteral("admin"), QStringLiteral("qa")}; }

    QList<OperatorRow> all();
    // Adds or changes an operator. InvalidInput (nothing written) for a bad login, role or name.
    Outcome set(const QString& login, const QString& role, const QString& displayName, const Actor& actor, qint64 now);
    Outcome remove(const QString& login, const Actor& actor, qint64 now);

private:
    SqlSession& m_s;
};

} // namespace otp
