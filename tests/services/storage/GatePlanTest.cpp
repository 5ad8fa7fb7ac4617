// The send gate counts one destination's recent sends (DeliveryLog::gateCounts) before every send. Those
// counts must read that destination's rows, not the tenant's, also while the server has no statistics
// for deliveries: a new database, or a table that grew since its last ANALYZE. Until migration 014 the
// per-address index (tenant, client_ip, created_at, try_no) covered every delivery, and PostgreSQL's
// planner, with nothing to tell the two apart, used it for the per-destination counts: each send then
// read every delivery of the tenant in the window, three times (15,000 buffers and 4 ms at 5,000
// deliveries, and growing). The rows read are the server's own counters for this session and
// transaction, so the test measures what the statement did, not which plan it printed.
// SQLite is left out: it has no per-statement row counter reachable through QtSql, and without
// sqlite_stat1 its planner ranks indexes by the equality columns they match, where ix_deliveries_dest wins.
#include "DeliveryLog.h"
#include "SqlSession.h"
#include "TestDatabase.h"

#include <QStringList>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
constexpr qint64 kNow = 1790000000000;
constexpr int kOthers = 3000;
const QString kPhone = QStringLiteral("+919876543210");
const QString kPrefix = QStringLiteral("+919876543");

// Rows the server read for this session so far: MariaDB's handler counters (session scope), or on
// PostgreSQL the table's counters for the current transaction.
qint64 rowsRead(SqlSession& s)
{
    if (s.dialect() == SqlDialect::MySql) {
        qint64 n = 0;
        for (const SqlRow& r : s.select(QStringLiteral("SHOW SESSION STATUS LIKE 'Handler_read%'")))
            n += r.value(1).toLongLong();
        return n;
    }
    return s.scalar(QStringLiteral("SELECT COALESCE(idx_tup_fetch, 0) + COALESCE(seq_tup_read, 0) FROM "
                                   "pg_stat_xact_user_tables WHERE relname = 'deliveries'")).toLongLong();
}

QString deliveryRow(qint64 challengeId, const QString& destination, const QString& prefix, qint64 at, int tryNo)
{
    return QStringLiteral("(%1, 'default', '%2', '%3', 'gupshup', 'sms', 1, %4, 'accepted', 'OK', 'm', '', '', %5, %5, "
                          "NULL, NULL, NULL, NULL)")
        .arg(challengeId)
        .arg(destination, prefix)
        .arg(tryNo)
        .arg(at);
}
} // namespace

TEST(GatePlan, TheSendGateReadsItsDestinationsRowsNotTheTenantsWhenTheTableHasNoStatistics)
{
    TestDatabase t;
    SqlSession& s = t.database().session();
    if (s.dialect() == SqlDialect::Sqlite)
        GTEST_SKIP() << "no row counter for a statement on SQLite (see the file's comment)";
    if (s.dialect() == SqlDialect::Postgres)
        s.execute(QStringLiteral("ALTER TABLE deliveries SET (autovacuum_enabled = false)")); // no ANALYZE meanwhile

    const qint64 challengeId = s.insert(QStringLiteral(
        "INSERT INTO challenges (ref, tenant, destination, dest_prefix, dest_region, channel, purpose, status, attempts, "
        "max_attempts, send_count, code_hash, code_length, expires_at, created_at, updated_at, last_vendor, vendor_ref) "
        "VALUES ('r1', 'default', ?, ?, 'IN', 'sms', 'login', 'pending', 0, 3, 1, 'h', 6, ?, ?, ?, '', '')"),
        {kPhone, kPrefix, kNow + 300000, kNow, kNow});
    // The tenant's other traffic of the last minutes (sent by otpctl or a worker: no client address), then
    // two sends to the destination the gate asks about.
    const QString insert = QStringLiteral(
        "INSERT INTO deliveries (challenge_id, tenant, destination, dest_prefix, vendor, channel, send_no, try_no, state, "
        "vendor_code, message_id, reason, excerpt, created_at, updated_at, next_try_at, lease_owner, lease_until, client_ip) VALUES ");
    for (int chunk = 0; chunk < kOthers / 500; ++chunk) {
        QStringList rows;
        for (int i = chunk * 500; i < (chunk + 1) * 500; ++i) {
            const QString other = QStringLiteral("+9190%1").arg(10000000 + i * 7919, 8, 10, QLatin1Char('0'));
            rows << deliveryRow(challengeId, other, other.left(other.size() - 3), kNow - 60000 * 10 + i * 100, 1);
        }
        s.execute(insert + rows.join(QStringLiteral(", ")));
    }
    s.execute(insert + deliveryRow(challengeId, kPhone, kPrefix, kNow - 120000, 1) + QStringLiteral(", ") +
              deliveryRow(challengeId, kPhone, kPrefix, kNow - 60000, 2));

    DeliveryLog log(s);
    const CapKey key{QStringLiteral("default"), kPhone, false};
    WriteTransaction tx(s);
    // Ten times, so PostgreSQL's cached statement has moved on to its generic plan (after five).
    const qint64 first = rowsRead(s);
    const qint64 counterItself = rowsRead(s) - first; // MariaDB's SHOW STATUS reads rows of its own
    const qint64 before = rowsRead(s);
    DeliveryLog::GateCounts c;
    for (int i = 0; i < 10; ++i)
        c = log.gateCounts(key, kPhone, kPrefix, kNow, kNow - 3600000, kNow - 86400000, kNow - 60000);
    const qint64 perSend = (rowsRead(s) - before - counterItself) / 10;

    EXPECT_EQ(c.lastHour, 2);
    EXPECT_EQ(c.lastDay, 2);
    EXPECT_EQ(c.lastSendAt, kNow - 120000);
    // Each count walks the destination's two rows (and an engine's probes around them), never the 3,000
    // others: the old index made this about 3 x 3,000 on PostgreSQL.
    EXPECT_LT(perSend, 100) << "rows read by one gate check";
}
