#include "PhoneLookup.h"

#include "DatabaseThread.h"
#include "OtpService.h"

namespace otp::models {

PhoneLookup::PhoneLookup(const ConsoleContext& context, QObject* parent) : QObject(parent), m_ctx(context)
{
    // A failed read must not stop the page's refreshes: the next one tries again.
    if (m_ctx.db)
        connect(m_ctx.db, &DatabaseThread::failed, this, [this]() { m_running = 0; });
}

void PhoneLookup::lookup(const QString& tenant, const QString& input, Purpose purpose)
{
    OtpService* service = m_ctx.service;
    ++m_running;
    m_ctx.db->run<PhoneReport>(
        this,
        [service, tenant, input, purpose]() {
            PhoneReport r;
            r.input = input;
            r.status = service->status(tenant, input, purpose);
            if (!r.found())
                return r;
            r.history = service->history(tenant, input, 50);
            r.account = service->accounts(tenant, input);
            r.audit = service->auditTrail(50, r.status.destination);
            return r;
        },
        [this](PhoneReport r) {
            m_running = qMax(0, m_running - 1);
            m_report = r;
            emit finished(m_report);
        });
}

void PhoneLookup::unlock(const QString& tenant, const QString& destination, const QString& reason, const Actor& actor)
{
    OtpService* service = m_ctx.service;
    m_ctx.db->run<Outcome>(
        this, [service, tenant, destination, reason, actor]() { return service->unlock(tenant, destination, actor, reason); },
        [this](Outcome o) { emit unlockFinished(o); });
}

} // namespace otp::models
