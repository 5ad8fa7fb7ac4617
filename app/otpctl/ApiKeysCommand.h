#pragma once

#include "Outcome.h"

#include <QStringList>

namespace otp {

class OtpRuntime;
struct Actor;

// `otpctl apikeys create --tenant T --name NAME [--scopes send,verify,read,accounts]` (prints the key
// once: only its hash is stored), `apikeys list [--tenant T]`, `apikeys revoke NAME --reason TEXT`.
// Each change leaves one audit row naming the key, never the key.
class ApiKeysCommand
{
public:
    struct Arguments
    {
        QStringList words;   // what follows "apikeys"
        QString tenant;      // empty: any tenant (list, revoke); create needs one
        QString name;
        QString scopes;
        QString reason;
    };
    static Outcome run(OtpRuntime& runtime, const Arguments& arguments, const Actor& actor);
};

} // namespace otp
