#include "V1Routes.h"

#include "AuditLog.h"
#include "InputLimits.h"
#include "JsonInput.h"
#include "OtpService.h"
#include "OutcomeHttp.h"
#include "StoreError.h"
#include "VerificationLookup.h"

#include <QDateTime>
#include <QJsonArray>

namespace otp {

namespace {
constexpr int kMaxDestination = 320; // challenges.destination VARCHAR(320)
constexpr int kMaxCode = 32;         // the core checks the shape and the policy's length
constexpr int kMaxName = 32;

QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); }

// Reads the optional purpose/channel fields; a problem names the field and the accepted values.
bool readPurpose(const QString& text, Purpose* out, QString* problem)
{
    if (text.isEmpty())
        return true;
    const auto p = purposeFromName(text);
    if (!p) {
        *problem = QStringLiteral("'purpose' must be login, registration, password_reset or signup");
        return false;
    }
    *out = *p;
    return true;
}

bool readChannel(const QString& text, std::optional<Channel>* out, QString* problem)
{
    if (text.isEmpty())
        return true;
    const auto c = channelFromName(text);
    if (!c) {
        *problem = QStringLiteral("'channel' must be sms, whatsapp or email");
        return false;
    }
    *out = c;
    return true;
}

// An app acts through its key: the audit trail names the key, and automated traffic (sends,
// checks) is not audited, as the simulator's is not (AuditLog.h).
Actor keyActor(const ApiCall& call) { return Actor{QStringLiteral("api:") + call.key->name, QStringLiteral("api")}; }

// The fields every send answer carries (HTTP-API.md: id, to, channel, purpose, expires_at, attempts_remaining).
QJsonObject sendFields(const Outcome& o)
{
    QJsonObject f;
    if (!o.challengeRef.isEmpty())
        f.insert(QStringLiteral("id"), o.challengeRef);
    if (!o.destination.isEmpty())
        f.insert(QStringLiteral("to"), o.destination);
    if (!o.channel.isEmpty())
        f.insert(QStringLiteral("channel"), o.channel);
    if (!o.purpose.isEmpty())
        f.insert(QStringLiteral("purpose"), o.purpose);
    if (o.expiresAtMs > 0)
        f.insert(QStringLiteral("expires_at"), iso(o.expiresAtMs));
    return f;
}

// Every send goes through here: the client address (the peer, or the right-most untrusted
// X-Forwarded-For hop behind a trusted proxy) is what the core's per-address cap counts
// (policy key sends_per_ip_per_hour, within the key's tenant).
Outcome sendFor(OtpService& service, const ApiCall& call, SendRequest request, bool resend)
{
    request.clientAddress = call.request.clientAddress;
    return resend ? service.resend(request) : service.send(request);
}

ApiResponse sendRoute(const V1Routes::Services& s, const ApiCall& call, bool resend)
{
    JsonInput in(call.body, resend ? QStringList{QStringLiteral("to"), QStringLiteral("purpose")}
                                   : QStringList{QStringLiteral("to"), QStringLiteral("channel"), QStringLiteral("purpose"),
                                                 QStringLiteral("vendor")});
    SendRequest req;
    req.tenant = call.tenant();
    req.destination = in.text(QStringLiteral("to"), kMaxDestination, JsonInput::Required);
    const QString purpose = in.text(QStringLiteral("purpose"), kMaxName);
    const QString channel = in.text(QStringLiteral("channel"), kMaxName);
    req.vendor = in.text(QStringLiteral("vendor"), kMaxName);
    QString problem = in.problem();
    if (problem.isEmpty() && readPurpose(purpose, &req.purpose, &problem))
        readChannel(channel, &req.channel, &problem);
    if (!problem.isEmpty())
        return ApiResponse::invalidInput(problem);
    const Outcome o = sendFor(s.service, call, req, resend);
    return OutcomeHttp::response(o, o.status == OutcomeStatus::Sent ? 201 : 200, sendFields(o));
}

ApiResponse checkRoute(const V1Routes::Services& s, const ApiCall& call)
{
    JsonInput in(call.body, {QStringLiteral("to"), QStringLiteral("code"), QStringLiteral("purpose")});
    VerifyRequest req;
    req.tenant = call.tenant();
    req.destination = in.text(QStringLiteral("to"), kMaxDestination, JsonInput::Required);
    req.code = in.text(QStringLiteral("code"), kMaxCode, JsonInput::Required);
    const QString purpose = in.text(QStringLiteral("purpose"), kMaxName);
    QString problem = in.problem();
    if (problem.isEmpty())
        readPurpose(purpose, &req.purpose, &problem);
    if (!problem.isEmpty())
        return ApiResponse::invalidInput(problem);
    const Outcome o = s.service.verify(req);
    QJsonObject fields;
    if (o.status == OutcomeStatus::Verified) {
        fields.insert(QStringLiteral("id"), o.challengeRef);
        fields.insert(QStringLiteral("to"), o.destination);
        fields.insert(QStringLiteral("purpose"), o.purpose);
        // The time the verify transaction wrote (before: read back with a lookup of the verification,
        // one more query per right code).
        fields.insert(QStringLiteral("verified_at"), iso(o.verifiedAtMs > 0 ? o.verifiedAtMs : s.clock.nowMs()));
    }
    return OutcomeHttp::response(o, 200, fields);
}

ApiResponse getVerification(const V1Routes::Services& s, const ApiCall& call)
{
    SqlSession& db = s.database.session();
    VerificationLookup lookup(db);
    const auto c = lookup.find(call.tenant(), call.params.value(QStringLiteral("id")));
    if (!c)
        return ApiResponse::notFound(QStringLiteral("there is no verification with this id"));
    const QJsonObject view = lookup.describe(*c, s.clock.nowMs());
    ApiResponse r = ApiResponse::make(200, view.value(QStringLiteral("verification_status")).toString(),
                                      QStringLiteral("verification %1").arg(c->ref));
    for (auto it = view.begin(); it != view.end(); ++it)
        r.body.insert(it.key(), it.value());
    return r;
}

ApiResponse cancelVerification(const V1Routes::Services& s, const ApiCall& call)
{
    JsonInput in(call.body, {QStringLiteral("reason")});
    const QString reason = in.text(QStringLiteral("reason"), InputLimits::kReason);
    if (!in.ok())
        return ApiResponse::invalidInput(in.problem());
    const QString id = call.params.value(QStringLiteral("id"));
    if (!VerificationLookup::isValidId(id))
        return ApiResponse::notFound(QStringLiteral("there is no verification with this id"));
    // By id, not "the latest for this destination" as OtpService::cancel does: the core moves this
    // very row from pending to canceled, so a newer send is never canceled by mistake; audited.
    const Outcome o = s.service.cancelById(call.tenant(), id, reason, keyActor(call));
    if (o.status == OutcomeStatus::Canceled) {
        ApiResponse r = ApiResponse::make(200, QStringLiteral("canceled"), o.message);
        r.body.insert(QStringLiteral("id"), o.challengeRef);
        return r;
    }
    if (o.status != OutcomeStatus::NoActiveCode)
        return OutcomeHttp::response(o);
    if (!o.details.value(QStringLiteral("found")).toBool())
        return ApiResponse::notFound(o.message);
    ApiResponse r = ApiResponse::make(409, QStringLiteral("no_active_code"), o.message);
    r.body.insert(QStringLiteral("id"), o.challengeRef);
    r.body.insert(QStringLiteral("verification_status"), o.details.value(QStringLiteral("verification_status")));
    return r;
}

ApiResponse statusRoute(const V1Routes::Services& s, const ApiCall& call)
{
    JsonInput in = JsonInput::fromQuery(call.request.query.queryItems(QUrl::FullyDecoded),
                                        {QStringLiteral("to"), QStringLiteral("purpose")});
    const QString to = in.text(QStringLiteral("to"), kMaxDestination, JsonInput::Required);
    const QString purposeText = in.text(QStringLiteral("purpose"), kMaxName);
    Purpose purpose = Purpose::Login;
    QString problem = in.problem();
    if (problem.isEmpty())
        readPurpose(purposeText, &purpose, &problem);
    if (!problem.isEmpty())
        return ApiResponse::invalidInput(problem);
    const Outcome o = s.service.status(call.tenant(), to, purpose);
    if (OutcomeHttp::httpStatus(o) == 400 || OutcomeHttp::httpStatus(o) == 500)
        return OutcomeHttp::response(o);
    // A query, not a refusal: 200 whatever it says, with the reasons and when a code can go.
    ApiResponse r = ApiResponse::make(200, o.statusName(), o.message);
    r.body.insert(QStringLiteral("can_send"), o.status == OutcomeStatus::CanSend);
    r.body.insert(QStringLiteral("to"), o.destination);
    r.body.insert(QStringLiteral("purpose"), o.purpose);
    if (o.retryAfterS)
        r.body.insert(QStringLiteral("retry_after_s"), *o.retryAfterS);
    for (const char* key : {"next_send_at", "sends_last_hour", "sends_per_hour", "sends_last_day", "sends_per_day",
                            "cooldown_s", "blocked_by", "next_blocker", "lockout"}) {
        const QString k = QLatin1String(key);
        if (o.details.contains(k))
            r.body.insert(k, o.details.value(k));
    }
    const QJsonObject latest = o.details.value(QStringLiteral("latest_challenge")).toObject();
    if (!latest.isEmpty()) {
        QJsonObject v{{QStringLiteral("id"), latest.value(QStringLiteral("challenge"))},
                      {QStringLiteral("status"), latest.value(QStringLiteral("status"))},
                      {QStringLiteral("channel"), latest.value(QStringLiteral("channel"))},
                      {QStringLiteral("expires_at"), latest.value(QStringLiteral("expires_at"))}};
        if (latest.contains(QStringLiteral("attempts_remaining")))
            v.insert(QStringLiteral("attempts_remaining"), latest.value(QStringLiteral("attempts_remaining")));
        r.body.insert(QStringLiteral("latest_verification"), v);
    }
    return r;
}

ApiResponse getAccount(const V1Routes::Services& s, const ApiCall& call)
{
    JsonInput in = JsonInput::fromQuery(call.request.query.queryItems(QUrl::FullyDecoded), {QStringLiteral("to")});
    const QString to = in.text(QStringLiteral("to"), kMaxDestination, JsonInput::Required);
    if (!in.ok())
        return ApiResponse::invalidInput(in.problem());
    const Outcome o = s.service.accounts(call.tenant(), to);
    if (o.status != OutcomeStatus::Ok)
        return OutcomeHttp::response(o);
    if (!o.details.value(QStringLiteral("exists")).toBool())
        return ApiResponse::notFound(QStringLiteral("no account for this destination"));
    QJsonObject account = o.details.value(QStringLiteral("account")).toObject();
    account.remove(QStringLiteral("tenant"));
    ApiResponse r = ApiResponse::make(200, QStringLiteral("ok"), o.message);
    r.body.insert(QStringLiteral("account"), account);
    r.body.insert(QStringLiteral("profile_completed"), account.value(QStringLiteral("profile_completed")));
    return r;
}

ApiResponse patchProfile(const V1Routes::Services& s, const ApiCall& call)
{
    JsonInput in(call.body, {QStringLiteral("to"), QStringLiteral("first_name"), QStringLiteral("last_name"),
                             QStringLiteral("email"), QStringLiteral("address")});
    const QString to = in.text(QStringLiteral("to"), kMaxDestination, JsonInput::Required);
    ProfileUpdate p;
    p.firstName = in.text(QStringLiteral("first_name"), InputLimits::kFirstName);
    p.lastName = in.text(QStringLiteral("last_name"), InputLimits::kLastName);
    p.email = in.text(QStringLiteral("email"), kMaxDestination);
    p.address = in.text(QStringLiteral("address"), InputLimits::kAddress);
    if (!in.ok())
        return ApiResponse::invalidInput(in.problem());
    const Outcome o = s.service.updateProfile(call.tenant(), to, p, keyActor(call));
    if (o.status == OutcomeStatus::NoActiveCode)
        return ApiResponse::notFound(o.message);
    if (o.status != OutcomeStatus::Ok)
        return OutcomeHttp::response(o);
    QJsonObject account = o.details.value(QStringLiteral("account")).toObject();
    account.remove(QStringLiteral("tenant"));
    ApiResponse r = ApiResponse::make(200, QStringLiteral("ok"), o.message);
    r.body.insert(QStringLiteral("account"), account);
    r.body.insert(QStringLiteral("profile_completed"), account.value(QStringLiteral("profile_completed")));
    return r;
}

ApiResponse readyz(const V1Routes::Services& s)
{
    try {
        const int have = s.database.schemaVersion();
        const int want = s.database.latestVersion();
        if (have < want)
            return ApiResponse::make(503, QStringLiteral("not_ready"),
                                     QStringLiteral("the database schema is at version %1, this otpd needs %2: run `otpctl migrate`")
                                         .arg(have).arg(want));
        if (have > want)
            return ApiResponse::make(503, QStringLiteral("not_ready"),
                                     QStringLiteral("the database schema is at version %1, newer than this otpd knows (%2): upgrade otpd")
                                         .arg(have).arg(want));
        ApiResponse r = ApiResponse::make(200, QStringLiteral("ok"), QStringLiteral("the database answers and the schema is current"));
        r.body.insert(QStringLiteral("schema_version"), have);
        return r;
    } catch (const StoreError& e) {
        return ApiResponse::make(503, QStringLiteral("not_ready"), QStringLiteral("the database does not answer: %1").arg(e.message()));
    }
}
} // namespace

void V1Routes::add(ApiRouter& router, const Services& services)
{
    const Services s = services;
    using B = ApiRoute::Body;
    router.add({QStringLiteral("POST"), QStringLiteral("/v1/verifications"), ApiScope::Send, B::Json,
                QStringLiteral("Send a code"), [s](const ApiCall& c) { return sendRoute(s, c, false); }});
    router.add({QStringLiteral("POST"), QStringLiteral("/v1/verifications/resend"), ApiScope::Send, B::Json,
                QStringLiteral("Send a new code for the same verification"), [s](const ApiCall& c) { return sendRoute(s, c, true); }});
    router.add({QStringLiteral("POST"), QStringLiteral("/v1/verifications/check"), ApiScope::Verify, B::Json,
                QStringLiteral("Check a code"), [s](const ApiCall& c) { return checkRoute(s, c); }});
    router.add({QStringLiteral("GET"), QStringLiteral("/v1/verifications/{id}"), ApiScope::Read, B::None,
                QStringLiteral("Read a verification and its deliveries"), [s](const ApiCall& c) { return getVerification(s, c); }});
    router.add({QStringLiteral("POST"), QStringLiteral("/v1/verifications/{id}/cancel"), ApiScope::Send, B::Json,
                QStringLiteral("Cancel a pending verification"), [s](const ApiCall& c) { return cancelVerification(s, c); }});
    router.add({QStringLiteral("GET"), QStringLiteral("/v1/status"), ApiScope::Read, B::None,
                QStringLiteral("Whether a destination can get a code now, and why not"), [s](const ApiCall& c) { return statusRoute(s, c); }});
    router.add({QStringLiteral("GET"), QStringLiteral("/v1/accounts"), ApiScope::Accounts, B::None,
                QStringLiteral("The account behind a destination"), [s](const ApiCall& c) { return getAccount(s, c); }});
    router.add({QStringLiteral("PATCH"), QStringLiteral("/v1/accounts/profile"), ApiScope::Accounts, B::Json,
                QStringLiteral("Complete an account's profile"), [s](const ApiCall& c) { return patchProfile(s, c); }});
    ApiRoute health{QStringLiteral("GET"), QStringLiteral("/healthz"), std::nullopt, B::None,
                    QStringLiteral("The process serves"),
                    [](const ApiCall&) { return ApiResponse::make(200, QStringLiteral("ok"), QStringLiteral("serving")); }};
    health.inline_ = true;
    router.add(health);
    router.add({QStringLiteral("GET"), QStringLiteral("/readyz"), std::nullopt, B::None,
                QStringLiteral("The database answers and the schema is current"), [s](const ApiCall&) { return readyz(s); }});
}

} // namespace otp
