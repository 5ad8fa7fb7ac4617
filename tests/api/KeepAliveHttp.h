#pragma once
// A blocking HTTP/1.1 client over one keep-alive TCP connection, for load from plain threads (no event
// loop): one request at a time, Content-Length bodies (what otpd and nginx send), an optional source
// address (127.0.0.2, …) so a proxy in front sees another client. It tells a refused connection (nothing
// was sent: safe to try elsewhere) from a connection lost after the request went out (a failed request).
// Header-only: the nginx tests and tests/bench/HttpBench.cpp share it.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QTcpSocket>

#include <memory>

namespace otp::test {

struct RawAnswer
{
    enum class Failure { None, Refused, Lost };
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    Failure failure = Failure::None;
    QString error;
    bool closed = false; // the server said Connection: close (or closed after answering)
    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
};

class KeepAliveHttp
{
public:
    KeepAliveHttp(QString host, quint16 port, QString sourceAddress = {}, int timeoutMs = 30000)
        : m_host(std::move(host)), m_port(port), m_source(std::move(sourceAddress)), m_timeoutMs(timeoutMs)
    {
    }
    quint16 port() const { return m_port; }
    void setPort(quint16 port)
    {
        m_port = port;
        m_socket.reset();
    }
    bool connected() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }
    int connects() const { return m_connects; }
    // Opens the connection now (for idle-connection counts); false when refused.
    bool open()
    {
        if (connected()) {
            // As HTTP clients check a pooled connection before reusing it: a close the server sent while
            // the connection sat idle is seen now, and the request goes on a new connection.
            m_socket->waitForReadyRead(0);
            if (connected())
                return true;
        }
        m_socket = std::make_unique<QTcpSocket>();
        if (!m_source.isEmpty() && !m_socket->bind(QHostAddress(m_source), 0)) {
            m_socket.reset();
            return false;
        }
        m_socket->connectToHost(m_host, m_port);
        if (!m_socket->waitForConnected(m_timeoutMs)) {
            m_socket.reset();
            return false;
        }
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        ++m_connects;
        return true;
    }
    void close() { m_socket.reset(); }

    RawAnswer request(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
                      const QList<QPair<QByteArray, QByteArray>>& headers = {})
    {
        RawAnswer a;
        if (!open()) {
            a.failure = RawAnswer::Failure::Refused;
            a.error = QStringLiteral("connect to %1:%2 refused or timed out").arg(m_host).arg(m_port);
            return a;
        }
        QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':' + QByteArray::number(m_port) + "\r\n";
        for (const auto& h : headers)
            out += h.first + ": " + h.second + "\r\n";
        if (!body.isEmpty() || method == "POST" || method == "PATCH")
            out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        out += "\r\n" + body;
        m_socket->write(out);
        if (!m_socket->waitForBytesWritten(m_timeoutMs) && m_socket->bytesToWrite() > 0)
            return lost(a, "write");
        QByteArray buffer;
        qsizetype headerEnd = -1;
        QElapsedTimer t;
        t.start();
        while ((headerEnd = buffer.indexOf("\r\n\r\n")) < 0) {
            if (!readMore(buffer, t))
                return lost(a, "read of the status line");
        }
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        a.status = statusLine.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                a.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = a.header("content-length").toLongLong();
        buffer.remove(0, headerEnd + 4);
        while (buffer.size() < length) {
            if (!readMore(buffer, t)) {
                a.status = 0;
                return lost(a, "read of the body");
            }
        }
        a.body = buffer.left(length);
        a.closed = a.header("connection").toLower() == "close";
        if (a.closed)
            m_socket.reset();
        return a;
    }

private:
    bool readMore(QByteArray& buffer, const QElapsedTimer& t)
    {
        if (m_socket->bytesAvailable() == 0) {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                return false;
            if (!m_socket->waitForReadyRead(int(qMax<qint64>(1, m_timeoutMs - t.elapsed()))))
                return m_socket->bytesAvailable() > 0 && (buffer += m_socket->readAll(), true);
        }
        buffer += m_socket->readAll();
        return true;
    }
    RawAnswer& lost(RawAnswer& a, const char* where)
    {
        a.failure = RawAnswer::Failure::Lost;
        a.error = QStringLiteral("connection lost during the %1: %2").arg(QLatin1String(where), m_socket->errorString());
        m_socket.reset();
        return a;
    }

    QString m_host;
    quint16 m_port;
    QString m_source;
    int m_timeoutMs;
    int m_connects = 0;
    std::unique_ptr<QTcpSocket> m_socket;
};

} // namespace otp::test
