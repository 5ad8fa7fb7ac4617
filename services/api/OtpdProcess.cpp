#include "OtpdProcess.h"

#include "ApiMetrics.h"
#include "ApiServer.h"
#include "DeliveryWorker.h"
#include "OpenApiDocument.h"
#include "OtpRuntime.h"
#include "ReceiptRoutes.h"
#include "StoreError.h"
#include "V1Routes.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace otp {

Q_LOGGING_CATEGORY(lcOtpd, "otp.api.otpd", QtInfoMsg)

namespace {
int g_signalPipe[2] = {-1, -1};

extern "C" void onStopSignal(int)
{
    const char b = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &b, 1);
}

int fail(const QString& message, int code)
{
    std::fprintf(stderr, "otpd: %s\n", qPrintable(message));
    return code;
}

// SIGTERM/SIGINT reach the event loop through a socket pair (a signal handler may only write()).
QSocketNotifier* watchStopSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return nullptr;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [notifier] {
        char b;
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &b, 1);
        notifier->setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    return notifier;
}

// After the event loop: the answers in flight, the worker, then the leases this process still holds
// on rows it has not started sending go back to the outbox at once, so another instance takes them
// now rather than when the lease runs out.
void stopGracefully(ApiServer& server, DeliveryWorker* worker, OtpRuntime& runtime, int graceMs)
{
    qCInfo(lcOtpd) << "stopping: no new connections; finishing the requests in flight";
    const int left = server.drain(graceMs);
    if (left > 0)
        qCWarning(lcOtpd) << left << "request(s) still in flight after" << graceMs / 1000 << "s; stopping anyway";
    if (worker) {
        worker->requestStop();
        worker->stop();
    }
    try {
        Outbox& outbox = runtime.service().outbox();
        const int handedBack = outbox.releaseLeases(outbox.owner());
        if (handedBack > 0)
            qCInfo(lcOtpd) << "handed back" << handedBack << "outbox lease(s)";
    } catch (const StoreError& e) {
        qCWarning(lcOtpd).noquote() << "could not hand back outbox leases (they expire on their own):" << e.message();
    }
    qCInfo(lcOtpd) << "stopped";
}

bool writePortFile(const QString& path, quint16 port)
{
    if (path.isEmpty())
        return true;
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QByteArray::number(port) + '\n') >= 0 && f.commit();
}
} // namespace

void OtpdProcess::addRoutes(ApiRouter& router, OtpRuntime& runtime, const OtpdOptions& options)
{
    V1Routes::add(router, {runtime.service(), runtime.database(), runtime.clock()});
    ReceiptRoutes::add(router, runtime);
    ApiMetrics::addRoute(router, runtime.database(), runtime.clock(), options.metricsToken);
    OpenApiDocument::addRoute(router); // last: describes the table as built so far and anything added later
}

int OtpdProcess::run(const QStringList& arguments)
{
    OtpdOptions options;
    QString error;
    if (!OtpdOptions::parse(arguments, &options, &error))
        return fail(error, 2);
    if (options.help) {
        std::fputs(qPrintable(options.helpText), stdout);
        return 0;
    }
    OtpRuntime::Options ro;
    ro.databaseUrl = options.databaseUrl;
    auto runtime = OtpRuntime::open(ro, &error);
    if (!runtime)
        return fail(error, 1);

    ApiRouter router;
    addRoutes(router, *runtime, options);
    ApiServer::Options so;
    // SQLite writes one transaction at a time, on one writer connection per process, and commits the
    // transactions that queue for it in groups (WriteTransaction): a thread whose transaction waits for its
    // group's COMMIT is blocked, so the group can only be as large as the threads that feed it. At 16
    // client connections: 4 threads 700 pairs/s (3.2 transactions per COMMIT), 8 threads 811 (6.5),
    // 16 threads 741 (8, the cap; more threads only share the two cores more thinly).
    so.threads = options.threads > 0 ? options.threads
                 : runtime->database().config().dialect == SqlDialect::Sqlite ? 8 : 16;
    so.keyRatePerSecond = options.keyRatePerSecond;
    so.trustedProxies = options.trustedProxies;
    ApiServer server(router, runtime->database(), runtime->service(), so);
    if (const QString problem = server.configure(); !problem.isEmpty())
        return fail(problem, 2);
    const std::unique_ptr<QSocketNotifier> stopSignals(watchStopSignals());
    if (!stopSignals)
        return fail(QStringLiteral("cannot create the signal pipe"), 1);
    if (!server.listenOn(options.listenAddress, options.listenPort, &error))
        return fail(error, 1);

    std::unique_ptr<DeliveryWorker> worker;
    if (options.worker) {
        DeliveryWorker::Options wo;
        wo.concurrency = options.workerConcurrency;
        worker = std::make_unique<DeliveryWorker>(runtime->service(), wo);
        worker->start();
    }
    if (!writePortFile(options.portFile, server.port()))
        return fail(QStringLiteral("cannot write the port file %1").arg(options.portFile), 1);
    const QString shownHost = options.listenAddress.protocol() == QAbstractSocket::IPv6Protocol
                                  ? QStringLiteral("[%1]").arg(options.listenAddress.toString())
                                  : options.listenAddress.toString();
    std::printf("listening on http://%s:%u\n", qPrintable(shownHost), unsigned(server.port()));
    std::fflush(stdout);
    qCInfo(lcOtpd).noquote() << "serving" << runtime->database().config().displayUrl() << "with" << options.threads
                             << "threads;" << (worker ? "outbox worker running" : "no outbox worker (--no-worker)");

    QCoreApplication::exec();
    stopGracefully(server, worker.get(), *runtime, kGraceMs);
    return 0;
}

} // namespace otp
