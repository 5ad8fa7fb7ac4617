#pragma once

#include "ApiRouter.h"
#include "ClientAddress.h"
#include "RequestPool.h"
#include "RequestThrottle.h"

#include <QAbstractHttpServer>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QPointer>

#include <atomic>
#include <memory>
#include <optional>

class QTcpSocket;

namespace otp {

class Database;
class OtpService;

// otpd's HTTP server. It implements QAbstractHttpServer::handleRequest itself rather than use
// QHttpServer::route(): in Qt 6.4 the router cannot answer 405 with Allow, nor JSON 404s, nor refuse a
// body before reading it (BoundedTcpServer), and its QFuture responder keeps references to Qt's
// request object, which the connection reuses. Here every request is copied (ApiRequest), checked on
// the event-loop thread (route, 404/405, 413, 415, address refused for failed keys) and run on a pool
// of `threads` threads, each keeping its own database connection (Database::session() is per thread;
// the pool's threads never expire). The answer is written back on the event-loop thread, and one
// access-log line is written per request (otp.api.access): method, route pattern, status,
// milliseconds, request id, client address and key name; never a body, code, key or destination.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Options
    {
        int threads = 16;
        double keyRatePerSecond = 50;
        QStringList trustedProxies;
        qint64 maxBodyBytes = 16 * 1024;
    };

    // `router` must be complete before listen() and outlive the server.
    ApiServer(const ApiRouter& router, Database& database, OtpService& service, Options options,
              QObject* parent = nullptr);
    ~ApiServer() override;

    // Empty when the options are usable, else the problem (a bad --trusted-proxy).
    QString configure();
    // Binds `address`:`port` (0: any free port). False with *error.
    bool listenOn(const QHostAddress& address, quint16 port, QString* error);
    quint16 port() const { return m_port; }

    // Graceful stop: no new connection is accepted; requests already sent on open connections are
    // still served, each answer with Connection: close; returns once every request in flight was
    // answered (and at least kSettleMs passed) or `graceMs` passed, running the event loop meanwhile;
    // after that a request gets 503. Returns how many were still in flight.
    // Idle keep-alive connections are closed at once, so their clients go elsewhere rather than send
    // into a process about to exit.
    static constexpr int kSettleMs = 200;
    int drain(int graceMs);
    int inFlight() const { return m_inFlight.load(); }

protected:
    int closeIdleConnections(); // during drain(): closes the idle ones, returns how many stay open
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct Pending
    {
        ApiRequest request;
        QString routePattern = QStringLiteral("-");
        QString keyName;
        QElapsedTimer elapsed;
        bool closeAfter = false;
    };
    std::shared_ptr<Pending> copyRequest(const QHttpServerRequest& request, QTcpSocket* socket) const;
    // What is refused on the event-loop thread, before any database work: shutting down, 404, 405,
    // 413, 415, a body where none belongs, an address refused for its failed keys.
    std::optional<ApiResponse> refusalBeforeRouting(const Pending& pending, const ApiRouter::Match& match) const;
    ApiResponse runOnPool(Pending& pending, const ApiRoute& route, const QHash<QString, QString>& params);
    void respond(QPointer<QTcpSocket> socket, const Pending& pending, ApiResponse response);
    static QString sanitizedRequestId(const QByteArray& given);

    const ApiRouter& m_router;
    Database& m_database;
    OtpService& m_service;
    Options m_options;
    ClientAddress m_clientAddress;
    mutable RequestThrottle m_throttle;
    RequestPool m_pool;
    RequestPool m_deliveryPool; // deliverPending() of async sends, apart from the request threads
    quint16 m_port = 0;
    std::atomic<int> m_inFlight{0};
    bool m_stopping = false;
    QDeadlineTimer m_drainDeadline;
};

} // namespace otp
