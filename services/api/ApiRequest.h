#pragma once

#include "ApiKeyStore.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrlQuery>

#include <optional>

namespace otp {

// One HTTP request as otpd's handlers see it: copied out of Qt's request object on the event-loop
// thread (that object is reused for the connection's next request), then handled on a pool thread.
struct ApiRequest
{
    QString method;                       // "GET", "POST", … ("" for a method Qt does not know)
    QString path;                         // decoded path, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QHostAddress peer;                    // the TCP peer
    QString clientAddress;                // peer, or the right-most untrusted X-Forwarded-For hop (ClientAddress.h)
    QString requestId;                    // the caller's sane X-Request-Id, or one made here

    QByteArray header(const char* lowerName) const { return headers.value(QByteArray(lowerName)); }
};

// What a handler answers: an HTTP status, a JSON object (status, message and request_id are added
// where missing) and extra headers (Retry-After, Allow, WWW-Authenticate).
struct ApiResponse
{
    int httpStatus = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool closeConnection = false;

    static ApiResponse make(int httpStatus, const QString& status, const QString& message)
    {
        ApiResponse r;
        r.httpStatus = httpStatus;
        r.body.insert(QStringLiteral("status"), status);
        r.body.insert(QStringLiteral("message"), message);
        return r;
    }
    static ApiResponse invalidInput(const QString& message) { return make(400, QStringLiteral("invalid_input"), message); }
    static ApiResponse notFound(const QString& message) { return make(404, QStringLiteral("not_found"), message); }
    static ApiResponse internalError()
    {
        return make(500, QStringLiteral("internal_error"),
                    QStringLiteral("the request could not be completed; the server log has the details under this request_id"));
    }
    // 429 (or another refusal) with both the header and the body field.
    ApiResponse& retryAfter(qint64 seconds)
    {
        const qint64 s = seconds < 1 ? 1 : seconds;
        headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(s)});
        body.insert(QStringLiteral("retry_after_s"), s);
        return *this;
    }
};

} // namespace otp
