// Send+verify pairs per second through otpcore on the three-node Galera cluster of .ci/galera-cluster
// (issue 17), in one run beside one node of it alone and beside the plain single MariaDB server:
//   plain      every client on OTP_TEST_MARIADB_URL (no replication; skipped when it does not answer)
//   one node   every client on node 1 of the cluster (each commit certified and replicated to 2 others)
//   spread     client i on node i % 3 (every node takes writes: the multi-primary case)
// The clients are `server_bench --worker` processes (tests/bench/ServerBench.cpp: an in-memory vendor
// that accepts at once, distinct phones per client), so the figures are the core and its database work.
//
//   galera_bench [--seconds S] [--clients 1,3,12]      every client runs pairs for S seconds (default 6)
//
// The cluster comes from OTP_TEST_GALERA_URLS, the password from OTP_TEST_DB_PASSWORD. Without the
// cluster it says so and exits 77. Each measurement gets a fresh database, dropped at the end.
#include "AcceptingGateway.h"
#include "Database.h"
#include "ScratchDatabase.h"
#include "StoreError.h"
#include "WorkerGang.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace otp;
using otp::test::adminExec;
using otp::test::ScratchDatabase;

namespace {
QString argValue(const QStringList& args, const QString& name, const QString& fallback = {})
{
    const qsizetype at = args.indexOf(name);
    return at > 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

// A fresh migrated database on `admins[0]`'s server, checked on every other node of `admins`, caps raised
// so no send is refused; dropped at the end.
class BenchDatabase
{
public:
    explicit BenchDatabase(const QList<DatabaseConfig>& admins) : m_admins(admins)
    {
        m_name = QStringLiteral("otp_gbench_%1").arg(QCoreApplication::applicationPid()) + QString::number(++s_counter);
        adminExec(admins.first(), QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin").arg(m_name));
        Database db(config(0));
        db.migrate();
        // Every node has it (a node's sessions read with wsrep_sync_wait: after the whole cluster's commits).
        for (int n = 1; n < admins.size(); ++n)
            if (Database(config(n)).schemaVersion() != db.latestVersion())
                throw StoreError(QStringLiteral("node %1 has not got the schema").arg(n + 1));
        otp::test::AcceptingCore core(db, QByteArrayLiteral("galera-bench-pepper"));
        core.liftCapsForBench();
    }
    ~BenchDatabase()
    {
        try {
            adminExec(m_admins.first(), QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_name));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "not dropped: %s\n", e.what());
        }
    }
    DatabaseConfig config(int node) const
    {
        DatabaseConfig c = m_admins.at(node % m_admins.size());
        c.database = m_name;
        return c;
    }

private:
    static inline int s_counter = 0;
    QList<DatabaseConfig> m_admins;
    QString m_name;
};

// `clients` server_bench workers, client i on node `i % nodes`, for `seconds`; pairs/s over the window.
double run(const QString& serverBench, const BenchDatabase& db, int clients, double seconds, int nodes)
{
    bench::WorkerGang gang(serverBench, clients, [&](int i) {
        return QStringList{QStringLiteral("--worker"), QStringLiteral("--db"), db.config(i % nodes).displayUrl(),
                           QStringLiteral("--seconds"), QString::number(seconds), QStringLiteral("--offset"),
                           QString::number(i + 1)};
    });
    gang.waitReady(120000);
    return gang.go().pairsPerSecond();
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*.info=false"));
    const QStringList args = app.arguments();
    try {
        const QList<DatabaseConfig> cluster = ScratchDatabase::galeraNodes();
        if (cluster.size() < 2) {
            std::printf("galera_bench: skipped, OTP_TEST_GALERA_URLS is unset (eval \"$(bash .ci/galera-cluster)\")\n");
            return 77;
        }
        qputenv("OTP_DB_PASSWORD", cluster.first().password.toUtf8());
        const double seconds = argValue(args, QStringLiteral("--seconds"), QStringLiteral("6")).toDouble();
        QList<int> clientCounts;
        for (const QString& c : argValue(args, QStringLiteral("--clients"), QStringLiteral("1,3,12")).split(QLatin1Char(',')))
            clientCounts << qMax(1, c.toInt());
        QList<DatabaseConfig> plain;
        DatabaseConfig single;
        QString error;
        if (DatabaseConfig::fromUrl(qEnvironmentVariable("OTP_TEST_MARIADB_URL", QStringLiteral("mysql://otp@127.0.0.1:3306/otp_admin")),
                                    &single, &error)) {
            single.password = cluster.first().password;
            try {
                adminExec(single, QStringLiteral("SELECT 1"));
                plain << single;
            } catch (const std::exception& e) {
                std::fprintf(stderr, "galera_bench: no plain MariaDB beside the cluster: %s\n", e.what());
            }
        }
        const QString serverBench = QStringLiteral(OTP_BENCH_SERVER_BENCH);
        std::printf("otpcore send+verify pairs/s, %g s per measurement, in-memory vendor, server_bench workers\n", seconds);
        std::printf("  %8s %14s %14s %14s %12s %18s\n", "clients", "plain MariaDB", "Galera 1 node", "Galera spread",
                    "spread/plain", "Galera ms/pair (1)");
        // A measurement whose worker fails (a flow that lost its conflict retries) shows "failed" and why,
        // and the others still run; the exit code says that one failed.
        bool anyFailed = false;
        auto measure = [&](const QList<DatabaseConfig>& servers, int clients, int nodes) {
            try {
                BenchDatabase db(servers);
                return run(serverBench, db, clients, seconds, nodes);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "galera_bench: %d clients on %d node(s): %s\n", clients, nodes, e.what());
                anyFailed = true;
                return -1.0;
            }
        };
        auto cell = [](double r) { return r < 0 ? QStringLiteral("failed") : QString::number(r, 'f', 0); };
        for (int clients : clientCounts) {
            const double rPlain = plain.isEmpty() ? 0 : measure(plain, clients, 1);
            const double rOne = measure(cluster, clients, 1);
            const double rSpread = measure(cluster, clients, int(cluster.size()));
            std::printf("  %8d %14s %14s %14s %11.2fx %18s\n", clients, qPrintable(cell(rPlain)), qPrintable(cell(rOne)),
                        qPrintable(cell(rSpread)), rPlain > 0 && rSpread > 0 ? rSpread / rPlain : 0.0,
                        clients == 1 && rOne > 0 ? qPrintable(QStringLiteral("%1 (plain %2)").arg(1000.0 / rOne, 0, 'f', 2)
                                                                  .arg(rPlain > 0 ? 1000.0 / rPlain : 0.0, 0, 'f', 2))
                                                 : "");
            std::fflush(stdout);
        }
        std::printf("  one machine: the three nodes and the clients share its cores; spread = clients on node i %% %lld\n",
                    (long long)cluster.size());
        return anyFailed ? 1 : 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "galera_bench: %s\n", e.what());
        return 1;
    }
}
