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
    // The most of an answer's body that is read (SECURITY.md row 23). Every vendor answer we read is
    // a small JSON or text document (well under 4 KiB); 64 KiB leaves room for verbose error pages
    // while a hostile or broken vendor (a 400 MB answer took otpctl to 1.26 GB) is cut off early.
    static constexpr qint64 kMaxAnswerBytes = 64 * 1024;
    qint64 maxAnswerBytes = kMaxAnswerBytes;
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
    // The answer (declared or as it arrived) was larger than request.maxAnswerBytes: abandoned there;
    // httpStatus stays 0 (a body cut short is not an answer), errorString says so and names the
    // status that had arrived; body holds at most the limit.
    bool tooLarge = false;

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
