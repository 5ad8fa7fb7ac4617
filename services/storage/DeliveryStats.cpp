#include "DeliveryStats.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace otp {

static int percentile(QList<int> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = qsizetype(std::ceil(p * values.size())) - 1;
    return values.at(std::clamp<qsizetype>(rank, 0, values.size() - 1));
}

QJsonObject DeliveryStats::summarise(qint64 since, const QString& groupBy)
{
    QJsonArray rows;
    if (groupBy == QLatin1String("status")) {
        for (const auto& r : m_s.select(QStringLiteral("SELECT status, COUNT(*) FROM challenges WHERE created_at > ? "
                                                       "GROUP BY status ORDER BY status"),
                                        {since}))
            rows.append(QJsonObject{{QStringLiteral("key"), r.value(0).toString()},
                                    {QStringLiteral("challenges"), r.value(1).toLongLong()}});
        return {{QStringLiteral("rows"), rows}};
    }
    // The column name comes from a fixed whitelist, never from input.
    const QString column = groupBy == QLatin1String("channel") ? QStringLiteral("channel") : QStringLiteral("vendor");
    struct Acc
    {
        qint64 sends = 0, accepted = 0, failed = 0, pending = 0;
        QList<int> latencies;
    };
    QMap<QString, Acc> acc;
    for (const auto& r : m_s.select(QStringLiteral("SELECT %1, state, latency_ms FROM deliveries WHERE created_at > ?").arg(column),
                                    {since})) {
        Acc& a = acc[r.value(0).toString()];
        ++a.sends;
        const QString state = r.value(1).toString();
        if (state == QLatin1String("accepted") || state == QLatin1String("delivered"))
            ++a.accepted;
        else if (state == QLatin1String("failed") || state == QLatin1String("timeout"))
            ++a.failed;
        else
            ++a.pending;
        if (!r.value(2).isNull())
            a.latencies.append(r.value(2).toInt());
    }
    QMap<QString, QPair<qint64, qint64>> conversion; // key → (challenges, verified)
    const QString challengeColumn = column == QLatin1String("vendor") ? QStringLiteral("last_vendor") : QStringLiteral("channel");
    for (const auto& r : m_s.select(QStringLiteral("SELECT %1, COUNT(*), SUM(CASE WHEN status = 'verified' THEN 1 ELSE 0 END) "
                                                   "FROM challenges WHERE created_at > ? GROUP BY %1").arg(challengeColumn),
                                    {since}))
        conversion.insert(r.value(0).toString(), {r.value(1).toLongLong(), r.value(2).toLongLong()});

    for (auto it = acc.cbegin(); it != acc.cend(); ++it) {
        const Acc& a = it.value();
        const auto conv = conversion.value(it.key());
        rows.append(QJsonObject{
            {QStringLiteral("key"), it.key()},
            {QStringLiteral("sends"), a.sends},
            {QStringLiteral("accepted"), a.accepted},
            {QStringLiteral("failed"), a.failed},
            {QStringLiteral("in_flight"), a.pending},
            {QStringLiteral("success_rate"), a.sends ? double(a.accepted) / double(a.sends) : 0.0},
            {QStringLiteral("latency_p50_ms"), percentile(a.latencies, 0.50)},
            {QStringLiteral("latency_p95_ms"), percentile(a.latencies, 0.95)},
            {QStringLiteral("challenges"), conv.first},
            {QStringLiteral("verified"), conv.second},
            {QStringLiteral("conversion"), conv.first ? double(conv.second) / double(conv.first) : 0.0},
        });
    }
    return {{QStringLiteral("rows"), rows}};
}

} // namespace otp
