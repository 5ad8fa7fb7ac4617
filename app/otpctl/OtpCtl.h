#pragma once

#include "Outcome.h"

#include <QStringList>
#include <QTextStream>

namespace otp {

class OtpRuntime;

// The otpctl command-line contract of DESIGN.md: commands, --json, exit codes.
class OtpCtl
{
public:
    OtpCtl();
    // Runs one command line (argv[0] included); returns the process exit code.
    int run(const QStringList& arguments);

private:
    int report(const Outcome& outcome);
    int fail(OutcomeStatus status, const QString& message);

    bool m_json = false;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace otp
