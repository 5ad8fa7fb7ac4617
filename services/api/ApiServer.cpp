#include "ApiServer.h"

#include "ApiKeyStore.h"
#include "ApiMetrics.h"
#include "BoundedTcpServer.h"
#include "Database.h"
#include "JsonInput.h"
#include "OtpService.h"
#include "ReceiptRoutes.h"
#include "StoreError.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <cmath>
#include <sys/ioctl.h>

namespace otp {

Q_LOGGING_CATEGORY(lcAccess, "otp.api.access", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "otp.api", QtInfoMsg)

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    }
    return "Status";
}

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QStringLiteral("TRACE");
    default: return QStringLiteral("UNKNOWN");
    }
}

bool isJsonType(const QByteArray& contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type == "application/json";
}

qint64 secondsFor(qint64 ms) { return qMax<qint64>(1, (ms + 999) / 1000); }

ApiResponse unauthorized(const QString& message, bool invalidToken)
{
    ApiResponse r = ApiResponse::make(401, QStringLiteral("unauthorized"), message);
    r.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                      invalidToken ? QByteArrayLiteral("Bearer realm=\"otpd\", error=\"invalid_token\"")
                                   : QByteArrayLiteral("Bearer realm=\"otpd\"")});
    return r;
}
} // namespace

ApiServer::ApiServer(const ApiRouter& router, Database& database, OtpService& service, Options options, QObject* parent)
    : QAbstractHttpServer(parent), m_router(router), m_database(database), m_service(service), m_options(std::move(options)),
      m_throttle(m_options.keyRatePerSecond),
      m_pool(m_options.threads),
      // Async sends are handed to their vendors on threads of their own: a slow vendor must never hold
      // the threads that answer requests (with a 2 s vendor the request pool filled and answers queued).
      m_deliveryPool(m_options.threads)
{
}

ApiServer::~ApiServer()
{
    m_pool.waitForDone();
    m_deliveryPool.waitForDone();
}

QString ApiServer::configure()
{
    return m_clientAddress.setTrustedProxies(m_options.trustedProxies);
}

bool ApiServer::listenOn(const QHostAddress& address, quint16 port, QString* error)
{
    auto* tcp = new BoundedTcpServer(m_options.maxBodyBytes, this);
    if (!tcp->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    connect(tcp, &BoundedTcpServer::refused, this, [](QTcpSocket* socket, const QString& reason) {
        qCInfo(lcAccess).noquote() << "- - 413 0ms client=" + ClientAddress::text(socket->peerAddress()) << reason;
        ApiMetrics::instance().observeRequest(QStringLiteral("-"), 413, 0);
    });
    bind(tcp);
    m_port = tcp->serverPort();
    return true;
}

QString ApiServer::sanitizedRequestId(const QByteArray& given)
{
    static const QRegularExpression sane(QStringLiteral("^[A-Za-z0-9._:-]{1,64}$"));
    const QString id = QString::fromLatin1(given);
    if (!given.isEmpty() && sane.match(id).hasMatch())
        return id;
    return QUuid::createUuid().toString(QUuid::Id128);
}

std::shared_ptr<ApiServer::Pending> ApiServer::copyRequest(const QHttpServerRequest& request, QTcpSocket* socket) const
{
    auto pending = std::make_shared<Pending>();
    pending->elapsed.start();
    ApiRequest& r = pending->request;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = request.query();
    QList<QByteArray> forwardedFor;
    for (const auto& h : request.headers()) {
        const QByteArray name = h.first.toLower();
        if (name == "x-forwarded-for")
            forwardedFor << h.second;
        r.headers.insert(name, h.second);
    }
    r.body = request.body();
    r.peer = socket->peerAddress().isNull() ? request.remoteAddress() : socket->peerAddress();
    r.clientAddress = m_clientAddress.resolve(r.peer, forwardedFor);
    r.requestId = sanitizedRequestId(r.header("x-request-id"));
    pending->closeAfter = r.header("connection").toLower().contains("close");
    return pending;
}

std::optional<ApiResponse> ApiServer::refusalBeforeRouting(const Pending& pending, const ApiRouter::Match& match) const
{
    const ApiRequest& r = pending.request;
    if (m_stopping && m_drainDeadline.hasExpired()) {
        ApiResponse stop = ApiResponse::make(503, QStringLiteral("unavailable"), QStringLiteral("this otpd is shutting down; try again"));
        stop.closeConnection = true;
        return stop.retryAfter(1);
    }
    if (match.kind == ApiRouter::Match::Kind::NotFound)
        return ApiResponse::notFound(QStringLiteral("there is no route %1").arg(r.path.left(200)));
    if (match.kind == ApiRouter::Match::Kind::MethodNotAllowed) {
        const QString allowed = match.allowed.join(QStringLiteral(", "));
        ApiResponse n = ApiResponse::make(405, QStringLiteral("method_not_allowed"),
                                          QStringLiteral("%1 is not allowed here; use %2").arg(r.method, allowed));
        n.headers.append({QByteArrayLiteral("Allow"), allowed.toLatin1()});
        return n;
    }
    const ApiRoute& route = *match.route;
    if (r.body.size() > m_options.maxBodyBytes) {
        ApiResponse big = ApiResponse::make(413, QStringLiteral("payload_too_large"),
                                            QStringLiteral("the body is %1 bytes; at most %2 are accepted").arg(r.body.size()).arg(m_options.maxBodyBytes));
        big.closeConnection = true;
        return big;
    }
    if (route.body == ApiRoute::Body::Json && !r.body.trimmed().isEmpty() && !isJsonType(r.header("content-type")))
        return ApiResponse::make(415, QStringLiteral("unsupported_media_type"),
                                 QStringLiteral("the body must be JSON, sent with Content-Type: application/json"));
    if (route.body == ApiRoute::Body::None && !r.body.isEmpty() && !ReceiptRoutes::takesVendorBody(route))
        return ApiResponse::invalidInput(QStringLiteral("%1 %2 takes no body").arg(r.method, route.pattern));
    if (route.scope) {
        if (const qint64 wait = m_throttle.authRefusedFor(r.clientAddress); wait > 0) {
            ApiResponse slow = ApiResponse::make(429, QStringLiteral("rate_limited"),
                                                 QStringLiteral("too many requests with wrong keys from this address; wait before trying again"));
            return slow.retryAfter(secondsFor(wait));
        }
    }
    return std::nullopt;
}

bool ApiServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    if (socket->property(BoundedTcpServer::kRefusedProperty).toBool())
        return true; // already answered 413 and closing
    const std::shared_ptr<Pending> pending = copyRequest(request, socket);
    const QPointer<QTcpSocket> sock(socket);
    const ApiRouter::Match match = m_router.match(pending->request.method, pending->request.path);
    if (match.route)
        pending->routePattern = match.route->pattern;
    if (const auto refusal = refusalBeforeRouting(*pending, match)) {
        respond(sock, *pending, *refusal);
        return true;
    }
    if (match.route->inline_) {
        respond(sock, *pending, match.route->handler(ApiCall{pending->request, match.params, {}, std::nullopt}));
        return true;
    }
    ++m_inFlight;
    const QHash<QString, QString> params = match.params;
    const ApiRoute* route = match.route;
    auto response = std::make_shared<ApiResponse>();
    m_pool.start([this, pending, params, route, response] { *response = runOnPool(*pending, *route, params); },
                 // Posted once this thread is free again, so the client's next request can land on it.
                 [this, pending, sock, response] {
                     QMetaObject::invokeMethod(this, [this, pending, sock, response] {
                         respond(sock, *pending, std::move(*response));
                         --m_inFlight;
                     }, Qt::QueuedConnection);
                     // Async mode: the answer is on its way; now hand this process's queued sends to the
                     // vendors (what otpctl does after printing), on the delivery pool. The outbox worker
                     // retries what fails.
                     if (m_service.pendingCount() > 0)
                         m_deliveryPool.start([this] { m_service.deliverPending(); });
                 });
    return true;
}

ApiResponse ApiServer::runOnPool(Pending& pending, const ApiRoute& route, const QHash<QString, QString>& params)
{
    const ApiRequest& r = pending.request;
    ApiCall call{r, params, {}, std::nullopt};
    try {
        if (route.scope) {
            const QByteArray auth = r.header("authorization").trimmed();
            if (auth.isEmpty())
                return unauthorized(QStringLiteral("this route needs an API key: Authorization: Bearer <key>"), false);
            if (!auth.toLower().startsWith("bearer ")) {
                m_throttle.authFailed(r.clientAddress);
                return unauthorized(QStringLiteral("use Authorization: Bearer <key>"), true);
            }
            const QString presented = QString::fromLatin1(auth.mid(7).trimmed());
            const auto key = ApiKeyStore(m_database.session()).authenticate(presented);
            if (!key) {
                m_throttle.authFailed(r.clientAddress);
                return unauthorized(QStringLiteral("the API key is not valid (unknown, revoked or mistyped)"), true);
            }
            pending.keyName = key->name;
            if (!key->allows(*route.scope))
                return ApiResponse::make(403, QStringLiteral("forbidden"),
                                         QStringLiteral("this key lacks the '%1' scope this route needs").arg(apiScopeName(*route.scope)));
            if (const qint64 wait = m_throttle.admitKey(key->id); wait > 0) {
                ApiResponse limited = ApiResponse::make(429, QStringLiteral("rate_limited"),
                                                        QStringLiteral("this key is over its request rate (%1 per second)")
                                                            .arg(m_throttle.keyRate()));
                limited.retryAfter(secondsFor(wait));
                return limited;
            }
            call.key = key;
        }
        if (route.body == ApiRoute::Body::Json) {
            QString problem;
            const auto body = JsonInput::parseObject(r.body, &problem);
            if (!body)
                return ApiResponse::invalidInput(problem);
            call.body = *body;
        }
        ApiResponse answer = route.handler(call);
        ApiMetrics::instance().observeCall(route.pattern, call.tenant(), call.body, answer);
        return answer;
    } catch (const StoreError& e) {
        qCWarning(lcApi).noquote() << "request" << r.requestId << "failed:" << e.message();
        return ApiResponse::internalError();
    } catch (const std::exception& e) {
        qCWarning(lcApi).noquote() << "request" << r.requestId << "failed:" << e.what();
        return ApiResponse::internalError();
    }
}

void ApiServer::respond(QPointer<QTcpSocket> socket, const Pending& pending, ApiResponse response)
{
    const ApiRequest& r = pending.request;
    QByteArray contentType = QByteArrayLiteral("application/json");
    const std::optional<QByteArray> raw = RawBody::take(response, &contentType); // /metrics, /openapi.json
    if (!raw && !response.body.contains(QStringLiteral("request_id")))
        response.body.insert(QStringLiteral("request_id"), r.requestId);
    const bool close = response.closeConnection || pending.closeAfter || m_stopping;
    const qint64 ms = pending.elapsed.elapsed();
    const bool connected = socket && socket->state() == QAbstractSocket::ConnectedState;
    QString line = QStringLiteral("%1 %2 %3 %4ms id=%5 client=%6 key=%7")
                       .arg(r.method, pending.routePattern)
                       .arg(response.httpStatus)
                       .arg(ms)
                       .arg(r.requestId, r.clientAddress, pending.keyName.isEmpty() ? QStringLiteral("-") : pending.keyName);
    if (!connected)
        line += QStringLiteral(" (client gone)");
    qCInfo(lcAccess).noquote() << line;
    ApiMetrics::instance().observeRequest(pending.routePattern, response.httpStatus, pending.elapsed.nsecsElapsed() / 1e9);
    if (!connected)
        return;
    const QByteArray body = raw ? *raw : QJsonDocument(response.body).toJson(QJsonDocument::Compact);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.httpStatus) + ' ' + reasonPhrase(response.httpStatus) + "\r\n";
    out += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "X-Request-Id: " + r.requestId.toLatin1() + "\r\n";
    out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    for (const auto& h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n" + body;
    BoundedTcpServer::answered(socket);
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

void ApiServer::missingHandler(const QHttpServerRequest&, QTcpSocket*)
{
    // handleRequest() answers every request.
}

int ApiServer::closeIdleConnections()
{
    // Idle: every request it sent was answered, nothing of a next one has arrived, neither in the socket's
    // buffer nor still in the kernel's, and the last answer has left. Such a connection is closed now, so
    // its client sees the close before it reuses the connection (and goes elsewhere) instead of sending a
    // request into a process about to exit; a busy one closes after its answer (Connection: close).
    int open = 0;
    for (QTcpServer* s : servers()) {
        for (QTcpSocket* socket : s->findChildren<QTcpSocket*>()) {
            if (socket->state() == QAbstractSocket::ClosingState) {
                ++open; // closing after its last answer, which is still leaving
                continue;
            }
            if (socket->state() != QAbstractSocket::ConnectedState)
                continue;
            int unread = 0;
            const bool idle = socket->property(BoundedTcpServer::kUnansweredProperty).toLongLong() == 0 &&
                              socket->bytesAvailable() == 0 && socket->bytesToWrite() == 0 &&
                              ::ioctl(int(socket->socketDescriptor()), FIONREAD, &unread) == 0 && unread == 0;
            if (idle)
                socket->disconnectFromHost();
            else
                ++open;
        }
    }
    return open;
}

int ApiServer::drain(int graceMs)
{
    // A request the client sent before the signal may still sit unread in the kernel: the loop runs at
    // least kSettleMs so it is read and served (with Connection: close, as every answer from now on)
    // rather than dropped with the connection.
    m_stopping = true;
    m_drainDeadline = QDeadlineTimer(graceMs);
    for (QTcpServer* s : servers())
        s->close();
    QElapsedTimer settling;
    settling.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
    connect(&poll, &QTimer::timeout, &loop, [&] {
        const int open = closeIdleConnections();
        if (m_drainDeadline.hasExpired() || (m_inFlight == 0 && open == 0 && settling.elapsed() >= kSettleMs))
            loop.quit();
    });
    poll.start();
    loop.exec();
    // Let the last answers leave before the process ends.
    for (QTcpServer* s : servers()) {
        for (QTcpSocket* socket : s->findChildren<QTcpSocket*>()) {
            // Closing included: an answer with Connection: close is written before the socket closes.
            if (socket->state() != QAbstractSocket::UnconnectedState && socket->bytesToWrite() > 0)
                socket->waitForBytesWritten(qMax<qint64>(100, m_drainDeadline.remainingTime()));
        }
    }
    return m_inFlight.load();
}

} // namespace otp
