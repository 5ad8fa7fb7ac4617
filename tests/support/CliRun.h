#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>

#include <gtest/gtest.h>

namespace otp::test {

// One finished otpctl process: exit code, both streams, and the --json object it printed.
struct CliRun
{
    int exitCode = -1;
    QJsonObject json;
    QString stdoutText, stderrText;
    QString status() const { return json.value(QStringLiteral("status")).toString(); }
    std::string all() const { return (stdoutText + stderrText).toStdString(); }

    // Waits for `p` (bounded) and collects what it printed.
    static CliRun finish(QProcess& p)
    {
        CliRun r;
        EXPECT_TRUE(p.waitForFinished(60000));
        r.exitCode = p.exitCode();
        r.stdoutText = QString::fromUtf8(p.readAllStandardOutput());
        r.stderrText = QString::fromUtf8(p.readAllStandardError());
        r.json = QJsonDocument::fromJson(r.stdoutText.toUtf8()).object();
        return r;
    }
};

// The otpctl binary under test (ctest passes it as OTPCTL).
inline QString otpctlPath()
{
    const QString path = qEnvironmentVariable("OTPCTL");
    EXPECT_FALSE(path.isEmpty()) << "OTPCTL must name the otpctl binary";
    return path;
}

} // namespace otp::test
