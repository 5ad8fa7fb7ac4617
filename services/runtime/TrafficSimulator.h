#pragma once

#include "DeliveryGateway.h"
#include "GatewayRegistry.h"
#include "OtpService.h"

#include <QHash>
#include <QMap>
#include <QMutex>
#include <QRandomGenerator>

#include <functional>
#include <memory>

namespace otp {

// The simulated handsets: taps every gateway of the process and remembers the last code each
// destination received, the way a user reads it off their phone. A share of messages can be refused,
// as a vendor refuses unreachable numbers. Used only by the demo traffic generator: the taps sit in
// front of the real gateways (the dev outbox, or the vendors of otp-vendor-sim over HTTP).
class SimulatedHandsets
{
public:
    SimulatedHandsets(double refuseShare, quint32 seed);

    // A gateway that delivers through `inner` and lets the handsets see what arrived.
    std::shared_ptr<DeliveryGateway> tap(std::shared_ptr<DeliveryGateway> inner);
    // Replaces every gateway of `registry` by its tap.
    void tapAll(GatewayRegistry& registry);

    // The code the destination's handset last received (empty if none); it is then forgotten.
    QString takeCode(const QString& destination);

private:
    class Tap;
    VendorAnswer deliverThrough(DeliveryGateway& inner, const OutgoingMessage& message);

    double m_refuseShare;
    QMutex m_mutex;
    QRandomGenerator m_random;
    QHash<QString, QString> m_inbox;
};

// Realistic mixed traffic for demos and load: logins that succeed (some after a typo), users who
// never enter the code, resends, brute-force lockouts, refused deliveries, malformed numbers.
class TrafficSimulator
{
public:
    struct Tally
    {
        int flows = 0;
        QMap<QString, int> outcomes; // status name → count, over every call made
    };

    TrafficSimulator(OtpService& service, SimulatedHandsets& handsets, QString tenant, quint32 seed);

    // One user's flow, start to finish.
    void runOne(Tally& tally);
    // Paces flows at `ratePerS` for `durationS` seconds (0: until `keepGoing` says stop).
    // With maxFlows > 0 it stops after exactly that many flows (durationS 0 then means no time limit).
    Tally run(double ratePerS, int durationS, const std::function<bool()>& keepGoing = {}, int maxFlows = 0);

private:
    QString randomPhone();
    QString wrongCode(const QString& right);
    void count(Tally& tally, const Outcome& o) { tally.outcomes[o.statusName()]++; }

    OtpService& m_service;
    SimulatedHandsets& m_handsets;
    QString m_tenant;
    QRandomGenerator m_random;
};

} // namespace otp
