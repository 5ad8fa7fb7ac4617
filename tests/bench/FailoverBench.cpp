// Vendor health figures (issue 13): how fast traffic leaves a failing vendor by itself, and what the health
// bookkeeping costs a healthy send.
//  A. Failover: route sms = failing, backup (sync delivery). The failing vendor answers HTTP 500 after
//     --fail-ms (a vendor that hangs until its timeout is the worst case: the same with a larger value).
//     Printed: the time from the first failure until every send goes straight to the backup (the breaker
//     opened), how many sends paid for the failing vendor meanwhile, and a send's latency after the opening.
//  B. Bookkeeping: a healthy send+verify pair's time, beside what the breaker's work on that path costs
//     (the routing snapshot read and the accepted answer's check), measured alone in a loop.
// The in-memory vendors make the figures the core's and the database's, not a network's. `--smoke` checks
// that the breaker opens and the backup takes over (as ctest runs it), never a timing.
#include "AcceptingGateway.h"
#include "Database.h"
#include "GatewayRegistry.h"
#include "OtpService.h"
#include "PepperSource.h"
#include "VendorBreaker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cstdio>

using namespace otp;

namespace {
QString phone(int i)
{
    return QStringLiteral("+9198%1").arg(10000000 + (i * 7919) % 89999999, 8, 10, QLatin1Char('0'));
}

class NamedGateway final : public DeliveryGateway
{
public:
    NamedGateway(QString name, bool fails, int latencyMs) : m_name(std::move(name)), m_fails(fails), m_latencyMs(latencyMs) {}
    std::atomic<int> calls{0};
    QString name() const override { return m_name; }
    bool supports(Channel) const override { return true; }
    VendorAnswer deliver(const OutgoingMessage&) override
    {
        ++calls;
        if (m_latencyMs > 0)
            QThread::msleep(m_latencyMs); // the vendor's own latency, part of what is measured
        VendorAnswer a;
        a.vendor = m_name;
        a.accepted = !m_fails;
        a.retryable = m_fails;
        a.httpStatus = m_fails ? 500 : 200;
        a.vendorCode = m_fails ? QStringLiteral("HTTP_500") : QStringLiteral("OK");
        a.messageId = m_fails ? QString() : QStringLiteral("id");
        a.excerpt = m_fails ? QStringLiteral("Internal Server Error") : QStringLiteral("{\"status\":\"success\"}");
        a.latencyMs = m_latencyMs;
        return a;
    }

private:
    QString m_name;
    bool m_fails;
    int m_latencyMs;
};

struct Core
{
    Core(Database& db, const QByteArray& pepper) : service(db, registry, clock, random, pepper) {}
    GatewayRegistry registry;
    SystemClock clock;
    SystemRandomSource random;
    OtpService service;
};

struct Failover
{
    double msUntilOpen = 0;     // first failure → the breaker open
    int sendsOnFailing = 0;     // sends whose first try went to the failing vendor
    double sendMsAfterOpen = 0; // a send's latency once traffic has moved
    bool everySendDelivered = true;
};

Failover measureFailover(const QString& dir, int failMs, int sends)
{
    Database db(DatabaseConfig::sqlite(dir + QStringLiteral("/failover.db")));
    db.migrate();
    QString error;
    Core core(db, PepperSource::load(db.config(), &error));
    auto failing = std::make_shared<NamedGateway>(QStringLiteral("failing"), true, failMs);
    auto backup = std::make_shared<NamedGateway>(QStringLiteral("backup"), false, 0);
    core.registry.add(failing);
    core.registry.add(backup);
    const Outcome set = core.service.policySet(QStringLiteral("default"), std::nullopt,
                                               {{QStringLiteral("route_sms"), QStringLiteral("failing,backup")},
                                                {QStringLiteral("prefix_burst_cap"), QStringLiteral("100000")}},
                                               {});
    if (!set.ok()) {
        std::fprintf(stderr, "policy: %s\n", qPrintable(set.message));
        std::exit(1);
    }
    Failover f;
    QElapsedTimer sinceFirstFailure;
    for (int i = 0; i < sends; ++i) {
        const int before = failing->calls.load();
        QElapsedTimer one;
        one.start();
        const Outcome o = core.service.send({QStringLiteral("default"), phone(i), std::nullopt, Purpose::Login, {}, {}});
        const double ms = one.nsecsElapsed() / 1e6;
        f.everySendDelivered = f.everySendDelivered && o.status == OutcomeStatus::Sent;
        if (failing->calls.load() > before) {
            if (!sinceFirstFailure.isValid())
                sinceFirstFailure.start();
            ++f.sendsOnFailing;
            f.msUntilOpen = sinceFirstFailure.nsecsElapsed() / 1e6;
        } else {
            f.sendMsAfterOpen = ms;
        }
    }
    return f;
}

struct Bookkeeping
{
    double pairMs = 0;
    double breakerUsPerSend = 0;
};

Bookkeeping measureBookkeeping(const QString& dir, int pairs)
{
    Database db(DatabaseConfig::sqlite(dir + QStringLiteral("/health.db")));
    db.migrate();
    QString error;
    test::AcceptingCore core(db, PepperSource::load(db.config(), &error));
    core.service.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("prefix_burst_cap"), QStringLiteral("100000")}}, {});
    Bookkeeping b;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < pairs; ++i) {
        const Outcome s = core.service.send({QStringLiteral("default"), phone(i), std::nullopt, Purpose::Login, {}, {}});
        const Outcome v = core.service.verify({QStringLiteral("default"), s.destination, core.gateway->lastCode, Purpose::Login});
        if (v.status != OutcomeStatus::Verified) {
            std::fprintf(stderr, "unexpected outcome: %s\n", qPrintable(v.message));
            std::exit(1);
        }
    }
    b.pairMs = t.nsecsElapsed() / 1e6 / pairs;
    // The breaker's work on a healthy send's path: the plan's and the claim's snapshot reads, and the
    // accepted answer's check, with the snapshot refreshed as often as kCacheMs lets it be.
    VendorAnswer accepted;
    accepted.vendor = QStringLiteral("bench");
    accepted.accepted = true;
    Policy policy;
    SqlSession& s = db.session();
    t.restart();
    for (int i = 0; i < pairs; ++i) {
        VendorBreaker breaker(s);
        breaker.notClosedCached();
        breaker.cachedRows();
        WriteTransaction tx(s);
        breaker.record(QStringLiteral("bench"), accepted, policy, QStringLiteral("default"), QDateTime::currentMSecsSinceEpoch());
        tx.commit();
    }
    // The transaction around record() is the answer's own (it exists anyway): take its cost out.
    const double withTx = t.nsecsElapsed() / 1e3 / pairs;
    t.restart();
    for (int i = 0; i < pairs; ++i) {
        WriteTransaction tx(s);
        tx.commit();
    }
    b.breakerUsPerSend = std::max(0.0, withTx - t.nsecsElapsed() / 1e3 / pairs);
    return b;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*=false"));
    const bool smoke = app.arguments().contains(QStringLiteral("--smoke"));
    const qsizetype at = app.arguments().indexOf(QStringLiteral("--fail-ms"));
    const int failMs = at > 0 ? app.arguments().value(at + 1).toInt() : 200;
    QTemporaryDir dir;
    const Failover f = measureFailover(dir.path(), smoke ? 0 : failMs, 40);
    const Bookkeeping b = measureBookkeeping(dir.path(), smoke ? 200 : 2000);
    const Policy defaults;
    std::printf("vendor health (SQLite, in-memory vendors; breaker opens after %d consecutive failures)\n",
                defaults.breakerFailures);
    std::printf("  failover: the failing vendor answers HTTP 500 after %d ms\n", smoke ? 0 : failMs);
    std::printf("    first failure -> breaker open:        %8.1f ms (%d sends paid for the failing vendor)\n",
                f.msUntilOpen, f.sendsOnFailing);
    std::printf("    a send after the opening:             %8.3f ms (straight to the backup, no wait)\n", f.sendMsAfterOpen);
    std::printf("  bookkeeping on a healthy send:          %8.1f us of a %.3f ms send+verify pair (%.1f %%; goal < 5 %%)\n",
                b.breakerUsPerSend, b.pairMs, 100.0 * b.breakerUsPerSend / 1000.0 / b.pairMs);
    // What must hold whatever the machine: every send delivered, and the failing vendor left after N tries.
    if (!f.everySendDelivered || f.sendsOnFailing != defaults.breakerFailures) {
        std::fprintf(stderr, "failover did not happen as the breaker promises (%d sends on the failing vendor)\n", f.sendsOnFailing);
        return 1;
    }
    return 0;
}
