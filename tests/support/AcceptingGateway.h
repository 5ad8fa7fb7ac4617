#pragma once

#include "Clock.h"
#include "Database.h"
#include "DeliveryGateway.h"
#include "GatewayRegistry.h"
#include "OtpService.h"
#include "RandomSource.h"
#include "StoreError.h"

#include <memory>

namespace otp::test {

// A vendor that accepts every message at once and keeps the last code, for benchmarks that measure
// the core and its database work rather than a vendor. Header-only: the benchmarks do not link gtest.
class AcceptingGateway final : public DeliveryGateway
{
public:
    QString lastCode;
    QString name() const override { return QStringLiteral("bench"); }
    bool supports(Channel) const override { return true; }
    VendorAnswer deliver(const OutgoingMessage& m) override
    {
        lastCode = m.code;
        VendorAnswer a;
        a.vendor = name();
        a.accepted = true;
        a.httpStatus = 200;
        a.vendorCode = QStringLiteral("OK");
        a.messageId = QStringLiteral("bench");
        a.excerpt = QStringLiteral("{\"status\":\"success\"}");
        return a;
    }
};

// The core as the benchmarks measure it: one OtpService on the system clock and randomness whose only
// vendor is an AcceptingGateway (its lastCode is what a verify types).
struct AcceptingCore
{
    AcceptingCore(Database& db, const QByteArray& pepper) : service(db, registry, clock, random, pepper)
    {
        registry.add(gateway);
    }
    std::shared_ptr<AcceptingGateway> gateway = std::make_shared<AcceptingGateway>();
    GatewayRegistry registry;
    SystemClock clock;
    SystemRandomSource random;
    OtpService service;

    // The benchmarks' policy: one destination sends as often as the load asks (caps lifted, no
    // cooldown, no burst cap on its number block), so the figures measure the rules' work, not refusals.
    void liftCapsForBench()
    {
        const Outcome o = service.policySet(QStringLiteral("default"), std::nullopt,
                                            {{QStringLiteral("sends_per_hour"), QStringLiteral("100")},
                                             {QStringLiteral("sends_per_day"), QStringLiteral("1000")},
                                             {QStringLiteral("cooldown_s"), QStringLiteral("0")},
                                             {QStringLiteral("prefix_burst_cap"), QStringLiteral("100000")}},
                                            {});
        if (o.status != OutcomeStatus::Ok)
            throw StoreError(QStringLiteral("policy set failed: %1").arg(o.message));
    }
};

} // namespace otp::test
