#pragma once

#include <QHostAddress>
#include <QStringList>

namespace otp {

// otpd's command line (HTTP-API.md "Running"):
//   otpd [--db URL] [--listen ADDR:PORT] [--threads N] [--no-worker] [--trusted-proxy CIDR]…
//        [--port-file PATH] [--key-rate N/s] [--metrics-token TOKEN]
// Defaults: --listen from OTP_HTTP_LISTEN, else 127.0.0.1:8080 (port 0 picks a free one); 16 threads (8 on
// SQLite, enough to fill its group commits: see OtpdProcess);
// 50 requests per second per key; the metrics token may also come from OTP_METRICS_TOKEN (argv shows in ps).
struct OtpdOptions
{
    QString databaseUrl;
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 8080;
    QString listenText = QStringLiteral("127.0.0.1:8080");
    int threads = 0; // 0: the engine's default (OtpdProcess)
    bool worker = true;
    int workerConcurrency = 4;
    QStringList trustedProxies;
    QString portFile;
    double keyRatePerSecond = 50;
    QString metricsToken;
    bool help = false;
    QString helpText;

    // False with *error (plain words naming the option) when the command line is unusable.
    static bool parse(const QStringList& arguments, OtpdOptions* out, QString* error);
    // "127.0.0.1:8080", "[::1]:0", "0.0.0.0:8443", "localhost:8080".
    static bool parseListen(const QString& text, QHostAddress* address, quint16* port, QString* error);
};

} // namespace otp
