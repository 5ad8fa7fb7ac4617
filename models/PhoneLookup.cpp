#include "PhoneLookup.h"

#include "DatabaseThread.h"
#include "OtpService.h"

namespace otp::models {

PhoneLookup::PhoneLookup(const ConsoleContext& context, QObject* parent) : QObject(parent), m_ctx(context) {}

void PhoneLookup::lookup(const QString& tenant, const QString& input, Purpose purpose)
{
    OtpService* service = m_ctx.service;
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
            m_report = r;
            emit finished(m_report);
        });
}

} // namespace otp::models
