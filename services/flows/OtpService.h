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

#include <QMutex>

#include <atomic>
#include <optional>

namespace otp {

struct SendRequest
{
    QString tenant = QStringLiteral("default");
    QString destination;
    std::optional<Channel> channel; // default: sms for phones, email for addresses
    Purpose purpose = Purpose::Login;
    QString vendor;                 // empty: the channel's default vendor
};

struct VerifyRequest
{
    QString tenant = QStringLiteral("default");
    QString destination;
    QString code;
    Purpose purpose = Purpose::Login;
};

// otpcore's single implementation of every OTP rule (DESIGN.md). Thread-safe: each thread uses its
// own database connection. Every public call returns an Outcome; nothing throws.
class OtpService
{
public:
    OtpService(Database& db, GatewayRegistry& gateways, const Clock& clock, RandomSource& random, QByteArray pepper);

    Outcome send(const SendRequest& request, const Actor& actor = {});
    Outcome resend(const SendRequest& request, const Actor& actor = {});
    Outcome verify(const VerifyRequest& request, const Actor& actor = {});
    Outcome cancel(const QString& tenant, const QString& destination, Purpose purpose, const Actor& actor,
                   const QString& reason);
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
    // Health per vendor over the last `windowS` (success rate, timeouts, p95 latency: VendorHealth.h)
    // and each vendor's breaker (VendorBreaker.h), as every process sees them.
    Outcome vendorHealth(qint64 windowS);
    // An admin forces a vendor's breaker open (until closed by hand) or closed; audited with `reason`.
    Outcome forceBreaker(const QString& vendor, bool open, const QString& reason, const Actor& actor);
    // Judges the alarm rules for `tenant` now (AlarmMonitor.h): raises and clears `alarms` rows.
    Outcome evaluateAlarms(const QString& tenant);
    // evaluateAlarms(), then the tenant's alarms, newest first (only the active ones when asked).
    Outcome alarms(const QString& tenant, bool activeOnly, int limit = 100);
    // One audit row for a credential written to or deleted from a SecretStore (`action` is
    // secret_set | secret_delete): who, which secret, which store. Never the value.
    Outcome recordSecretChange(const QString& action, const QString& name, const QString& store, const Actor& actor);

    // Applies a vendor's delivery receipts: "accepted" becomes "delivered" or "failed". Receipts that
    // match no delivery are counted, not an error (vendors report on messages of other systems too).
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
    Outbox& outbox() { return m_outbox; }
    Database& database() { return m_db; }

    static bool isValidTenant(const QString& tenant);

private:
    Outcome issue(const SendRequest& request, const Actor& actor, bool isResend);
    // Runs a send's tries in this thread until a vendor accepts or every hop failed (sync mode).
    Outcome deliverNow(qint64 deliveryId, Outcome outcome);
    void recordAudit(const Actor& actor, const QString& action, const QString& tenant, const QString& target,
                     QJsonObject details);
    Outcome guarded(const std::function<Outcome()>& flow);
    // guarded() for a flow that is one write transaction and touches nothing outside the database:
    // when the server gives the transaction up in a lock conflict, the whole flow runs again from its
    // reads (retryOnConflict). Not for send/resend/verify, whose steps each retry on their own.
    Outcome guardedTransaction(const std::function<Outcome()>& flow);

    struct Gate
    {
        OutcomeStatus status = OutcomeStatus::CanSend;
        QString message;
        qint64 retryAfterMs = 0;
        QJsonObject details;
    };
    Gate sendGate(SqlSession& s, const QString& tenant, const Destination& destination, const Policy& policy, qint64 now);
    // Whose sends the per-destination caps count: the number, or the email's mailbox.
    static CapKey capKey(const QString& tenant, const Destination& destination);
    // verify()'s one transaction (counted, compared, consequence written), run again on a lock conflict.
    Outcome verifyOnce(SqlSession& s, const VerifyRequest& request, const Policy& policy, Outcome base);

    Database& m_db;
    GatewayRegistry& m_gateways;
    const Clock& m_clock;
    CodeGenerator m_generator;
    CodeHasher m_hasher;

    Outbox m_outbox;
    mutable QMutex m_pendingMutex;
    QList<qint64> m_pending; // delivery ids this process queued (never a code: see Outbox)
    std::atomic<bool> m_deliveryFailing{false}; // deliverDue's once-per-outage log
};

} // namespace otp
