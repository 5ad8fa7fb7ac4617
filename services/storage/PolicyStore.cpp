#include "PolicyStore.h"

#include "ProcessCache.h"
#include "StoreError.h"

namespace otp {

Policy PolicyStore::load(const QString& tenant, const QString& purpose)
{
    Policy p;
    // "*" sorts before any purpose name, so tenant-wide values are applied first and then overridden.
    const Rows rows = m_s.select(QStringLiteral("SELECT purpose, pkey, pvalue FROM policies WHERE tenant = ? AND "
                                                "(purpose = '*' OR purpose = ?) ORDER BY purpose"),
                                 {tenant, purpose});
    for (const auto& r : rows) {
        const QString problem = p.set(r.value(1).toString(), r.value(2).toString());
        if (!problem.isEmpty())
            throw StoreError(QStringLiteral("stored policy for tenant %1 is invalid: %2").arg(tenant, problem));
    }
    return p;
}

namespace {
ProcessCache<Policy> g_policies(PolicyStore::kCacheMs);
} // namespace

Policy PolicyStore::loadCached(const QString& tenant, const QString& purpose)
{
    const QString key = m_s.cacheKey() + QLatin1Char('|') + tenant + QLatin1Char('|') + purpose;
    return g_policies.get(key, [&] { return load(tenant, purpose); });
}

void PolicyStore::save(const QString& tenant, const QString& purpose, const QMap<QString, QString>& values, qint64 now)
{
    const ProcessCache<Policy>::Writing writing(g_policies); // no reader keeps what this save replaces
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        // Delete-then-insert is the portable upsert (no ON CONFLICT / ON DUPLICATE KEY dialects needed);
        // the caller's write transaction makes the pair atomic.
        m_s.update(QStringLiteral("DELETE FROM policies WHERE tenant = ? AND purpose = ? AND pkey = ?"),
                   {tenant, purpose, it.key()});
        m_s.update(QStringLiteral("INSERT INTO policies (tenant, purpose, pkey, pvalue, updated_at) VALUES (?, ?, ?, ?, ?)"),
                   {tenant, purpose, it.key(), it.value(), now});
    }
}

} // namespace otp
