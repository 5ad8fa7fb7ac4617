// `otpctl worker` as a real process on the run's engine (issue 10 item 14): a lease shorter than a
// vendor's timeout is refused (other workers would close live rows as lost), and SIGTERM stops the
// worker taking rows at once — the delivery in flight finishes and is recorded, the rest stay queued.
// The seam that holds a delivery in flight is deterministic: the dev gateway's outbox is a FIFO, so
// its write blocks until the test opens the other end.
#include "CliRun.h"
#include "DevGateway.h"
#include "OtpService.h"
#include "PepperSource.h"
#include "ScratchDatabase.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using otp::test::CliRun;

namespace {
const otp::Actor kAdmin{QStringLiteral("asha"), QStringLiteral("admin")};

class WorkerCli : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    otp::test::ScratchDatabase database{dir.path()};

    QProcessEnvironment env(const QString& devOutbox) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("OTP_DEV_OUTBOX"), devOutbox);
        e.insert(QStringLiteral("HOME"), dir.path());
        e.insert(QStringLiteral("OTP_SECRETS"), QStringLiteral("env"));
        database.addTo(e);
        return e;
    }
    std::unique_ptr<QProcess> start(QStringList args, const QString& devOutbox) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env(devOutbox));
        p->start(otp::test::otpctlPath(), args << QStringLiteral("--db") << database.url() << QStringLiteral("--json"));
        return p;
    }
    CliRun run(const QStringList& args) const
    {
        auto p = start(args, dir.filePath(QStringLiteral("outbox.jsonl")));
        return CliRun::finish(*p);
    }
};
} // namespace

TEST_F(WorkerCli, ALeaseShorterThanAVendorTimeoutIsRefused)
{
    const CliRun added = run({QStringLiteral("vendors"), QStringLiteral("add"), QStringLiteral("slowsms"), QStringLiteral("--kind"),
                              QStringLiteral("gupshup"), QStringLiteral("--secret"), QStringLiteral("vendor/slowsms"),
                              QStringLiteral("base_url=http://127.0.0.1:9"), QStringLiteral("userid=u"), QStringLiteral("timeout_ms=30000")});
    ASSERT_EQ(added.exitCode, 0) << added.all();
    for (const QString& lease : {QStringLiteral("10"), QStringLiteral("30")}) {
        const CliRun refused = run({QStringLiteral("worker"), QStringLiteral("--once"), QStringLiteral("--lease-s"), lease});
        EXPECT_EQ(refused.exitCode, 2) << lease.toStdString() << ": " << refused.all();
        EXPECT_EQ(refused.status(), QStringLiteral("invalid_input"));
        const QString message = refused.json.value(QStringLiteral("message")).toString();
        EXPECT_TRUE(message.contains(QStringLiteral("slowsms")) && message.contains(QStringLiteral("--lease-s"))) << refused.all();
    }
    const CliRun ok = run({QStringLiteral("worker"), QStringLiteral("--once"), QStringLiteral("--lease-s"), QStringLiteral("40")});
    EXPECT_EQ(ok.exitCode, 0) << ok.all();
    // Without --lease-s the lease is lengthened to fit the slowest vendor instead (60 s is the default).
    const CliRun slower = run({QStringLiteral("vendors"), QStringLiteral("add"), QStringLiteral("slowsms"), QStringLiteral("--kind"),
                               QStringLiteral("gupshup"), QStringLiteral("--secret"), QStringLiteral("vendor/slowsms"),
                               QStringLiteral("base_url=http://127.0.0.1:9"), QStringLiteral("userid=u"), QStringLiteral("timeout_ms=60000")});
    ASSERT_EQ(slower.exitCode, 0) << slower.all();
    EXPECT_EQ(run({QStringLiteral("worker"), QStringLiteral("--once"), QStringLiteral("--lease-s"), QStringLiteral("60")}).exitCode, 2);
    const CliRun lengthened = run({QStringLiteral("worker"), QStringLiteral("--once")});
    EXPECT_EQ(lengthened.exitCode, 0) << lengthened.all();
}

TEST_F(WorkerCli, SigtermStopsTakingRowsAtOnceAndRecordsTheDeliveryInFlight)
{
    constexpr int kSends = 5;
    {
        // Queue the sends in this process (async mode answers `queued`; nothing delivers them here).
        otp::Database db(database.config());
        db.migrate();
        otp::GatewayRegistry gateways;
        gateways.add(std::make_shared<otp::DevGateway>(dir.filePath(QStringLiteral("unused.jsonl")), QSet<QString>{}));
        otp::SystemClock clock;
        otp::SystemRandomSource random;
        QString error;
        const QByteArray pepper = otp::test::ScratchDatabase::isSqlite() ? otp::PepperSource::load(db.config(), &error)
                                                                        : otp::test::ScratchDatabase::serverPepper();
        ASSERT_FALSE(pepper.isEmpty()) << error.toStdString();
        otp::OtpService svc(db, gateways, clock, random, pepper);
        ASSERT_TRUE(svc.policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("delivery"), QStringLiteral("async")}}, kAdmin).ok());
        for (int i = 0; i < kSends; ++i)
            ASSERT_EQ(svc.send({QStringLiteral("default"), QStringLiteral("+91980000100%1").arg(i), otp::Channel::Sms, otp::Purpose::Login, {}, {}}).status,
                      otp::OutcomeStatus::Queued);
        db.releaseThreadSession();
    }
    const QString fifo = dir.filePath(QStringLiteral("outbox.fifo"));
    ASSERT_EQ(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);

    auto worker = start({QStringLiteral("worker"), QStringLiteral("--concurrency"), QStringLiteral("1")}, fifo);
    ASSERT_TRUE(worker->waitForStarted());
    // Wait (bounded) until a row is `sending`: the worker is in its vendor call, held by the FIFO.
    auto count = [&](const char* state) {
        return database.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = ?"), {QString::fromLatin1(state)});
    };
    for (int i = 0; i < 400 && count("sending") < 1; ++i)
        worker->waitForFinished(50);
    ASSERT_EQ(count("sending"), 1) << "the worker should be in its first vendor call";

    worker->terminate(); // SIGTERM
    // The worker says when it has taken the stop in (bounded wait); only then is the call released.
    worker->setReadChannel(QProcess::StandardError);
    QByteArray err;
    for (int i = 0; i < 100 && !err.contains("stopping"); ++i) {
        worker->waitForReadyRead(100);
        err += worker->readAllStandardError();
    }
    EXPECT_TRUE(err.contains("stopping")) << err.toStdString();
    // Release the call (and any later one: the reader stays open until the worker has gone).
    const int reader = ::open(fifo.toLocal8Bit().constData(), O_RDONLY | O_NONBLOCK);
    ASSERT_GE(reader, 0);
    const CliRun done = CliRun::finish(*worker);
    QByteArray lines;
    char buf[4096];
    for (ssize_t n; (n = ::read(reader, buf, sizeof buf)) > 0;)
        lines.append(buf, n);
    ::close(reader);

    EXPECT_EQ(done.exitCode, 0) << done.all() << err.toStdString();
    EXPECT_EQ(lines.count('\n'), 1) << "one message went out";
    EXPECT_EQ(count("accepted"), 1) << "the call in flight finished and was recorded";
    EXPECT_EQ(count("sending"), 0);
    EXPECT_EQ(count("queued"), kSends - 1) << "no row was taken after SIGTERM";
}
