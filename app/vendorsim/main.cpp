#include "VendorSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    if (::write(g_signalPipe[1], &byte, 1) < 0) {
        // Nothing safe to do inside a signal handler.
    }
}
#endif

int fail(const QString& message, int exitCode = 2)
{
    std::fprintf(stderr, "otp-vendor-sim: %s\n", qPrintable(message));
    return exitCode;
}

QString fromEnv(const char* name, const QString& fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("otp-vendor-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves the Gupshup Enterprise SMS, WATI and MyOperator WhatsApp HTTP APIs for tests and demos.\n"
        "Vendor endpoints: GET|POST /GatewayAPI/rest, POST [/<tenant>]/api/v1|v2/sendTemplateMessage,\n"
        "POST /chat/messages. Control: GET /_sim/health, GET|DELETE /_sim/inbox[?to=DIGITS&vendor=NAME],\n"
        "GET|DELETE /_sim/stats, GET|POST|DELETE /_sim/faults, DELETE /_sim/faults/<id>,\n"
        "GET /_sim/receipt?message_id=ID&outcome=delivered|failed[&form=get|post] (the vendor's delivery report).\n"
        "Credentials default to the environment (OTP_SIM_GUPSHUP_USER, OTP_SIM_GUPSHUP_PASSWORD,\n"
        "OTP_SIM_WATI_TOKEN, OTP_SIM_MYOP_TOKEN, OTP_SIM_MYOP_COMPANY), then to sim-user, sim-password,\n"
        "sim-wati-token, sim-myop-token, sim-company."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOpt(QStringLiteral("port"),
                                     QStringLiteral("TCP port to listen on; 0 picks a free one (default 0)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption hostOpt(QStringLiteral("host"),
                                     QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                     QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption latencyOpt(
        QStringLiteral("latency-ms"),
        QStringLiteral("Delay added to every vendor request, in milliseconds (default 0)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption gupshupUserOpt(QStringLiteral("gupshup-user"),
                                            QStringLiteral("Gupshup userid to accept."), QStringLiteral("U"));
    const QCommandLineOption gupshupPasswordOpt(QStringLiteral("gupshup-password"),
                                                QStringLiteral("Gupshup password to accept."),
                                                QStringLiteral("P"));
    const QCommandLineOption watiTokenOpt(
        QStringLiteral("wati-token"), QStringLiteral("WATI bearer token to accept."), QStringLiteral("T"));
    const QCommandLineOption myopTokenOpt(QStringLiteral("myoperator-token"),
                                          QStringLiteral("MyOperator bearer token to accept."),
                                          QStringLiteral("T"));
    const QCommandLineOption myopCompanyOpt(QStringLiteral("myoperator-company"),
                                            QStringLiteral("MyOperator X-MYOP-COMPANY-ID to accept."),
                                            QStringLiteral("C"));
    const QCommandLineOption myopShapeOpt(
        QStringLiteral("myoperator-shape"),
        QStringLiteral("MyOperator success body: sent (\"Message Sent\"), accepted "
                       "(\"Accepted\" with data ids, the default) or alternate."),
        QStringLiteral("SHAPE"), QStringLiteral("accepted"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"),
                                     QStringLiteral("Seed for the fault rate dice (default 1)."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption inboxLimitOpt(
        QStringLiteral("inbox-limit"),
        QStringLiteral("Keep at most N messages in the inbox, oldest dropped (default 100000)."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption portFileOpt(
        QStringLiteral("port-file"),
        QStringLiteral("Write the bound port to PATH (atomically) once listening."), QStringLiteral("PATH"));
    const QCommandLineOption enforceOpt(
        QStringLiteral("enforce"),
        QStringLiteral("Vendor rules to enforce, comma-separated: otp-button (MyOperator OTP templates need the "
                       "code in their copy-code button), dlt (Gupshup SMS to +91 need principalEntityId and "
                       "dltTemplateId)."),
        QStringLiteral("RULES"));
    const QCommandLineOption dltTemplateOpt(
        QStringLiteral("dlt-template"),
        QStringLiteral("A registered DLT template, ID=TEXT with {#var#} for each variable (repeatable); with "
                       "--enforce dlt an SMS to +91 must match its template word for word."),
        QStringLiteral("ID=TEXT"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      QStringLiteral("Do not log one line per request."));
    parser.addOptions({portOpt, hostOpt, latencyOpt, gupshupUserOpt, gupshupPasswordOpt, watiTokenOpt,
                       myopTokenOpt, myopCompanyOpt, myopShapeOpt, seedOpt, inboxLimitOpt, portFileOpt,
                       enforceOpt, dltTemplateOpt, quietOpt});
    parser.process(app);

    otp::VendorSimulator::Config config;
    config.gupshupUser = fromEnv("OTP_SIM_GUPSHUP_USER", config.gupshupUser);
    config.gupshupPassword = fromEnv("OTP_SIM_GUPSHUP_PASSWORD", config.gupshupPassword);
    config.watiToken = fromEnv("OTP_SIM_WATI_TOKEN", config.watiToken);
    config.myOperatorToken = fromEnv("OTP_SIM_MYOP_TOKEN", config.myOperatorToken);
    config.myOperatorCompany = fromEnv("OTP_SIM_MYOP_COMPANY", config.myOperatorCompany);
    if (parser.isSet(gupshupUserOpt))
        config.gupshupUser = parser.value(gupshupUserOpt);
    if (parser.isSet(gupshupPasswordOpt))
        config.gupshupPassword = parser.value(gupshupPasswordOpt);
    if (parser.isSet(watiTokenOpt))
        config.watiToken = parser.value(watiTokenOpt);
    if (parser.isSet(myopTokenOpt))
        config.myOperatorToken = parser.value(myopTokenOpt);
    if (parser.isSet(myopCompanyOpt))
        config.myOperatorCompany = parser.value(myopCompanyOpt);

    bool ok = false;
    const uint port = parser.value(portOpt).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(QStringLiteral("--port must be a number between 0 and 65535"));
    config.latencyMs = parser.value(latencyOpt).toInt(&ok);
    if (!ok || config.latencyMs < 0)
        return fail(QStringLiteral("--latency-ms must be a number >= 0"));
    config.seed = parser.value(seedOpt).toUInt(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed must be a non-negative number"));
    config.inboxLimit = parser.value(inboxLimitOpt).toInt(&ok);
    if (!ok || config.inboxLimit < 1)
        return fail(QStringLiteral("--inbox-limit must be a number >= 1"));
    const QString shape = parser.value(myopShapeOpt).toLower();
    if (shape == QLatin1String("sent"))
        config.myOperatorShape = otp::VendorSimulator::MyOperatorShape::Sent;
    else if (shape == QLatin1String("accepted"))
        config.myOperatorShape = otp::VendorSimulator::MyOperatorShape::Accepted;
    else if (shape == QLatin1String("alternate"))
        config.myOperatorShape = otp::VendorSimulator::MyOperatorShape::Alternate;
    else
        return fail(QStringLiteral("--myoperator-shape must be sent, accepted or alternate"));
    config.logRequests = !parser.isSet(quietOpt);
    for (const QString& rule : parser.value(enforceOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (rule.trimmed() == QLatin1String("otp-button"))
            config.requireOtpButton = true;
        else if (rule.trimmed() == QLatin1String("dlt"))
            config.enforceDlt = true;
        else
            return fail(QStringLiteral("--enforce knows otp-button and dlt, not '%1'").arg(rule.trimmed()));
    }
    for (const QString& entry : parser.values(dltTemplateOpt)) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("--dlt-template must be ID=TEXT, not '%1'").arg(entry));
        config.dltTemplates.insert(entry.left(eq).trimmed(), entry.mid(eq + 1));
    }

    const QString hostText = parser.value(hostOpt);
    QHostAddress host;
    if (hostText == QLatin1String("localhost"))
        host = QHostAddress(QHostAddress::LocalHost);
    else if (!host.setAddress(hostText))
        return fail(QStringLiteral("--host must be an IP address, e.g. 127.0.0.1"));

    otp::VendorSimulator sim(config);
    if (sim.start(host, quint16(port)) == 0)
        return fail(QStringLiteral("cannot listen on %1:%2").arg(hostText).arg(port), 1);

    const QString portFile = parser.value(portFileOpt);
    if (!portFile.isEmpty()) {
        // QSaveFile writes a temporary file and renames it: readers never see a partial port.
        QSaveFile file(portFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(sim.port()) + '\n') < 0 ||
            !file.commit())
            return fail(QStringLiteral("cannot write the port file %1: %2").arg(portFile, file.errorString()),
                        1);
    }

    std::printf("otp-vendor-sim listening on %s\n", qPrintable(sim.baseUrl().toString()));
    std::fflush(stdout);

#ifdef Q_OS_UNIX
    // SIGINT/SIGTERM end the event loop so the port file is removed on the way out.
    if (::pipe(g_signalPipe) == 0) {
        auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
        std::signal(SIGINT, onTerminationSignal);
        std::signal(SIGTERM, onTerminationSignal);
    }
#endif

    const int rc = app.exec();
    if (!portFile.isEmpty())
        QFile::remove(portFile);
    return rc;
}
