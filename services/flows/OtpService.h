#pragma once

#include "AccountStore.h"
#include "AuditLog.h"
#include "Channel.h"
#include "Clock.h"
#include "CodeGenerator.h"
#include "CodeHasher.h"
#include "Database.h"
#include "DeliveryGateway.h"
#include "DeliveryLog.h"
#include "DestinationParser.h"
#include "DeliveryReceipts.h"
#include "GatewayRegistry.h"
#include "Outbox.h"
#include "Outcome.h"
#include "Policy.h"
#include "VendorConfig.h"
#include "RandomSource.h"

#include "AdminFlow.h"
#include "DeliveryFlow.h"
#include "FlowContext.h"
#include "FlowRequests.h"
#include "ReadFlow.h"
#include "SendFlow.h"
#include "TemplateFlow.h"
#include "VerifyFlow.h"

#include <QMutex>

#include <atomic>
#include <optional>

namespace otp {

// otpcore's single implementation of every OTP rule (DESIGN.md). Thread-safe: each thread uses its
// own database connection. Every public call returns an Outcome; nothing throws.
//
// A façade: each call is handed to the flow of its concern, one class and file each —
// SendFlow (send, resend), VerifyFlow (verify), DeliveryFlow (sync/async delivery, the outbox worker's
// step, receipts), AdminFlow (cancel, unlock, policy, vendors, breakers, secret audit, cleanup) and
// ReadFlow (status, history, lockouts, accounts, profile, audit trail, stats, vendor health, alarms);
// FlowContext holds what they share (database, vendors, clock, code hasher, outbox).
class OtpService
{
public:
    OtpService(Database& db, GatewayRegistry& gateways, const Clock& clock, RandomSource& random, QByteArray pepper);

    Outcome send(const SendRequest& request, const Actor& actor = {});
    Outcome resend(const SendRequest& request, const Actor& actor = {});
    Outcome verify(const VerifyRequest& request, const Actor& actor = {});
    Outcome cancel(const QString& tenant, const QString& destination, Purpose purpose, const Actor& actor,
                   const QString& reason);
    // Cancels one verification by its public id (the challenge ref), within `tenant`: the conditional
    // pending → canceled move on that row alone (a newer send to the destination is never touched),
    // audited. NoActiveCode with details.found false when the tenant has no such verification, or
    // found true and details.verification_status (verified, expired, superseded, …) when it is final.
    Outcome cancelById(const QString& tenant, const QString& challengeRef, const QString& reason, const Actor& actor);
    Outcome unlock(const QString& tenant, const QString& destination, const Actor& actor, const QString& reason);
    // Why this destination can or cannot get a code now, and from when it can.
    Outcome status(const QString& tenant, const QString& destination, Purpose purpose);
    Outcome history(const QString& tenant, const QString& destination, int limit = 20);
    Outcome lockouts(const QString& tenant, bool activeOnly, int limit = 200);
    Outcome accounts(const QString& tenant, const QString& destination);
    Outcome updateProfile(const QString& tenant, const QString& destination, const ProfileUpdate& profile,
                          const Actor& actor);
    Outcome auditTrail(int limit, const QString& target = {});
    // Sends, outcomes and latency since `windowS` ago, grouped by vendor, channel or status.
    Outcome stats(qint64 windowS, const QString& groupBy);

    Outcome policyShow(const QString& tenant, std::optional<Purpose> purpose);
    // Validates every KEY=VALUE first; writes all or nothing.
    Outcome policySet(const QString& tenant, std::optional<Purpose> purpose, const QMap<QString, QString>& values,
                      const Actor& actor);
    Policy effectivePolicy(const QString& tenant, Purpose purpose);

    // Vendor accounts (non-secret settings; the credential is only named). Validated first, audited.
    Outcome vendors();
    Outcome saveVendor(const VendorConfig& config, const Actor& actor);
    Outcome removeVendor(const QString& name, const Actor& actor);

    // Message templates per purpose, channel and language (MessageTemplate.h; TemplateFlow.h): validated
    // first (placeholders, and the DLT registration of SMS to India), audited.
    Outcome templates(const QString& tenant);
    Outcome saveTemplate(const MessageTemplate& text, const Actor& actor);
    Outcome removeTemplate(const QString& tenant, Purpose purpose, Channel channel, const QString& language,
                           const Actor& actor);
    // Health per vendor over the last `windowS` (success rate, timeouts, p95 latency: VendorHealth.h)
    // and each vendor's breaker (VendorBreaker.h), as every process sees them.
    Outcome vendorHealth(qint64 windowS);
    // An admin forces a vendor's breaker open (until closed by hand) or closed; audited with `reason`.
    Outcome forceBreaker(const QString& vendor, bool open, const QString& reason, const Actor& actor);
    // Judges the alarm rules for `tenant` now (AlarmMonitor.h): raises and clears `alarms` rows.
    Outcome evaluateAlarms(const QString& tenant);
    // evaluateAlarms(), then the tenant's alarms, newest first (only the active ones when asked).
    Outcome alarms(const QString& tenant, bool activeOnly, int limit = 100);
    // An operator acknowledges alarm `alarmId` (AlarmAcknowledge.h): once per alarm, audited with `reason`.
    Outcome acknowledgeAlarm(qint64 alarmId, const QString& reason, const Actor& actor);
    // One audit row for a credential written to or deleted from a SecretStore (`action` is
    // secret_set | secret_delete): who, which secret, which store. Never the value.
    Outcome recordSecretChange(const QString& action, const QString& name, const QString& store, const Actor& actor);

    // Applies a vendor's delivery receipts: "accepted" becomes "delivered" or "failed". Receipts that
    // match no delivery are counted, not an error (vendors report on messages of other systems too);
    // those with news are kept briefly (pending_receipts, details.held) for a try whose answer is still
    // being recorded, and applied when it is (Outbox::recordAnswer).
    Outcome applyReceipts(const QString& vendor, const QList<DeliveryReceipt>& receipts);

    // Expires overdue challenges and fails deliveries whose process died (`staleAfterS` without news).
    Outcome cleanup(const Actor& actor, int staleAfterS = 600);

    // Async mode: hands this process's own queued sends to their vendors (retryable failures stay in
    // the outbox for a worker). Returns how many the vendors accepted.
    int deliverPending();
    int pendingCount() const;
    // The outbox worker's step: claims due deliveries of any process and tries them. Returns how many
    // vendor calls were made.
    int deliverDue(int max = 50);
    Outbox& outbox() { return m_ctx.outbox; }
    Database& database() { return m_ctx.db; }

    static bool isValidTenant(const QString& tenant);

private:
    FlowContext m_ctx; // first: every flow below holds a reference to it
    DeliveryFlow m_delivery;
    SendFlow m_send;
    VerifyFlow m_verify;
    AdminFlow m_admin;
    ReadFlow m_read;
    TemplateFlow m_templates;
};

} // namespace otp
