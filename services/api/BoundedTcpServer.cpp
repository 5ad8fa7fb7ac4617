#include "BoundedTcpServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace otp {

BoundedTcpServer::BoundedTcpServer(qint64 maxBodyBytes, QObject* parent) : QTcpServer(parent), m_maxBodyBytes(maxBodyBytes) {}

void BoundedTcpServer::answered(QTcpSocket* socket)
{
    socket->setProperty(kUnansweredProperty, qint64(0));
}

void BoundedTcpServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    addPendingConnection(socket);
}

void BoundedTcpServer::inspect(QTcpSocket* socket)
{
    if (socket->property(kRefusedProperty).toBool()) {
        // Nothing more is parsed on a refused connection; what the client still sends is read and
        // dropped for a moment, so its TCP stack does not reset the connection before it read the 413.
        const qint64 dropped = socket->property(kUnansweredProperty).toLongLong() + socket->bytesAvailable();
        socket->skip(socket->bytesAvailable());
        socket->setProperty(kUnansweredProperty, dropped);
        if (dropped > kMaxDrainBytes)
            socket->abort();
        return;
    }
    const qint64 before = socket->property(kUnansweredProperty).toLongLong();
    const qint64 now = socket->bytesAvailable();
    if (before == 0) {
        // The start of a request: when its header block is here, judge Content-Length before the body.
        const QByteArray head = socket->peek(qMin<qint64>(now, 16 * 1024));
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end > 0) {
            qint64 length = 0;
            bool expectContinue = false;
            for (const QByteArray& line : head.left(end).split('\n')) {
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length") {
                    bool ok = false;
                    length = value.toLongLong(&ok);
                    if (!ok)
                        length = m_maxBodyBytes + 1; // unreadable: refuse rather than guess
                } else if (name == "expect" && value.toLower() == "100-continue") {
                    expectContinue = true;
                }
            }
            if (length > m_maxBodyBytes) {
                refuse(socket, QStringLiteral("the body is %1 bytes; at most %2 are accepted").arg(length).arg(m_maxBodyBytes));
                return;
            }
            if (expectContinue)
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
    }
    socket->setProperty(kUnansweredProperty, before + now);
    if (before + now > kMaxUnansweredBytes)
        refuse(socket, QStringLiteral("more than %1 bytes arrived without an answer").arg(kMaxUnansweredBytes));
}

void BoundedTcpServer::refuse(QTcpSocket* socket, const QString& reason)
{
    socket->setProperty(kRefusedProperty, true);
    const QString requestId = QUuid::createUuid().toString(QUuid::Id128);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("payload_too_large")},
                                                      {QStringLiteral("message"), reason},
                                                      {QStringLiteral("request_id"), requestId}})
                                .toJson(QJsonDocument::Compact);
    socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nX-Request-Id: " + requestId.toLatin1() +
                  "\r\nConnection: close\r\n\r\n" + body);
    socket->skip(socket->bytesAvailable());
    socket->setProperty(kUnansweredProperty, qint64(0));
    QTimer::singleShot(kDrainMs, socket, [socket] { socket->disconnectFromHost(); });
    emit refused(socket, reason);
}

} // namespace otp
