#include "HttpExchange.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QThreadStorage>
#include <QTimer>

namespace otp {

namespace {

// One manager per thread: QNetworkAccessManager is not thread-safe, and a per-thread instance keeps
// its connection pool (keep-alive, TLS sessions) across the deliveries that thread makes.
// QThreadStorage deletes it when the thread finishes (for the main thread: with the application).
QNetworkAccessManager* threadManager()
{
    static QThreadStorage<QNetworkAccessManager*> managers;
    if (!managers.hasLocalData()) {
        auto* manager = new QNetworkAccessManager;
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        manager->setAutoDeleteReplies(false);
        managers.setLocalData(manager);
    }
    return managers.localData();
}

} // namespace

QByteArray HttpResult::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpResult HttpExchange::run(const HttpRequest& request)
{
    HttpResult result;
    if (!QCoreApplication::instance()) {
        result.networkError = QNetworkReply::UnknownNetworkError;
        result.errorString = QStringLiteral("no QCoreApplication: HTTP delivery needs one");
        return result;
    }

    QNetworkRequest req(request.url);
    for (const auto& h : request.headers)
        req.setRawHeader(h.first, h.second);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    QNetworkAccessManager* manager = threadManager();
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply = request.body.isEmpty() && request.method == "GET"
                               ? manager->get(req)
                               : manager->sendCustomRequest(req, request.method, request.body);

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // A total deadline rather than setTransferTimeout(): that one restarts on every byte, so a
    // vendor trickling a body could hold a worker far beyond the configured timeout.
    QObject::connect(&deadline, &QTimer::timeout, reply, [&result, reply] {
        result.timedOut = true;
        reply->abort();
    });
    if (!reply->isFinished()) {
        deadline.start(qMax(1, request.timeoutMs));
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    deadline.stop();

    result.latencyMs = clock.elapsed();
    result.networkError = reply->error();
    result.errorString = reply->errorString();
    if (reply->isOpen()) // an aborted reply is closed; reading it only warns
        result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    // A body cut short by the deadline is not an answer: the caller treats it as a timeout.
    result.httpStatus = result.timedOut ? 0 : reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (result.timedOut)
        result.errorString = QStringLiteral("no complete answer within %1 ms").arg(request.timeoutMs);
    delete reply;
    // Nothing runs this thread's event loop between exchanges, so the manager's own deleteLater()
    // clean-ups would pile up; flush them now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return result;
}

} // namespace otp
