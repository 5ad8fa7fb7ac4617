#pragma once

#include "Outcome.h"

#include <QStringList>

namespace otp {

// `otpctl secrets set NAME | list | delete NAME` over SecretStores::fromEnvironment().
// The value of `set` comes from stdin only (argv shows in `ps`): on a terminal one line read
// without echo, otherwise the whole of stdin less its trailing newline. Values never appear in an
// answer, a log or the audit row; set and delete leave one audit row naming the secret.
class SecretsCommand
{
public:
    static constexpr int kMaxValueBytes = 64 * 1024;

    // arguments: what follows "secrets"; databaseUrl: --db (empty: the default), for the audit row.
    static Outcome run(const QStringList& arguments, const QString& databaseUrl);
};

} // namespace otp
