// otpd over HTTP (issue 14, "Done when"): send+check pairs per second with keep-alive at 1, 16 and 64
// connections on SQLite and PostgreSQL (when OTP_TEST_PG_URL is set or the local server answers), p50/p99 of
// a pair, printed beside the in-process figure of the same run (otp_bench's loop: OtpService with a vendor
// that accepts at once, one thread) and the ratio; otpd's peak RSS under load; whether 1,000 idle keep-alive
// connections stay open and answered while 16 connections load it; and the p99 of an async send (202)
// while the vendor (otp-vendor-sim) takes 2 s per message.
//   http_bench [--pairs N] [--connections 1,16,64] [--idle 1000] [--engines sqlite,postgresql] [--smoke]
// The codes come from the dev gateway's outbox file, read as it grows. --smoke (ctest) runs tiny sizes and
// fails only when something does not work, never on a timing.
// Traffic as apps send it: every pair is one user of its own, at an address of its own (198.18.0.0/15, the
// block set aside for benchmarks), forwarded by a trusted proxy (otpd --trusted-proxy 127.0.0.1, as behind
// nginx) and with every cap at its default except the per-prefix burst (numbers step over many blocks, but
// 10,000s in a minute is not what any block sees). The in-process loop passes the same addresses, so both
// sides do the same core work: the per-address count and its row. (Before: one address for all, the
// per-address cap lifted to 100,000, and the in-process loop passing none. That measured a count over
// every send of the run against no count at all.)
#include "AcceptingGateway.h"
#include "Database.h"
#include "KeepAliveHttp.h"
#include "OtpService.h"
#include "ScratchDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace otp;
using otp::test::KeepAliveHttp;
using otp::test::RawAnswer;
using otp::test::ScratchDatabase;

namespace {

const QByteArray kPepper = QByteArrayLiteral("http-bench-pepper-0123456789abcdef");
std::atomic<int> g_phone{0};
bool g_failed = false;

// Distinct numbers spread over many prefixes (as otp_bench's), so no per-prefix cap is the limit.
QString phone() { return QStringLiteral("+9197%1").arg(10000000 + (qint64(g_phone++) * 7919) % 89999999, 8, 10, QLatin1Char('0')); }

// A client address of its own per call: 198.18.0.1 … 198.19.255.254, then round again.
std::atomic<int> g_address{0};
QString clientAddress()
{
    const int n = g_address++ % (2 * 65536 - 2) + 1;
    return QStringLiteral("198.%1.%2.%3").arg(18 + n / 65536).arg((n / 256) % 256).arg(n % 256);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

QString argValue(const QStringList& args, const QString& name, const QString& fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

void fail(const QString& what)
{
    std::fprintf(stderr, "http_bench: %s\n", qPrintable(what));
    g_failed = true;
}

// The dev gateway's JSON-lines outbox, read from where the last look stopped: destination → last code.
class OutboxTail
{
public:
    explicit OutboxTail(QString path) : m_path(std::move(path)) {}
    QString codeFor(const QString& to)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_codes.contains(to))
            readNew();
        return m_codes.value(to);
    }

private:
    void readNew()
    {
        QFile f(m_path);
        if (!f.open(QIODevice::ReadOnly) || !f.seek(m_offset))
            return;
        const QByteArray more = f.readAll();
        const qsizetype end = more.lastIndexOf('\n');
        if (end < 0)
            return;
        static const QRegularExpression code(QStringLiteral("(?<!\\d)(\\d{4,10})(?!\\d)"));
        for (const QByteArray& line : more.left(end).split('\n')) {
            const QJsonObject m = QJsonDocument::fromJson(line).object();
            m_codes.insert(m.value(QStringLiteral("to")).toString(), code.match(m.value(QStringLiteral("body")).toString()).captured(1));
        }
        m_offset += end + 1;
    }
    QString m_path;
    QMutex m_mutex;
    qint64 m_offset = 0;
    QHash<QString, QString> m_codes;
};

struct Otpd
{
    QProcess process;
    quint16 port = 0;
    bool start(const QProcessEnvironment& env, const QStringList& args, const QString& portFile)
    {
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral(OTP_BENCH_OTPD), args + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                                           QStringLiteral("--port-file"), portFile});
        QByteArray out;
        const QDeadlineTimer deadline(60000);
        while (!out.contains("listening on") && !deadline.hasExpired() && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(1000);
            out += process.readAllStandardOutput();
        }
        QFile f(portFile);
        if (out.contains("listening on") && f.open(QIODevice::ReadOnly))
            port = quint16(f.readAll().trimmed().toUInt());
        return port != 0;
    }
    ~Otpd() { stop(); }
    void stop()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(20000))
                process.kill();
            process.waitForFinished(5000);
        }
    }
    // Peak resident set size so far, in MB (VmHWM).
    double peakRssMb() const
    {
        QFile f(QStringLiteral("/proc/%1/status").arg(process.processId()));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        static const QRegularExpression hwm(QStringLiteral("VmHWM:\\s+(\\d+) kB"));
        return hwm.match(QString::fromLatin1(f.readAll())).captured(1).toDouble() / 1024.0;
    }
    // CPU time otpd has used so far (user + system), in ms: /proc/PID/stat fields 14 and 15, in clock ticks.
    double cpuMs() const
    {
        QFile f(QStringLiteral("/proc/%1/stat").arg(process.processId()));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray stat = f.readAll();
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 on
        static const double msPerTick = 1000.0 / double(sysconf(_SC_CLK_TCK));
        return (fields.value(11).toDouble() + fields.value(12).toDouble()) * msPerTick;
    }
};

struct LoadResult
{
    double pairsPerS = 0, p50 = 0, p99 = 0;
    int failures = 0;
};

QByteArray body(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

// SQLite's group commit as otpd's /metrics counts it: {transactions, COMMITs} so far (zeros elsewhere).
std::pair<double, double> sqliteCommits(quint16 port)
{
    KeepAliveHttp http(QStringLiteral("127.0.0.1"), port);
    const QByteArray text = http.request("GET", "/metrics").body;
    static const QRegularExpression tx(QStringLiteral("^otp_sqlite_transactions_total (\\d+)$"), QRegularExpression::MultilineOption);
    static const QRegularExpression commits(QStringLiteral("^otp_sqlite_commits_total (\\d+)$"), QRegularExpression::MultilineOption);
    const QString t = QString::fromLatin1(text);
    return {tx.match(t).captured(1).toDouble(), commits.match(t).captured(1).toDouble()};
}

// `pairs` send+check pairs over `connections` keep-alive connections, each pair on one connection; with
// `ratePerS` > 0 the i-th pair starts no earlier than i / ratePerS after the start (paced, not flat out).
LoadResult load(quint16 port, const QString& key, OutboxTail& outbox, int pairs, int connections, double ratePerS = 0)
{
    std::atomic<int> next{0}, failures{0};
    std::vector<std::vector<double>> ms(static_cast<size_t>(connections));
    const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + key.toLatin1()}};
    QElapsedTimer total;
    total.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c)
        threads.emplace_back([&, c] {
            KeepAliveHttp http(QStringLiteral("127.0.0.1"), port);
            QElapsedTimer one;
            for (int i = next++; i < pairs; i = next++) {
                if (ratePerS > 0) {
                    const qint64 dueNs = qint64(double(i) * 1e9 / ratePerS);
                    if (const qint64 wait = dueNs - total.nsecsElapsed(); wait > 0)
                        std::this_thread::sleep_for(std::chrono::nanoseconds(wait)); // pacing the load, not a test
                }
                const QString to = phone();
                auto headers = auth;
                headers.append({"X-Forwarded-For", clientAddress().toLatin1()});
                one.start();
                const RawAnswer s = http.request("POST", "/v1/verifications", body({{QStringLiteral("to"), to}}), headers);
                const QString code = s.status == 201 ? outbox.codeFor(to) : QString();
                const RawAnswer v = http.request("POST", "/v1/verifications/check",
                                                 body({{QStringLiteral("to"), to}, {QStringLiteral("code"), code}}), headers);
                ms[size_t(c)].push_back(one.nsecsElapsed() / 1e6);
                if (s.status != 201 || v.status != 200) {
                    if (failures++ < 3)
                        std::fprintf(stderr, "http_bench: pair failed: send %d %s / check %d %s\n", s.status, s.body.left(160).constData(),
                                     v.status, v.body.left(160).constData());
                }
            }
        });
    for (auto& t : threads)
        t.join();
    LoadResult r;
    r.pairsPerS = pairs / (total.nsecsElapsed() / 1e9);
    std::vector<double> all;
    for (const auto& v : ms)
        all.insert(all.end(), v.begin(), v.end());
    r.p50 = percentile(all, 0.5);
    r.p99 = percentile(all, 0.99);
    r.failures = failures;
    return r;
}

// otp_bench's loop: OtpService in this process, one thread, a vendor that accepts at once.
double g_inProcCpuMsPerPair = 0;

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double inProcessPairsPerS(const ScratchDatabase& scratch, int pairs)
{
    Database db(scratch.config());
    db.migrate();
    test::AcceptingCore core(db, kPepper);
    core.service.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("prefix_burst_cap"), QStringLiteral("100000")}}, {});
    QElapsedTimer t;
    t.start();
    const double cpuBefore = processCpuMs();
    for (int i = 0; i < pairs; ++i) {
        SendRequest request;
        request.tenant = QStringLiteral("default");
        request.destination = phone();
        request.clientAddress = clientAddress();
        const Outcome s = core.service.send(request);
        const Outcome v = core.service.verify({QStringLiteral("default"), s.destination, core.gateway->lastCode, Purpose::Login});
        if (s.status != OutcomeStatus::Sent || v.status != OutcomeStatus::Verified) {
            fail(QStringLiteral("in-process pair: %1 / %2").arg(s.message, v.message));
            return 0;
        }
    }
    g_inProcCpuMsPerPair = (processCpuMs() - cpuBefore) / pairs;
    return pairs / (t.nsecsElapsed() / 1e9);
}

int otpctl(const QProcessEnvironment& env, const ScratchDatabase& db, QStringList args, QByteArray* out = nullptr)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(OTP_BENCH_OTPCTL), args << QStringLiteral("--db") << db.url() << QStringLiteral("--json"));
    p.waitForFinished(60000);
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// A database ready for otpd: tenant "bench" with an API key and the per-prefix burst cap lifted (the
// bench sends 10,000s of codes a minute over the blocks of one range). Returns the key.
QString prepare(const QProcessEnvironment& env, const ScratchDatabase& db, const QStringList& policy)
{
    otpctl(env, db, {QStringLiteral("migrate")});
    otpctl(env, db, QStringList{QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--tenant"), QStringLiteral("bench"),
                                QStringLiteral("prefix_burst_cap=100000")} + policy);
    QByteArray out;
    otpctl(env, db, {QStringLiteral("apikeys"), QStringLiteral("create"), QStringLiteral("--tenant"), QStringLiteral("bench"),
                     QStringLiteral("--name"), QStringLiteral("bench"), QStringLiteral("--scopes"), QStringLiteral("send,verify,read")}, &out);
    return QJsonDocument::fromJson(out).object().value(QStringLiteral("key")).toString();
}

QStringList otpdArgs(const ScratchDatabase& db)
{
    // OTP_BENCH_OTPD_ARGS adds otpd options for an experiment, e.g. "--threads 4 --no-worker".
    return QStringList{QStringLiteral("--db"), db.url(), QStringLiteral("--key-rate"), QStringLiteral("1000000/s"),
                       QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1")} +
           QString::fromLocal8Bit(qgetenv("OTP_BENCH_OTPD_ARGS")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void benchEngine(const QString& engine, int pairs, const QList<int>& connections, int idle, const QString& dir)
{
    qputenv("OTP_TEST_ENGINE", engine.toUtf8());
    for (const char* sub : {"/inproc", "/http"})
        QDir().mkpath(dir + QLatin1String(sub));
    const ScratchDatabase inProcDb(dir + QStringLiteral("/inproc"));
    const double inProc = inProcessPairsPerS(inProcDb, qMax(50, pairs / 2));

    const ScratchDatabase db(dir + QStringLiteral("/http"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    db.addTo(env);
    env.insert(QStringLiteral("OTP_PEPPER"), QString::fromLatin1(kPepper));
    env.insert(QStringLiteral("OTP_DEV_OUTBOX"), dir + QStringLiteral("/http/outbox.jsonl"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("otp.*.info=false"));
    const QString key = prepare(env, db, {});
    Otpd otpd;
    if (key.isEmpty() || !otpd.start(env, otpdArgs(db), dir + QStringLiteral("/http/port"))) {
        fail(QStringLiteral("%1: otpd did not start or no key").arg(engine));
        return;
    }
    OutboxTail outbox(dir + QStringLiteral("/http/outbox.jsonl"));
    load(otpd.port, key, outbox, qMin(pairs, 100), 4); // warm-up: connections, statements, caches

    std::printf("\n%s: in-process (one thread, otp_bench's loop) %.0f pairs/s, %.2f ms CPU per pair\n", qPrintable(engine), inProc,
                g_inProcCpuMsPerPair);
    // otpd's own CPU per pair says what the server costs whatever else the machine runs (the client shares it).
    std::printf("  %-12s %12s %10s %10s %10s %9s %14s %14s %10s\n", "connections", "pairs/s", "× in-proc", "p50 ms", "p99 ms", "failures",
                "otpd CPU ms/pair", "client CPU ms/pair", "txn/COMMIT");
    double peak = 0;
    for (int c : connections) {
        const double cpuBefore = otpd.cpuMs(), clientBefore = processCpuMs();
        const auto groupBefore = sqliteCommits(otpd.port);
        const LoadResult r = load(otpd.port, key, outbox, pairs, c);
        const double cpuPerPair = (otpd.cpuMs() - cpuBefore) / pairs, clientPerPair = (processCpuMs() - clientBefore) / pairs;
        const auto groupAfter = sqliteCommits(otpd.port);
        const double commits = groupAfter.second - groupBefore.second;
        peak = std::max(peak, r.pairsPerS);
        std::printf("  %-12d %12.0f %10.2f %10.1f %10.1f %9d %14.2f %14.2f %10s\n", c, r.pairsPerS, inProc > 0 ? r.pairsPerS / inProc : 0, r.p50,
                    r.p99, r.failures, cpuPerPair, clientPerPair,
                    commits > 0 ? qPrintable(QString::number((groupAfter.first - groupBefore.first) / commits, 'f', 2)) : "-");
        if (r.failures > 0)
            fail(QStringLiteral("%1: %2 failed pairs at %3 connections").arg(engine).arg(r.failures).arg(c));
    }

    // the latency at half the peak rate (16 connections, paced)
    const LoadResult half = load(otpd.port, key, outbox, pairs / 2, 16, peak / 2);
    std::printf("  %-12s %12.0f %10.2f %10.1f %10.1f %9d   (16 connections paced at half the peak)\n", "half peak", half.pairsPerS,
                inProc > 0 ? half.pairsPerS / inProc : 0, half.p50, half.p99, half.failures);
    if (half.failures > 0)
        fail(QStringLiteral("%1: %2 failed pairs at half the peak rate").arg(engine).arg(half.failures));

    // idle keep-alive connections held while 16 connections serve
    std::vector<std::unique_ptr<KeepAliveHttp>> idlers;
    int opened = 0;
    for (int i = 0; i < idle; ++i) {
        idlers.push_back(std::make_unique<KeepAliveHttp>(QStringLiteral("127.0.0.1"), otpd.port));
        opened += idlers.back()->request("GET", "/healthz").status == 200;
    }
    const LoadResult busy = load(otpd.port, key, outbox, pairs, 16);
    int held = 0;
    for (auto& h : idlers)
        held += h->connected() && h->request("GET", "/healthz").status == 200 && h->connects() == 1;
    std::printf("  %d idle keep-alive connections: %d opened, %d still open and answered after %d pairs at 16 connections "
                "(%.0f pairs/s, p99 %.1f ms, %d failures)\n",
                idle, opened, held, pairs, busy.pairsPerS, busy.p99, busy.failures);
    if (held != idle || busy.failures > 0)
        fail(QStringLiteral("%1: idle connections not held (%2 of %3) or failures under them").arg(engine).arg(held).arg(idle));
    idlers.clear();
    std::printf("  otpd peak RSS %.1f MB\n", otpd.peakRssMb());
}

// An async send's answer while the vendor (otp-vendor-sim, --latency-ms) takes `vendorMs` per message.
void benchAsync(int sends, int vendorMs, const QString& dir)
{
    qputenv("OTP_TEST_ENGINE", "sqlite");
    QDir().mkpath(dir + QStringLiteral("/async"));
    QProcess sim;
    sim.start(QStringLiteral(OTP_BENCH_VENDORSIM), {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--quiet"),
                                                    QStringLiteral("--latency-ms"), QString::number(vendorMs)});
    static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QString simBase;
    QByteArray simOut;
    while (simBase.isEmpty() && sim.waitForReadyRead(10000)) {
        simOut += sim.readAllStandardOutput();
        if (const auto m = listening.match(QString::fromUtf8(simOut)); m.hasMatch())
            simBase = m.captured(1);
    }
    if (simBase.isEmpty()) {
        fail(QStringLiteral("otp-vendor-sim did not start"));
        return;
    }
    const ScratchDatabase db(dir + QStringLiteral("/async"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    db.addTo(env);
    env.insert(QStringLiteral("OTP_PEPPER"), QString::fromLatin1(kPepper));
    env.insert(QStringLiteral("OTP_SECRETS"), QStringLiteral("env"));
    env.insert(QStringLiteral("OTP_SECRET_VENDOR_SIM"), QStringLiteral("sim-password"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("otp.*.info=false"));
    otpctl(env, db, {QStringLiteral("migrate")});
    otpctl(env, db, {QStringLiteral("vendors"), QStringLiteral("add"), QStringLiteral("sim"), QStringLiteral("--kind"), QStringLiteral("gupshup"),
                     QStringLiteral("--secret"), QStringLiteral("vendor/sim"), QStringLiteral("base_url=") + simBase, QStringLiteral("userid=sim-user"),
                     QStringLiteral("mask=OTPSIM"), QStringLiteral("principal_entity_id=1101"), QStringLiteral("dlt_template_id=1107")});
    const QString key = prepare(env, db, {QStringLiteral("delivery=async"), QStringLiteral("route_sms=sim")});
    Otpd otpd;
    if (key.isEmpty() || !otpd.start(env, otpdArgs(db), dir + QStringLiteral("/async/port"))) {
        fail(QStringLiteral("async: otpd did not start or no key"));
        return;
    }
    std::vector<double> ms;
    int notQueued = 0;
    KeepAliveHttp http(QStringLiteral("127.0.0.1"), otpd.port);
    const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + key.toLatin1()}};
    QElapsedTimer one;
    for (int i = 0; i < sends; ++i) {
        one.start();
        auto headers = auth;
        headers.append({"X-Forwarded-For", clientAddress().toLatin1()});
        const RawAnswer r = http.request("POST", "/v1/verifications", body({{QStringLiteral("to"), phone()}}), headers);
        ms.push_back(one.nsecsElapsed() / 1e6);
        notQueued += r.status != 202;
    }
    std::printf("\nasync send while the vendor takes %d ms (SQLite, one connection, %d sends): p50 %.1f ms, p99 %.1f ms, "
                "max %.1f ms; %d not answered 202\n",
                vendorMs, sends, percentile(ms, 0.5), percentile(ms, 0.99), percentile(ms, 1.0), notQueued);
    if (notQueued > 0)
        fail(QStringLiteral("async: %1 sends not answered 202").arg(notQueued));
    otpd.stop(); // before its vendor goes away
    sim.kill();
    sim.waitForFinished(5000);
}

bool pgAvailable()
{
    try {
        qputenv("OTP_TEST_ENGINE", "postgresql");
        QTemporaryDir d;
        ScratchDatabase probe(d.path());
        return true;
    } catch (const std::exception& e) {
        std::printf("\npostgresql: skipped (%s)\n", e.what());
        return false;
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*.info=false"));
    qputenv("OTP_PEPPER", kPepper);
    qputenv("OTP_SECRETS", "env");
    const QStringList args = app.arguments();
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    const int pairs = argValue(args, QStringLiteral("--pairs"), smoke ? QStringLiteral("40") : QStringLiteral("2000")).toInt();
    const int idle = argValue(args, QStringLiteral("--idle"), smoke ? QStringLiteral("50") : QStringLiteral("1000")).toInt();
    QList<int> connections;
    for (const QString& c : argValue(args, QStringLiteral("--connections"), smoke ? QStringLiteral("1,4") : QStringLiteral("1,16,64")).split(QLatin1Char(',')))
        connections << c.toInt();
    QStringList engines = argValue(args, QStringLiteral("--engines"), QStringLiteral("sqlite,postgresql")).split(QLatin1Char(','));
    if (engines.contains(QStringLiteral("postgresql")) && (qEnvironmentVariableIsEmpty("OTP_TEST_PG_URL") || !pgAvailable())) {
        if (qEnvironmentVariableIsEmpty("OTP_TEST_PG_URL"))
            std::printf("postgresql: skipped (set OTP_TEST_PG_URL, as for server_bench)\n");
        engines.removeAll(QStringLiteral("postgresql"));
    }
    // otpd inherits this limit: room for the idle connections on both ends.
    rlimit nofile{};
    if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < rlim_t(idle * 2 + 512)) {
        nofile.rlim_cur = std::min<rlim_t>(nofile.rlim_max, rlim_t(idle * 2 + 512));
        setrlimit(RLIMIT_NOFILE, &nofile);
    }
    std::printf("http_bench: send+check pairs through otpd over HTTP/1.1 keep-alive, %d pairs per row%s\n", pairs,
                smoke ? " (smoke: sizes too small for figures)" : "");
    QTemporaryDir dir;
    try {
        for (const QString& engine : engines)
            benchEngine(engine, pairs, connections, idle, dir.path());
        benchAsync(smoke ? 10 : 200, smoke ? 200 : 2000, dir.path());
    } catch (const std::exception& e) {
        fail(QString::fromUtf8(e.what()));
    }
    return g_failed ? 1 : 0;
}
