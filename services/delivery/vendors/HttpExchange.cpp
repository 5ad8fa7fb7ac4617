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
    // The size bound (SECURITY.md row 23). QNetworkReply buffers the whole body unless it is read,
    // so it is taken as it arrives and counted (this also counts what a compressed body inflates
    // to), and the reply is abandoned as soon as it passes the limit. A declared Content-Length over
    // the limit is refused at the headers, before any of the body is read.
    const qint64 limit = qMax<qint64>(0, request.maxAnswerBytes);
    // Without a read buffer size Qt's network thread reads the socket as fast as it can and queues
    // every chunk to this thread, so 300 MB were in memory before the first readyRead ran here; with
    // one it reads no further ahead than that.
    reply->setReadBufferSize(limit + 1);
    auto tooLarge = [&result, reply, limit](const QString& what) {
        if (result.tooLarge || result.timedOut)
            return;
        result.tooLarge = true;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.errorString = QStringLiteral("vendor answer larger than %1 KiB (%2%3); not read further")
                                 .arg(limit / 1024)
                                 .arg(status ? QStringLiteral("HTTP %1, ").arg(status) : QString())
                                 .arg(what);
        reply->abort();
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, limit, tooLarge] {
        bool known = false;
        const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && declared > limit)
            tooLarge(QStringLiteral("Content-Length %1").arg(declared));
    });
    auto take = [&result, reply, limit, tooLarge] {
        if (!reply->isOpen())
            return;
        result.body += reply->read(limit + 1 - result.body.size());
        if (result.body.size() > limit) {
            result.body.truncate(limit);
            tooLarge(QStringLiteral("more than %1 bytes arrived").arg(limit));
        }
    };
    QObject::connect(reply, &QNetworkReply::readyRead, reply, take);
    if (!reply->isFinished()) {
        deadline.start(qMax(1, request.timeoutMs));
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    deadline.stop();

    result.latencyMs = clock.elapsed();
    result.networkError = reply->error();
    if (!result.tooLarge)
        take(); // whatever arrived after the last readyRead (an aborted reply is closed: nothing to read)
    result.headers = reply->rawHeaderPairs();
    // A body cut short by the deadline or the size bound is not an answer: the caller treats it as a
    // failure with no HTTP status (errorString names the status that had arrived).
    result.httpStatus = result.timedOut || result.tooLarge ? 0 : reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (result.timedOut)
        result.errorString = QStringLiteral("no complete answer within %1 ms").arg(request.timeoutMs);
    else if (!result.tooLarge)
        result.errorString = reply->errorString();
    delete reply;
    // Nothing runs this thread's event loop between exchanges, so the manager's own deleteLater()
    // clean-ups would pile up; flush them now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return result;
}

} // namespace otp
