#pragma once

#include "ApiKeyStore.h"
#include "ApiRequest.h"

#include <functional>
#include <optional>

namespace otp {

// What a handler is given: the request, the path's {placeholders}, the parsed JSON body (empty for
// GET) and the key that called (absent on routes that need none).
struct ApiCall
{
    const ApiRequest& request;
    QHash<QString, QString> params;
    QJsonObject body;
    std::optional<ApiKeyRow> key;

    QString tenant() const { return key ? key->tenant : QString(); }
};

// otpd's route table: a plain list that the server matches against and that an OpenAPI generator
// can walk (method, pattern, scope, body, summary). Adding a route is one add() call:
//   router.add({"GET", "/v1/things/{id}", ApiScope::Read, ApiRoute::Body::None, "Read a thing", handler});
// Patterns are literal segments and {name} placeholders (one whole segment each, 1-128 characters).
struct ApiRoute
{
    enum class Body { None, Json };
    using Handler = std::function<ApiResponse(const ApiCall&)>;

    QString method;
    QString pattern;
    std::optional<ApiScope> scope; // nullopt: no key needed (health, receipts, metrics, openapi)
    Body body = Body::None;
    QString summary;
    Handler handler;
    // Runs on the event-loop thread without a pool round trip (only for handlers that never touch the
    // database or block: /healthz).
    bool inline_ = false;
};

class ApiRouter
{
public:
    void add(ApiRoute route);
    const QList<ApiRoute>& routes() const { return m_routes; }

    struct Match
    {
        enum class Kind { Found, NotFound, MethodNotAllowed } kind = Kind::NotFound;
        const ApiRoute* route = nullptr;
        QHash<QString, QString> params;
        QStringList allowed; // for 405: the methods the path answers
    };
    Match match(const QString& method, const QString& path) const;

private:
    QList<ApiRoute> m_routes;
};

} // namespace otp
