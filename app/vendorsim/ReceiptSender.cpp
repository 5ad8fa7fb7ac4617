#include "ReceiptSender.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <utility>

Q_LOGGING_CATEGORY(lcReceipts, "otp.vendorsim.receipts", QtInfoMsg)

namespace otp::vendorsim {

namespace {
// Where a callback went, for a log line: no query (it may carry a token of the receiver's).
QString shown(const QUrl& url)
{
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
}

constexpr int kTransferTimeoutMs = 10000;
} // namespace

ReceiptSender::ReceiptSender(Settings settings, quint32 seed, bool log, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)),
      // Its own dice, so that the fault dice draw the same sequence with or without receipts.
      m_dice(seed ^ 0x5eed0001u), m_log(log)
{
}

bool ReceiptSender::rollDelivered()
{
    const double rate = m_settings.failRate;
    const bool failed = rate >= 1.0 || (rate > 0.0 && m_dice.generateDouble() < rate);
    if (failed)
        ++m_reportedFailed;
    return !failed;
}

void ReceiptSender::schedule(const VendorSimulator::Receipt& receipt, const QString& messageId)
{
    Callback callback{receipt, messageId, m_settings.urls.value(receipt.vendor), 0};
    if (!callback.url.isValid())
        return;
    if (receipt.method == "GET") {
        // Gupshup's report rides in the query of the URL given, after whatever query it already has.
        QString query = callback.url.query(QUrl::FullyEncoded);
        query += (query.isEmpty() ? QString() : QStringLiteral("&")) + QString::fromUtf8(receipt.body);
        callback.url.setQuery(query, QUrl::TolerantMode);
    }
    ++m_scheduled;
    QTimer::singleShot(qMax(0, m_settings.delayMs), this, [this, callback] { send(callback); });
}

void ReceiptSender::send(Callback callback)
{
    ++callback.tries;
    QNetworkRequest request(callback.url);
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("otp-vendor-sim"));
    QNetworkReply* reply = nullptr;
    if (callback.receipt.method == "GET") {
        reply = m_network.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, callback.receipt.contentType);
        reply = m_network.post(request, callback.receipt.body);
    }
    connect(reply, &QNetworkReply::finished, this, [this, reply, callback] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString error = reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
        reply->deleteLater();
        onAnswer(callback, status, error);
    });
}

void ReceiptSender::onAnswer(Callback callback, int status, const QString& error)
{
    const QString vendor = callback.receipt.vendor;
    if (status >= 200 && status < 300) {
        ++m_taken;
        if (m_log)
            qCInfo(lcReceipts).noquote() << vendor << "receipt for" << callback.messageId << QString::fromLatin1(callback.receipt.method)
                                         << shown(callback.url) << "->" << status;
        emit finished(vendor, callback.messageId, true);
        return;
    }
    const QString why = status ? QStringLiteral("HTTP %1").arg(status) : error;
    if (callback.tries > m_settings.retries) {
        ++m_givenUp;
        qCWarning(lcReceipts).noquote() << vendor << "receipt for" << callback.messageId
                                        << QStringLiteral("given up after %1 tries to %2: %3")
                                               .arg(QString::number(callback.tries), shown(callback.url), why);
        emit finished(vendor, callback.messageId, false);
        return;
    }
    ++m_retried;
    // Doubling per try (at most 10 retries), capped at an hour.
    const int backoffMs = int(qMin<qint64>(qint64(qMax(0, m_settings.retryMs)) << qMin(callback.tries - 1, 10), 3600000));
    if (m_log)
        qCInfo(lcReceipts).noquote() << vendor << "receipt for" << callback.messageId
                                     << QStringLiteral("not taken (%1), again in %2 ms").arg(why, QString::number(backoffMs));
    QTimer::singleShot(backoffMs, this, [this, callback] { send(callback); });
}

QJsonObject ReceiptSender::toJson() const
{
    QJsonObject urls;
    for (auto it = m_settings.urls.constBegin(); it != m_settings.urls.constEnd(); ++it)
        urls.insert(it.key(), it.value().toString());
    return QJsonObject{
        {QStringLiteral("urls"), urls},
        {QStringLiteral("delay_ms"), m_settings.delayMs},
        {QStringLiteral("fail_rate"), m_settings.failRate},
        {QStringLiteral("gupshup_method"), m_settings.gupshupGet ? QStringLiteral("get") : QStringLiteral("post")},
        {QStringLiteral("retries"), m_settings.retries},
        {QStringLiteral("retry_ms"), m_settings.retryMs},
        {QStringLiteral("scheduled"), m_scheduled},
        {QStringLiteral("reported_failed"), m_reportedFailed},
        {QStringLiteral("taken"), m_taken},
        {QStringLiteral("retried"), m_retried},
        {QStringLiteral("given_up"), m_givenUp},
    };
}

} // namespace otp::vendorsim
