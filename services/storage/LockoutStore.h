#pragma once

#include "SqlSession.h"

#include <QJsonObject>
#include <optional>

namespace otp {

struct LockoutRow
{
    qint64 id = 0;
    QString tenant, destination, reason;
    qint64 challengeId = 0, lockedAt = 0, lockedUntil = 0, releasedAt = 0;
    QString releasedBy, releaseReason;

    static LockoutRow fromRecord(const SqlRow& r);
    bool activeAt(qint64 now) const { return releasedAt == 0 && lockedUntil > now; }
    QJsonObject toJson(qint64 now) const;
};

// The `lockouts` table: a destination that may not receive or verify codes until a time.
class LockoutStore
{
public:
    explicit LockoutStore(SqlSession& s) : m_s(s) {}

    std::optional<LockoutRow> active(const QString& tenant, const QString& destination, qint64 now);
    qint64 lock(const QString& tenant, const QString& destination, const QString& reason, qint64 challengeId,
                qint64 now, qint64 until);
    // Releases every active lockout of the destination; returns how many.
    int release(const QString& tenant, const QString& destination, qint64 now, const QString& by, const QString& why);
    QList<LockoutRow> list(const QString& tenant, bool activeOnly, qint64 now, int limit);

private:
    SqlSession& m_s;
};

} // namespace otp
