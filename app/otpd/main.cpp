#include "OtpdProcess.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("otpd"));
    QCoreApplication::setOrganizationName(QStringLiteral("otp-console"));
    // One line per request and per event, timestamped, on stderr (journald adds its own time).
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-warning}warning %{endif}%{if-critical}error %{endif}%{category}: %{message}"));
    return otp::OtpdProcess::run(QCoreApplication::arguments());
}
