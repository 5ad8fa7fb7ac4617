#include "DevGateway.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUuid>

namespace otp {

DevGateway::DevGateway(QString outboxPath, QSet<QString> failingDestinations)
    : m_outboxPath(std::move(outboxPath)), m_failing(std::move(failingDestinations))
{
}

DevGateway* DevGateway::fromEnvironment(const QString& defaultOutbox)
{
    QString path = qEnvironmentVariable("OTP_DEV_OUTBOX");
    if (path.isEmpty())
        path = defaultOutbox;
    QSet<QString> failing;
    for (const QString& d : qEnvironmentVariable("OTP_DEV_FAIL").split(QLatin1Char(','), Qt::SkipEmptyParts))
        failing.insert(d.trimmed().toLower());
    return new DevGateway(path, failing);
}

VendorAnswer DevGateway::deliver(const OutgoingMessage& m)
{
    QElapsedTimer timer;
    timer.start();
    VendorAnswer a;
    a.vendor = name();
    if (m_failing.contains(m.destination.toLower())) {
        a.accepted = false;
        a.retryable = false;
        a.httpStatus = 422;
        a.vendorCode = QStringLiteral("DEV_FAIL");
        a.reason = QStringLiteral("the dev gateway refuses this destination (listed in OTP_DEV_FAIL)");
        a.excerpt = QStringLiteral("{\"status\":\"error\",\"code\":\"DEV_FAIL\"}");
        a.latencyMs = timer.elapsed();
        return a;
    }
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject line{
        {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("vendor"), name()},
        {QStringLiteral("message_id"), messageId},
        {QStringLiteral("tenant"), m.tenant},
        {QStringLiteral("challenge"), m.challengeRef},
        {QStringLiteral("channel"), channelName(m.channel)},
        {QStringLiteral("purpose"), purposeName(m.purpose)},
        {QStringLiteral("to"), m.destination},
        {QStringLiteral("body"), m.body},
    };
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    {
        QMutexLocker lock(&m_mutex);
        QDir().mkpath(QFileInfo(m_outboxPath).absolutePath());
        QFile f(m_outboxPath);
        // O_APPEND with one write() per line keeps lines whole when several processes append.
        if (!f.open(QIODevice::WriteOnly | QIODevice::Append) || f.write(bytes) != bytes.size()) {
            a.accepted = false;
            a.retryable = true;
            a.vendorCode = QStringLiteral("DEV_IO");
            a.reason = QStringLiteral("the dev outbox file %1 cannot be written: %2").arg(m_outboxPath, f.errorString());
            a.latencyMs = timer.elapsed();
            return a;
        }
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    a.accepted = true;
    a.httpStatus = 200;
    a.vendorCode = QStringLiteral("OK");
    a.messageId = messageId;
    a.reason = QStringLiteral("written to the dev outbox");
    a.excerpt = QStringLiteral("{\"status\":\"success\",\"id\":\"%1\"}").arg(messageId);
    a.latencyMs = timer.elapsed();
    return a;
}

} // namespace otp
