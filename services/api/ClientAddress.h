#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>

namespace otp {

// Who is calling (HTTP-API.md "Abuse"; SECURITY.md row 22): the TCP peer, unless the peer is a
// configured trusted proxy; then the right-most X-Forwarded-For hop that is not itself a trusted
// proxy. A forged header from an untrusted peer changes nothing; an unreadable hop stops the walk
// at the last trusted address seen (the proxy vouches for nothing beyond it).
class ClientAddress
{
public:
    // Empty when every CIDR parses ("10.0.0.0/8", "::1", "127.0.0.1/32"); else the problem.
    QString setTrustedProxies(const QStringList& cidrs);
    bool isTrusted(const QHostAddress& address) const;
    // `forwardedFor`: every X-Forwarded-For header value of the request, in order.
    QString resolve(const QHostAddress& peer, const QList<QByteArray>& forwardedFor) const;

    static QString text(const QHostAddress& address);

private:
    QList<QPair<QHostAddress, int>> m_trusted;
};

} // namespace otp
