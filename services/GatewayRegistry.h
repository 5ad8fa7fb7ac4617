#pragma once

#include "DeliveryGateway.h"

#include <QMap>
#include <QStringList>

#include <memory>

namespace otp {

// The configured vendors and which one serves each channel by default.
class GatewayRegistry
{
public:
    void add(std::shared_ptr<DeliveryGateway> gateway);
    void setDefault(Channel channel, const QString& vendor);

    // The gateway for a send: the requested vendor, or the channel's default. Empty with *error set
    // when the vendor is unknown or does not serve the channel.
    std::shared_ptr<DeliveryGateway> route(Channel channel, const QString& requestedVendor, QString* error) const;
    std::shared_ptr<DeliveryGateway> find(const QString& vendor) const;
    QStringList names() const { return m_gateways.keys(); }

private:
    QMap<QString, std::shared_ptr<DeliveryGateway>> m_gateways;
    QMap<Channel, QString> m_defaults;
};

} // namespace otp
