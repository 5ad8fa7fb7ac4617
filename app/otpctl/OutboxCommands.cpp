#include "OutboxCommands.h"

#include "AuditLog.h"
#include "DeliveryWorker.h"
#include "StoreError.h"
#include "OperatorStore.h"
#include "OtpRuntime.h"
#include "SecretStore.h"
#include "VendorStore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUrl>
#include <QThread>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace otp::OutboxCommands {

namespace {
std::atomic<bool> g_stop{false};
extern "C" void onStopSignal(int)
{
    g_stop = true;
}

// Time a worker needs beyond the vendor's timeout to record the answer before its lease runs out.
constexpr qint64 kLeaseMarginMs = 5000;

// A lease that can end during a vendor call lets other workers close the live row as lost (and the
// answer then arrives for a row that is no longer ours): the lease must outlast every vendor's timeout.
// A lease not asked for is lengthened to fit (*leaseS); one asked for is refused when too short.
QString leaseProblem(OtpRuntime& runtime, int* leaseS, bool given)
{
    QString slowest;
    qint64 slowestMs = 0;
    for (const VendorConfig& v : VendorStore(runtime.database().session()).all()) {
        if (v.enabled && v.kind != QLatin1String("dev") && v.timeoutMs() > slowestMs) {
            slowestMs = v.timeoutMs();
            slowest = v.name;
        }
    }
    const int shortestS = int((slowestMs + kLeaseMarginMs + 999) / 1000);
    if (*leaseS >= shortestS)
        return {};
    if (!given) {
        *leaseS = shortestS;
        return {};
    }
    return QStringLiteral("--lease-s %1 is too short: vendor '%2' may take up to %3 ms (timeout_ms), and a lease that ends "
                          "during a vendor call makes other workers close the row as lost; use --lease-s %4 or more")
        .arg(*leaseS).arg(slowest).arg(slowestMs).arg(shortestS);
}
} // namespace

Outcome worker(OtpRuntime& runtime, const WorkerOptions& options)
{
    OtpService& service = runtime.service();
    int leaseS = options.leaseS;
    try {
        if (const QString problem = leaseProblem(runtime, &leaseS, options.leaseGiven); !problem.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, problem);
    } catch (const StoreError& e) {
        return Outcome::make(OutcomeStatus::InternalError, e.message());
    }
    service.outbox().setLeaseMs(qint64(leaseS) * 1000);
    QElapsedTimer elapsed;
    elapsed.start();
    qint64 calls = 0;
    g_stop = false;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    if (options.once) {
        // Everything due now, then whatever falls due while we are at it; stop when the outbox has
        // nothing due (rows waiting for a later backoff stay for the next run) or on a signal.
        service.outbox().setStopRequested([] { return g_stop.load(); });
        for (int n; !g_stop && (n = service.deliverDue(100)) > 0;)
            calls += n;
        service.outbox().setStopRequested({});
    } else {
        DeliveryWorker::Options wo;
        wo.concurrency = options.concurrency;
        DeliveryWorker w(service, wo);
        w.start();
        const QDeadlineTimer deadline = options.durationS > 0 ? QDeadlineTimer(qint64(options.durationS) * 1000)
                                                              : QDeadlineTimer(QDeadlineTimer::Forever);
        QElapsedTimer sinceAlarms;
        sinceAlarms.start();
        while (!g_stop && !deadline.hasExpired()) {
            QThread::msleep(50);
            // The alarm rules are judged here too, so raised and cleared times follow the traffic even
            // when nobody reads them (a failure is logged by the service and tried again next time).
            if (!options.alarmTenant.isEmpty() && sinceAlarms.elapsed() >= WorkerOptions::kAlarmEveryMs) {
                service.evaluateAlarms(options.alarmTenant);
                sinceAlarms.restart();
            }
        }
        if (g_stop) {
            // No thread takes another row from here; calls in flight finish and are recorded.
            w.requestStop();
            std::fputs("otpctl worker: stopping on signal; deliveries in flight finish, no new rows are taken\n", stderr);
            std::fflush(stderr);
        }
        w.stop();
        calls = w.vendorCalls();
    }
    Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("worker %1 made %2 vendor call(s) in %3 s")
                                                     .arg(service.outbox().owner())
                                                     .arg(calls)
                                                     .arg(elapsed.elapsed() / 1000.0, 0, 'f', 1));
    o.details.insert(QStringLiteral("vendor_calls"), calls);
    o.details.insert(QStringLiteral("owner"), service.outbox().owner());
    return o;
}

Outcome receiptUrl(OtpRuntime& runtime, const QString& vendor, const QString& baseGiven, const Actor& actor)
{
    QString base = baseGiven;
    if (base.isEmpty())
        base = qEnvironmentVariable("OTP_PUBLIC_URL", QStringLiteral("http://127.0.0.1:8080"));
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url(base, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty() || url.hasQuery() || url.hasFragment())
        return Outcome::make(OutcomeStatus::InvalidInput,
                             QStringLiteral("the base URL must look like https://otp.example.com (otpd as the vendor reaches it), not '%1'")
                                 .arg(base.left(200)));
    std::optional<VendorConfig> config;
    try {
        config = VendorStore(runtime.database().session()).find(vendor);
    } catch (const StoreError& e) {
        return Outcome::make(OutcomeStatus::InternalError, e.message());
    }
    if (!config)
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("there is no vendor named '%1'").arg(vendor.left(64)));
    if (!QStringList{QStringLiteral("gupshup"), QStringLiteral("wati"), QStringLiteral("myoperator")}.contains(config->kind))
        return Outcome::make(OutcomeStatus::InvalidInput,
                             QStringLiteral("vendor '%1' (%2) sends no delivery receipts; gupshup, wati and myoperator do").arg(vendor, config->kind));
    QString error;
    SecretStore* store = runtime.secrets(&error);
    if (!store)
        return Outcome::make(OutcomeStatus::InternalError, QStringLiteral("the secret store cannot be opened: %1").arg(error));
    // The name otpd reads (ReceiptRoutes::tokenSecretName).
    const QString name = QStringLiteral("receipt-token/") + vendor;
    std::optional<QString> token = store->get(name, &error);
    if (!error.isEmpty())
        return Outcome::make(OutcomeStatus::InternalError, QStringLiteral("cannot read %1: %2").arg(name, error));
    const bool created = !token || token->isEmpty();
    if (created) {
        QByteArray raw(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(raw.data()), reinterpret_cast<quint32*>(raw.data() + raw.size()));
        token = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        raw.fill('\0');
        if (!store->set(name, *token, &error))
            return Outcome::make(OutcomeStatus::InternalError, QStringLiteral("cannot store %1: %2").arg(name, error));
        const Outcome audit = runtime.service().recordSecretChange(QStringLiteral("secret_set"), name, store->describe(), actor);
        if (audit.status != OutcomeStatus::Ok)
            return audit;
    }
    Outcome o = Outcome::make(OutcomeStatus::Ok,
                              QStringLiteral("%1 receipt token for vendor %2: paste this URL into the vendor's dashboard as its delivery "
                                             "report / webhook URL (it carries the token; keep it private)")
                                  .arg(created ? QStringLiteral("made a new") : QStringLiteral("the existing"), vendor));
    o.details.insert(QStringLiteral("url"), QStringLiteral("%1/v1/receipts/%2/%3").arg(base, vendor, *token));
    o.details.insert(QStringLiteral("secret"), name);
    o.details.insert(QStringLiteral("created"), created);
    return o;
}

Outcome vendors(OtpRuntime& runtime, const QStringList& args, const QString& kind, const QString& secret,
                bool disabled, const Actor& actor, const QString& reason, qint64 healthWindowS)
{
    OtpService& service = runtime.service();
    const QString sub = args.value(0);
    if (sub.isEmpty() || sub == QLatin1String("list")) {
        Outcome o = service.vendors();
        // Say which configured vendors this process could actually load (credential found, settings valid).
        const QStringList problems = runtime.loadVendors();
        if (!problems.isEmpty())
            o.details.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
        return o;
    }
    if (sub == QLatin1String("health")) {
        if (args.size() > 2)
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("use: vendors health [NAME] [--since 15m]"));
        Outcome o = service.vendorHealth(healthWindowS);
        if (args.size() == 2 && o.status == OutcomeStatus::Ok) {
            // One vendor: its own row, or a clear error when there is no such vendor.
            for (const QJsonValue& v : o.details.value(QStringLiteral("vendors")).toArray()) {
                if (v.toObject().value(QStringLiteral("vendor")).toString() == args.at(1)) {
                    o.details.insert(QStringLiteral("vendors"), QJsonArray{v});
                    o.message = QStringLiteral("vendor %1 over the last %2 min").arg(args.at(1)).arg(healthWindowS / 60);
                    return o;
                }
            }
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("there is no vendor named '%1'").arg(args.at(1)));
        }
        return o;
    }
    if (sub == QLatin1String("open") || sub == QLatin1String("close")) {
        if (args.size() != 2)
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("use: vendors %1 NAME --reason TEXT").arg(sub));
        return service.forceBreaker(args.at(1), sub == QLatin1String("open"), reason, actor);
    }
    if (sub == QLatin1String("remove")) {
        if (args.size() != 2)
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("use: vendors remove NAME"));
        return service.removeVendor(args.at(1), actor);
    }
    if (sub == QLatin1String("receipt-url")) {
        if (args.size() < 2 || args.size() > 3)
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("use: vendors receipt-url NAME [BASE_URL]"));
        return receiptUrl(runtime, args.at(1), args.value(2), actor);
    }
    if (sub == QLatin1String("add")) {
        if (args.size() < 2)
            return Outcome::make(OutcomeStatus::InvalidInput,
                                 QStringLiteral("use: vendors add NAME --kind KIND [--secret NAME] KEY=VALUE..."));
        VendorConfig c;
        c.name = args.at(1);
        c.kind = kind;
        c.secretName = secret;
        c.enabled = !disabled;
        for (const QString& kv : args.mid(2)) {
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("'%1' is not KEY=VALUE").arg(kv));
            c.settings.insert(kv.left(eq).trimmed(), kv.mid(eq + 1).trimmed());
        }
        return service.saveVendor(c, actor);
    }
    return Outcome::make(OutcomeStatus::InvalidInput,
                         QStringLiteral("unknown vendors command '%1' (list, add, remove, health, open, close, receipt-url)").arg(sub));
}

Outcome receipt(OtpRuntime& runtime, const QString& vendor, const QString& query, const QByteArray& body)
{
    if (vendor.isEmpty())
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("receipt needs --vendor NAME"));
    std::optional<VendorConfig> config;
    try {
        config = VendorStore(runtime.database().session()).find(vendor);
    } catch (const StoreError& e) {
        return Outcome::make(OutcomeStatus::InternalError, e.message());
    }
    if (!config)
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("there is no vendor named '%1'").arg(vendor));
    QString error;
    const QList<DeliveryReceipt> receipts = DeliveryReceipts::parse(config->kind, body, QUrlQuery(query), &error);
    if (!error.isEmpty())
        return Outcome::make(OutcomeStatus::InvalidInput, error);
    return runtime.service().applyReceipts(vendor, receipts);
}

Outcome operators(OtpRuntime& runtime, const QStringList& args, const QString& role, const QString& name,
                  const Actor& actor)
{
    OperatorStore store(runtime.database().session());
    const qint64 now = runtime.clock().nowMs();
    const QString sub = args.value(0);
    if (sub.isEmpty() || sub == QLatin1String("list")) {
        QJsonArray list;
        try {
            for (const OperatorRow& o : store.all())
                list.append(QJsonObject{{QStringLiteral("login"), o.login}, {QStringLiteral("role"), o.role},
                                        {QStringLiteral("name"), o.displayName}});
        } catch (const StoreError& e) {
            return Outcome::make(OutcomeStatus::InternalError, e.message());
        }
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 operator(s); anyone else acts as support").arg(list.size()));
        o.details.insert(QStringLiteral("operators"), list);
        return o;
    }
    if (sub == QLatin1String("set") && args.size() == 2) {
        if (role.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("operators set needs --role support|admin|qa"));
        return store.set(args.at(1), role, name, actor, now);
    }
    if (sub == QLatin1String("remove") && args.size() == 2)
        return store.remove(args.at(1), actor, now);
    return Outcome::make(OutcomeStatus::InvalidInput,
                         QStringLiteral("use: operators list | operators set LOGIN --role ROLE [--name NAME] | operators remove LOGIN"));
}

} // namespace otp::OutboxCommands
