#include "VerificationLookup.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace otp {

namespace {
QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); }
}

bool VerificationLookup::isValidId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F-]{1,40}$"));
    return re.match(id).hasMatch();
}

std::optional<ChallengeRow> VerificationLookup::find(const QString& tenant, const QString& id)
{
    if (!isValidId(id))
        return std::nullopt;
    return ChallengeStore(m_s).byRef(tenant, id.toLower());
}

QJsonObject VerificationLookup::describe(const ChallengeRow& c, qint64 now)
{
    const bool live = c.status == QLatin1String("pending") && c.expiresAt > now;
    QJsonObject o{{QStringLiteral("id"), c.ref},
                  {QStringLiteral("verification_status"),
                   c.status == QLatin1String("pending") && !live ? QStringLiteral("expired") : c.status},
                  {QStringLiteral("to"), c.destination},
                  {QStringLiteral("channel"), c.channel},
                  {QStringLiteral("purpose"), c.purpose},
                  {QStringLiteral("attempts"), c.attempts},
                  {QStringLiteral("attempts_remaining"), live ? qMax(0, c.maxAttempts - c.attempts) : 0},
                  {QStringLiteral("expires_at"), iso(c.expiresAt)},
                  {QStringLiteral("created_at"), iso(c.createdAt)}};
    if (c.verifiedAt > 0)
        o.insert(QStringLiteral("verified_at"), iso(c.verifiedAt));
    QJsonArray deliveries;
    for (const DeliveryRow& d : DeliveryLog(m_s).forChallenge(c.id)) {
        QJsonObject row{{QStringLiteral("vendor"), d.vendor},
                        {QStringLiteral("channel"), d.channel},
                        {QStringLiteral("state"), d.state},
                        {QStringLiteral("http_status"), d.httpStatus},
                        {QStringLiteral("vendor_code"), d.vendorCode},
                        {QStringLiteral("at"), iso(d.createdAt)}};
        row.insert(QStringLiteral("latency_ms"), d.latencyMs >= 0 ? QJsonValue(d.latencyMs) : QJsonValue());
        deliveries.append(row);
    }
    o.insert(QStringLiteral("deliveries"), deliveries);
    return o;
}

} // namespace otp
