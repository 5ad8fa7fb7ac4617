#include "OpenApiDocument.h"

#include "ApiMetrics.h"
#include "ApiRouter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>

#include <memory>

namespace otp::OpenApiDocument {

namespace {

// What each route says beyond the router's table: tag, request body, query parameters and its own
// answers. A response without "schema" is the shared error shape; a "schema" ("#Name": kAnswers) lists the route's own
// fields (status, message and request_id are added to every JSON answer). The answers every route
// can give (400, 413, 500, 503, and 401/403/429 for keyed routes, 415 for JSON bodies) are added by
// build(); HTTP-API.md is the source.
const char* const kRoutes = R"json({
 "POST /v1/verifications": {"tag": "verifications",
  "request": {"type": "object", "required": ["to"], "additionalProperties": false, "properties": {
    "to": {"type": "string", "maxLength": 320, "description": "a phone number (any usual format) or an email address"},
    "channel": {"$ref": "#/components/schemas/Channel"}, "purpose": {"$ref": "#/components/schemas/Purpose"},
    "vendor": {"type": "string", "maxLength": 32, "description": "a configured vendor's name (default: the channel's)"}}},
  "responses": {
   "201": {"description": "sent: a vendor accepted the message (sync mode)", "schema": "#Send"},
   "202": {"description": "queued (async mode) or unconfirmed (the vendor timed out; the code works if it arrives)", "schema": "#Send"},
   "400": {"description": "invalid_destination or invalid_input (the field is named)"},
   "403": {"description": "country_not_allowed, or the key lacks the scope"},
   "429": {"description": "cooldown, rate_limited or locked"},
   "502": {"description": "delivery_failed: every vendor of the route refused"}}},
 "POST /v1/verifications/resend": {"tag": "verifications",
  "request": {"type": "object", "required": ["to"], "additionalProperties": false, "properties": {
    "to": {"type": "string", "maxLength": 320}, "purpose": {"$ref": "#/components/schemas/Purpose"}}},
  "responses": {
   "201": {"description": "sent", "schema": "#Send"},
   "202": {"description": "queued or unconfirmed", "schema": "#Send"},
   "400": {"description": "invalid_destination or invalid_input"},
   "403": {"description": "country_not_allowed, or the key lacks the scope"},
   "429": {"description": "cooldown, rate_limited or locked"},
   "502": {"description": "delivery_failed"}}},
 "POST /v1/verifications/check": {"tag": "verifications",
  "request": {"type": "object", "required": ["to", "code"], "additionalProperties": false, "properties": {
    "to": {"type": "string", "maxLength": 320}, "code": {"type": "string", "maxLength": 32},
    "purpose": {"$ref": "#/components/schemas/Purpose"}}},
  "responses": {
   "200": {"description": "verified", "schema": {"type": "object", "required": ["id", "to", "purpose", "verified_at"], "properties": {
     "status": {"const": "verified"}, "id": {"type": "string"}, "to": {"type": "string"},
     "purpose": {"$ref": "#/components/schemas/Purpose"}, "verified_at": {"type": "string", "format": "date-time"}}}},
   "400": {"description": "invalid_input"},
   "404": {"description": "no_active_code"},
   "410": {"description": "expired"},
   "422": {"description": "wrong_code, with attempts_remaining"},
   "429": {"description": "locked (or rate_limited)"}}},
 "GET /v1/verifications/{id}": {"tag": "verifications",
  "responses": {
   "200": {"description": "the verification and its deliveries", "schema": {"type": "object",
     "required": ["id", "verification_status", "to", "channel", "purpose", "attempts", "attempts_remaining", "expires_at", "deliveries"],
     "properties": {"id": {"type": "string"}, "to": {"type": "string"},
      "verification_status": {"type": "string", "description": "pending, verified, expired, canceled, locked, delivery_failed, …"},
      "channel": {"$ref": "#/components/schemas/Channel"}, "purpose": {"$ref": "#/components/schemas/Purpose"},
      "attempts": {"type": "integer"}, "attempts_remaining": {"type": "integer"},
      "expires_at": {"type": "string", "format": "date-time"}, "created_at": {"type": "string", "format": "date-time"},
      "verified_at": {"type": "string", "format": "date-time"},
      "deliveries": {"type": "array", "items": {"type": "object", "required": ["vendor", "state", "at"], "properties": {
        "vendor": {"type": "string"}, "channel": {"type": "string"}, "state": {"type": "string"},
        "http_status": {"type": "integer"}, "vendor_code": {"type": "string"},
        "latency_ms": {"type": ["integer", "null"]}, "at": {"type": "string", "format": "date-time"}}}}}}},
   "404": {"description": "no such verification (or another tenant's)"}}},
 "POST /v1/verifications/{id}/cancel": {"tag": "verifications",
  "request": {"type": "object", "additionalProperties": false, "properties": {"reason": {"type": "string", "maxLength": 512}}},
  "responses": {
   "200": {"description": "canceled", "schema": {"type": "object", "required": ["id"], "properties": {
     "status": {"const": "canceled"}, "id": {"type": "string"}}}},
   "404": {"description": "no such verification"},
   "409": {"description": "already final", "schema": {"type": "object", "required": ["id", "verification_status"], "properties": {
     "id": {"type": "string"}, "verification_status": {"type": "string"}}}}}},
 "GET /v1/status": {"tag": "verifications",
  "query": [{"name": "to", "required": true, "schema": {"type": "string", "maxLength": 320}},
            {"name": "purpose", "schema": {"$ref": "#/components/schemas/Purpose"}}],
  "responses": {
   "200": {"description": "whether a code can be sent now, why not, and from when", "schema": {"type": "object",
     "required": ["can_send"], "properties": {"can_send": {"type": "boolean"}, "to": {"type": "string"}, "purpose": {"type": "string"},
      "retry_after_s": {"type": "integer"}, "next_send_at": {"type": ["string", "null"]},
      "sends_last_hour": {"type": "integer"}, "sends_per_hour": {"type": "integer"},
      "sends_last_day": {"type": "integer"}, "sends_per_day": {"type": "integer"}, "cooldown_s": {"type": "integer"},
      "lockout": {"type": ["object", "null"]},
      "latest_verification": {"type": "object", "properties": {"id": {"type": "string"}, "status": {"type": "string"},
        "channel": {"type": "string"}, "expires_at": {"type": "string"}, "attempts_remaining": {"type": "integer"}}}}}},
   "400": {"description": "invalid_input or invalid_destination"}}},
 "GET /v1/accounts": {"tag": "accounts",
  "query": [{"name": "to", "required": true, "schema": {"type": "string", "maxLength": 320}}],
  "responses": {
   "200": {"description": "the account", "schema": "#Account"},
   "400": {"description": "invalid_input or invalid_destination"},
   "404": {"description": "no account for this destination"}}},
 "PATCH /v1/accounts/profile": {"tag": "accounts",
  "request": {"type": "object", "required": ["to"], "additionalProperties": false, "properties": {
    "to": {"type": "string", "maxLength": 320}, "first_name": {"type": "string"}, "last_name": {"type": "string"},
    "email": {"type": "string", "maxLength": 320}, "address": {"type": "string"}}},
  "responses": {
   "200": {"description": "the profile was saved", "schema": "#Account"},
   "400": {"description": "invalid_input"},
   "404": {"description": "no account for this destination"}}},
 "GET /healthz": {"tag": "operations",
  "responses": {"200": {"description": "the process serves", "schema": {"type": "object", "properties": {"status": {"const": "ok"}}}}}},
 "GET /readyz": {"tag": "operations",
  "responses": {
   "200": {"description": "the database answers and the schema is current", "schema": {"type": "object",
     "required": ["schema_version"], "properties": {"status": {"const": "ok"}, "schema_version": {"type": "integer"}}}},
   "503": {"description": "not_ready, with the reason"}}},
 "GET /metrics": {"tag": "operations",
  "description": "Prometheus text format 0.0.4. Served to loopback clients, or with Authorization: Bearer <the --metrics-token>.",
  "responses": {
   "200": {"description": "the metrics", "text": "text/plain; version=0.0.4"},
   "403": {"description": "not loopback and no valid metrics token"}}},
 "GET /openapi.json": {"tag": "operations",
  "responses": {"200": {"description": "this document", "raw": {"type": "object", "required": ["openapi", "paths"]}}}},
 "GET /v1/receipts/{vendor}/{token}": {"tag": "receipts",
  "description": "A Gupshup delivery report by GET (VENDORS.md). The token is the vendor's receipt token (otpctl vendors receipt-url).",
  "query": [{"name": "externalId", "schema": {"type": "string"}}, {"name": "deliveredTS", "schema": {"type": "string"}},
            {"name": "status", "schema": {"type": "string"}, "description": "SUCCESS, FAILURE or UNKNOWN"},
            {"name": "cause", "schema": {"type": "string"}}, {"name": "phoneNo", "schema": {"type": "string"}},
            {"name": "errCode", "schema": {"type": "string"}}, {"name": "noOfFrags", "schema": {"type": "string"}},
            {"name": "mask", "schema": {"type": "string"}}],
  "responses": {"200": {"description": "applied", "schema": "#Receipts"},
   "400": {"description": "the report could not be read"},
   "404": {"description": "unknown vendor or wrong token (the same answer)"}}},
 "POST /v1/receipts/{vendor}/{token}": {"tag": "receipts",
  "description": "A vendor's delivery receipts in its own format: Gupshup's JSON array, WATI's webhook, MyOperator's status callback (VENDORS.md). Any Content-Type.",
  "request": {"description": "the vendor's JSON (an object or an array)"},
  "responses": {"200": {"description": "applied", "schema": "#Receipts"},
   "400": {"description": "the receipt could not be read"},
   "404": {"description": "unknown vendor or wrong token (the same answer)"}}}
})json";

// Shared schemas (components/schemas).
const char* const kSchemas = R"json({
 "Error": {"type": "object", "required": ["status", "message", "request_id"], "properties": {
   "status": {"type": "string", "description": "what happened, as otpctl --json says it (e.g. invalid_input, cooldown)"},
   "message": {"type": "string", "description": "plain words; never a code"},
   "request_id": {"type": "string", "description": "also in X-Request-Id"},
   "retry_after_s": {"type": "integer", "minimum": 1}, "attempts_remaining": {"type": "integer", "minimum": 0}}},
 "Channel": {"type": "string", "enum": ["sms", "whatsapp", "email"]},
 "Purpose": {"type": "string", "enum": ["login", "registration", "password_reset", "signup"]}
})json";

// The success answers several routes share (inlined where used, with the envelope fields added).
const char* const kAnswers = R"json({
 "Send": {"type": "object", "properties": {"status": {"type": "string", "enum": ["sent", "queued", "unconfirmed"]},
   "id": {"type": "string"}, "to": {"type": "string"}, "channel": {"type": "string", "enum": ["sms", "whatsapp", "email"]},
   "purpose": {"type": "string", "enum": ["login", "registration", "password_reset", "signup"]},
   "expires_at": {"type": "string", "format": "date-time"}, "attempts_remaining": {"type": "integer"}}},
 "Account": {"type": "object", "required": ["account", "profile_completed"], "properties": {
   "account": {"type": "object"}, "profile_completed": {"type": "boolean"}}},
 "Receipts": {"type": "object", "required": ["received", "applied", "unchanged", "unmatched"], "properties": {
   "vendor": {"type": "string"}, "received": {"type": "integer"}, "applied": {"type": "integer"},
   "unchanged": {"type": "integer"}, "unmatched": {"type": "integer"}}}
})json";

QJsonObject parsed(const char* text)
{
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &e).object();
    Q_ASSERT_X(e.error == QJsonParseError::NoError, "OpenApiDocument", qPrintable(e.errorString()));
    return o;
}

QJsonObject ref(const QString& where) { return {{QStringLiteral("$ref"), where}}; }

// A JSON answer's schema: the route's own fields plus status, message and request_id.
QJsonObject answerSchema(const QJsonValue& given)
{
    QJsonObject s = given.isString() && given.toString().startsWith(QLatin1Char('#'))
                        ? parsed(kAnswers).value(given.toString().mid(1)).toObject()
                        : given.toObject();
    if (s.isEmpty())
        return ref(QStringLiteral("#/components/schemas/Error"));
    QJsonObject props = s.value(QStringLiteral("properties")).toObject();
    const QJsonObject common = parsed(kSchemas).value(QStringLiteral("Error")).toObject().value(QStringLiteral("properties")).toObject();
    for (auto it = common.begin(); it != common.end(); ++it)
        if (!props.contains(it.key()))
            props.insert(it.key(), it.value());
    s.insert(QStringLiteral("type"), QStringLiteral("object"));
    s.insert(QStringLiteral("properties"), props);
    QJsonArray required = s.value(QStringLiteral("required")).toArray();
    for (const char* r : {"status", "message", "request_id"})
        if (!required.contains(QLatin1String(r)))
            required.prepend(QLatin1String(r));
    s.insert(QStringLiteral("required"), required);
    return s;
}

QJsonObject headerRef(const char* name) { return ref(QStringLiteral("#/components/headers/%1").arg(QLatin1String(name))); }

QJsonObject response(int status, const QJsonObject& spec)
{
    QJsonObject headers{{QStringLiteral("X-Request-Id"), headerRef("X-Request-Id")}};
    if (status == 429)
        headers.insert(QStringLiteral("Retry-After"), headerRef("Retry-After"));
    if (status == 503)
        headers.insert(QStringLiteral("Retry-After"), headerRef("Retry-After-Optional"));
    if (status == 401)
        headers.insert(QStringLiteral("WWW-Authenticate"), headerRef("WWW-Authenticate"));
    QJsonObject content;
    if (spec.contains(QStringLiteral("text")))
        content.insert(spec.value(QStringLiteral("text")).toString(),
                       QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}});
    else if (spec.contains(QStringLiteral("raw")))
        content.insert(QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), spec.value(QStringLiteral("raw"))}});
    else
        content.insert(QStringLiteral("application/json"),
                       QJsonObject{{QStringLiteral("schema"), answerSchema(spec.value(QStringLiteral("schema")))}});
    return {{QStringLiteral("description"), spec.value(QStringLiteral("description")).toString()},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("content"), content}};
}

// The answers any route can give, beyond its own (ApiServer.cpp).
QJsonObject genericResponses(const ApiRoute& route)
{
    QJsonObject r{{QStringLiteral("400"), QJsonObject{{QStringLiteral("description"), QStringLiteral("invalid_input: a body where none is taken, or malformed input")}}},
                  {QStringLiteral("413"), QJsonObject{{QStringLiteral("description"), QStringLiteral("payload_too_large: bodies over 16 KiB")}}},
                  {QStringLiteral("500"), QJsonObject{{QStringLiteral("description"), QStringLiteral("internal_error: the server log has the details under request_id")}}},
                  {QStringLiteral("503"), QJsonObject{{QStringLiteral("description"), QStringLiteral("unavailable: this otpd is shutting down (Retry-After)")}}}};
    if (route.body == ApiRoute::Body::Json)
        r.insert(QStringLiteral("415"), QJsonObject{{QStringLiteral("description"), QStringLiteral("unsupported_media_type: the body must be application/json")}});
    if (route.scope) {
        r.insert(QStringLiteral("401"), QJsonObject{{QStringLiteral("description"), QStringLiteral("unauthorized: no key or a wrong key")}});
        r.insert(QStringLiteral("403"), QJsonObject{{QStringLiteral("description"), QStringLiteral("forbidden: the key lacks the scope")}});
        r.insert(QStringLiteral("429"), QJsonObject{{QStringLiteral("description"), QStringLiteral("rate_limited: the key's request rate, or repeated wrong keys from this address")}});
    }
    return r;
}

QString operationId(const ApiRoute& route)
{
    QString id = route.method.toLower() + route.pattern;
    static const QRegularExpression nonWord(QStringLiteral("[^A-Za-z0-9]+"));
    id.replace(nonWord, QStringLiteral("_"));
    if (id.endsWith(QLatin1Char('_')))
        id.chop(1);
    return id;
}

QJsonArray parameters(const ApiRoute& route, const QJsonObject& doc)
{
    QJsonArray out;
    static const QRegularExpression placeholder(QStringLiteral("\\{([^}]+)\\}"));
    for (auto it = placeholder.globalMatch(route.pattern); it.hasNext();) {
        const QString name = it.next().captured(1);
        out.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("in"), QStringLiteral("path")},
                               {QStringLiteral("required"), true},
                               {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                                      {QStringLiteral("minLength"), 1},
                                                                      {QStringLiteral("maxLength"), 128}}}});
    }
    for (const QJsonValue& q : doc.value(QStringLiteral("query")).toArray()) {
        QJsonObject p = q.toObject();
        p.insert(QStringLiteral("in"), QStringLiteral("query"));
        out.append(p);
    }
    return out;
}

QJsonObject operation(const ApiRoute& route, const QJsonObject& doc)
{
    QJsonObject op{{QStringLiteral("operationId"), operationId(route)},
                   {QStringLiteral("summary"), route.summary},
                   {QStringLiteral("tags"), QJsonArray{doc.value(QStringLiteral("tag")).toString(QStringLiteral("operations"))}}};
    QString description = doc.value(QStringLiteral("description")).toString();
    if (route.scope) {
        const QString scope = apiScopeName(*route.scope);
        op.insert(QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("bearerAuth"), QJsonArray{}}}});
        op.insert(QStringLiteral("x-otp-scope"), scope);
        description = QStringLiteral("Needs a key with the `%1` scope. %2").arg(scope, description).trimmed();
    } else {
        op.insert(QStringLiteral("security"), QJsonArray{});
        description = QStringLiteral("No key. %1").arg(description).trimmed();
    }
    op.insert(QStringLiteral("description"), description);
    if (const QJsonArray params = parameters(route, doc); !params.isEmpty())
        op.insert(QStringLiteral("parameters"), params);
    if (doc.contains(QStringLiteral("request"))) {
        QJsonObject schema = doc.value(QStringLiteral("request")).toObject();
        const QString type = route.body == ApiRoute::Body::Json ? QStringLiteral("application/json") : QStringLiteral("*/*");
        op.insert(QStringLiteral("requestBody"),
                  QJsonObject{{QStringLiteral("required"), route.body == ApiRoute::Body::Json && schema.contains(QStringLiteral("required"))},
                              {QStringLiteral("content"), QJsonObject{{type, QJsonObject{{QStringLiteral("schema"), schema}}}}}});
    }
    QJsonObject specs = genericResponses(route);
    const QJsonObject own = doc.value(QStringLiteral("responses")).toObject();
    for (auto it = own.begin(); it != own.end(); ++it)
        specs.insert(it.key(), it.value());
    QJsonObject responses;
    for (auto it = specs.begin(); it != specs.end(); ++it)
        responses.insert(it.key(), response(it.key().toInt(), it.value().toObject()));
    op.insert(QStringLiteral("responses"), responses);
    return op;
}

QJsonObject components()
{
    QJsonObject schemas = parsed(kSchemas);
    const auto header = [](const QString& description, bool required, const QJsonObject& schema) {
        return QJsonObject{{QStringLiteral("description"), description}, {QStringLiteral("required"), required},
                           {QStringLiteral("schema"), schema}};
    };
    const QJsonObject text{{QStringLiteral("type"), QStringLiteral("string")}};
    const QJsonObject seconds{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("pattern"), QStringLiteral("^[1-9][0-9]*$")}};
    const QJsonObject headers{
        {QStringLiteral("X-Request-Id"), header(QStringLiteral("the request's id (the caller's own when it is sane: [A-Za-z0-9._:-]{1,64}); also request_id in the body"), true, text)},
        {QStringLiteral("Retry-After"), header(QStringLiteral("seconds to wait before trying again (also retry_after_s)"), true, seconds)},
        {QStringLiteral("Retry-After-Optional"), header(QStringLiteral("seconds to wait, when the process is shutting down"), false, seconds)},
        {QStringLiteral("WWW-Authenticate"), header(QStringLiteral("Bearer realm=\"otpd\" (error=\"invalid_token\" for a wrong key)"), true, text)},
        {QStringLiteral("Allow"), header(QStringLiteral("the methods the path answers (with 405)"), true, text)}};
    QJsonObject methodNotAllowed = response(405, {{QStringLiteral("description"), QStringLiteral("method_not_allowed: the path answers other methods (Allow)")}});
    QJsonObject mnaHeaders = methodNotAllowed.value(QStringLiteral("headers")).toObject();
    mnaHeaders.insert(QStringLiteral("Allow"), headerRef("Allow"));
    methodNotAllowed.insert(QStringLiteral("headers"), mnaHeaders);
    return {{QStringLiteral("schemas"), schemas},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("responses"),
             QJsonObject{{QStringLiteral("MethodNotAllowed"), methodNotAllowed},
                         {QStringLiteral("NotFound"), response(404, {{QStringLiteral("description"), QStringLiteral("not_found: no route has this path")}})}}},
            {QStringLiteral("securitySchemes"),
             QJsonObject{{QStringLiteral("bearerAuth"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("http")}, {QStringLiteral("scheme"), QStringLiteral("bearer")},
                                      {QStringLiteral("description"), QStringLiteral("an API key from `otpctl apikeys create`; it decides the tenant")}}}}}};
}
} // namespace

QJsonObject build(const ApiRouter& router)
{
    const QJsonObject docs = parsed(kRoutes);
    QJsonObject paths;
    for (const ApiRoute& route : router.routes()) {
        QJsonObject item = paths.value(route.pattern).toObject();
        item.insert(route.method.toLower(), operation(route, docs.value(route.method + QLatin1Char(' ') + route.pattern).toObject()));
        paths.insert(route.pattern, item);
    }
    const QJsonArray tags{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("verifications")}, {QStringLiteral("description"), QStringLiteral("send, resend, check and read codes")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("accounts")}, {QStringLiteral("description"), QStringLiteral("the accounts behind destinations")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("receipts")}, {QStringLiteral("description"), QStringLiteral("vendors' delivery receipts")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("operations")}, {QStringLiteral("description"), QStringLiteral("health, readiness, metrics and this document")}}};
    return {{QStringLiteral("openapi"), QStringLiteral("3.1.0")},
            {QStringLiteral("info"),
             QJsonObject{{QStringLiteral("title"), QStringLiteral("otpd")},
                         {QStringLiteral("version"), QStringLiteral("1")},
                         {QStringLiteral("summary"), QStringLiteral("one-time codes over SMS, WhatsApp and email")},
                         {QStringLiteral("description"),
                          QStringLiteral("The HTTP API apps call (HTTP-API.md). Every JSON answer carries status, message and "
                                         "request_id (also the X-Request-Id header). An unknown path is 404 and a wrong method "
                                         "405 with Allow (components/responses). Never a code in any answer.")},
                         {QStringLiteral("license"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Proprietary")},
                                                                 {QStringLiteral("identifier"), QStringLiteral("LicenseRef-Proprietary")}}}}},
            {QStringLiteral("servers"), QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:8080")},
                                                               {QStringLiteral("description"), QStringLiteral("otpd's default --listen")}}}},
            {QStringLiteral("tags"), tags},
            {QStringLiteral("paths"), paths},
            {QStringLiteral("components"), components()}};
}

void addRoute(ApiRouter& router)
{
    const ApiRouter* table = &router;
    struct Cache
    {
        QMutex mutex;
        QByteArray bytes;
    };
    auto cache = std::make_shared<Cache>();
    ApiRoute route{QStringLiteral("GET"), QStringLiteral("/openapi.json"), std::nullopt, ApiRoute::Body::None,
                   QStringLiteral("This OpenAPI 3.1 document"), [table, cache](const ApiCall&) {
                       QMutexLocker lock(&cache->mutex);
                       if (cache->bytes.isEmpty())
                           cache->bytes = QJsonDocument(build(*table)).toJson(QJsonDocument::Compact);
                       return RawBody::make(200, QByteArrayLiteral("application/json"), cache->bytes);
                   }};
    route.inline_ = true; // built once from memory; no database
    router.add(route);
}

} // namespace otp::OpenApiDocument
