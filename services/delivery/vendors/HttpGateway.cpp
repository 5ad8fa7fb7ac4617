#include "HttpGateway.h"

namespace otp {

HttpGateway::HttpGateway(VendorConfig config, QString secret)
    : m_config(std::move(config)), m_secret(std::move(secret)), m_timeoutMs(m_config.timeoutMs())
{
}

VendorAnswer HttpGateway::deliver(const OutgoingMessage& message)
{
    const Redactor redactor({message.code, m_secret});
    VendorAnswer answer;
    QString problem;
    HttpRequest request;
    if (!supports(message.channel))
        problem = QStringLiteral("%1 does not deliver over %2").arg(vendorTitle(), channelName(message.channel));
    else
        request = buildRequest(message, &problem);

    if (!problem.isEmpty()) {
        // Refused before any byte left: nothing was sent, and resending the same message cannot help.
        answer.accepted = false;
        answer.retryable = false;
        answer.vendorCode = QStringLiteral("NOT_SENT");
        answer.reason = redactor.apply(problem);
    } else {
        request.timeoutMs = m_timeoutMs;
        const HttpResult result = HttpExchange::run(request);
        answer = result.answered() ? interpretAnswer(result.httpStatus, result.body, redactor)
                                   : transportFailure(vendorTitle(), result, redactor);
        answer.latencyMs = result.latencyMs;
    }
    answer.vendor = name();
    // Never the destination, body, code or credentials: the delivery id is enough to find the row.
    qCInfo(logCategory()).nospace() << "delivery " << message.deliveryId << " via " << name() << ": "
                                    << (answer.accepted ? "accepted" : answer.retryable ? "retryable failure" : "failed")
                                    << " http=" << answer.httpStatus << " code=" << answer.vendorCode
                                    << " latency=" << answer.latencyMs << "ms";
    return answer;
}

VendorAnswer HttpGateway::transportFailure(const QString& vendorTitle, const HttpResult& result, const Redactor& redactor)
{
    VendorAnswer a;
    a.httpStatus = 0;
    a.retryable = true;
    const QString detail = redactor.apply(result.errorString);
    if (result.tooLarge) {
        // Not retried: the vendor did answer (a success status may mean it queued the message, and a
        // retry could make the user receive two codes), and a vendor answering megabytes would most
        // likely do it again, holding a worker each time. The console shows why.
        a.retryable = false;
        a.mayHaveSent = true;
        a.vendorCode = QStringLiteral("ANSWER_TOO_LARGE");
        a.reason = QStringLiteral("%1 answered with a body we do not read: %2; the message may or may not have been sent")
                       .arg(vendorTitle, detail);
        return a;
    }
    // A timeout or a reset after the request went out may hide a message the vendor did take:
    // mayHaveSent, so the outbox neither retries it nor kills its code (README, "Timeouts"). A refused
    // connection, an unknown host or a TLS failure happened before any byte of the request left.
    if (result.timedOut || result.networkError == QNetworkReply::TimeoutError) {
        a.mayHaveSent = true;
        a.vendorCode = QStringLiteral("TIMEOUT");
        a.reason = QStringLiteral("%1 did not answer in time (%2)").arg(vendorTitle, detail);
        return a;
    }
    switch (result.networkError) {
    case QNetworkReply::ConnectionRefusedError:
        a.vendorCode = QStringLiteral("CONNECTION_REFUSED");
        a.reason = QStringLiteral("%1 refused the connection (%2)").arg(vendorTitle, detail);
        break;
    case QNetworkReply::RemoteHostClosedError:
        a.mayHaveSent = true;
        a.vendorCode = QStringLiteral("CONNECTION_RESET");
        a.reason = QStringLiteral("%1 closed the connection before answering (%2)").arg(vendorTitle, detail);
        break;
    case QNetworkReply::HostNotFoundError:
        a.vendorCode = QStringLiteral("HOST_NOT_FOUND");
        a.reason = QStringLiteral("the host of %1's base_url could not be resolved (%2)").arg(vendorTitle, detail);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        // A certificate or TLS configuration problem: retrying meets the same certificate.
        a.retryable = false;
        a.vendorCode = QStringLiteral("TLS_ERROR");
        a.reason = QStringLiteral("the secure connection to %1 failed (%2)").arg(vendorTitle, detail);
        break;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        a.retryable = false;
        a.vendorCode = QStringLiteral("BAD_URL");
        a.reason = QStringLiteral("%1's base_url cannot be used (%2)").arg(vendorTitle, detail);
        break;
    default:
        a.mayHaveSent = true; // unknown: assume the request may have been read
        a.vendorCode = QStringLiteral("NETWORK_ERROR");
        a.reason = QStringLiteral("no answer from %1: network error (%2)").arg(vendorTitle, detail);
        break;
    }
    return a;
}

VendorAnswer HttpGateway::malformed(const QString& vendorTitle, int httpStatus, const QByteArray& body,
                                    const Redactor& redactor)
{
    VendorAnswer a;
    a.httpStatus = httpStatus;
    a.accepted = false;
    // Never retried: the vendor answered success-class but we cannot read whether it queued the
    // message, and a retry could make the user receive two different codes.
    a.retryable = false;
    a.mayHaveSent = true;
    a.vendorCode = QStringLiteral("MALFORMED");
    a.reason = QStringLiteral("%1 answered HTTP %2 with a body we cannot read; the message may or may not have been sent")
                   .arg(vendorTitle)
                   .arg(httpStatus);
    a.excerpt = redactor.excerpt(body);
    return a;
}

VendorAnswer HttpGateway::statusAnswer(const QString& vendorTitle, int httpStatus, const QByteArray& body,
                                       const Redactor& redactor)
{
    if (httpStatus >= 200 && httpStatus < 300)
        return malformed(vendorTitle, httpStatus, body, redactor);

    VendorAnswer a;
    a.httpStatus = httpStatus;
    a.vendorCode = QStringLiteral("HTTP_%1").arg(httpStatus);
    a.excerpt = redactor.excerpt(body);
    a.retryable = httpStatus >= 500 || httpStatus == 429 || httpStatus == 408;
    if (httpStatus >= 500)
        a.reason = QStringLiteral("%1 had a server error (HTTP %2); retry later").arg(vendorTitle).arg(httpStatus);
    else if (httpStatus == 429)
        a.reason = QStringLiteral("%1 is rate-limiting our requests (HTTP 429); retry later").arg(vendorTitle);
    else if (httpStatus == 408)
        a.reason = QStringLiteral("%1 timed out reading our request (HTTP 408)").arg(vendorTitle);
    else if (httpStatus == 401)
        a.reason = QStringLiteral("%1 rejected our credentials (HTTP 401)").arg(vendorTitle);
    else if (httpStatus == 403)
        a.reason = QStringLiteral("%1 refused access (HTTP 403)").arg(vendorTitle);
    else if (httpStatus == 404)
        a.reason = QStringLiteral("%1 answered HTTP 404 Not Found: check base_url").arg(vendorTitle);
    else if (httpStatus >= 300 && httpStatus < 400)
        a.reason = QStringLiteral("%1 redirected the request (HTTP %2): check base_url").arg(vendorTitle).arg(httpStatus);
    else
        a.reason = QStringLiteral("%1 refused the request (HTTP %2)").arg(vendorTitle).arg(httpStatus);
    return a;
}

QUrl HttpGateway::joinUrl(const QString& baseUrl, const QString& path)
{
    QString base = baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + path, QUrl::StrictMode);
}

QString HttpGateway::digitsOnly(const QString& destination)
{
    QString digits;
    for (const QChar c : destination) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits.append(c);
    }
    return digits;
}

} // namespace otp
