#pragma once

#include "FlowContext.h"
#include "VendorConfig.h"

#include <QMap>

#include <optional>

namespace otp {

// Administration: what an operator changes (cancel a code, unlock a destination, the policy, vendor
// accounts and breakers, the audit of secret changes, cleanup). Each is one write transaction, run
// again from its reads on a lock conflict, and audited when a person does it.
class AdminFlow
{
public:
    explicit AdminFlow(FlowContext& ctx) : m_ctx(ctx) {}

    Outcome cancel(const QString& tenant, const QString& destination, Purpose purpose, const Actor& actor,
                   const QString& reason);
    Outcome cancelById(const QString& tenant, const QString& challengeRef, const QString& reason, const Actor& actor);
    Outcome unlock(const QString& tenant, const QString& destination, const Actor& actor, const QString& reason);

    Outcome policyShow(const QString& tenant, std::optional<Purpose> purpose);
    Outcome policySet(const QString& tenant, std::optional<Purpose> purpose, const QMap<QString, QString>& values,
                      const Actor& actor);

    Outcome vendors();
    Outcome saveVendor(const VendorConfig& config, const Actor& actor);
    Outcome removeVendor(const QString& name, const Actor& actor);
    Outcome forceBreaker(const QString& vendor, bool open, const QString& reason, const Actor& actor);

    Outcome recordSecretChange(const QString& action, const QString& name, const QString& store, const Actor& actor);
    Outcome cleanup(const Actor& actor, int staleAfterS);

private:
    FlowContext& m_ctx;
};

} // namespace otp
