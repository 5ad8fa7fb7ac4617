#pragma once

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <chrono>

namespace otp {

// A process-wide cache of values read from the database (policies, message templates, the breaker rows):
// each entry is served for at most `maxAgeMs`, so a change made by another process shows within that time,
// and a write made by this process shows at once. The writer holds a `Writing` across its statements: the
// generation moves on before and after, so no reader keeps what the write replaces, not even one that read
// while the write was under way (it stores under the old generation, which is stale at once).
template <typename T>
class ProcessCache
{
public:
    explicit ProcessCache(int maxAgeMs) : m_maxAge(maxAgeMs) {}

    // The cached value for `key`, or load() now (outside the lock: two threads may both load; both are right).
    template <typename Load>
    T get(const QString& key, Load load)
    {
        const auto now = std::chrono::steady_clock::now();
        const quint64 generation = m_generation.load();
        {
            QMutexLocker lock(&m_mutex);
            const auto it = m_entries.constFind(key);
            if (it != m_entries.constEnd() && it->generation == generation && now - it->loadedAt < m_maxAge)
                return it->value;
        }
        T value = load();
        QMutexLocker lock(&m_mutex);
        m_entries.insert(key, Entry{value, now, generation});
        return value;
    }

    void invalidate() { ++m_generation; }

    class Writing
    {
    public:
        explicit Writing(ProcessCache& cache) : m_cache(cache) { m_cache.invalidate(); }
        ~Writing() { m_cache.invalidate(); }
        Writing(const Writing&) = delete;
        Writing& operator=(const Writing&) = delete;

    private:
        ProcessCache& m_cache;
    };

private:
    struct Entry
    {
        T value;
        std::chrono::steady_clock::time_point loadedAt;
        quint64 generation = 0;
    };
    const std::chrono::milliseconds m_maxAge;
    std::atomic<quint64> m_generation{1};
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

// The database half of a cache key: tests and the console may hold several databases at once.
inline QString processCacheKey(const QSqlDatabase& db)
{
    return db.driverName() + QLatin1Char('|') + db.hostName() + QLatin1Char('|') + QString::number(db.port()) +
           QLatin1Char('|') + db.databaseName();
}

} // namespace otp
