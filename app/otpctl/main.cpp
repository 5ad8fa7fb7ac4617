#include "OtpCtl.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("otpctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("otp-console"));
    // Informational core logs are for the console and services; a CLI answers on stdout only.
    if (qEnvironmentVariableIsEmpty("OTP_VERBOSE"))
        QLoggingCategory::setFilterRules(QStringLiteral("otp.*.info=false"));
    return otp::OtpCtl().run(QCoreApplication::arguments());
}
