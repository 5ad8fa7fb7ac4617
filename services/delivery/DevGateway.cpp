#include "DevGateway.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUuid>

#include <sys/stat.h>

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

// The file stays open between messages: opening, creating its folder and setting its mode for every
// line was five system calls of the six a message cost (otpd spent 5 % of its CPU here under load).
// It is opened again when the path no longer names the open file (deleted or replaced, as tests and
// QA reset it); a truncated file is appended to where it ends now (O_APPEND).
bool DevGateway::appendLine(const QByteArray& bytes, QString* error)
{
    struct stat atPath {};
    const QByteArray path = QFile::encodeName(m_outboxPath);
    const bool exists = ::stat(path.constData(), &atPath) == 0;
    if (m_file.isOpen()) {
        struct stat open {};
        if (!exists || ::fstat(m_file.handle(), &open) != 0 || open.st_ino != atPath.st_ino || open.st_dev != atPath.st_dev)
            m_file.close();
    }
    if (!m_file.isOpen()) {
        QDir().mkpath(QFileInfo(m_outboxPath).absolutePath());
        m_file.setFileName(m_outboxPath);
        // O_APPEND with one write() per line keeps lines whole when several processes append.
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
            *error = m_file.errorString();
            return false;
        }
        m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (m_file.write(bytes) != bytes.size()) {
        *error = m_file.errorString();
        m_file.close();
        return false;
    }
    return true;
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
        QString error;
        if (!appendLine(bytes, &error)) {
            a.accepted = false;
            a.retryable = true;
            a.vendorCode = QStringLiteral("DEV_IO");
            a.reason = QStringLiteral("the dev outbox file %1 cannot be written: %2").arg(m_outboxPath, error);
            a.latencyMs = timer.elapsed();
            return a;
        }
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
