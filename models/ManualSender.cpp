#include "ManualSender.h"

#include "DatabaseThread.h"
#include "DevOutboxReader.h"
#include "SimInboxReader.h"
#include "VendorStore.h"

#include <QLoggingCategory>

namespace otp::models {

Q_LOGGING_CATEGORY(lcManual, "otp.ui.manual", QtInfoMsg)

ManualSender::ManualSender(const ConsoleContext& context, QObject* parent) : QObject(parent), m_ctx(context)
{
    connect(m_ctx.db, &DatabaseThread::failed, this, [this]() { m_busy = false; });
}

void ManualSender::send(const SendRequest& request, const Actor& actor, bool resend)
{
    if (!m_permissions.canManualSend()) {
        emit finished(Outcome::make(OutcomeStatus::InvalidInput,
                                    tr("your role (%1) may not send codes by hand").arg(m_permissions.roleTitle())), {});
        return;
    }
    m_busy = true;
    OtpService* service = m_ctx.service;
    const QString outbox = m_ctx.devOutboxPath;
    qCInfo(lcManual) << (resend ? "manual resend" : "manual send") << "by" << actor.user << "channel"
                     << (request.channel ? channelName(*request.channel) : QStringLiteral("default"));
    using Result = QPair<Outcome, QJsonObject>;
    m_ctx.db->run<Result>(
        this,
        [service, request, actor, resend, outbox]() {
            Result r;
            r.first = resend ? service->resend(request, actor) : service->send(request, actor);
            if (r.first.vendor && r.first.vendor->accepted) {
                if (r.first.vendor->vendor == QLatin1String("dev")) {
                    r.second = DevOutboxReader(outbox).lastMessageFor(r.first.destination);
                } else if (auto config = VendorStore(service->database().session()).find(r.first.vendor->vendor)) {
                    // otp-vendor-sim on this machine keeps what it received: QA reads the code there.
                    r.second = SimInboxReader::lastMessageFor(*config, r.first.destination);
                }
            }
            return r;
        },
        [this](Result r) {
            m_busy = false;
            emit finished(r.first, r.second);
        });
}

void ManualSender::verify(const VerifyRequest& request, const Actor& actor)
{
    if (!m_permissions.canManualSend()) {
        emit verified(Outcome::make(OutcomeStatus::InvalidInput,
                                    tr("your role (%1) may not enter codes by hand").arg(m_permissions.roleTitle())));
        return;
    }
    OtpService* service = m_ctx.service;
    qCInfo(lcManual) << "manual verify by" << actor.user;
    m_ctx.db->run<Outcome>(
        this, [service, request, actor]() { return service->verify(request, actor); },
        [this](Outcome o) { emit verified(o); });
}

} // namespace otp::models
