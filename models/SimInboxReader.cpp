#include "SimInboxReader.h"

#include "HttpExchange.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace otp::models {

namespace {
QUrl origin(const VendorConfig& vendor)
{
    QUrl url(vendor.setting(QStringLiteral("base_url")));
    url.setPath({});
    url.setQuery(QString());
    return url;
}
} // namespace

bool SimInboxReader::isLocalSimulator(const VendorConfig& vendor)
{
    const QUrl url = origin(vendor);
    if (!url.isValid() || url.scheme() != QLatin1String("http"))
        return false;
    const QString host = url.host();
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

QJsonObject SimInboxReader::lastMessageFor(const VendorConfig& vendor, const QString& destination)
{
    if (!isLocalSimulator(vendor))
        return {};
    QString digits = destination;
    digits.remove(QLatin1Char('+'));
    HttpRequest request;
    request.url = origin(vendor);
    request.url.setPath(QStringLiteral("/_sim/inbox"));
    request.url.setQuery(QStringLiteral("to=") + digits);
    request.timeoutMs = 2000;
    const HttpResult result = HttpExchange::run(request);
    if (result.httpStatus != 200)
        return {};
    const QJsonArray messages = QJsonDocument::fromJson(result.body).object().value(QStringLiteral("messages")).toArray();
    if (messages.isEmpty())
        return {};
    const QJsonObject last = messages.last().toObject();
    return {{QStringLiteral("body"), last.value(QStringLiteral("text"))},
            {QStringLiteral("vendor"), last.value(QStringLiteral("vendor"))},
            {QStringLiteral("message_id"), last.value(QStringLiteral("message_id"))},
            {QStringLiteral("received_at"), last.value(QStringLiteral("received_at"))}};
}

} // namespace otp::models
