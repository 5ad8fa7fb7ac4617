#pragma once

#include "SqlSession.h"

#include <QHash>
#include <QJsonObject>

namespace otp {

// One evaluated guess at a code (migration 011). The guess itself is never kept, in any form.
struct VerifyAttemptRow
{
    qint64 challengeId = 0, attemptedAt = 0;
    int attemptNo = 0;   // the challenge's attempt count after this guess (unchanged for `expired`)
    int maxAttempts = 0; // the code's maximum when it was guessed
    QString outcome;     // wrong | locked | expired | verified
    QJsonObject toJson() const;
};

// The `verify_attempts` table: what each guess at a code led to, for the lookup's timeline. Writes run
// in the verify's write transaction (VerifyFlow), so a guess is counted and listed, or neither.
class VerifyAttempts
{
public:
    explicit VerifyAttempts(SqlSession& s) : m_s(s) {}

    void record(qint64 challengeId, int attemptNo, int maxAttempts, const QString& outcome, qint64 now);
    // Each challenge's guesses, oldest first, in one read.
    QHash<qint64, QList<VerifyAttemptRow>> forChallenges(const QList<qint64>& challengeIds);

private:
    SqlSession& m_s;
};

} // namespace otp
