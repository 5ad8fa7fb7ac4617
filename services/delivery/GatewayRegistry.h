#pragma once

#include "DeliveryGateway.h"

#include <QMap>
#include <QReadWriteLock>
#include <QStringList>

#include <memory>

namespace otp {

// The configured vendors and which one serves each channel by default. Thread-safe: delivery threads
// route through it while the console reloads the vendors it edits (a delivery already holding a
// gateway finishes on it; the next one sees the new set).
class GatewayRegistry
{
public:
    void add(std::shared_ptr<DeliveryGateway> gateway);
    void setDefault(Channel channel, const QString& vendor);
    // Drops every gateway whose name is not in `keep`, then adds `gateways` (same name: replaced).
    void replace(const QList<std::shared_ptr<DeliveryGateway>>& gateways, const QStringList& keep);

    // The gateway for a send: the requested vendor, or the channel's default. Empty with *error set
    // when the vendor is unknown or does not serve the channel.
    std::shared_ptr<DeliveryGateway> route(Channel channel, const QString& requestedVendor, QString* error) const;
    std::shared_ptr<DeliveryGateway> find(const QString& vendor) const;
    QStringList names() const;

private:
    mutable QReadWriteLock m_lock;
    QMap<QString, std::shared_ptr<DeliveryGateway>> m_gateways;
    QMap<Channel, QString> m_defaults;
};

} // namespace otp
