// SmtpGateway against a real SMTP server: Debian's python3-aiosmtpd, started per test on a free
// loopback port with a small handler that writes every message it accepts to a file, accepts AUTH
// without TLS for one user, defers busy@… (451) and refuses nobody@… (550).
#include "GatewayFactory.h"
#include "SmtpGateway.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace {

using namespace otp;

const QString kCode = QStringLiteral("482913");
const QString kUser = QStringLiteral("otp-user");
const QString kPassword = QStringLiteral("right-password");

const char kServerScript[] = R"PY(
import os, sys, threading
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

outdir, port = sys.argv[1], int(sys.argv[2])

class Handler:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith('busy@'):
            return '451 4.3.0 Mailbox busy, try again later'
        if address.startswith('nobody@'):
            return '550 5.1.1 No such user'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        login = session.auth_data.login.decode() if session.authenticated else ''
        content = envelope.original_content or envelope.content
        path = os.path.join(outdir, 'msg-%d.eml' % n)
        with open(path + '.tmp', 'wb') as f:
            f.write(('X-Envelope-From: %s\r\nX-Envelope-To: %s\r\nX-Auth-Login: %s\r\n'
                     % (envelope.mail_from, ','.join(envelope.rcpt_tos), login)).encode())
            f.write(content)
        os.rename(path + '.tmp', path)  # whole files only, for the test reading them
        return '250 2.0.0 Ok: queued as %d' % n

def authenticator(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b'otp-user' and auth_data.password == b'right-password'
    # handled=False: let aiosmtpd answer the failure itself (535), instead of staying silent.
    return AuthResult(success=ok, handled=ok, auth_data=auth_data)

controller = Controller(Handler(), hostname='127.0.0.1', port=port, authenticator=authenticator,
                        auth_require_tls=False, auth_required=False)
controller.start()
threading.Event().wait()
)PY";

// The interpreter that has aiosmtpd: Debian's, which a pyenv or venv python3 on PATH may hide.
QString pythonWithAiosmtpd()
{
    for (const QString& candidate : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
        if (probe.waitForFinished(20000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return candidate;
    }
    return {};
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

class SmtpGatewayTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    QString mailDir() const { return dir.filePath(QStringLiteral("mail")); }
    QProcess server;
    quint16 port = 0;

    void TearDown() override
    {
        if (server.state() != QProcess::NotRunning) {
            server.kill();
            server.waitForFinished(5000);
        }
    }

    // Starts the server and waits until its port accepts connections (polling, no fixed sleep).
    void startServer()
    {
        const QString python = pythonWithAiosmtpd();
        if (python.isEmpty())
            FAIL() << "no python3 with aiosmtpd (apt install python3-aiosmtpd; make deps does)";
        ASSERT_TRUE(QDir().mkpath(mailDir()));
        const QString script = dir.filePath(QStringLiteral("smtpd.py"));
        QFile f(script);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(kServerScript);
        f.close();
        port = freePort();
        server.setStandardOutputFile(dir.filePath(QStringLiteral("smtpd.log")));
        server.setStandardErrorFile(dir.filePath(QStringLiteral("smtpd.log")), QIODevice::Append);
        server.start(python, {script, mailDir(), QString::number(port)});
        ASSERT_TRUE(server.waitForStarted(10000)) << server.errorString().toStdString();
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 20000) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, port);
            if (probe.waitForConnected(500)) {
                probe.abort();
                return;
            }
            // Doubles as the poll interval, and ends the wait at once if the server died.
            if (server.waitForFinished(25))
                break;
        }
        QFile log(dir.filePath(QStringLiteral("smtpd.log")));
        log.open(QIODevice::ReadOnly);
        FAIL() << "SMTP server did not come up on port " << port << ": " << log.readAll().toStdString();
    }

    VendorConfig smtpConfig(quint16 onPort, const QString& username = kUser, int timeoutMs = 10000) const
    {
        VendorConfig c;
        c.name = QStringLiteral("mail");
        c.kind = QStringLiteral("smtp");
        c.secretName = username.isEmpty() ? QString() : QStringLiteral("vendor/mail");
        c.settings = {{QStringLiteral("url"), QStringLiteral("smtp://127.0.0.1:%1").arg(onPort)},
                      {QStringLiteral("starttls"), QStringLiteral("none")},
                      {QStringLiteral("username"), username},
                      {QStringLiteral("from"), QStringLiteral("Acme Sign-in <otp@acme.example>")},
                      {QStringLiteral("timeout_ms"), timeoutMs}};
        return c;
    }

    static OutgoingMessage email(const QString& to, const QString& body = QStringLiteral("Your sign-in code is 482913.\nIt expires in 5 minutes."))
    {
        OutgoingMessage m;
        m.tenant = QStringLiteral("default");
        m.challengeRef = QStringLiteral("CH-1");
        m.deliveryId = 7;
        m.channel = Channel::Email;
        m.purpose = Purpose::Login;
        m.destination = to;
        m.code = kCode;
        m.body = body;
        return m;
    }

    QStringList receivedFiles() const
    {
        return QDir(mailDir()).entryList({QStringLiteral("msg-*.eml")}, QDir::Files, QDir::Name);
    }
    QByteArray received(const QString& name) const
    {
        QFile f(QDir(mailDir()).filePath(name));
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

    static void expectNoSecrets(const VendorAnswer& a, const QString& password)
    {
        for (const QString& s : {kCode, password}) {
            EXPECT_FALSE(a.reason.contains(s)) << a.reason.toStdString();
            EXPECT_FALSE(a.excerpt.contains(s)) << a.excerpt.toStdString();
        }
    }
};

class OneSecret : public SecretStore
{
public:
    explicit OneSecret(QString value) : m_value(std::move(value)) {}
    QString describe() const override { return QStringLiteral("test store"); }
    std::optional<QString> get(const QString&, QString*) override { return m_value; }
    bool set(const QString&, const QString&, QString*) override { return false; }
    bool remove(const QString&, QString*) override { return false; }
    QStringList names(QString*) override { return {}; }

private:
    QString m_value;
};

TEST_F(SmtpGatewayTest, DeliversAnEmailOtpWithAuth)
{
    startServer();
    if (IsSkipped() || HasFatalFailure())
        return;
    OneSecret secrets(kPassword);
    QString error;
    const auto gateway = createGateway(smtpConfig(port), &secrets, &error);
    ASSERT_TRUE(gateway) << error.toStdString();

    const VendorAnswer a = gateway->deliver(email(QStringLiteral("user@example.com")));
    ASSERT_TRUE(a.accepted) << a.reason.toStdString() << " / " << a.excerpt.toStdString();
    EXPECT_FALSE(a.retryable);
    EXPECT_EQ(a.vendor, QStringLiteral("mail"));
    EXPECT_EQ(a.vendorCode, QStringLiteral("OK"));
    EXPECT_EQ(a.excerpt, QStringLiteral("250 2.0.0 Ok: queued as 1"));
    EXPECT_TRUE(a.messageId.endsWith(QStringLiteral("@acme.example"))) << a.messageId.toStdString();
    EXPECT_GE(a.latencyMs, 0);
    expectNoSecrets(a, kPassword);

    const QStringList files = receivedFiles();
    ASSERT_EQ(files.size(), 1);
    const QByteArray mail = received(files.first());
    EXPECT_TRUE(mail.contains("X-Envelope-From: otp@acme.example\r\n")) << mail.toStdString();
    EXPECT_TRUE(mail.contains("X-Envelope-To: user@example.com\r\n"));
    EXPECT_TRUE(mail.contains("X-Auth-Login: otp-user\r\n"));
    EXPECT_TRUE(mail.contains("\r\nTo: user@example.com\r\n"));
    EXPECT_TRUE(mail.contains("\r\nFrom: \"Acme Sign-in\" <otp@acme.example>\r\n"));
    EXPECT_TRUE(mail.contains("\r\nSubject: Your sign-in code\r\n"));
    EXPECT_TRUE(mail.contains("\r\nMessage-ID: <" + a.messageId.toLatin1() + ">\r\n"));
    EXPECT_TRUE(mail.contains("\r\nDate: "));
    EXPECT_TRUE(mail.contains("\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
    EXPECT_TRUE(mail.contains("Your sign-in code is 482913.\r\nIt expires in 5 minutes."));
}

TEST_F(SmtpGatewayTest, UnicodeBodyArrivesIntactAsQuotedPrintable)
{
    startServer();
    if (IsSkipped() || HasFatalFailure())
        return;
    SmtpGateway gateway(smtpConfig(port, QString()), QString());
    const QString body = QStringLiteral("आपका कोड 482913 है।\n.a line starting with a dot\nÀ bientôt — 5 min");
    const VendorAnswer a = gateway.deliver(email(QStringLiteral("hindi@example.com"), body));
    ASSERT_TRUE(a.accepted) << a.reason.toStdString();
    const QByteArray mail = received(receivedFiles().value(0));
    EXPECT_TRUE(mail.contains("Content-Transfer-Encoding: quoted-printable\r\n"));
    const QByteArray encoded = mail.mid(mail.indexOf("\r\n\r\n") + 4);
    const QByteArray decoded = QByteArray::fromPercentEncoding(QByteArray(encoded).replace("=\r\n", ""), '=');
    EXPECT_EQ(QString::fromUtf8(decoded).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).trimmed(), body);
}

TEST_F(SmtpGatewayTest, WrongPasswordIsFinal)
{
    startServer();
    if (IsSkipped() || HasFatalFailure())
        return;
    const QString wrong = QStringLiteral("wrong-pass-9");
    SmtpGateway gateway(smtpConfig(port), wrong);
    const VendorAnswer a = gateway.deliver(email(QStringLiteral("user@example.com")));
    EXPECT_FALSE(a.accepted);
    EXPECT_FALSE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("SMTP_535"));
    EXPECT_TRUE(a.reason.contains(QStringLiteral("username or password"))) << a.reason.toStdString();
    expectNoSecrets(a, wrong);
    EXPECT_TRUE(receivedFiles().isEmpty());
}

TEST_F(SmtpGatewayTest, DeferredRecipientIsRetryableRefusedRecipientIsNot)
{
    startServer();
    if (IsSkipped() || HasFatalFailure())
        return;
    SmtpGateway gateway(smtpConfig(port, QString()), QString());
    const VendorAnswer busy = gateway.deliver(email(QStringLiteral("busy@example.com")));
    EXPECT_FALSE(busy.accepted);
    EXPECT_TRUE(busy.retryable);
    EXPECT_EQ(busy.vendorCode, QStringLiteral("SMTP_451"));
    EXPECT_EQ(busy.excerpt, QStringLiteral("451 4.3.0 Mailbox busy, try again later"));

    const VendorAnswer nobody = gateway.deliver(email(QStringLiteral("nobody@example.com")));
    EXPECT_FALSE(nobody.accepted);
    EXPECT_FALSE(nobody.retryable);
    EXPECT_EQ(nobody.vendorCode, QStringLiteral("SMTP_550"));
    EXPECT_TRUE(nobody.reason.contains(QStringLiteral("No such user"))) << nobody.reason.toStdString();
    EXPECT_TRUE(receivedFiles().isEmpty());
}

TEST_F(SmtpGatewayTest, RequiredStarttlsOnAServerWithoutItIsFinal)
{
    startServer();
    if (IsSkipped() || HasFatalFailure())
        return;
    VendorConfig c = smtpConfig(port, QString());
    c.settings.insert(QStringLiteral("starttls"), QStringLiteral("required"));
    SmtpGateway gateway(c, QString());
    const VendorAnswer a = gateway.deliver(email(QStringLiteral("user@example.com")));
    EXPECT_FALSE(a.accepted);
    EXPECT_FALSE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("STARTTLS_UNAVAILABLE"));
    EXPECT_TRUE(receivedFiles().isEmpty()); // nothing went out in clear text
}

TEST_F(SmtpGatewayTest, ConcurrentDeliveriesFromSeveralThreads)
{
    startServer();
    if (IsSkipped() || HasFatalFailure())
        return;
    SmtpGateway gateway(smtpConfig(port), kPassword);
    constexpr int kThreads = 4, kEach = 3;
    std::vector<std::thread> threads;
    std::atomic<int> accepted{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                if (gateway.deliver(email(QStringLiteral("user%1-%2@example.com").arg(t).arg(i))).accepted)
                    ++accepted;
            }
        });
    }
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(accepted.load(), kThreads * kEach);
    EXPECT_EQ(receivedFiles().size(), kThreads * kEach);
}

TEST_F(SmtpGatewayTest, RefusedConnectionIsRetryable)
{
    const quint16 closed = freePort(); // bound then released: nothing listens there
    SmtpGateway gateway(smtpConfig(closed, QString()), QString());
    const VendorAnswer a = gateway.deliver(email(QStringLiteral("user@example.com")));
    EXPECT_FALSE(a.accepted);
    EXPECT_TRUE(a.retryable);
    EXPECT_EQ(a.httpStatus, 0);
    EXPECT_EQ(a.vendorCode, QStringLiteral("CONNECTION_REFUSED"));
    EXPECT_TRUE(a.reason.startsWith(QStringLiteral("could not connect to the SMTP server"))) << a.reason.toStdString();
}

TEST_F(SmtpGatewayTest, SilentServerTimesOut)
{
    // Listening but never accepting: the kernel completes the handshake, no greeting ever comes.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    SmtpGateway gateway(smtpConfig(silent.serverPort(), QString(), 400), QString());
    const VendorAnswer a = gateway.deliver(email(QStringLiteral("user@example.com")));
    EXPECT_FALSE(a.accepted);
    EXPECT_TRUE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("TIMEOUT"));
    EXPECT_GE(a.latencyMs, 350);
    EXPECT_LT(a.latencyMs, 5000);
}

} // namespace
