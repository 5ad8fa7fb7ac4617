#include "GatewayRegistry.h"

namespace otp {

void GatewayRegistry::add(std::shared_ptr<DeliveryGateway> gateway)
{
    const QString n = gateway->name();
    QWriteLocker lock(&m_lock);
    m_gateways.insert(n, std::move(gateway));
}

void GatewayRegistry::setDefault(Channel channel, const QString& vendor)
{
    QWriteLocker lock(&m_lock);
    m_defaults.insert(channel, vendor);
}

void GatewayRegistry::replace(const QList<std::shared_ptr<DeliveryGateway>>& gateways, const QStringList& keep)
{
    QWriteLocker lock(&m_lock);
    for (auto it = m_gateways.begin(); it != m_gateways.end();) {
        if (keep.contains(it.key()))
            ++it;
        else
            it = m_gateways.erase(it);
    }
    for (const auto& g : gateways)
        m_gateways.insert(g->name(), g);
}

QStringList GatewayRegistry::names() const
{
    QReadLocker lock(&m_lock);
    return m_gateways.keys();
}

std::shared_ptr<DeliveryGateway> GatewayRegistry::find(const QString& vendor) const
{
    QReadLocker lock(&m_lock);
    return m_gateways.value(vendor.trimmed().toLower());
}

std::shared_ptr<DeliveryGateway> GatewayRegistry::route(Channel channel, const QString& requested, QString* error) const
{
    QString name = requested.trimmed().toLower();
    QReadLocker lock(&m_lock);
    if (name.isEmpty())
        name = m_defaults.value(channel);
    if (name.isEmpty() && m_gateways.size() == 1)
        name = m_gateways.firstKey();
    auto gw = m_gateways.value(name);
    if (!gw) {
        *error = name.isEmpty()
                     ? QStringLiteral("no vendor is configured for %1").arg(channelName(channel))
                     : QStringLiteral("unknown vendor '%1' (configured: %2)").arg(name, m_gateways.keys().join(QStringLiteral(", ")));
        return nullptr;
    }
    if (!gw->supports(channel)) {
        *error = QStringLiteral("vendor '%1' does not deliver over %2").arg(name, channelName(channel));
        return nullptr;
    }
    return gw;
}

} // namespace otp
