#pragma once

#include "Channel.h"
#include "Outcome.h"

#include <QString>

namespace otp {

// One message for one destination. `code` is there for template vendors (WATI, MyOperator) that
// take it as a parameter; gateways must never log it or keep it in what they return.
struct OutgoingMessage
{
    QString tenant;
    QString challengeRef;
    qint64 deliveryId = 0;
    Channel channel = Channel::Sms;
    Purpose purpose = Purpose::Login;
    QString destination;
    QString code;
    QString body;
    int ttlMinutes = 5;
};

// A delivery vendor. Implementations must be thread-safe: the core calls them from worker threads.
class DeliveryGateway
{
public:
    virtual ~DeliveryGateway() = default;
    virtual QString name() const = 0;
    virtual bool supports(Channel channel) const = 0;
    // Blocks until the vendor answered or the gateway's own bounded timeout passed.
    virtual VendorAnswer deliver(const OutgoingMessage& message) = 0;
};

} // namespace otp
