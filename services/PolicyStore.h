#pragma once

#include "Policy.h"
#include "SqlSession.h"

namespace otp {

// The `policies` table: overrides per tenant, for every purpose ("*") or one purpose.
// Effective policy = DESIGN.md defaults ← tenant "*" rows ← tenant/purpose rows.
class PolicyStore
{
public:
    static constexpr const char* kAllPurposes = "*";
    explicit PolicyStore(SqlSession& s) : m_s(s) {}

    Policy load(const QString& tenant, const QString& purpose);
    // Writes already-validated values in the caller's transaction.
    void save(const QString& tenant, const QString& purpose, const QMap<QString, QString>& values, qint64 now);

private:
    SqlSession& m_s;
};

} // namespace otp
