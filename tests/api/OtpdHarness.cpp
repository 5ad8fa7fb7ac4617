#include "OtpdHarness.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <gtest/gtest.h>

#include <csignal>

namespace otp::test {

QString otpdPath()
{
#ifdef OTP_TEST_OTPD
    return QStringLiteral(OTP_TEST_OTPD);
#else
    return qEnvironmentVariable("OTPD");
#endif
}

RunningOtpd::RunningOtpd(const QProcessEnvironment& env, const QStringList& arguments, const QString& portFile)
    : m_process(std::make_unique<QProcess>())
{
    m_process->setProcessEnvironment(env);
    m_process->start(otpdPath(), arguments + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                         QStringLiteral("--port-file"), portFile});
    if (!m_process->waitForStarted(30000)) {
        m_startup = m_process->errorString();
        return;
    }
    // Ready when it says so on stdout (it prints that once the port is bound and the port file written).
    const QDeadlineTimer deadline(60000);
    while (!m_startup.contains(QLatin1String("listening on")) && !deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(int(qMin<qint64>(1000, deadline.remainingTime())));
        m_startup += QString::fromUtf8(m_process->readAllStandardOutput());
    }
    if (!m_startup.contains(QLatin1String("listening on"))) {
        m_startup += QString::fromUtf8(m_process->readAllStandardError());
        return;
    }
    QFile f(portFile);
    if (f.open(QIODevice::ReadOnly))
        m_port = quint16(f.readAll().trimmed().toUInt());
}

RunningOtpd::~RunningOtpd()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

void RunningOtpd::signalTerm()
{
    if (m_process->state() != QProcess::NotRunning)
        ::kill(pid_t(m_process->processId()), SIGTERM);
}

void RunningOtpd::kill()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(30000);
}

int RunningOtpd::terminate()
{
    if (m_process->state() == QProcess::NotRunning)
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(30000))
        return -1;
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QString RunningOtpd::log()
{
    m_log += QString::fromUtf8(m_process->readAllStandardError());
    return m_log;
}

HttpClient::HttpClient() : m_nam(std::make_unique<QNetworkAccessManager>()) {}
HttpClient::~HttpClient() = default;

HttpAnswer HttpClient::call(const QString& baseUrl, const HttpCall& c)
{
    return all({{baseUrl, c}}).value(0);
}

QNetworkReply* HttpClient::start(const QString& base, const HttpCall& c)
{
    QNetworkRequest request(QUrl(base + c.path));
    request.setTransferTimeout(30000);
    if (!c.key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + c.key.toLatin1());
    if (!c.body.isEmpty() && c.json)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& h : c.headers)
        request.setRawHeader(h.first, h.second);
    return m_nam->sendCustomRequest(request, c.method, c.body);
}

HttpAnswer HttpClient::finish(QNetworkReply* r)
{
    if (!r->isFinished()) {
        QEventLoop loop;
        QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer guard;
        guard.setSingleShot(true);
        QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
        guard.start(120000);
        loop.exec();
    }
    HttpAnswer a;
    a.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.raw = r->readAll();
    a.json = QJsonDocument::fromJson(a.raw).object();
    for (const auto& h : r->rawHeaderPairs())
        a.headers.insert(h.first.toLower(), h.second);
    if (r->error() != QNetworkReply::NoError && a.status == 0)
        a.error = r->errorString();
    r->abort();
    r->deleteLater();
    return a;
}

QList<HttpAnswer> HttpClient::all(const QList<QPair<QString, HttpCall>>& calls)
{
    QList<QNetworkReply*> replies;
    for (const auto& [base, c] : calls)
        replies << start(base, c);
    int open = int(replies.size());
    QEventLoop loop;
    for (QNetworkReply* r : replies)
        QObject::connect(r, &QNetworkReply::finished, &loop, [&] {
            if (--open == 0)
                loop.quit();
        });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(120000);
    if (open > 0)
        loop.exec();
    QList<HttpAnswer> out;
    for (QNetworkReply* r : replies)
        out << finish(r);
    return out;
}

} // namespace otp::test
