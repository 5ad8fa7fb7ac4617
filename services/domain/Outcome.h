#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace otp {

// What a vendor said about one delivery attempt, in the vendor's terms and in plain words.
struct VendorAnswer
{
    QString vendor;
    bool accepted = false;
    bool retryable = false; // timeouts, 5xx and 429 are; a rejected number or bad credentials are not
    // The vendor may have taken the message although it did not say so: the request went out and no
    // readable answer came back (a timeout, a connection cut after sending, an unreadable 2xx body).
    // Such a try is never retried nor followed by another vendor, and its code stays usable until the
    // challenge ends (README, "Timeouts"; SECURITY.md row 25).
    bool mayHaveSent = false;
    int httpStatus = 0;     // 0 when no HTTP exchange happened
    QString vendorCode;     // the vendor's own code ("105", "CHAT_0302", …)
    QString messageId;
    QString reason;         // plain words for the console
    QString excerpt;        // redacted start of the vendor's body: never holds the code
    qint64 latencyMs = 0;

    // The seed-000 shape kept on the challenge: {"success":…,"response":…} plus the details.
    QJsonObject toSeedJson() const;
    // toSeedJson() as compact JSON text, written here rather than by QJsonDocument: the same text
    // (keys in QJsonObject's order, QJsonDocument's escapes; VendorAnswerTest holds it to that), for a
    // twentieth of the instructions. The 8 inserts and the writer took 54,000 a send, 11 % of a
    // send+verify pair's client CPU on PostgreSQL (issue 16).
    QString toSeedJsonText() const;
    QJsonObject toJson() const;
};

enum class OutcomeStatus {
    Sent,
    Queued,
    Unconfirmed, // the vendor may have sent it (timeout): the code works if it arrives; not sent again
    Verified,
    WrongCode,
    Expired,
    NoActiveCode,
    Locked,
    Cooldown,
    RateLimited,
    CountryNotAllowed,
    InvalidDestination,
    InvalidInput,
    DeliveryFailed,
    Canceled,
    Unlocked,
    NotLocked,
    CanSend,
    Ok,
    InternalError,
};

// The one answer every flow gives. The CLI, the console and the tests all read this value.
struct Outcome
{
    OutcomeStatus status = OutcomeStatus::InternalError;
    QString message; // what happened, in plain words; never contains a code
    std::optional<qint64> retryAfterS;
    std::optional<int> attemptsRemaining;
    QString tenant;
    QString destination; // normalised (E.164 / lower-case email)
    QString purpose;
    QString channel;
    QString challengeRef;
    qint64 challengeId = 0;
    qint64 expiresAtMs = 0;
    qint64 verifiedAtMs = 0; // verify: when the code was accepted, as written to the challenge (0: not verified)
    std::optional<VendorAnswer> vendor;
    bool evaluated = false; // verify: the submitted code was counted and compared
    QJsonObject details;    // flow-specific extras (status, history, …)

    static Outcome make(OutcomeStatus status, const QString& message);

    QString statusName() const;
    static QString statusName(OutcomeStatus status);
    // DESIGN.md exit codes: 0 ok · 1 internal · 2 bad input · 3 refused by policy · 4 verification failed · 5 delivery failed
    int exitCode() const;
    bool ok() const { return exitCode() == 0; }
    QJsonObject toJson() const;
};

} // namespace otp
