#pragma once

#include "DeliveryGateway.h"

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

} // namespace otp::test
