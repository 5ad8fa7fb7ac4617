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

// The request as Qt's, sent on this thread's manager; `clock` starts as it leaves.
QNetworkReply* sendRequest(const HttpRequest& request, QElapsedTimer& clock)
{
    QNetworkRequest req(request.url);
    for (const auto& h : request.headers)
        req.setRawHeader(h.first, h.second);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    QNetworkAccessManager* manager = threadManager();
    clock.start();
    return request.body.isEmpty() && request.method == "GET" ? manager->get(req)
                                                             : manager->sendCustomRequest(req, request.method, request.body);
}

// The size bound (SECURITY.md row 23). QNetworkReply buffers the whole body unless it is read,
// so it is taken as it arrives and counted (this also counts what a compressed body inflates
// to), and the reply is abandoned as soon as it passes the limit. A declared Content-Length over
// the limit is refused at the headers, before any of the body is read.
class BoundedReader
{
public:
    BoundedReader(HttpResult& result, QNetworkReply* reply, qint64 limit) : m_result(result), m_reply(reply), m_limit(limit)
    {
        // Without a read buffer size Qt's network thread reads the socket as fast as it can and queues
        // every chunk to this thread, so 300 MB were in memory before the first readyRead ran here; with
        // one it reads no further ahead than that.
        reply->setReadBufferSize(limit + 1);
        QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [this] { checkDeclaredLength(); });
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [this] { take(); });
    }

    // Reads what has arrived (nothing once the reply is closed), up to the limit.
    void take()
    {
        if (!m_reply->isOpen())
            return;
        m_result.body += m_reply->read(m_limit + 1 - m_result.body.size());
        if (m_result.body.size() > m_limit) {
            m_result.body.truncate(m_limit);
            tooLarge(QStringLiteral("more than %1 bytes arrived").arg(m_limit));
        }
    }

private:
    void checkDeclaredLength()
    {
        bool known = false;
        const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && declared > m_limit)
            tooLarge(QStringLiteral("Content-Length %1").arg(declared));
    }

    void tooLarge(const QString& what)
    {
        if (m_result.tooLarge || m_result.timedOut)
            return;
        m_result.tooLarge = true;
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_result.errorString = QStringLiteral("vendor answer larger than %1 KiB (%2%3); not read further")
                                   .arg(m_limit / 1024)
                                   .arg(status ? QStringLiteral("HTTP %1, ").arg(status) : QString())
                                   .arg(what);
        m_reply->abort();
    }

    HttpResult& m_result;
    QNetworkReply* m_reply;
    const qint64 m_limit;
};

// Runs a local event loop until the reply finishes or the deadline passes (then it is aborted).
void awaitReply(QNetworkReply* reply, int timeoutMs, HttpResult& result)
{
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
        deadline.start(qMax(1, timeoutMs));
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    deadline.stop();
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

    QElapsedTimer clock;
    QNetworkReply* reply = sendRequest(request, clock);
    BoundedReader reader(result, reply, qMax<qint64>(0, request.maxAnswerBytes));
    awaitReply(reply, request.timeoutMs, result);

    result.latencyMs = clock.elapsed();
    result.networkError = reply->error();
    if (!result.tooLarge)
        reader.take(); // whatever arrived after the last readyRead (an aborted reply is closed: nothing to read)
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
