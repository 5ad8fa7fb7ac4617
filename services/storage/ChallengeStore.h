#pragma once

#include "SqlSession.h"

#include <QJsonObject>
#include <optional>

namespace otp {

struct ChallengeRow
{
    qint64 id = 0;
    QString ref, tenant, destination, destPrefix, destRegion, channel, purpose, status;
    int attempts = 0, maxAttempts = 0, sendCount = 0, codeLength = 0;
    QString codeHash;
    qint64 expiresAt = 0, createdAt = 0, updatedAt = 0, verifiedAt = 0;
    QString lastVendor, vendorRef, vendorResponse;

    static ChallengeRow fromRecord(const SqlRow& r);
    QJsonObject toJson() const; // everything a person may see: no hash
};

// The `challenges` table: one row per code request. Every state change is a conditional UPDATE
// ("… WHERE status = 'pending'"), so two processes can never both move the same challenge.
class ChallengeStore
{
public:
    explicit ChallengeStore(SqlSession& s) : m_s(s) {}

    std::optional<ChallengeRow> latest(const QString& tenant, const QString& destination, const QString& purpose);
    std::optional<ChallengeRow> byId(qint64 id);
    // By its public id (the ref an app holds), within `tenant` only: another tenant's ref reads as unknown.
    std::optional<ChallengeRow> byRef(const QString& tenant, const QString& ref);
    QList<ChallengeRow> forDestination(const QString& tenant, const QString& destination, int limit);
    // Inside a write transaction. *id is the new row's id, set at once, except on PostgreSQL, where the
    // INSERT waits for the transaction's next statement or its COMMIT (SqlSession::insertWaiting) and *id
    // is 0 until then; meanwhile a statement of the same transaction names the row by
    // SqlSession::waitingInsertIdSql("challenges").
    void insert(const ChallengeRow& row, qint64* id);
    // Inside a write transaction: latest(), with the row held until the transaction ends, so what was
    // read (attempts, code, status) is what the decision is made on and no other flow moves the row
    // meanwhile. SELECT … FOR UPDATE on PostgreSQL and MariaDB (a locking read returns the row's newest
    // committed version); SQLite's BEGIN IMMEDIATE already holds the whole database.
    std::optional<ChallengeRow> latestForUpdate(const QString& tenant, const QString& destination, const QString& purpose);
    // Moves a challenge from one status to another; returns false when it was no longer in `from`.
    bool transition(qint64 id, const QString& from, const QString& to, qint64 now);
    // Compare-and-set: only while the challenge is pending, unexpired and still carries the code that
    // was compared (`codeHash`), so a resend that replaced the code in between wins.
    bool markVerified(qint64 id, const QString& codeHash, qint64 now);
    // A resend: the code dies, a new lifetime starts, the send is counted; max_attempts follows the
    // policy in force now (a lowered cap applies to the next code).
    bool replaceCode(qint64 id, const QString& codeHash, qint64 expiresAt, int maxAttempts, qint64 now);
    // The outbox's code of the try it is about to send (no new send is counted).
    // Only while the challenge is pending and `sendNo` is still its latest send: a concurrent resend,
    // new send, cancel or verification wins, and the caller does not send.
    bool setCode(qint64 id, int sendNo, const QString& codeHash, qint64 now);
    // Makes a failed try's code unusable, unless a newer code replaced it meanwhile.
    bool clearCode(qint64 id, const QString& codeHash, qint64 now);
    // Counts one attempt before any comparison, atomically, and only while the challenge is pending,
    // unexpired and under its cap. *attempts is the attempt count after the increment, or 0 when the
    // attempt was not granted. Inside a write transaction on PostgreSQL the UPDATE waits and goes out with
    // the transaction's next statement (SqlSession::updateReturningWaiting): *attempts is set once that
    // statement has run, and is 0 before; `attempts` must stay valid until then. Elsewhere at once.
    void consumeAttempt(qint64 id, qint64 now, qint64* attempts);
    void recordVendor(qint64 id, const QString& vendor, const QString& vendorRef, const QString& responseJson, qint64 now);
    int expireOverdue(qint64 now);

private:
    std::optional<ChallengeRow> latestRow(const QString& tenant, const QString& destination, const QString& purpose,
                                          bool forUpdate);

    SqlSession& m_s;
};

} // namespace otp
