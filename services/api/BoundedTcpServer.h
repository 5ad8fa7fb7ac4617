#pragma once

#include <QTcpServer>

namespace otp {

// The TCP side of otpd. Qt HttpServer 6.4 buffers a whole request body before any handler sees it and
// has no limit of its own, so this server looks at each connection's bytes first (its readyRead slot
// is connected before QAbstractHttpServer's): a request whose Content-Length is over the body limit
// is answered 413 as soon as its headers arrive, without reading the body, and a connection that
// sends more than kMaxUnansweredBytes without getting an answer is answered 413 and closed
// (after a short drain, so the client reads the answer instead of a reset). It also
// answers "Expect: 100-continue" for bodies within the limit (curl waits for it above 1 KiB).
class BoundedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxUnansweredBytes = 64 * 1024;
    // After a 413 the rest of the body is read and dropped, up to this much or this long, then closed.
    static constexpr qint64 kMaxDrainBytes = 4 * 1024 * 1024;
    static constexpr int kDrainMs = 2000;
    static constexpr const char* kRefusedProperty = "otp_refused";
    static constexpr const char* kUnansweredProperty = "otp_unanswered";

    BoundedTcpServer(qint64 maxBodyBytes, QObject* parent = nullptr);
    // Called when an answer is written on `socket`: its next bytes start a new request.
    static void answered(QTcpSocket* socket);

signals:
    // A request refused here (never reaches the handlers): for the access log.
    void refused(QTcpSocket* socket, const QString& reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void inspect(QTcpSocket* socket);
    void refuse(QTcpSocket* socket, const QString& reason);

    qint64 m_maxBodyBytes;
};

} // namespace otp
