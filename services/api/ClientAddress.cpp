#include "ClientAddress.h"

namespace otp {

QString ClientAddress::text(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // ::ffff:1.2.3.4 is 1.2.3.4
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

QString ClientAddress::setTrustedProxies(const QStringList& cidrs)
{
    m_trusted.clear();
    for (const QString& c : cidrs) {
        QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(c.trimmed());
        if (subnet.first.isNull() || subnet.second < 0)
            return QStringLiteral("--trusted-proxy '%1' is not an address or CIDR (10.0.0.0/8, 127.0.0.1, ::1)").arg(c);
        m_trusted.append(subnet);
    }
    return {};
}

bool ClientAddress::isTrusted(const QHostAddress& address) const
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    const QHostAddress a = isV4 ? QHostAddress(v4) : address;
    for (const auto& subnet : m_trusted)
        if (a.isInSubnet(subnet))
            return true;
    return false;
}

QString ClientAddress::resolve(const QHostAddress& peer, const QList<QByteArray>& forwardedFor) const
{
    if (!isTrusted(peer) || forwardedFor.isEmpty())
        return text(peer);
    QStringList hops;
    for (const QByteArray& header : forwardedFor)
        for (const QByteArray& hop : header.split(','))
            hops << QString::fromLatin1(hop.trimmed());
    QString client = text(peer);
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        QString hop = hops.at(i);
        // "[v6]:port" and "v4:port" forms some proxies write
        if (hop.startsWith(QLatin1Char('[')) && hop.contains(QLatin1Char(']')))
            hop = hop.mid(1, hop.indexOf(QLatin1Char(']')) - 1);
        else if (hop.count(QLatin1Char(':')) == 1)
            hop = hop.left(hop.indexOf(QLatin1Char(':')));
        const QHostAddress a(hop);
        if (a.isNull())
            return client; // unreadable: trust stops here
        client = text(a);
        if (!isTrusted(a))
            return client;
    }
    return client;
}

} // namespace otp
