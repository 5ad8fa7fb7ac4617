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
    // load() through a process-wide cache, for the flows that read the policy on every send, verify
    // and delivery (three round trips a pair otherwise). An entry lives kCacheMs; any save() in this
    // process clears the whole cache, so a change made here applies at once, and a change made by
    // another process applies within kCacheMs. Decisions that must see the stored policy exactly (a
    // policy edit validating against it) use load().
    static constexpr qint64 kCacheMs = 1000;
    Policy loadCached(const QString& tenant, const QString& purpose);
    // Writes already-validated values in the caller's transaction.
    void save(const QString& tenant, const QString& purpose, const QMap<QString, QString>& values, qint64 now);

private:
    SqlSession& m_s;
};

} // namespace otp
