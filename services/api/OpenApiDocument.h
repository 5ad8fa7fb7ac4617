#pragma once

#include <QJsonObject>

namespace otp {

class ApiRouter;

// GET /openapi.json: an OpenAPI 3.1 document generated from the router's table (every route it
// serves: method, pattern, scope, body, summary) plus, per route, the request and response schemas
// (JSON Schema 2020-12) written in OpenApiDocument.cpp. A route without a description there still
// appears, with the generic answers every route can give. Every answer shares the error shape
// {status, message, request_id, …}; the headers X-Request-Id (every answer), Retry-After (429, 503),
// WWW-Authenticate (401) and Allow (405) are described; keyed routes use the bearer scheme with the
// scope named in the operation's description and in x-otp-scope.
namespace OpenApiDocument {

QJsonObject build(const ApiRouter& router);
// Adds GET /openapi.json; the document is built from `router` on the first request (so every route
// added after this call is in it) and served as is. `router` must outlive the server.
void addRoute(ApiRouter& router);

} // namespace OpenApiDocument
} // namespace otp
