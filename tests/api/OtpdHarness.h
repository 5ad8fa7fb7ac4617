#pragma once

#include "ScratchDatabase.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace otp::test {

// One answer otpd gave, as a caller sees it.
struct HttpAnswer
{
    int status = 0;          // 0: no HTTP answer (connection refused, reset, timeout)
    QByteArray raw;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString error;

    QString statusName() const { return json.value(QStringLiteral("status")).toString(); }
    QByteArray header(const char* lowerName) const { return headers.value(QByteArray(lowerName)); }
    std::string text() const { return QString::number(status).toStdString() + " " + raw.toStdString(); }
};

struct HttpCall
{
    QByteArray method = "GET";
    QString path;
    QByteArray body;
    QString key;                                   // Authorization: Bearer <key> when set
    QList<QPair<QByteArray, QByteArray>> headers;  // extra headers
    bool json = true;                              // Content-Type: application/json when a body is sent
};

// A real otpd process on loopback (port 0 + --port-file), ready once it printed "listening on".
class RunningOtpd
{
public:
    RunningOtpd(const QProcessEnvironment& env, const QStringList& arguments, const QString& portFile);
    ~RunningOtpd();
    bool started() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    // SIGTERM, then waits for the exit; returns the exit code (-1 when it did not exit normally).
    int terminate();
    // SIGTERM without waiting.
    void signalTerm();
    // SIGKILL, and waits for the process to be gone.
    void kill();
    // Everything it wrote to stderr so far (the access log).
    QString log();
    QString startupOutput() const { return m_startup; }

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_startup;
    QString m_log;
};

// Blocking HTTP calls (an event loop per call, bounded by a timeout) and many at once.
class HttpClient
{
public:
    HttpClient();
    ~HttpClient();
    HttpAnswer call(const QString& baseUrl, const HttpCall& call);
    // A call left running: finish() waits for its answer.
    QNetworkReply* start(const QString& baseUrl, const HttpCall& call);
    static HttpAnswer finish(QNetworkReply* reply);
    QList<HttpAnswer> all(const QList<QPair<QString, HttpCall>>& calls);

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

// The otpd binary under test.
QString otpdPath();

} // namespace otp::test
