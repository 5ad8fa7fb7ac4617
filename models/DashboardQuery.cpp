#include "DashboardQuery.h"

#include "StoreError.h"

#include <QHash>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace otp::models {

namespace {

// A verified challenge was verified before its expires_at, and no vendor call is made for it after
// that; this slack also covers an outbox retry that was already under way.
constexpr qint64 kVerifiedSlackMs = 3600 * 1000;

// The same rank rule as DeliveryStats (what `otpctl stats` prints): the ceil(p·n)-th smallest value.
int percentile(std::vector<int>& values, double p)
{
    if (values.empty())
        return 0;
    const qsizetype rank = std::clamp<qsizetype>(qsizetype(std::ceil(p * double(values.size()))) - 1, 0,
                                                 qsizetype(values.size()) - 1);
    std::nth_element(values.begin(), values.begin() + rank, values.end());
    return values[size_t(rank)];
}

bool isFailure(const QString& state)
{
    return state == QLatin1String("failed") || state == QLatin1String("timeout");
}

bool isInFlight(const QString& state)
{
    return state == QLatin1String("queued") || state == QLatin1String("sending");
}

bool isAccepted(const QString& state)
{
    return state == QLatin1String("accepted") || state == QLatin1String("delivered");
}

// A forward-only statement whose rows are read one by one and never collected: the dashboard reads
// every send of its window, and QSqlRecord lists of that size cost more than the SQL itself.
class Stream
{
public:
    Stream(SqlSession& s, const QString& sql) : m_q(s.database())
    {
        m_q.setForwardOnly(true);
        if (!m_q.prepare(sql))
            throw StoreError(QStringLiteral("cannot prepare statement: %1").arg(m_q.lastError().text()));
    }
    ~Stream() { m_q.finish(); }

    QSqlQuery& exec(const QVariantList& binds)
    {
        m_q.finish(); // no read transaction stays open between runs (it would pin the SQLite WAL)
        for (int i = 0; i < binds.size(); ++i)
            m_q.bindValue(i, binds.at(i));
        if (!m_q.exec())
            throw StoreError(QStringLiteral("database error: %1").arg(m_q.lastError().text()));
        return m_q;
    }

private:
    QSqlQuery m_q;
};

// Distinct values of an index's leading column(s) by seeking from one to the next (a loose index
// scan): a handful of index lookups instead of a scan of the table.
QStringList distinct(SqlSession& s, const QString& firstSql, const QString& nextSql, QVariantList binds)
{
    QStringList out;
    QVariant v = s.scalar(firstSql, binds);
    while (v.isValid() && !v.isNull()) {
        out << v.toString();
        QVariantList next = binds;
        next << out.last();
        v = s.scalar(nextSql, next);
    }
    return out;
}

// Challenge ids, asked about once per send of the window: a bitmap over their id range (ids of recent
// challenges are dense), or a sorted list when the range is too wide for one.
class VerifiedSet
{
public:
    void assign(std::vector<qint64> ids)
    {
        if (ids.empty())
            return;
        const auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
        m_min = *lo;
        if (*hi - *lo < (qint64(1) << 26)) {
            m_bits.assign(size_t(*hi - *lo + 1), false);
            for (qint64 id : ids)
                m_bits[size_t(id - m_min)] = true;
        } else {
            std::sort(ids.begin(), ids.end());
            m_sorted = std::move(ids);
        }
    }
    bool contains(qint64 id) const
    {
        if (!m_bits.empty())
            return id >= m_min && id - m_min < qint64(m_bits.size()) && m_bits[size_t(id - m_min)];
        return std::binary_search(m_sorted.begin(), m_sorted.end(), id);
    }

private:
    qint64 m_min = 0;
    std::vector<bool> m_bits;
    std::vector<qint64> m_sorted;
};

struct VendorAcc
{
    qint64 sends = 0, accepted = 0, failed = 0;
    std::vector<int> latencies;
};

struct ErrorAcc
{
    qint64 count = 0;
    qint64 latestAt = -1;
    QString latestState;
};

} // namespace

DashboardSnapshot DashboardQuery::compute(qint64 nowMs, qint64 windowS)
{
    DashboardSnapshot snap;
    snap.nowMs = nowMs;
    snap.windowS = windowS;
    snap.bucketS = DashboardSnapshot::bucketFor(windowS);
    const qint64 bucketMs = snap.bucketS * 1000;
    // Buckets are aligned to the bucket width so bars do not shift between refreshes.
    const qint64 lastStart = (nowMs / bucketMs) * bucketMs;
    const qint64 count = (windowS * 1000 + bucketMs - 1) / bucketMs;
    const qint64 firstStart = lastStart - (count - 1) * bucketMs;
    const qint64 since = nowMs - windowS * 1000;
    for (qint64 i = 0; i < count; ++i) {
        DashboardSnapshot::Bucket b;
        b.startMs = firstStart + i * bucketMs;
        snap.buckets.append(b);
    }
    // Window totals are over created_at > since (as DeliveryStats counts them); bars over
    // [firstStart, now]. One read of the window's sends serves both.
    const qint64 from = qMin(since + 1, firstStart);

    // Which of the window's sends had their code verified: the ids of the verified challenges, read
    // from the (status, expires_at) index instead of joining every send to its challenge.
    VerifiedSet verified;
    {
        Stream ids(m_s,
                   QStringLiteral("SELECT id FROM challenges WHERE status = 'verified' AND expires_at >= ?"));
        QSqlQuery& q = ids.exec({from - kVerifiedSlackMs});
        std::vector<qint64> list;
        while (q.next())
            list.push_back(q.value(0).toLongLong());
        verified.assign(std::move(list));
    }

    // Every send of the window, one (vendor, state) slice at a time off the console index
    // (vendor, state, created_at, latency_ms, challenge_id, vendor_code): the rows are read straight
    // from the index and grouped here, no table lookups and no SQL sort.
    QMap<QString, VendorAcc> vendors;
    QMap<QPair<QString, QString>, ErrorAcc> errors;
    enum Kind { Verified, Accepted, Failed, InFlight, KindCount };
    std::vector<std::array<int, KindCount>> byOutcome(size_t(snap.buckets.size()),
                                                      std::array<int, KindCount>{});
    Stream slice(m_s, QStringLiteral("SELECT created_at, latency_ms, challenge_id FROM deliveries "
                                     "WHERE vendor = ? AND state = ? AND created_at >= ?"));
    Stream failedSlice(
        m_s, QStringLiteral("SELECT created_at, latency_ms, challenge_id, vendor_code FROM deliveries "
                            "WHERE vendor = ? AND state = ? AND created_at >= ?"));
    const QStringList vendorNames =
        distinct(m_s, QStringLiteral("SELECT MIN(vendor) FROM deliveries"),
                 QStringLiteral("SELECT MIN(vendor) FROM deliveries WHERE vendor > ?"), {});
    for (const QString& vendor : vendorNames) {
        VendorAcc acc;
        const QStringList states = distinct(
            m_s, QStringLiteral("SELECT MIN(state) FROM deliveries WHERE vendor = ?"),
            QStringLiteral("SELECT MIN(state) FROM deliveries WHERE vendor = ? AND state > ?"), {vendor});
        for (const QString& state : states) {
            const bool failure = isFailure(state), inFlight = isInFlight(state), accepted = isAccepted(state);
            QSqlQuery& q = (failure ? failedSlice : slice).exec({vendor, state, from});
            while (q.next()) {
                const qint64 at = q.value(0).toLongLong();
                if (at >= firstStart && at <= nowMs) {
                    const qint64 i = (at - firstStart) / bucketMs;
                    if (i >= 0 && i < qint64(byOutcome.size())) {
                        const Kind o = failure                                      ? Failed
                                       : inFlight                                   ? InFlight
                                       : verified.contains(q.value(2).toLongLong()) ? Verified
                                                                                    : Accepted;
                        ++byOutcome[size_t(i)][o];
                    }
                }
                if (at <= since)
                    continue;
                ++acc.sends;
                if (accepted)
                    ++acc.accepted;
                else if (failure)
                    ++acc.failed;
                const QVariant latency = q.value(1);
                if (!latency.isNull())
                    acc.latencies.push_back(latency.toInt());
                if (failure) {
                    ErrorAcc& e = errors[{vendor, q.value(3).toString()}];
                    ++e.count;
                    if (at > e.latestAt) {
                        e.latestAt = at;
                        e.latestState = state;
                    }
                }
            }
        }
        if (acc.sends > 0)
            vendors.insert(vendor, std::move(acc));
    }
    const QStringList outcomeKeys = DashboardSnapshot::outcomeKeys(); // verified, accepted, failed, in_flight
    for (qsizetype i = 0; i < snap.buckets.size(); ++i)
        for (int o = 0; o < KindCount; ++o)
            if (byOutcome[size_t(i)][size_t(o)] > 0)
                snap.buckets[i].byOutcome[outcomeKeys.at(o)] = byOutcome[size_t(i)][size_t(o)];

    for (auto it = vendors.begin(); it != vendors.end(); ++it) {
        VendorAcc& a = it.value();
        DashboardSnapshot::VendorRow row;
        row.vendor = it.key();
        row.sends = a.sends;
        row.accepted = a.accepted;
        row.failed = a.failed;
        row.successRate = double(a.accepted) / double(a.sends);
        row.timedAnswers = qint64(a.latencies.size());
        row.latencyMaxMs = a.latencies.empty() ? 0 : *std::max_element(a.latencies.cbegin(), a.latencies.cend());
        row.latencyP50Ms = percentile(a.latencies, 0.50);
        row.latencyP95Ms = percentile(a.latencies, 0.95);
        snap.vendors.append(row);
    }

    // The most frequent vendor error codes, each with what the vendor said the last time.
    QList<QPair<QPair<QString, QString>, ErrorAcc>> ranked;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        ranked.append({it.key(), it.value()});
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.second.count != b.second.count)
            return a.second.count > b.second.count;
        return a.first < b.first;
    });
    ranked.resize(qMin<qsizetype>(ranked.size(), 8));
    for (const auto& [key, acc] : ranked) {
        DashboardSnapshot::ErrorRow e;
        e.vendor = key.first;
        e.code = key.second;
        e.count = acc.count;
        e.reason = m_s.scalar(QStringLiteral("SELECT reason FROM deliveries WHERE vendor = ? AND state = ? "
                                             "AND created_at = ? AND vendor_code = ?"),
                              {key.first, acc.latestState, acc.latestAt, key.second})
                       .toString();
        snap.errors.append(e);
    }

    // Codes verified per channel, over the challenges created in the window (as DeliveryStats).
    const QStringList channels =
        distinct(m_s, QStringLiteral("SELECT MIN(channel) FROM challenges"),
                 QStringLiteral("SELECT MIN(channel) FROM challenges WHERE channel > ?"), {});
    for (const QString& channel : channels) {
        const Rows r =
            m_s.select(QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN status = 'verified' THEN 1 ELSE 0 END) "
                                      "FROM challenges WHERE channel = ? AND created_at > ?"),
                       {channel, since});
        const qint64 challenges = r.isEmpty() ? 0 : r.first().value(0).toLongLong();
        if (challenges == 0)
            continue;
        DashboardSnapshot::ChannelRow row;
        row.channel = channel;
        row.challenges = challenges;
        row.verified = r.first().value(1).toLongLong();
        row.conversion = double(row.verified) / double(row.challenges);
        snap.channels.append(row);
    }
    return snap;
}

} // namespace otp::models
