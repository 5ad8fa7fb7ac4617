#include "SecretsCommand.h"

#include "AuditLog.h"
#include "OtpRuntime.h"
#include "SecretStores.h"
#include "StoreError.h"

#include <QFile>
#include <QJsonArray>
#include <QStringDecoder>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace otp {

namespace {
const QString kUse = QStringLiteral("use: secrets set NAME (value on stdin) | secrets list | secrets delete NAME");

Outcome invalid(const QString& message)
{
    return Outcome::make(OutcomeStatus::InvalidInput, message);
}

Outcome internal(const QString& message)
{
    return Outcome::make(OutcomeStatus::InternalError, message);
}

QString nameRule(const QString& name)
{
    return QStringLiteral("'%1' is not a valid secret name: use lower-case letters, digits and . _ / -, starting with "
                          "a letter or digit, at most 100 characters (e.g. vendor/gupshup)")
        .arg(name.left(120));
}

// A terminal gets a prompt and no echo; anything else is read whole (a pipe, a file, a heredoc).
QByteArray readStdin(bool* tooLong)
{
    const qsizetype limit = SecretsCommand::kMaxValueBytes;
    QByteArray raw;
    if (::isatty(STDIN_FILENO)) {
        std::fputs("secret value (not shown): ", stderr);
        std::fflush(stderr);
        termios saved{};
        const bool quiet = ::tcgetattr(STDIN_FILENO, &saved) == 0;
        if (quiet) {
            termios noEcho = saved;
            noEcho.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &noEcho);
        }
        int c;
        while ((c = std::fgetc(stdin)) != EOF && c != '\n' && raw.size() <= limit)
            raw.append(char(c));
        if (quiet)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    } else {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly))
            raw = in.read(limit + 1);
    }
    *tooLong = raw.size() > limit;
    return raw;
}

// The value of `secrets set`, or an error in plain words.
std::optional<QString> readValue(QString* error)
{
    bool tooLong = false;
    QByteArray raw = readStdin(&tooLong);
    if (raw.endsWith("\r\n"))
        raw.chop(2);
    else if (raw.endsWith('\n'))
        raw.chop(1);
    std::optional<QString> value;
    if (tooLong) {
        *error = QStringLiteral("the value on stdin is longer than %1 bytes").arg(SecretsCommand::kMaxValueBytes);
    } else if (raw.trimmed().isEmpty()) {
        *error = QStringLiteral("refusing an empty value: give the secret on stdin, e.g. "
                                "printf '%s' \"$TOKEN\" | otpctl secrets set NAME");
    } else if (raw.contains('\0')) {
        *error = QStringLiteral("the value on stdin contains a NUL byte");
    } else {
        QStringDecoder decode(QStringDecoder::Utf8);
        QString text = decode(raw);
        if (decode.hasError())
            *error = QStringLiteral("the value on stdin is not valid UTF-8");
        else
            value = std::move(text);
    }
    raw.fill('\0');
    return value;
}

bool envOverrides(const QString& name)
{
    return !qEnvironmentVariable(SecretStores::environmentVariable(name).toLocal8Bit().constData()).isEmpty();
}

// The backend a listed name comes from, in words.
QJsonObject backendsOf(SecretStore& store, const QStringList& names, QString* error)
{
    QJsonObject out;
    auto* chain = dynamic_cast<ChainSecretStore*>(&store);
    if (!chain) {
        for (const QString& n : names)
            out.insert(n, store.describe());
        return out;
    }
    const QStringList primary = chain->primary().names(error);
    if (!error->isEmpty())
        return {};
    for (const QString& n : names) {
        const bool stored = primary.contains(n);
        const bool overridden = envOverrides(n);
        QString where;
        if (stored && overridden)
            where = QStringLiteral("%1 (overridden by %2)").arg(chain->primary().describe(), SecretStores::environmentVariable(n));
        else if (stored)
            where = chain->primary().describe();
        else
            where = QStringLiteral("environment (%1)").arg(SecretStores::environmentVariable(n));
        out.insert(n, where);
    }
    return out;
}

bool isReadOnly(SecretStore& store)
{
    return dynamic_cast<EnvSecretStore*>(&store) != nullptr;
}

// One audit row: who, which secret, which store. Never the value.
QString audit(OtpRuntime& runtime, const QString& action, const QString& name, const QString& where)
{
    const Outcome o = runtime.service().recordSecretChange(action, name, where, Actor::currentOsUser(QStringLiteral("cli")));
    return o.ok() ? QString() : o.message;
}

std::unique_ptr<OtpRuntime> openRuntime(const QString& databaseUrl, QString* error)
{
    OtpRuntime::Options options;
    options.databaseUrl = databaseUrl;
    return OtpRuntime::open(options, error);
}
Outcome listSecrets(SecretStore& store)
{
    QString error;
    const QStringList names = store.names(&error);
    const QJsonObject backends = error.isEmpty() ? backendsOf(store, names, &error) : QJsonObject();
    if (!error.isEmpty())
        return internal(error);
    Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 secret(s) in the %2").arg(QString::number(names.size()), store.describe()));
    o.details.insert(QStringLiteral("secrets"), QJsonArray::fromStringList(names));
    o.details.insert(QStringLiteral("backends"), backends);
    o.details.insert(QStringLiteral("store"), store.describe());
    return o;
}

Outcome setSecret(SecretStore& writable, bool chained, const QString& name, const QString& databaseUrl)
{
    QString error;
    const std::optional<QString> value = readValue(&error);
    if (!value)
        return invalid(error);
    auto runtime = openRuntime(databaseUrl, &error);
    if (!runtime)
        return internal(QStringLiteral("nothing stored: %1").arg(error));
    if (!writable.set(name, *value, &error))
        return internal(error);
    const QString where = writable.describe();
    if (const QString auditError = audit(*runtime, QStringLiteral("secret_set"), name, where); !auditError.isEmpty())
        return internal(QStringLiteral("the secret was stored but its audit row was not written: %1").arg(auditError));
    Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("stored secret '%1' in the %2").arg(name, where));
    o.details.insert(QStringLiteral("name"), name);
    o.details.insert(QStringLiteral("store"), where);
    if (chained && envOverrides(name)) {
        o.message += QStringLiteral("; note: %1 is set and wins when the secret is read").arg(SecretStores::environmentVariable(name));
        o.details.insert(QStringLiteral("overridden_by"), SecretStores::environmentVariable(name));
    }
    return o;
}

Outcome deleteSecret(SecretStore& writable, bool chained, const QString& name, const QString& databaseUrl)
{
    QString error;
    const std::optional<QString> existing = writable.get(name, &error);
    if (!error.isEmpty())
        return internal(error);
    if (!existing) {
        if (chained && envOverrides(name))
            return invalid(QStringLiteral("'%1' comes from the environment (%2), not the %3: unset it there")
                               .arg(name, SecretStores::environmentVariable(name), writable.describe()));
        return invalid(QStringLiteral("there is no secret named '%1' in the %2").arg(name, writable.describe()));
    }
    auto runtime = openRuntime(databaseUrl, &error);
    if (!runtime)
        return internal(QStringLiteral("nothing deleted: %1").arg(error));
    if (!writable.remove(name, &error))
        return internal(error);
    const QString where = writable.describe();
    if (const QString auditError = audit(*runtime, QStringLiteral("secret_delete"), name, where); !auditError.isEmpty())
        return internal(QStringLiteral("the secret was deleted but its audit row was not written: %1").arg(auditError));
    Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("deleted secret '%1' from the %2").arg(name, where));
    o.details.insert(QStringLiteral("name"), name);
    o.details.insert(QStringLiteral("store"), where);
    if (chained && envOverrides(name)) {
        o.message += QStringLiteral("; note: %1 is still set and still provides it").arg(SecretStores::environmentVariable(name));
        o.details.insert(QStringLiteral("overridden_by"), SecretStores::environmentVariable(name));
    }
    return o;
}
} // namespace

Outcome SecretsCommand::run(const QStringList& arguments, const QString& databaseUrl)
{
    const QString sub = arguments.value(0);
    const bool takesName = sub == QLatin1String("set") || sub == QLatin1String("delete");
    if (sub != QLatin1String("list") && !takesName)
        return invalid(sub.isEmpty() ? kUse : QStringLiteral("unknown secrets command '%1'; %2").arg(sub.left(40), kUse));
    if (arguments.size() != (takesName ? 2 : 1)) {
        if (takesName && arguments.size() < 2)
            return invalid(QStringLiteral("secrets %1 needs a NAME; %2").arg(sub, kUse));
        if (sub == QLatin1String("set"))
            return invalid(QStringLiteral("secrets set takes the value on stdin, never on the command line (it would show in ps)"));
        return invalid(QStringLiteral("unexpected argument '%1'; %2").arg(arguments.value(takesName ? 2 : 1).left(40), kUse));
    }
    const QString name = arguments.value(1);
    if (takesName && !SecretStores::isValidName(name))
        return invalid(nameRule(name));

    QString error;
    std::unique_ptr<SecretStore> store = SecretStores::fromEnvironment(&error);
    if (!store)
        return internal(error);
    auto* chain = dynamic_cast<ChainSecretStore*>(store.get());
    SecretStore& writable = chain ? chain->primary() : *store;
    if (sub == QLatin1String("list"))
        return listSecrets(*store);
    if (isReadOnly(*store)) {
        QString readOnly;
        if (sub == QLatin1String("set"))
            store->set(name, QString(), &readOnly);
        else
            store->remove(name, &readOnly);
        return invalid(readOnly + QStringLiteral(" (OTP_SECRETS=env)"));
    }
    if (sub == QLatin1String("set"))
        return setSecret(writable, chain != nullptr, name, databaseUrl);
    return deleteSecret(writable, chain != nullptr, name, databaseUrl);
}

} // namespace otp
