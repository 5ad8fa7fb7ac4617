// Send+verify pairs per second through otpcore on PostgreSQL, beside the same SQL statements driven by
// pgbench against the same server in the same run, for 1 and 8 client processes, and the ratio
// (goal >= 0.5). The vendor is an in-memory gateway that accepts at once, so the figures measure the
// core and its database work.
//
//   pg_bench [--pairs K] [--clients 1,8] [--admin URL]     K pairs per client process
//   pg_bench --worker --db URL --pairs K --offset I         (spawned by the parent, one per client)
//
// The server comes from --admin or OTP_TEST_PG_URL (default postgresql://otp@127.0.0.1:5432/postgres),
// the password from OTP_TEST_DB_PASSWORD; the role must be allowed to create databases. Each
// measurement gets a fresh database migrated with Database::migrate, dropped at the end.
//
// otpcore side: N copies of this binary in worker mode; each opens its connection and warms up, says
// "ready", waits for "go" on stdin, runs K pairs through OtpService and exits. Wall time runs from
// "go" to the last exit. pgbench side: `pgbench -n -M prepared -f script -c N -j N -t K`; the script
// holds the statements one send+verify executes on PostgreSQL (captured with log_statement = all),
// in the same transactions.
#include "AcceptingGateway.h"
#include "Database.h"
#include "GatewayRegistry.h"
#include "OtpService.h"
#include "PepperSource.h"
#include "Policy.h"
#include "ScratchDatabase.h"
#include "StoreError.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <exception>
#include <sys/resource.h>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

using namespace otp;

namespace {
const char* kPepper = "pg-bench-pepper-0123456789abcdef0123456789";

using otp::test::AcceptingCore;
using otp::test::AcceptingGateway;
using otp::test::adminExec;

QString phone(qint64 i)
{
    return QStringLiteral("+9198%1").arg(10000000 + (i * 37) % 89999999, 8, 10, QLatin1Char('0'));
}

QString argValue(const QStringList& args, const QString& name, const QString& fallback = {})
{
    const qsizetype at = args.indexOf(name);
    return at > 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

// ---- worker ------------------------------------------------------------------------------------
int runWorker(const QStringList& args)
{
    DatabaseConfig config;
    QString error;
    if (!DatabaseConfig::fromUrl(argValue(args, QStringLiteral("--db")), &config, &error)) {
        std::fprintf(stderr, "worker: %s\n", qPrintable(error));
        return 2;
    }
    const int pairs = argValue(args, QStringLiteral("--pairs"), QStringLiteral("1000")).toInt();
    const qint64 base = argValue(args, QStringLiteral("--offset"), QStringLiteral("0")).toLongLong() * 1000000;
    Database db(config);
    const QByteArray pepper = PepperSource::load(db.config(), &error);
    if (pepper.isEmpty()) {
        std::fprintf(stderr, "worker: %s\n", qPrintable(error));
        return 2;
    }
    AcceptingCore core(db, pepper);
    OtpService& svc = core.service;
    const AcceptingGateway& gw = *core.gateway;
    auto pair = [&](qint64 i) {
        const Outcome s = svc.send({QStringLiteral("default"), phone(i), std::nullopt, Purpose::Login, {}});
        const Outcome v = svc.verify({QStringLiteral("default"), s.destination, gw.lastCode, Purpose::Login});
        if (s.status != OutcomeStatus::Sent || v.status != OutcomeStatus::Verified) {
            std::fprintf(stderr, "worker: unexpected outcome: %s / %s\n", qPrintable(s.message), qPrintable(v.message));
            std::exit(1);
        }
    };
    // Warm up (connection, prepared statements, catalog caches) on phones of their own.
    for (int i = 0; i < 20; ++i)
        pair(base + 900000 + i);
    std::cout << "ready" << std::endl;
    std::string line;
    if (!std::getline(std::cin, line) || line != "go")
        return 3;
    rusage ru0{};
    ::getrusage(RUSAGE_SELF, &ru0);
    const double cpuAtStart = (ru0.ru_utime.tv_sec + ru0.ru_stime.tv_sec) * 1e3 +
                              (ru0.ru_utime.tv_usec + ru0.ru_stime.tv_usec) / 1e3;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < pairs; ++i)
        pair(base + i);
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    const double cpuMs = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    std::cout << "done " << t.elapsed() << " " << (cpuMs - cpuAtStart) << std::endl;
    return 0;
}

// ---- parent ------------------------------------------------------------------------------------
// A fresh migrated database with caps raised so no send is refused; dropped by the destructor.
class FreshDatabase
{
public:
    explicit FreshDatabase(const DatabaseConfig& admin) : m_admin(admin)
    {
        m_config = admin;
        m_config.database = QStringLiteral("otp_bench_%1_%2")
                                .arg(QCoreApplication::applicationPid())
                                .arg(QRandomGenerator::system()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
        adminExec(admin, QStringLiteral("CREATE DATABASE %1").arg(m_config.database));
        Database db(m_config);
        db.migrate();
        AcceptingCore core(db, QByteArray(kPepper));
        const Outcome o = core.service.policySet(QStringLiteral("default"), std::nullopt,
                                                 {{QStringLiteral("sends_per_hour"), QStringLiteral("100")},
                                                  {QStringLiteral("sends_per_day"), QStringLiteral("1000")},
                                                  {QStringLiteral("cooldown_s"), QStringLiteral("0")},
                                                  {QStringLiteral("prefix_burst_cap"), QStringLiteral("100000")}},
                                                 {});
        if (o.status != OutcomeStatus::Ok)
            throw StoreError(QStringLiteral("policy set failed: %1").arg(o.message));
    }
    ~FreshDatabase()
    {
        try {
            adminExec(m_admin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_config.database));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "not dropped: %s\n", e.what());
        }
    }
    const DatabaseConfig& config() const { return m_config; }
    QString url() const { return m_config.displayUrl(); }

private:
    DatabaseConfig m_admin, m_config;
};

// N worker processes, K pairs each; pairs per second over the wall time from "go" to the last exit.
double benchCore(const QString& self, const FreshDatabase& fresh, int clients, int pairs, double* cpuMsPerPair)
{
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < clients; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(self, {QStringLiteral("--worker"), QStringLiteral("--db"), fresh.url(), QStringLiteral("--pairs"),
                        QString::number(pairs), QStringLiteral("--offset"), QString::number(i + 1)});
        procs.push_back(std::move(p));
    }
    for (auto& p : procs) {
        while (!p->canReadLine()) {
            if (!p->waitForReadyRead(60000)) {
                std::fprintf(stderr, "a worker did not get ready\n");
                std::exit(1);
            }
        }
        if (p->readLine().trimmed() != "ready") {
            std::fprintf(stderr, "a worker failed to start\n");
            std::exit(1);
        }
    }
    QElapsedTimer t;
    t.start();
    for (auto& p : procs)
        p->write("go\n");
    double cpuMs = 0;
    for (auto& p : procs) {
        p->waitForFinished(-1);
        if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0) {
            std::fprintf(stderr, "a worker failed (exit %d)\n", p->exitCode());
            std::exit(1);
        }
        const QList<QByteArray> done = p->readAll().trimmed().split(' ');
        if (done.size() == 3)
            cpuMs += done.at(2).toDouble();
    }
    const double wall = t.nsecsElapsed() / 1e9;
    *cpuMsPerPair = cpuMs / (double(clients) * pairs);
    return double(clients) * pairs / wall;
}

// The statements of one send (sync delivery, accepted at once) and one verify as otpcore runs them on
// PostgreSQL, in its transactions and order, captured with log_statement = all from a worker of this
// bench: send (policy, latest challenge; then in one transaction the per-prefix advisory lock, the cap
// and cooldown SELECTs, INSERT challenge, INSERT delivery leased to itself, NOTIFY), the delivery
// (one transaction marking it `sending` and storing the code's hash, the vendor call, one recording
// the answer), verify (policy, lockout, challenge, the attempt UPDATE … RETURNING outside a
// transaction, then the status flip and the account creation in one). Values are pgbench variables
// (random phones, ids through \gset as RETURNING id does in SqlSession::insert). JSON literals keep a
// space after each colon: pgbench would read ":true" as a variable.
const char* kScript = R"SQL(\set n random(100000000, 999999999)
\set now 1700000000000 + :client_id * 1000 + random(1, 999)
\set hour :now - 3600000
\set day :now - 86400000
\set minute :now - 60000
\set exp :now + 300000
\set lease :now + 60000
SELECT purpose, pkey, pvalue FROM policies WHERE tenant = 'default' AND (purpose = '*' OR purpose = 'login') ORDER BY purpose;
SELECT id, ref, tenant, destination, dest_prefix, dest_region, channel, purpose, status, attempts, max_attempts, send_count, code_hash, code_length, expires_at, created_at, updated_at, verified_at, last_vendor, vendor_ref, vendor_response FROM challenges WHERE tenant = 'default' AND destination = '+91' || :n AND purpose = 'login' ORDER BY created_at DESC, id DESC LIMIT 1;
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('send' || chr(58) || '+91' || (:n / 1000)));
SELECT id, ref, tenant, destination, dest_prefix, dest_region, channel, purpose, status, attempts, max_attempts, send_count, code_hash, code_length, expires_at, created_at, updated_at, verified_at, last_vendor, vendor_ref, vendor_response FROM challenges WHERE tenant = 'default' AND destination = '+91' || :n AND purpose = 'login' ORDER BY created_at DESC, id DESC LIMIT 1;
SELECT COUNT(*) FROM deliveries WHERE tenant = 'default' AND destination = '+91' || :n AND created_at > :hour AND try_no = 1;
SELECT COUNT(*) FROM deliveries WHERE tenant = 'default' AND destination = '+91' || :n AND created_at > :day AND try_no = 1;
SELECT MAX(created_at) FROM deliveries WHERE tenant = 'default' AND destination = '+91' || :n AND try_no = 1;
SELECT * FROM lockouts WHERE tenant = 'default' AND destination = '+91' || :n AND locked_until > :now AND released_at IS NULL ORDER BY locked_until DESC LIMIT 1;
SELECT COUNT(*) FROM deliveries WHERE dest_prefix = '+91' || (:n / 1000) AND created_at > :minute AND try_no = 1;
INSERT INTO challenges (ref, tenant, destination, dest_prefix, dest_region, channel, purpose, status, attempts, max_attempts, send_count, code_hash, code_length, expires_at, created_at, updated_at, last_vendor, vendor_ref) VALUES (md5(random()::text), 'default', '+91' || :n, '+91' || (:n / 1000), 'IN', 'sms', 'login', 'pending', 0, 3, 1, '', 6, :exp, :now, :now, 'bench', '') RETURNING id AS cid \gset
INSERT INTO deliveries (challenge_id, tenant, destination, dest_prefix, vendor, channel, send_no, try_no, state, vendor_code, message_id, reason, excerpt, created_at, updated_at, next_try_at, lease_owner, lease_until) VALUES (:cid, 'default', '+91' || :n, '+91' || (:n / 1000), 'bench', 'sms', 1, 1, 'queued', '', '', '', '', :now, :now, :now, 'bench', :lease) RETURNING id AS did \gset
NOTIFY otp_changes;
COMMIT;
BEGIN;
SELECT * FROM deliveries WHERE id = :did;
SELECT id, ref, tenant, destination, dest_prefix, dest_region, channel, purpose, status, attempts, max_attempts, send_count, code_hash, code_length, expires_at, created_at, updated_at, verified_at, last_vendor, vendor_ref, vendor_response FROM challenges WHERE id = :cid;
SELECT purpose, pkey, pvalue FROM policies WHERE tenant = 'default' AND (purpose = '*' OR purpose = 'login') ORDER BY purpose;
SELECT MAX(send_no) FROM deliveries WHERE challenge_id = :cid;
UPDATE deliveries SET state = 'sending', lease_until = :lease, updated_at = :now WHERE id = :did AND state = 'queued' AND lease_owner = 'bench';
UPDATE challenges SET code_hash = md5(random()::text), updated_at = :now WHERE id = :cid AND status = 'pending' AND send_count = 1;
COMMIT;
BEGIN;
UPDATE deliveries SET state = 'accepted', http_status = 200, vendor_code = 'OK', message_id = 'bench', reason = '', latency_ms = 0, excerpt = '{"status": "success"}', updated_at = :now, lease_owner = NULL, lease_until = NULL WHERE id = :did;
NOTIFY otp_changes;
UPDATE challenges SET last_vendor = 'bench', vendor_ref = 'bench', vendor_response = '{"http_status": 200, "latency_ms": 0, "message_id": "bench", "reason": "", "response": "{\"status\": \"success\"}", "success": true, "vendor": "bench", "vendor_code": "OK"}', updated_at = :now WHERE id = :cid;
COMMIT;
SELECT purpose, pkey, pvalue FROM policies WHERE tenant = 'default' AND (purpose = '*' OR purpose = 'login') ORDER BY purpose;
SELECT * FROM lockouts WHERE tenant = 'default' AND destination = '+91' || :n AND locked_until > :now AND released_at IS NULL ORDER BY locked_until DESC LIMIT 1;
SELECT id, ref, tenant, destination, dest_prefix, dest_region, channel, purpose, status, attempts, max_attempts, send_count, code_hash, code_length, expires_at, created_at, updated_at, verified_at, last_vendor, vendor_ref, vendor_response FROM challenges WHERE tenant = 'default' AND destination = '+91' || :n AND purpose = 'login' ORDER BY created_at DESC, id DESC LIMIT 1;
UPDATE challenges SET attempts = attempts + 1, updated_at = :now WHERE id = :cid AND status = 'pending' AND attempts < max_attempts AND expires_at > :now RETURNING attempts;
BEGIN;
UPDATE challenges SET status = 'verified', verified_at = :now, updated_at = :now WHERE id = :cid AND status = 'pending';
NOTIFY otp_changes;
SELECT pg_advisory_xact_lock(hashtext('account' || chr(58) || 'default' || chr(58) || '+91' || :n));
SELECT * FROM accounts WHERE tenant = 'default' AND (phone = '+91' || :n OR email = '+91' || :n) ORDER BY id LIMIT 1;
SELECT * FROM accounts WHERE tenant = 'default' AND (phone = '+91' || :n OR email = '+91' || :n) ORDER BY id LIMIT 1;
INSERT INTO accounts (tenant, phone, email, first_name, last_name, address, status, phone_verified, email_verified, profile_completed, created_at, updated_at) VALUES ('default', '+91' || :n, NULL, '', '', '', 'active', 1, 0, 0, :now, :now) ON CONFLICT DO NOTHING RETURNING id;
COMMIT;
)SQL";

double benchPgbench(const QString& pgbench, const QString& script, const FreshDatabase& fresh, int clients, int pairs)
{
    const DatabaseConfig& c = fresh.config();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), c.password);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(pgbench, {QStringLiteral("-n"), QStringLiteral("-M"), QStringLiteral("prepared"), QStringLiteral("-f"),
                      script, QStringLiteral("-c"), QString::number(clients), QStringLiteral("-j"),
                      QString::number(clients), QStringLiteral("-t"), QString::number(pairs), QStringLiteral("-h"),
                      c.host, QStringLiteral("-p"), QString::number(c.port), QStringLiteral("-U"), c.user, c.database});
    p.waitForFinished(-1);
    const QString out = QString::fromUtf8(p.readAll());
    static const QRegularExpression tps(QStringLiteral(R"(tps = ([0-9.]+) \(without initial connection time\))"));
    const auto m = tps.match(out);
    if (p.exitCode() != 0 || !m.hasMatch() || (out.contains(QLatin1String("failed"), Qt::CaseInsensitive) &&
                                                      !out.contains(QLatin1String("number of failed transactions: 0")))) {
        std::fprintf(stderr, "pgbench failed:\n%s\n", qPrintable(out));
        std::exit(1);
    }
    return m.captured(1).toDouble();
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*.info=false"));
    qputenv("OTP_PEPPER", kPepper);
    qputenv("OTP_SECRETS", "env");
    const QStringList args = app.arguments();
    try {
        if (args.contains(QStringLiteral("--worker")))
            return runWorker(args);

        const int pairs = argValue(args, QStringLiteral("--pairs"), QStringLiteral("1000")).toInt();
        QList<int> clientCounts;
        for (const QString& c : argValue(args, QStringLiteral("--clients"), QStringLiteral("1,8")).split(QLatin1Char(',')))
            clientCounts << c.toInt();
        DatabaseConfig admin;
        QString error;
        const QString adminUrl = argValue(args, QStringLiteral("--admin"),
                                          qEnvironmentVariable("OTP_TEST_PG_URL",
                                                               QStringLiteral("postgresql://otp@127.0.0.1:5432/postgres")));
        if (!DatabaseConfig::fromUrl(adminUrl, &admin, &error) || admin.dialect != SqlDialect::Postgres) {
            std::fprintf(stderr, "pg_bench: bad PostgreSQL URL %s: %s\n", qPrintable(adminUrl), qPrintable(error));
            return 2;
        }
        admin.password = qEnvironmentVariable("OTP_TEST_DB_PASSWORD", QStringLiteral("otp-test-password"));
        qputenv("OTP_DB_PASSWORD", admin.password.toUtf8());
        const QString pgbench = QStandardPaths::findExecutable(QStringLiteral("pgbench"));
        if (pgbench.isEmpty()) {
            std::fprintf(stderr, "pg_bench: pgbench is not installed (postgresql-contrib / postgresql-15)\n");
            return 2;
        }
        if (args.contains(QStringLiteral("--skip-without-server"))) {
            try {
                adminExec(admin, QStringLiteral("SELECT 1"));
            } catch (const std::exception& e) {
                std::fprintf(stderr, "pg_bench: skipped, %s\n", e.what());
                return 77;
            }
        }
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("pair.sql"));
        {
            QFile f(script);
            if (!f.open(QIODevice::WriteOnly))
                throw StoreError(QStringLiteral("cannot write %1").arg(script));
            f.write(kScript);
        }

        struct Row { int clients; double core, raw, cpu; };
        QList<Row> rows;
        for (int clients : clientCounts) {
            Row r{clients, 0, 0, 0};
            {
                FreshDatabase fresh(admin);
                r.raw = benchPgbench(pgbench, script, fresh, clients, pairs);
            }
            {
                FreshDatabase fresh(admin);
                r.core = benchCore(app.applicationFilePath(), fresh, clients, pairs, &r.cpu);
            }
            rows << r;
        }
        std::printf("otpcore on PostgreSQL (%s), %d send+verify pairs per client process, in-memory vendor\n",
                    qPrintable(admin.displayUrl()), pairs);
        std::printf("  %8s %16s %16s %8s %22s\n", "clients", "otpcore pairs/s", "pgbench pairs/s", "ratio",
                    "otpcore CPU ms/pair");
        bool ok = true;
        for (const Row& r : rows) {
            std::printf("  %8d %16.0f %16.0f %8.2f %22.2f\n", r.clients, r.core, r.raw, r.core / r.raw, r.cpu);
            ok = ok && r.core / r.raw >= 0.5;
        }
        std::printf("  goal: ratio >= 0.50 %s\n", ok ? "(met)" : "(missed)");
        return 0;
    } catch (const std::exception& e) { // StoreError, or adminExec's std::runtime_error
        std::fprintf(stderr, "pg_bench: %s\n", e.what());
        return 1;
    }
}
