#include "VerifyFlow.h"

#include "AccountStore.h"
#include "ChallengeStore.h"
#include "FlowSteps.h"
#include "FlowSupport.h"
#include "LockoutStore.h"
#include "StoreError.h"
#include "VerifyAttempts.h"

namespace otp {

using flows::ceilSeconds;

namespace {
// One verify inside its transaction, once the latest challenge is held and the time read.
struct Attempt
{
    SqlSession& s;
    WriteTransaction& tx;
    const VerifyRequest& request;
    const Policy& policy;
    Outcome& o;
    const qint64 now;

    Outcome answer(OutcomeStatus status, const QString& message)
    {
        o.status = status;
        o.message = message;
        return o;
    }
};

std::optional<Outcome> refuseWhileLocked(Attempt& a)
{
    if (auto lock = LockoutStore(a.s).active(a.request.tenant, a.o.destination, a.now)) {
        a.o.retryAfterS = ceilSeconds(lock->lockedUntil - a.now);
        return a.answer(OutcomeStatus::Locked, QStringLiteral("this destination is locked after too many wrong codes; try again later"));
    }
    return std::nullopt;
}

// Step 3: is there a code to compare with? What refuses the guess when there is not; a pure reading of
// the held row, so that the attempt can be counted before the lockout is known (verifyOnce).
enum class Unusable { None, NoCode, Used, Expired, NotDelivered, WrongLength, AtLimit };

Unusable unusable(const Attempt& a, const std::optional<ChallengeRow>& c)
{
    if (!c || c->status == QLatin1String("superseded") || c->status == QLatin1String("canceled") ||
        c->status == QLatin1String("delivery_failed") || c->status == QLatin1String("locked"))
        return Unusable::NoCode;
    if (c->status == QLatin1String("verified"))
        return Unusable::Used;
    if (c->status == QLatin1String("expired") || c->expiresAt <= a.now)
        return Unusable::Expired;
    if (c->codeHash.isEmpty())
        return Unusable::NotDelivered;
    if (a.request.code.size() != c->codeLength)
        return Unusable::WrongLength;
    if (c->attempts >= c->maxAttempts)
        return Unusable::AtLimit;
    return Unusable::None;
}

// The refusal for a code that is not usable, with the writes it makes.
Outcome refuseUnusable(Attempt& a, const std::optional<ChallengeRow>& c, Unusable why)
{
    switch (why) {
    case Unusable::None:
    case Unusable::NoCode:
        break;
    case Unusable::Used:
        return a.answer(OutcomeStatus::NoActiveCode, QStringLiteral("this code was already used; request a new one"));
    case Unusable::Expired:
        // The guess that finds the code expired is listed once (later ones find it already expired).
        if (ChallengeStore(a.s).transition(c->id, QStringLiteral("pending"), QStringLiteral("expired"), a.now))
            VerifyAttempts(a.s).record(c->id, c->attempts, c->maxAttempts, QStringLiteral("expired"), a.now);
        a.tx.commit();
        return a.answer(OutcomeStatus::Expired, QStringLiteral("the code expired; request a new one"));
    case Unusable::NotDelivered:
        // Queued or between tries: no code has gone out yet, so there is nothing to compare.
        return a.answer(OutcomeStatus::NoActiveCode,
                        QStringLiteral("the code has not been delivered yet; wait for it or request a new one"));
    case Unusable::WrongLength:
        return a.answer(OutcomeStatus::InvalidInput, QStringLiteral("the code must be %1 digits").arg(c->codeLength));
    case Unusable::AtLimit:
        // Only an older version could leave a pending code at its cap without the lockout (its crash
        // between the two writes): finish that step now, so the destination is locked and unlockable.
        flows::lockAtAttemptLimit(a.s, a.request.tenant, a.o.destination, c->id, a.policy, a.now);
        VerifyAttempts(a.s).record(c->id, c->attempts, c->maxAttempts, QStringLiteral("locked"), a.now);
        a.tx.commit();
        a.o.attemptsRemaining = 0;
        a.o.retryAfterS = a.policy.lockoutS;
        return a.answer(OutcomeStatus::Locked, QStringLiteral("no attempts are left on this code"));
    }
    return a.answer(OutcomeStatus::NoActiveCode, QStringLiteral("there is no active code for this destination; request a new one"));
}

// Step 5a: the right code.
Outcome acceptCode(Attempt& a, const ChallengeRow& c, int attempts)
{
    // A compare-and-set on the very code compared, still current and unexpired.
    // Its row is held, so only an abort of this transaction (on Galera, by another node's write that
    // needed the row) lets it change: a conflict, run again from the reads.
    if (!ChallengeStore(a.s).markVerified(c.id, c.codeHash, a.now))
        throw StoreError(QStringLiteral("challenge %1 changed while its row was held").arg(c.ref), true);
    // The guess, listed for the lookup's timeline (its outcome only; never the code).
    VerifyAttempts(a.s).record(c.id, attempts, c.maxAttempts, QStringLiteral("verified"), a.now);
    // The account, in one statement: an upsert on its unique index, so two purposes verified at once
    // cannot both create it (no lock, no read first). A password reset never creates an account; it
    // marks an existing one verified when accounts are created at delivery.
    AccountStore accounts(a.s);
    const bool isEmail = c.channel == QLatin1String("email");
    if (a.request.purpose != Purpose::PasswordReset)
        accounts.verifyOrCreate(a.request.tenant, a.o.destination, isEmail, a.now);
    else if (a.policy.accountCreation == Policy::AccountCreation::OnDelivery)
        accounts.markVerified(a.request.tenant, a.o.destination, isEmail, a.now);
    Database::notifyChange(a.s);
    flowStep("verify.written");
    a.tx.commit();
    flowStep("verify.committed");
    a.o.verifiedAtMs = a.now;
    return a.answer(OutcomeStatus::Verified, QStringLiteral("the code is correct"));
}

// Step 5b: a wrong guess; the last one locks the destination in the same transaction.
Outcome countWrongGuess(Attempt& a, const ChallengeRow& c, int attempts)
{
    const int left = c.maxAttempts - attempts;
    VerifyAttempts(a.s).record(c.id, attempts, c.maxAttempts, left <= 0 ? QStringLiteral("locked") : QStringLiteral("wrong"), a.now);
    if (left <= 0) {
        flows::lockAtAttemptLimit(a.s, a.request.tenant, a.o.destination, c.id, a.policy, a.now);
        Database::notifyChange(a.s); // a new lockout: live views show it at once
    }
    flowStep("verify.written");
    a.tx.commit();
    flowStep("verify.committed");
    if (left <= 0) {
        a.o.retryAfterS = a.policy.lockoutS;
        a.o.attemptsRemaining = 0;
        return a.answer(OutcomeStatus::Locked, QStringLiteral("wrong code; no attempts left, so this destination is locked for %1 minutes")
                                                   .arg((a.policy.lockoutS + 59) / 60));
    }
    a.o.attemptsRemaining = left;
    return a.answer(OutcomeStatus::WrongCode, QStringLiteral("wrong code; %1 attempt(s) left").arg(left));
}
} // namespace

Outcome VerifyFlow::verify(const VerifyRequest& request, const Actor& actor)
{
    Outcome result = m_ctx.guarded([&]() -> Outcome {
        // The code's shape is checked before anything else, and before any comparison (SECURITY.md row 10).
        const QString shape = CodeInput::problem(request.code, int(request.code.size()));
        if (!shape.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, shape);

        SqlSession& s = m_ctx.db.session();
        flows::Resolved r;
        if (auto refused = flows::resolve(s, request.tenant, request.destination, request.purpose, &r))
            return *refused;
        Outcome base;
        base.tenant = request.tenant;
        base.destination = r.destination.value;
        base.purpose = purposeName(request.purpose);
        // One transaction counts the attempt, compares, and writes what it leads to (verified, or the
        // lockout at the last attempt): a crash between them leaves the guess uncounted *and*
        // unanswered, never counted without its consequence (SECURITY.md row 19). A lock conflict runs
        // it again from its reads: nothing of the aborted run was committed, so the guess counts once.
        return retryOnConflict(s, [&]() -> Outcome { return verifyOnce(s, request, r.policy, base); });
    });
    m_ctx.recordAudit(actor, QStringLiteral("verify"), request.tenant,
                      result.destination.isEmpty() ? request.destination : result.destination,
                      [&] {
                          return QJsonObject{{QStringLiteral("purpose"), purposeName(request.purpose)},
                                             {QStringLiteral("status"), result.statusName()}};
                      });
    return result;
}

Outcome VerifyFlow::verifyOnce(SqlSession& s, const VerifyRequest& request, const Policy& policy, Outcome o)
{
    WriteTransaction tx(s);
    ChallengeStore challenges(s);
    // Step 1: hold the latest challenge. From here on no resend, new send, cancel or other verify
    // can move it until we commit, so what we read below is what we decide on.
    std::optional<ChallengeRow> c = challenges.latestForUpdate(request.tenant, o.destination, o.purpose);
    flowStep("verify.locked");
    // Step 2: the time, read after the lock (on the server engines, the database's clock).
    Attempt a{s, tx, request, policy, o, m_ctx.clock.nowMs()};
    // Step 3, read from the held row: is there a code to compare with?
    const Unusable why = unusable(a, c);
    // Step 4: count first, atomically; compare only if this attempt was granted (SECURITY.md row 6).
    // Counted before the lockout is read, so that on PostgreSQL the count goes out with that read (one
    // round trip): a locked destination's refusal returns without committing, and the rollback takes
    // the count back, as if it had never been made.
    qint64 attempts = 0;
    if (why == Unusable::None)
        challenges.consumeAttempt(c->id, a.now, &attempts);
    if (auto refused = refuseWhileLocked(a))
        return *refused;
    if (why != Unusable::NoCode) {
        a.o.challengeRef = c->ref;
        a.o.channel = c->channel;
    }
    if (why != Unusable::None)
        return refuseUnusable(a, c, why);
    if (attempts == 0) // as in acceptCode: only an abort of this transaction explains it; run it again
        throw StoreError(QStringLiteral("the attempt on challenge %1 was not granted although its row is held").arg(c->ref), true);
    flowStep("verify.counted");
    o.evaluated = true;
    const CodeBinding binding{c->ref, c->tenant, c->destination, c->purpose};
    if (m_ctx.hasher.matches(binding, request.code, c->codeHash))
        return acceptCode(a, *c, int(attempts));  // step 5a
    return countWrongGuess(a, *c, int(attempts)); // step 5b
}

} // namespace otp
