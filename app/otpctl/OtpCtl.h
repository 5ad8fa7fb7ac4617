#pragma once

#include "Outcome.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace otp {

class OtpRuntime;
class OtpService;
struct Actor;

// The otpctl command-line contract of DESIGN.md: commands, --json, exit codes.
class OtpCtl
{
public:
    OtpCtl();
    ~OtpCtl();
    // Runs one command line (argv[0] included); returns the process exit code.
    int run(const QStringList& arguments);

private:
    struct Cli;     // the options (OtpCtl.cpp)
    struct Request; // what the command line asks, validated before the database is opened
    // run()'s steps, in order. A value is the exit code of a command that ends there.
    std::optional<int> checkCommand(const Request& r);
    std::optional<int> validate(const Cli& cli, Request& r);
    std::optional<int> validatePositionals(Request& r);
    std::optional<int> runFlowCommand(OtpRuntime& runtime, const Cli& cli, const Request& r);
    std::optional<int> runOpsCommand(OtpRuntime& runtime, const Cli& cli, const Request& r);
    int runTemplates(OtpService& service, const Cli& cli, const Request& r, const Actor& actor);
    int runWorker(OtpRuntime& runtime, const Cli& cli, const Request& r);
    int runSimulate(OtpRuntime& runtime, const Cli& cli, const Request& r);

    int report(const Outcome& outcome);
    int fail(OutcomeStatus status, const QString& message);

    bool m_json = false;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace otp
