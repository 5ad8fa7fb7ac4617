#include "VerifyAttempts.h"

#include <QDateTime>
#include <QStringList>

namespace otp {

QJsonObject VerifyAttemptRow::toJson() const
{
    return {{QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(attemptedAt, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("attempt"), attemptNo},
            {QStringLiteral("max_attempts"), maxAttempts},
            {QStringLiteral("outcome"), outcome}};
}

void VerifyAttempts::record(qint64 challengeId, int attemptNo, int maxAttempts, const QString& outcome, qint64 now)
{
    m_s.write(QStringLiteral("INSERT INTO verify_attempts (challenge_id, attempt_no, max_attempts, outcome, attempted_at) "
                              "VALUES (?, ?, ?, ?, ?)"),
               {challengeId, attemptNo, maxAttempts, outcome, now});
}

QHash<qint64, QList<VerifyAttemptRow>> VerifyAttempts::forChallenges(const QList<qint64>& challengeIds)
{
    QHash<qint64, QList<VerifyAttemptRow>> out;
    if (challengeIds.isEmpty())
        return out;
    QStringList marks;
    QVariantList binds;
    for (qint64 id : challengeIds) {
        marks.append(QStringLiteral("?"));
        binds.append(id);
    }
    const Rows rows = m_s.select(QStringLiteral("SELECT challenge_id, attempt_no, max_attempts, outcome, attempted_at FROM "
                                                "verify_attempts WHERE challenge_id IN (%1) ORDER BY id")
                                     .arg(marks.join(QStringLiteral(", "))),
                                 binds);
    for (const SqlRow& r : rows) {
        VerifyAttemptRow a;
        a.challengeId = r.value(0).toLongLong();
        a.attemptNo = r.value(1).toInt();
        a.maxAttempts = r.value(2).toInt();
        a.outcome = r.value(3).toString();
        a.attemptedAt = r.value(4).toLongLong();
        out[a.challengeId].append(a);
    }
    return out;
}

} // namespace otp
