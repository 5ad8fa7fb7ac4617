#pragma once

#include "AuditLog.h"
#include "Clock.h"
#include "CodeGenerator.h"
#include "CodeHasher.h"
#include "Database.h"
#include "GatewayRegistry.h"
#include "Outbox.h"
#include "Outcome.h"
#include "Policy.h"
#include "RandomSource.h"

#include <QJsonObject>

#include <functional>

namespace otp {

// What every flow of OtpService works with (the database, the vendors, the clock, the code's
// generator and hasher, the outbox), and the wrappers every flow runs in. One per OtpService; the
// flows (SendFlow, VerifyFlow, DeliveryFlow, AdminFlow, ReadFlow) each hold a reference to it.
struct FlowContext
{
    FlowContext(Database& db, GatewayRegistry& gateways, const Clock& clock, RandomSource& random, QByteArray pepper);

    // A flow's StoreError becomes an InternalError outcome (logged); nothing throws past a flow.
    Outcome guarded(const std::function<Outcome()>& flow);
    // guarded() for a flow that is one write transaction and touches nothing outside the database:
    // when the server gives the transaction up in a lock conflict, the whole flow runs again from its
    // reads (retryOnConflict). Not for send/resend/verify, whose steps each retry on their own.
    Outcome guardedTransaction(const std::function<Outcome()>& flow);
    // The audit row of a person's send, resend or verify, in its own transaction after the flow;
    // a failure to write it is logged, never the flow's outcome. `details` is called only when there
    // is a row to write: an app's or a worker's sends (no person) build nothing.
    void recordAudit(const Actor& actor, const QString& action, const QString& tenant, const QString& target,
                     const std::function<QJsonObject()>& details);
    Policy effectivePolicy(const QString& tenant, Purpose purpose);

    static bool isValidTenant(const QString& tenant);

    Database& db;
    GatewayRegistry& gateways;
    const Clock& clock;
    CodeGenerator generator;
    CodeHasher hasher;
    Outbox outbox;
};

} // namespace otp
