#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

namespace otp {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET"); // GET, POST, …
    QUrl url;
    HttpHeaders headers; // Content-Type included when there is a body
    QByteArray body;
    int timeoutMs = 10000; // the whole exchange, connect to last byte
};

struct HttpResult
{
    int httpStatus = 0; // 0: no HTTP answer arrived (see networkError / timedOut)
    QByteArray body;
    HttpHeaders headers; // response headers as received
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    qint64 latencyMs = 0;
    bool timedOut = false;

    bool answered() const { return httpStatus != 0; }
    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
};

// One blocking HTTP exchange for the delivery gateways, callable from any thread that has no
// running event loop (QThread, QThreadPool, the main thread before exec()). Each thread keeps one
// QNetworkAccessManager, created on first use and deleted when the thread ends, so keep-alive
// connections to a vendor are reused across deliveries on that thread. The wait happens in a local
// QEventLoop bounded by request.timeoutMs; redirects are not followed (a vendor API that redirects
// means a wrong base_url, and following it would resend credentials elsewhere).
class HttpExchange
{
public:
    static HttpResult run(const HttpRequest& request);
};

} // namespace otp
