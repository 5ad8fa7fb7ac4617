#include "PolicyStore.h"

#include "StoreError.h"

#include <QHash>
#include <QMutex>

#include <atomic>
#include <chrono>

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
struct CachedPolicy
{
    Policy policy;
    std::chrono::steady_clock::time_point loadedAt;
    quint64 generation = 0;
};
QMutex g_cacheMutex;
QHash<QString, CachedPolicy> g_cache;
std::atomic<quint64> g_generation{1};
} // namespace

Policy PolicyStore::loadCached(const QString& tenant, const QString& purpose)
{
    // The database is part of the key: tests and the console may hold several databases at once.
    const QSqlDatabase& db = m_s.database();
    const QString key = db.driverName() + QLatin1Char('|') + db.hostName() + QLatin1Char('|') + QString::number(db.port()) +
                        QLatin1Char('|') + db.databaseName() + QLatin1Char('|') + tenant + QLatin1Char('|') + purpose;
    const auto now = std::chrono::steady_clock::now();
    const quint64 generation = g_generation.load();
    {
        QMutexLocker lock(&g_cacheMutex);
        const auto it = g_cache.constFind(key);
        if (it != g_cache.constEnd() && it->generation == generation &&
            now - it->loadedAt < std::chrono::milliseconds(kCacheMs))
            return it->policy;
    }
    const Policy p = load(tenant, purpose);
    QMutexLocker lock(&g_cacheMutex);
    g_cache.insert(key, CachedPolicy{p, now, generation}); // a save meanwhile bumped the generation: stale at once
    return p;
}

void PolicyStore::save(const QString& tenant, const QString& purpose, const QMap<QString, QString>& values, qint64 now)
{
    ++g_generation; // before and after the write: no reader caches what this save replaces
    struct Bump { ~Bump() { ++g_generation; } } bumpAfter;
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
