#include "ConsoleSession.h"

#include "AuditLog.h"
#include "ConnectionProfiles.h"
#include "DatabaseThread.h"
#include "DeliveryWorker.h"
#include "LanguageSwitcher.h"
#include "MainWindow.h"
#include "OtpRuntime.h"
#include "SecretStores.h"

namespace otp::ui {

std::unique_ptr<ConsoleSession> ConsoleSession::open(const Options& options, QString* error)
{
    otp::OtpRuntime::Options runtimeOptions;
    runtimeOptions.databaseUrl = options.databaseUrl;
    QString profileName;
    if (options.databaseUrl.isEmpty() && qEnvironmentVariableIsEmpty("OTP_DB")) {
        // A saved connection profile; its server password comes from the secret store (keychain).
        std::optional<models::ConnectionProfile> profile =
            models::ConnectionProfiles::find(options.profile.isEmpty() ? models::ConnectionProfiles::currentName() : options.profile);
        if (!profile && !options.profile.isEmpty()) {
            *error = QObject::tr("there is no connection profile named '%1'").arg(options.profile);
            return nullptr;
        }
        if (!profile)
            profile = models::ConnectionProfiles::embedded();
        profileName = profile->name;
        runtimeOptions.databaseUrl = profile->url;
        if (profile->needsPassword()) {
            QString storeError;
            std::shared_ptr<SecretStore> store(SecretStores::fromEnvironment(&storeError));
            runtimeOptions.secrets = store;
            runtimeOptions.databasePassword = models::ConnectionProfiles::storedPassword(store.get(), *profile, &storeError);
        }
    }
    // Opening and migrating happen before the window exists: nothing to keep responsive yet.
    std::unique_ptr<otp::OtpRuntime> runtime = otp::OtpRuntime::open(runtimeOptions, error);
    if (!runtime)
        return nullptr;

    std::unique_ptr<ConsoleSession> s(new ConsoleSession);
    s->m_runtime = std::move(runtime);
    s->m_languages = std::make_unique<LanguageSwitcher>();
    s->m_worker = std::make_unique<models::DatabaseThread>(s->m_runtime->database());
    s->m_worker->listenForChanges(); // PostgreSQL: live views wake on NOTIFY; elsewhere they poll
    models::ConsoleContext& c = s->m_context;
    c.db = s->m_worker.get();
    c.service = &s->m_runtime->service();
    c.clock = &s->m_runtime->localClock(); // read on the GUI thread: never a database round trip
    c.devOutboxPath = s->m_runtime->devGateway() ? s->m_runtime->devGateway()->outboxPath() : QString();
    c.databaseDisplayUrl = s->m_runtime->database().config().displayUrl();
    c.connectionProfile = profileName;
    c.vendors = s->m_runtime->gateways().names();
    OtpRuntime* rt = s->m_runtime.get();
    c.secrets = [rt](QString* e) { return rt->secrets(e); };
    c.reloadVendors = [rt]() { return rt->loadVendors(); };

    s->m_window = std::make_unique<MainWindow>(c, s->m_languages.get());
    if (!options.language.isEmpty())
        s->m_window->useLanguageForThisRun(options.language);
    if (options.deliver) {
        // The console delivers its own async sends (and any due in the outbox) in-process, on threads
        // of their own: a slow vendor never touches the GUI thread.
        DeliveryWorker::Options wo;
        wo.concurrency = 2;
        s->m_delivery = std::make_unique<DeliveryWorker>(s->m_runtime->service(), wo);
        s->m_delivery->start();
    }
    s->m_window->resolveOperator(options.operatorLogin.isEmpty() ? otp::Actor::currentOsUser({}).user
                                                                 : options.operatorLogin);
    return s;
}

ConsoleSession::~ConsoleSession()
{
    m_window.reset();
    m_worker.reset();
    m_delivery.reset(); // stops after the calls in flight are recorded
}

} // namespace otp::ui
