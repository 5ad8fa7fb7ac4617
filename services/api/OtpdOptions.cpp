#include "OtpdOptions.h"

#include "ClientAddress.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace otp {

bool OtpdOptions::parseListen(const QString& text, QHostAddress* address, quint16* port, QString* error)
{
    static const QRegularExpression re(QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]]+):(\\d{1,5})$"));
    const auto m = re.match(text.trimmed());
    bool ok = m.hasMatch();
    const uint p = ok ? m.captured(2).toUInt(&ok) : 0;
    if (!ok || p > 65535) {
        *error = QStringLiteral("--listen '%1' must be ADDR:PORT (127.0.0.1:8080, [::1]:0, 0.0.0.0:8080)").arg(text);
        return false;
    }
    QString host = m.captured(1);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    QHostAddress a;
    if (host == QLatin1String("localhost"))
        a = QHostAddress(QHostAddress::LocalHost);
    else if (!a.setAddress(host)) {
        *error = QStringLiteral("--listen '%1': '%2' is not an IP address").arg(text, host);
        return false;
    }
    *address = a;
    *port = quint16(p);
    return true;
}

bool OtpdOptions::parse(const QStringList& arguments, OtpdOptions* out, QString* error)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("otpd: the HTTP service apps call (HTTP-API.md), over the same core as otpctl."));
    p.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("database URL (sqlite:///path.db, postgresql://user@host/db, mysql://user@host/db); default OTP_DB or the app data SQLite file"), QStringLiteral("URL"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("address and port (default OTP_HTTP_LISTEN or 127.0.0.1:8080; port 0 picks a free one)"), QStringLiteral("ADDR:PORT"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("request threads, each with its own database connection (default 16; 8 on SQLite)"), QStringLiteral("N"));
    const QCommandLineOption noWorker(QStringLiteral("no-worker"), QStringLiteral("do not run the outbox worker in this process"));
    const QCommandLineOption workerConcurrency(QStringLiteral("worker-concurrency"), QStringLiteral("outbox worker threads (default 4)"), QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption trusted(QStringLiteral("trusted-proxy"), QStringLiteral("a proxy whose X-Forwarded-For is believed (address or CIDR; repeatable)"), QStringLiteral("CIDR"));
    const QCommandLineOption portFile(QStringLiteral("port-file"), QStringLiteral("write the bound port to PATH once listening"), QStringLiteral("PATH"));
    const QCommandLineOption keyRate(QStringLiteral("key-rate"), QStringLiteral("requests per second per API key (default 50/s)"), QStringLiteral("N/s"), QStringLiteral("50/s"));
    const QCommandLineOption metricsToken(QStringLiteral("metrics-token"), QStringLiteral("bearer token for /metrics from other than loopback (or OTP_METRICS_TOKEN)"), QStringLiteral("TOKEN"));
    p.addOptions({db, listen, threads, noWorker, workerConcurrency, trusted, portFile, keyRate, metricsToken});
    out->helpText = p.helpText();
    if (!p.parse(arguments)) {
        *error = p.errorText();
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out->help = true;
        return true;
    }
    if (!p.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first());
        return false;
    }
    out->databaseUrl = p.value(db);
    out->listenText = p.isSet(listen) ? p.value(listen) : qEnvironmentVariable("OTP_HTTP_LISTEN", QStringLiteral("127.0.0.1:8080"));
    if (!parseListen(out->listenText, &out->listenAddress, &out->listenPort, error))
        return false;
    bool ok = true;
    out->threads = p.isSet(threads) ? p.value(threads).toInt(&ok) : 0;
    if (!ok || (p.isSet(threads) && (out->threads < 1 || out->threads > 256))) {
        *error = QStringLiteral("--threads must be a number from 1 to 256");
        return false;
    }
    out->workerConcurrency = p.value(workerConcurrency).toInt(&ok);
    if (!ok || out->workerConcurrency < 1 || out->workerConcurrency > 64) {
        *error = QStringLiteral("--worker-concurrency must be a number from 1 to 64");
        return false;
    }
    out->worker = !p.isSet(noWorker);
    out->trustedProxies = p.values(trusted);
    ClientAddress check;
    if (const QString problem = check.setTrustedProxies(out->trustedProxies); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    out->portFile = p.value(portFile);
    QString rate = p.value(keyRate).trimmed();
    if (rate.endsWith(QLatin1String("/s")))
        rate.chop(2);
    out->keyRatePerSecond = rate.toDouble(&ok);
    if (!ok || !(out->keyRatePerSecond > 0) || out->keyRatePerSecond > 1e6) {
        *error = QStringLiteral("--key-rate must look like 50/s (a positive number of requests per second)");
        return false;
    }
    out->metricsToken = p.isSet(metricsToken) ? p.value(metricsToken) : qEnvironmentVariable("OTP_METRICS_TOKEN");
    return true;
}

} // namespace otp
