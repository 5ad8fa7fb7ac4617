// Send+verify pairs per second through otpcore on SQLite, beside the same SQL statements run raw
// through QtSql on the same machine in the same run (the ceiling the core can approach), and the
// p50/p99 latency of one send and one verify. The vendor is an in-memory gateway that accepts at
// once, so the figures measure the core and its database work, not a vendor.
#include "AcceptingGateway.h"
#include "Database.h"
#include "GatewayRegistry.h"
#include "OtpService.h"
#include "PepperSource.h"
#include "Policy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace otp;

namespace {
using otp::test::AcceptingCore;
using otp::test::AcceptingGateway;

struct Figures
{
    double pairsPerS = 0;
    std::vector<double> sendMs, verifyMs;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

QString phone(int i) { return QStringLiteral("+9198%1").arg(10000000 + i * 37 % 89999999, 8, 10, QLatin1Char('0')); }

Figures benchCore(int pairs, const QString& dir)
{
    Database db(DatabaseConfig::sqlite(dir + QStringLiteral("/core.db")));
    db.migrate();
    QString error;
    const QByteArray pepper = PepperSource::load(db.config(), &error);
    AcceptingCore core(db, pepper);
    OtpService& svc = core.service;
    const AcceptingGateway& gw = *core.gateway;
    svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("prefix_burst_cap"), QStringLiteral("100000")}}, {});

    Figures f;
    QElapsedTimer total, one;
    total.start();
    for (int i = 0; i < pairs; ++i) {
        one.start();
        const Outcome s = svc.send({QStringLiteral("default"), phone(i), std::nullopt, Purpose::Login, {}});
        f.sendMs.push_back(one.nsecsElapsed() / 1e6);
        one.start();
        const Outcome v = svc.verify({QStringLiteral("default"), s.destination, gw.lastCode, Purpose::Login});
        f.verifyMs.push_back(one.nsecsElapsed() / 1e6);
        if (s.status != OutcomeStatus::Sent || v.status != OutcomeStatus::Verified) {
            std::fprintf(stderr, "unexpected outcome: %s / %s\n", qPrintable(s.message), qPrintable(v.message));
            std::exit(1);
        }
    }
    f.pairsPerS = pairs / (total.nsecsElapsed() / 1e9);
    return f;
}

// The statements one send and one verify execute, in the same order and transactions, with prepared
// queries reused: the limit of what any code on QtSql could do for the same work.
Figures benchRaw(int pairs, const QString& dir)
{
    Database db(DatabaseConfig::sqlite(dir + QStringLiteral("/raw.db")));
    db.migrate();
    SqlSession& s = db.session();
    const QByteArray pepper = QByteArray(32, 'p');
    const QString t = QStringLiteral("default"), purpose = QStringLiteral("login");
    Figures f;
    QElapsedTimer total, one;
    total.start();
    for (int i = 0; i < pairs; ++i) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString dest = phone(i), prefix = dest.left(dest.size() - 3);
        one.start();
        // send: the decision and the queued try in one transaction (the policy is cached by the core)
        s.execute(QStringLiteral("BEGIN IMMEDIATE"));
        s.select(QStringLiteral("SELECT * FROM challenges WHERE tenant = ? AND destination = ? AND purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1"), {t, dest, purpose});
        s.select(QStringLiteral("SELECT (SELECT COUNT(*) FROM deliveries WHERE tenant = ? AND destination = ? AND created_at > ?), "
                                "(SELECT COUNT(*) FROM deliveries WHERE tenant = ? AND destination = ? AND created_at > ?), "
                                "(SELECT MAX(created_at) FROM deliveries WHERE tenant = ? AND destination = ? AND try_no = 1), "
                                "(SELECT COUNT(*) FROM deliveries WHERE dest_prefix = ? AND created_at > ?), "
                                "(SELECT COUNT(*) FROM lockouts WHERE tenant = ? AND destination = ? AND locked_until > ? AND released_at IS NULL)"),
                 {t, dest, now - 3600000, t, dest, now - 86400000, t, dest, prefix, now - 60000, t, dest, now});
        const QString ref = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 cid = s.insert(QStringLiteral("INSERT INTO challenges (ref, tenant, destination, dest_prefix, dest_region, channel, purpose, status, attempts, max_attempts, send_count, code_hash, code_length, expires_at, created_at, updated_at, last_vendor, vendor_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                    {ref, t, dest, prefix, QStringLiteral("IN"), QStringLiteral("sms"), purpose, QStringLiteral("pending"), 0, 3, 1, QStringLiteral(""), 6, now + 300000, now, now, QStringLiteral("bench"), QStringLiteral("")});
        const qint64 did = s.insert(QStringLiteral("INSERT INTO deliveries (challenge_id, tenant, destination, dest_prefix, vendor, channel, send_no, try_no, state, vendor_code, message_id, reason, excerpt, created_at, updated_at, next_try_at, lease_owner, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, '', '', '', '', ?, ?, ?, ?, ?)"),
                                    {cid, t, dest, prefix, QStringLiteral("bench"), QStringLiteral("sms"), 1, QStringLiteral("queued"), now, now, now, QStringLiteral("bench"), now + 60000});
        s.execute(QStringLiteral("COMMIT"));
        // the delivery: `sending` and the code's HMAC committed before the vendor call, then the answer
        s.execute(QStringLiteral("BEGIN IMMEDIATE"));
        s.select(QStringLiteral("SELECT * FROM deliveries WHERE id = ?"), {did});
        s.select(QStringLiteral("SELECT * FROM challenges WHERE id = ?"), {cid});
        s.update(QStringLiteral("UPDATE deliveries SET state = 'sending', lease_until = ?, updated_at = ? WHERE id = ? AND state = 'queued' AND lease_owner = ?"),
                 {now + 60000, now, did, QStringLiteral("bench")});
        const QString hash = QString::fromLatin1(QMessageAuthenticationCode::hash(ref.toUtf8() + "123456", pepper, QCryptographicHash::Sha256).toHex());
        s.update(QStringLiteral("UPDATE challenges SET code_hash = ?, updated_at = ? WHERE id = ? AND status = 'pending' AND send_count = ?"),
                 {hash, now, cid, 1});
        s.execute(QStringLiteral("COMMIT"));
        s.execute(QStringLiteral("BEGIN IMMEDIATE"));
        s.update(QStringLiteral("UPDATE deliveries SET state = ?, http_status = ?, vendor_code = ?, message_id = ?, reason = ?, latency_ms = ?, excerpt = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?"),
                 {QStringLiteral("accepted"), 200, QStringLiteral("OK"), QStringLiteral("bench"), QStringLiteral(""), 0, QStringLiteral("{}"), now, did});
        s.update(QStringLiteral("UPDATE challenges SET last_vendor = ?, vendor_ref = ?, vendor_response = ?, updated_at = ? WHERE id = ?"),
                 {QStringLiteral("bench"), QStringLiteral("bench"), QStringLiteral("{\"success\":true}"), now, cid});
        s.execute(QStringLiteral("COMMIT"));
        f.sendMs.push_back(one.nsecsElapsed() / 1e6);
        // verify: counted, compared and decided in one transaction
        one.start();
        s.execute(QStringLiteral("BEGIN IMMEDIATE"));
        s.select(QStringLiteral("SELECT * FROM challenges WHERE tenant = ? AND destination = ? AND purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1"), {t, dest, purpose});
        s.select(QStringLiteral("SELECT * FROM lockouts WHERE tenant = ? AND destination = ? AND locked_until > ? AND released_at IS NULL ORDER BY locked_until DESC LIMIT 1"), {t, dest, now});
        s.select(QStringLiteral("UPDATE challenges SET attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'pending' AND attempts < max_attempts AND expires_at > ? RETURNING attempts"), {now, cid, now});
        const QByteArray check = QMessageAuthenticationCode::hash(ref.toUtf8() + "123456", pepper, QCryptographicHash::Sha256).toHex();
        s.update(QStringLiteral("UPDATE challenges SET status = 'verified', verified_at = ?, updated_at = ? WHERE id = ? AND status = 'pending' AND code_hash = ? AND code_hash <> '' AND expires_at > ?"),
                 {now, now, cid, QString::fromLatin1(check), now});
        const QString key = t + QLatin1Char(' ') + dest;
        s.select(QStringLiteral("SELECT * FROM accounts WHERE phone_key = ? OR email_key = ? ORDER BY id LIMIT 1"), {key, key});
        s.insert(QStringLiteral("INSERT INTO accounts (tenant, phone, email, phone_key, email_key, first_name, last_name, address, status, phone_verified, email_verified, profile_completed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '', '', 'active', ?, ?, 0, ?, ?)"),
                 {t, dest, QVariant(), key, QVariant(), 1, 0, now, now});
        s.execute(QStringLiteral("COMMIT"));
        f.verifyMs.push_back(one.nsecsElapsed() / 1e6);
    }
    f.pairsPerS = pairs / (total.nsecsElapsed() / 1e9);
    return f;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*.info=false"));
    int pairs = 3000;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--pairs"));
    if (at > 0 && at + 1 < args.size())
        pairs = args.at(at + 1).toInt();
    QTemporaryDir dir;
    // Warm both paths once so neither pays first-use costs (metadata load, page cache) in its figures.
    benchRaw(50, dir.path() + QStringLiteral("/w1"));
    benchCore(50, dir.path() + QStringLiteral("/w2"));
    const Figures raw = benchRaw(pairs, dir.path());
    const Figures core = benchCore(pairs, dir.path());
    std::printf("otpcore on SQLite (WAL, synchronous=NORMAL), %d send+verify pairs, in-memory vendor\n", pairs);
    std::printf("  %-22s %10s %10s %10s %10s %10s\n", "", "pairs/s", "send p50", "send p99", "verify p50", "verify p99");
    auto row = [](const char* name, const Figures& f) {
        std::printf("  %-22s %10.0f %8.3fms %8.3fms %8.3fms %8.3fms\n", name, f.pairsPerS, percentile(f.sendMs, 0.5),
                    percentile(f.sendMs, 0.99), percentile(f.verifyMs, 0.5), percentile(f.verifyMs, 0.99));
    };
    row("raw QtSql (the limit)", raw);
    row("otpcore", core);
    std::printf("  ratio otpcore / raw: %.2f (goal >= 0.75)\n", core.pairsPerS / raw.pairsPerS);
    return 0;
}
