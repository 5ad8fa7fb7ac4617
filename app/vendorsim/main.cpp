#include "PortFile.h"
#include "QuitOnSignal.h"
#include "SimCommandLine.h"
#include "VendorSimulator.h"

#include <QCoreApplication>

#include <cstdio>

namespace {
int fail(const QString& message, int exitCode)
{
    std::fprintf(stderr, "otp-vendor-sim: %s\n", qPrintable(message));
    return exitCode;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("otp-vendor-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1"));

    otp::vendorsim::SimCommandLine commandLine;
    QString error;
    const auto settings = commandLine.parse(app, &error);
    if (!settings)
        return fail(error, 2);

    otp::VendorSimulator sim(settings->config);
    if (sim.start(settings->host, settings->port) == 0)
        return fail(QStringLiteral("cannot listen on %1:%2").arg(settings->hostText).arg(settings->port), 1);
    otp::vendorsim::PortFile portFile(settings->portFile);
    if (!portFile.write(sim.port(), &error))
        return fail(QStringLiteral("cannot write the port file %1: %2").arg(settings->portFile, error), 1);

    std::printf("otp-vendor-sim listening on %s\n", qPrintable(sim.baseUrl().toString()));
    std::fflush(stdout);

    otp::vendorsim::QuitOnSignal quitOnSignal;
    return app.exec();
}
