#include "OtpService.h"

#include "AlarmAcknowledge.h"

// The façade: every public call is handed to the flow of its concern (see OtpService.h).

namespace otp {

OtpService::OtpService(Database& db, GatewayRegistry& gateways, const Clock& clock, RandomSource& random, QByteArray pepper)
    : m_ctx(db, gateways, clock, random, std::move(pepper)), m_delivery(m_ctx), m_send(m_ctx, m_delivery),
      m_verify(m_ctx), m_admin(m_ctx), m_read(m_ctx), m_templates(m_ctx)
{
}

bool OtpService::isValidTenant(const QString& tenant)
{
    return FlowContext::isValidTenant(tenant);
}

// Sending and verifying.

Outcome OtpService::send(const SendRequest& request, const Actor& actor)
{
    return m_send.issue(request, actor, false);
}

Outcome OtpService::resend(const SendRequest& request, const Actor& actor)
{
    return m_send.issue(request, actor, true);
}

Outcome OtpService::verify(const VerifyRequest& request, const Actor& actor)
{
    return m_verify.verify(request, actor);
}

// Administration.

Outcome OtpService::cancel(const QString& tenant, const QString& destination, Purpose purpose, const Actor& actor,
                           const QString& reason)
{
    return m_admin.cancel(tenant, destination, purpose, actor, reason);
}

Outcome OtpService::cancelById(const QString& tenant, const QString& challengeRef, const QString& reason, const Actor& actor)
{
    return m_admin.cancelById(tenant, challengeRef, reason, actor);
}

Outcome OtpService::unlock(const QString& tenant, const QString& destination, const Actor& actor, const QString& reason)
{
    return m_admin.unlock(tenant, destination, actor, reason);
}

Outcome OtpService::policyShow(const QString& tenant, std::optional<Purpose> purpose)
{
    return m_admin.policyShow(tenant, purpose);
}

Outcome OtpService::policySet(const QString& tenant, std::optional<Purpose> purpose, const QMap<QString, QString>& values,
                              const Actor& actor)
{
    return m_admin.policySet(tenant, purpose, values, actor);
}

Policy OtpService::effectivePolicy(const QString& tenant, Purpose purpose)
{
    return m_ctx.effectivePolicy(tenant, purpose);
}

Outcome OtpService::vendors()
{
    return m_admin.vendors();
}

Outcome OtpService::saveVendor(const VendorConfig& config, const Actor& actor)
{
    return m_admin.saveVendor(config, actor);
}

Outcome OtpService::removeVendor(const QString& name, const Actor& actor)
{
    return m_admin.removeVendor(name, actor);
}

Outcome OtpService::templates(const QString& tenant)
{
    return m_templates.list(tenant);
}

Outcome OtpService::saveTemplate(const MessageTemplate& text, const Actor& actor)
{
    return m_templates.save(text, actor);
}

Outcome OtpService::removeTemplate(const QString& tenant, Purpose purpose, Channel channel, const QString& language,
                                   const Actor& actor)
{
    return m_templates.remove(tenant, purpose, channel, language, actor);
}

Outcome OtpService::forceBreaker(const QString& vendor, bool open, const QString& reason, const Actor& actor)
{
    return m_admin.forceBreaker(vendor, open, reason, actor);
}

Outcome OtpService::recordSecretChange(const QString& action, const QString& name, const QString& store, const Actor& actor)
{
    return m_admin.recordSecretChange(action, name, store, actor);
}

Outcome OtpService::cleanup(const Actor& actor, int staleAfterS)
{
    return m_admin.cleanup(actor, staleAfterS);
}

// The read side.

Outcome OtpService::status(const QString& tenant, const QString& destination, Purpose purpose)
{
    return m_read.status(tenant, destination, purpose);
}

Outcome OtpService::history(const QString& tenant, const QString& destination, int limit)
{
    return m_read.history(tenant, destination, limit);
}

Outcome OtpService::lockouts(const QString& tenant, bool activeOnly, int limit)
{
    return m_read.lockouts(tenant, activeOnly, limit);
}

Outcome OtpService::accounts(const QString& tenant, const QString& destination)
{
    return m_read.accounts(tenant, destination);
}

Outcome OtpService::updateProfile(const QString& tenant, const QString& destination, const ProfileUpdate& profile,
                                  const Actor& actor)
{
    return m_read.updateProfile(tenant, destination, profile, actor);
}

Outcome OtpService::auditTrail(int limit, const QString& target)
{
    return m_read.auditTrail(limit, target);
}

Outcome OtpService::stats(qint64 windowS, const QString& groupBy)
{
    return m_read.stats(windowS, groupBy);
}

Outcome OtpService::vendorHealth(qint64 windowS)
{
    return m_read.vendorHealth(windowS);
}

Outcome OtpService::evaluateAlarms(const QString& tenant)
{
    return m_read.evaluateAlarms(tenant);
}

Outcome OtpService::alarms(const QString& tenant, bool activeOnly, int limit)
{
    return m_read.alarms(tenant, activeOnly, limit);
}

Outcome OtpService::acknowledgeAlarm(qint64 alarmId, const QString& reason, const Actor& actor)
{
    return AlarmAcknowledge(m_ctx.db, m_ctx.clock).run(alarmId, reason, actor);
}

// Delivery.

Outcome OtpService::applyReceipts(const QString& vendor, const QList<DeliveryReceipt>& receipts)
{
    return m_delivery.applyReceipts(vendor, receipts);
}

int OtpService::deliverPending()
{
    return m_delivery.deliverPending();
}

int OtpService::pendingCount() const
{
    return m_delivery.pendingCount();
}

int OtpService::deliverDue(int max)
{
    return m_delivery.deliverDue(max);
}

} // namespace otp
