#include "OtpCtl.h"

#include "ApiKeysCommand.h"
#include "AuditLog.h"
#include "OtpRuntime.h"
#include "OutboxCommands.h"
#include "SecretsCommand.h"
#include "TrafficSimulator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cstdio>

namespace otp {

namespace {
const char* kUsage = R"(Commands:
  send     --to DEST [--channel sms|whatsapp|email] [--purpose P] [--vendor NAME]
  resend   --to DEST [--purpose P] [--channel C] [--vendor NAME]
  verify   --to DEST --code CODE [--purpose P]
  cancel   --to DEST [--purpose P] [--reason TEXT]
  status   --to DEST [--purpose P]      why this destination can or cannot get a code now
  history  --to DEST [--limit N]        challenges and every vendor answer
  accounts --to DEST                    the account behind a destination
  profile  --to DEST [--first-name X] [--last-name X] [--email X] [--address X]
  lockouts [--active]
  alarms   [--active]                   vendor health, outbox depth, lockouts and conversion alarms (judged now)
           | alarms ack ID --reason TEXT  an operator has seen it (audited)
  unlock   --to DEST --reason TEXT
  stats    [--since 15m|1h|24h|7d] [--by vendor|channel|status]
  policy   show [--purpose P]  |  policy set [--purpose P] KEY=VALUE...
  audit    [--limit N] [--to DEST]
  migrate
  cleanup  [--stale-after SECONDS]
  simulate [--rate N] [--duration S | --flows N] [--seed N] [--refuse-share F]
  worker   [--once] [--concurrency N] [--lease-s S] [--duration S]   deliver the outbox (async mode)
  receipt  --vendor NAME [--query 'externalId=…&status=…']   a delivery receipt (JSON body on stdin)
  operators list | set LOGIN --role support|admin|qa [--name NAME] | remove LOGIN
  vendors  list | add NAME --kind gupshup|wati|myoperator|smtp [--secret NAME] KEY=VALUE... | remove NAME
           health [NAME] [--since 15m]   success rate, timeouts, p95 latency and circuit breaker per vendor
           open NAME --reason TEXT | close NAME --reason TEXT   force a vendor's breaker (audited)
  templates list | set --purpose P --channel C --lang L TEXT... | remove --purpose P --channel C --lang L
           the texts codes travel in ({code} once, {minutes}, {app}, {purpose}); SMS to India checked against DLT
  apikeys  create --tenant T --name NAME [--scopes send,verify,read,accounts] | list [--tenant T]
           | revoke NAME --reason TEXT      keys of the apps calling otpd (shown once, stored hashed)
  secrets  set NAME (value on stdin) | secrets list | secrets delete NAME
           OS keychain; OTP_SECRETS_DIR=DIR for files, OTP_SECRETS=env for OTP_SECRET_<NAME> only
Purposes: login, registration, password_reset, signup.
Exit codes: 0 ok, 1 internal error, 2 bad input, 3 refused by policy, 4 verification failed, 5 delivery failed.)";

std::optional<qint64> parseWindow(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)([smhd])$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 mult = unit == u's' ? 1 : unit == u'm' ? 60 : unit == u'h' ? 3600 : 86400;
    return n * mult;
}

QString humanValue(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    return QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                                 .toJson(QJsonDocument::Compact));
}
} // namespace

OtpCtl::OtpCtl() : m_out(stdout), m_err(stderr) {}

int OtpCtl::report(const Outcome& o)
{
    if (m_json) {
        m_out << QString::fromUtf8(QJsonDocument(o.toJson()).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        QTextStream& s = o.exitCode() == 0 ? m_out : m_err;
        s << o.statusName() << ": " << o.message << '\n';
        const QJsonObject j = o.toJson();
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == QLatin1String("status") || it.key() == QLatin1String("message"))
                continue;
            if (it.value().isArray()) {
                s << it.key() << ":\n";
                for (const QJsonValue& row : it.value().toArray())
                    s << "  " << humanValue(row) << '\n';
            } else {
                s << "  " << it.key() << ": " << humanValue(it.value()) << '\n';
            }
        }
    }
    m_out.flush();
    m_err.flush();
    return o.exitCode();
}

int OtpCtl::fail(OutcomeStatus status, const QString& message)
{
    return report(Outcome::make(status, message));
}

// The command line: every option otpctl knows, registered once.
struct OtpCtl::Cli
{
    Cli();
    QCommandLineParser p;
    static QCommandLineOption opt(const char* name, const char* help, const char* value = nullptr, const char* fallback = nullptr)
    {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
        if (value)
            o.setValueName(QString::fromLatin1(value));
        if (fallback)
            o.setDefaultValue(QString::fromLatin1(fallback));
        return o;
    }
    const QCommandLineOption db = opt("db", "database URL (sqlite:///path.db, postgresql://user@host/db, mysql://user@host/db)", "URL");
    const QCommandLineOption tenant = opt("tenant", "tenant id", "ID", "default");
    const QCommandLineOption json = opt("json", "print one JSON object");
    const QCommandLineOption to = opt("to", "phone number or email", "DEST");
    const QCommandLineOption channel = opt("channel", "sms, whatsapp or email", "CHANNEL");
    const QCommandLineOption purpose = opt("purpose", "login, registration, password_reset, signup", "PURPOSE");
    const QCommandLineOption vendor = opt("vendor", "vendor name", "NAME");
    const QCommandLineOption code = opt("code", "the code to verify", "CODE");
    const QCommandLineOption reason = opt("reason", "why (recorded in the audit log)", "TEXT");
    const QCommandLineOption active = opt("active", "only active lockouts or alarms");
    const QCommandLineOption since = opt("since", "window: 15m, 1h, 24h, 7d", "WINDOW", "1h");
    const QCommandLineOption by = opt("by", "vendor, channel or status", "KEY", "vendor");
    const QCommandLineOption limit = opt("limit", "how many rows", "N", "20");
    const QCommandLineOption rate = opt("rate", "simulated flows per second", "N", "5");
    const QCommandLineOption duration = opt("duration", "seconds to simulate (0: until stopped)", "S", "10");
    const QCommandLineOption seed = opt("seed", "random seed of the simulation", "N", "0");
    const QCommandLineOption refuseShare = opt("refuse-share", "share of simulated deliveries the vendor refuses", "F", "0.06");
    const QCommandLineOption staleAfter = opt("stale-after", "seconds after which a silent delivery is failed", "S", "600");
    const QCommandLineOption firstName = opt("first-name", "profile first name", "X");
    const QCommandLineOption lastName = opt("last-name", "profile last name", "X");
    const QCommandLineOption email = opt("email", "profile email", "X");
    const QCommandLineOption address = opt("address", "profile address", "X");
    const QCommandLineOption once = opt("once", "worker: deliver what is due, then exit");
    const QCommandLineOption concurrency = opt("concurrency", "worker: parallel deliveries", "N", "4");
    const QCommandLineOption leaseS = opt("lease-s", "worker: seconds a claimed delivery stays ours (default 60, or longer than the slowest vendor's timeout)", "S", "60");
    const QCommandLineOption kind = opt("kind", "vendors add: gupshup, wati, myoperator, smtp", "KIND");
    const QCommandLineOption secret = opt("secret", "vendors add: the name of its credential in the secret store", "NAME");
    const QCommandLineOption disabled = opt("disabled", "vendors add: configured but not used");
    const QCommandLineOption receiptQuery = opt("query", "receipt: a Gupshup report's query string", "QUERY");
    const QCommandLineOption role = opt("role", "operators set: support, admin or qa", "ROLE");
    const QCommandLineOption name = opt("name", "operators set: display name", "NAME");
    const QCommandLineOption flows = opt("flows", "simulate: exactly N flows, then stop", "N");
    const QCommandLineOption scopes = opt("scopes", "apikeys create: send,verify,read,accounts (default send,verify,read)", "LIST");
    const QCommandLineOption lang = opt("lang", "templates: the language, ISO 639-1 (en, hi, ta, …)", "LANG");
};

OtpCtl::Cli::Cli()
{
    p.setApplicationDescription(QStringLiteral("otpctl: the OTP core from the shell.\n") + QLatin1String(kUsage));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("what to do (see above)"));
    p.addOptions({db, tenant, json, to, channel, purpose, vendor, code, reason, active, since, by, limit, rate, duration,
                  seed, refuseShare, staleAfter, firstName, lastName, email, address});
    p.addOptions({once, concurrency, leaseS, kind, secret, disabled, receiptQuery, role, name, flows, scopes, lang});
}

// What every command may use, validated before the database is touched.
struct OtpCtl::Request
{
    QStringList pos;
    QString cmd;
    QString tenant;
    std::optional<Purpose> purpose;
    std::optional<Channel> channel;
    int limit = 20;
    QMap<QString, QString> policyValues;
    Purpose purposeOrLogin() const { return purpose.value_or(Purpose::Login); }
};

OtpCtl::~OtpCtl() = default;

int OtpCtl::run(const QStringList& arguments)
{
    Cli cli;
    if (!cli.p.parse(arguments)) {
        m_json = arguments.contains(QStringLiteral("--json"));
        return fail(OutcomeStatus::InvalidInput, cli.p.errorText());
    }
    m_json = cli.p.isSet(cli.json);
    if (cli.p.isSet(QStringLiteral("help"))) {
        m_out << cli.p.helpText();
        return 0;
    }
    Request r;
    r.pos = cli.p.positionalArguments();
    r.cmd = r.pos.value(0);
    if (const auto refused = checkCommand(r))
        return *refused;
    if (r.cmd == QLatin1String("secrets"))
        return report(SecretsCommand::run(r.pos.mid(1), cli.p.value(cli.db)));
    if (const auto refused = validate(cli, r))
        return *refused;

    QString error;
    OtpRuntime::Options options;
    options.databaseUrl = cli.p.value(cli.db);
    auto runtime = OtpRuntime::open(options, &error);
    if (!runtime)
        return fail(error.contains(QLatin1String("URL")) ? OutcomeStatus::InvalidInput : OutcomeStatus::InternalError, error);
    if (const auto rc = runFlowCommand(*runtime, cli, r))
        return *rc;
    if (const auto rc = runOpsCommand(*runtime, cli, r))
        return *rc;
    return runSimulate(*runtime, cli, r);
}

std::optional<int> OtpCtl::checkCommand(const Request& r)
{
    static const QStringList known{QStringLiteral("send"), QStringLiteral("resend"), QStringLiteral("verify"),
                                   QStringLiteral("cancel"), QStringLiteral("status"), QStringLiteral("history"),
                                   QStringLiteral("accounts"), QStringLiteral("profile"), QStringLiteral("lockouts"),
                                   QStringLiteral("unlock"), QStringLiteral("stats"), QStringLiteral("policy"),
                                   QStringLiteral("audit"), QStringLiteral("migrate"), QStringLiteral("cleanup"),
                                   QStringLiteral("simulate"), QStringLiteral("secrets"),
                                   QStringLiteral("worker"), QStringLiteral("vendors"), QStringLiteral("receipt"),
                                   QStringLiteral("operators"), QStringLiteral("alarms"), QStringLiteral("apikeys"),
                                   QStringLiteral("templates")};
    if (r.cmd.isEmpty())
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("no command given; try otpctl --help"));
    if (!known.contains(r.cmd))
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("unknown command '%1'; try otpctl --help").arg(r.cmd));
    return std::nullopt;
}

std::optional<int> OtpCtl::validate(const Cli& cli, Request& r)
{
    const QCommandLineParser& p = cli.p;
    r.tenant = p.value(cli.tenant);
    if (p.isSet(cli.purpose)) {
        r.purpose = purposeFromName(p.value(cli.purpose));
        if (!r.purpose)
            return fail(OutcomeStatus::InvalidInput,
                        QStringLiteral("unknown purpose '%1' (login, registration, password_reset, signup)").arg(p.value(cli.purpose)));
    }
    if (p.isSet(cli.channel)) {
        r.channel = channelFromName(p.value(cli.channel));
        if (!r.channel)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("unknown channel '%1' (sms, whatsapp, email)").arg(p.value(cli.channel)));
    }
    static const QStringList needsTo{QStringLiteral("send"), QStringLiteral("resend"), QStringLiteral("verify"),
                                     QStringLiteral("cancel"), QStringLiteral("status"), QStringLiteral("history"),
                                     QStringLiteral("accounts"), QStringLiteral("profile"), QStringLiteral("unlock")};
    if (needsTo.contains(r.cmd) && p.value(cli.to).trimmed().isEmpty())
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("%1 needs --to DEST").arg(r.cmd));
    if (r.cmd == QLatin1String("verify") && !p.isSet(cli.code))
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("verify needs --code CODE"));
    if (r.cmd == QLatin1String("unlock") && p.value(cli.reason).trimmed().isEmpty())
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("unlock needs --reason TEXT"));
    bool ok = true;
    r.limit = p.value(cli.limit).toInt(&ok);
    if (!ok || r.limit < 1 || r.limit > 10000)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--limit must be a number from 1 to 10000"));
    return validatePositionals(r);
}

std::optional<int> OtpCtl::validatePositionals(Request& r)
{
    static const QStringList withSubcommands{QStringLiteral("vendors"), QStringLiteral("operators"), QStringLiteral("apikeys"),
                                             QStringLiteral("templates"), QStringLiteral("alarms")};
    if (r.cmd != QLatin1String("policy")) {
        if (r.pos.size() > 1 && !withSubcommands.contains(r.cmd))
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("unexpected argument '%1'").arg(r.pos.at(1)));
        return std::nullopt;
    }
    const QString sub = r.pos.value(1);
    if (sub != QLatin1String("show") && sub != QLatin1String("set"))
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("use: policy show | policy set KEY=VALUE..."));
    for (const QString& kv : r.pos.mid(2)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("'%1' is not KEY=VALUE").arg(kv));
        r.policyValues.insert(kv.left(eq).trimmed(), kv.mid(eq + 1));
    }
    if (sub == QLatin1String("set") && r.policyValues.isEmpty())
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("policy set needs KEY=VALUE pairs"));
    return std::nullopt;
}

// The flows of OtpService, one call each.
std::optional<int> OtpCtl::runFlowCommand(OtpRuntime& runtime, const Cli& cli, const Request& r)
{
    const QCommandLineParser& p = cli.p;
    OtpService& service = runtime.service();
    const Actor actor = Actor::currentOsUser(QStringLiteral("cli"));
    const QString& cmd = r.cmd;
    const QString to = p.value(cli.to);
    if (cmd == QLatin1String("send") || cmd == QLatin1String("resend")) {
        SendRequest req{r.tenant, to, r.channel, r.purposeOrLogin(), p.value(cli.vendor)};
        const Outcome o = cmd == QLatin1String("send") ? service.send(req, actor) : service.resend(req, actor);
        const int rc = report(o);
        service.deliverPending(); // async mode: the answer is out; now deliver in-process
        return rc;
    }
    if (cmd == QLatin1String("verify"))
        return report(service.verify({r.tenant, to, p.value(cli.code), r.purposeOrLogin()}, actor));
    if (cmd == QLatin1String("cancel"))
        return report(service.cancel(r.tenant, to, r.purposeOrLogin(), actor, p.value(cli.reason)));
    if (cmd == QLatin1String("status"))
        return report(service.status(r.tenant, to, r.purposeOrLogin()));
    if (cmd == QLatin1String("history"))
        return report(service.history(r.tenant, to, r.limit));
    if (cmd == QLatin1String("accounts"))
        return report(service.accounts(r.tenant, to));
    if (cmd == QLatin1String("profile"))
        return report(service.updateProfile(r.tenant, to, {p.value(cli.firstName), p.value(cli.lastName), p.value(cli.email),
                                                           p.value(cli.address)}, actor));
    if (cmd == QLatin1String("lockouts"))
        return report(service.lockouts(r.tenant, p.isSet(cli.active), r.limit > 20 ? r.limit : 200));
    if (cmd == QLatin1String("unlock"))
        return report(service.unlock(r.tenant, to, actor, p.value(cli.reason)));
    if (cmd == QLatin1String("audit"))
        return report(service.auditTrail(r.limit, to));
    if (cmd == QLatin1String("alarms") && r.pos.value(1) == QLatin1String("ack")) {
        bool ok = false;
        const qint64 id = r.pos.value(2).toLongLong(&ok);
        if (!ok || id <= 0 || r.pos.size() != 3)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("use: alarms ack ID --reason TEXT (the alarm's id from otpctl alarms)"));
        return report(service.acknowledgeAlarm(id, p.value(cli.reason), actor));
    }
    if (cmd == QLatin1String("alarms"))
        return report(service.alarms(r.tenant, p.isSet(cli.active), r.limit == 20 && !p.isSet(cli.limit) ? 100 : r.limit));
    if (cmd == QLatin1String("stats")) {
        const auto window = parseWindow(p.value(cli.since));
        if (!window)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("--since must look like 15m, 1h, 24h or 7d"));
        return report(service.stats(*window, p.value(cli.by)));
    }
    if (cmd == QLatin1String("policy")) {
        if (r.pos.value(1) == QLatin1String("show"))
            return report(service.policyShow(r.tenant, r.purpose));
        return report(service.policySet(r.tenant, r.purpose, r.policyValues, actor));
    }
    if (cmd == QLatin1String("templates"))
        return runTemplates(service, cli, r, actor);
    return std::nullopt;
}

int OtpCtl::runTemplates(OtpService& service, const Cli& cli, const Request& r, const Actor& actor)
{
    const QString sub = r.pos.value(1, QStringLiteral("list"));
    if (sub == QLatin1String("list"))
        return report(service.templates(r.tenant));
    if (sub != QLatin1String("set") && sub != QLatin1String("remove"))
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("use: templates list | templates set --purpose P --channel C "
                                                                "--lang L TEXT | templates remove --purpose P --channel C --lang L"));
    if (!r.purpose || !r.channel || !cli.p.isSet(cli.lang))
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("templates %1 needs --purpose, --channel and --lang").arg(sub));
    if (sub == QLatin1String("remove"))
        return report(service.removeTemplate(r.tenant, *r.purpose, *r.channel, cli.p.value(cli.lang), actor));
    MessageTemplate t;
    t.tenant = r.tenant;
    t.purpose = *r.purpose;
    t.channel = *r.channel;
    t.language = cli.p.value(cli.lang);
    t.body = r.pos.mid(2).join(QLatin1Char(' '));
    return report(service.saveTemplate(t, actor));
}

// Operations: the outbox worker, receipts, operators, keys, vendors, the schema and cleanup.
std::optional<int> OtpCtl::runOpsCommand(OtpRuntime& runtime, const Cli& cli, const Request& r)
{
    const QCommandLineParser& p = cli.p;
    const Actor actor = Actor::currentOsUser(QStringLiteral("cli"));
    const QString& cmd = r.cmd;
    if (cmd == QLatin1String("worker"))
        return runWorker(runtime, cli, r);
    if (cmd == QLatin1String("receipt")) {
        QByteArray body;
        if (!p.isSet(cli.receiptQuery)) {
            QFile in;
            if (in.open(stdin, QIODevice::ReadOnly))
                body = in.readAll();
        }
        return report(OutboxCommands::receipt(runtime, p.value(cli.vendor), p.value(cli.receiptQuery), body));
    }
    if (cmd == QLatin1String("operators"))
        return report(OutboxCommands::operators(runtime, r.pos.mid(1), p.value(cli.role), p.value(cli.name), actor));
    if (cmd == QLatin1String("apikeys"))
        return report(ApiKeysCommand::run(runtime, {r.pos.mid(1), p.isSet(cli.tenant) ? r.tenant : QString(), p.value(cli.name),
                                                    p.value(cli.scopes), p.value(cli.reason)}, actor));
    if (cmd == QLatin1String("vendors")) {
        qint64 healthWindowS = 900;
        if (p.isSet(cli.since)) {
            const auto w = parseWindow(p.value(cli.since));
            if (!w)
                return fail(OutcomeStatus::InvalidInput, QStringLiteral("--since must look like 15m, 1h, 24h or 7d, not '%1'").arg(p.value(cli.since)));
            healthWindowS = *w;
        }
        return report(OutboxCommands::vendors(runtime, r.pos.mid(1), p.value(cli.kind), p.value(cli.secret), p.isSet(cli.disabled),
                                              actor, p.value(cli.reason), healthWindowS));
    }
    if (cmd == QLatin1String("migrate")) {
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("schema is at version %1").arg(runtime.database().schemaVersion()));
        o.details.insert(QStringLiteral("schema_version"), runtime.database().schemaVersion());
        o.details.insert(QStringLiteral("database"), runtime.database().config().displayUrl());
        return report(o);
    }
    if (cmd == QLatin1String("cleanup")) {
        bool ok = false;
        const int stale = p.value(cli.staleAfter).toInt(&ok);
        if (!ok || stale < 0)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("--stale-after must be a number of seconds"));
        return report(runtime.service().cleanup(actor, stale));
    }
    return std::nullopt;
}

int OtpCtl::runWorker(OtpRuntime& runtime, const Cli& cli, const Request& r)
{
    const QCommandLineParser& p = cli.p;
    bool ok = true;
    OutboxCommands::WorkerOptions wo;
    wo.alarmTenant = r.tenant;
    wo.once = p.isSet(cli.once);
    wo.concurrency = p.value(cli.concurrency).toInt(&ok);
    if (!ok || wo.concurrency < 1 || wo.concurrency > 64)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--concurrency must be a number from 1 to 64"));
    wo.leaseS = p.value(cli.leaseS).toInt(&ok);
    wo.leaseGiven = p.isSet(cli.leaseS);
    if (!ok || wo.leaseS < 1 || wo.leaseS > 3600)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--lease-s must be a number from 1 to 3600"));
    wo.durationS = p.isSet(cli.duration) ? p.value(cli.duration).toInt(&ok) : 0;
    if (!ok || wo.durationS < 0)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--duration must be a number of seconds"));
    return report(OutboxCommands::worker(runtime, wo));
}

int OtpCtl::runSimulate(OtpRuntime& runtime, const Cli& cli, const Request& r)
{
    const QCommandLineParser& p = cli.p;
    bool ok = true;
    const double rateValue = p.value(cli.rate).toDouble(&ok);
    if (!ok || rateValue <= 0 || rateValue > 10000)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--rate must be a number of flows per second (0-10000]"));
    const int durationValue = p.value(cli.duration).toInt(&ok);
    if (!ok || durationValue < 0)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--duration must be a number of seconds"));
    const double refuse = p.value(cli.refuseShare).toDouble(&ok);
    if (!ok || refuse < 0 || refuse > 1)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--refuse-share must be between 0 and 1"));
    const quint32 seedValue = p.value(cli.seed).toUInt();
    const int flowsValue = p.isSet(cli.flows) ? p.value(cli.flows).toInt(&ok) : 0;
    if (!ok || flowsValue < 0)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--flows must be a number of flows"));
    // The simulated users read their codes off handsets that tap every gateway (dev, or the vendors).
    auto handsets = std::make_shared<SimulatedHandsets>(refuse, seedValue ? seedValue : 1);
    handsets->tapAll(runtime.gateways());
    TrafficSimulator sim(runtime.service(), *handsets, r.tenant,
                         seedValue ? seedValue : quint32(QDateTime::currentMSecsSinceEpoch()));
    // --flows N: exactly N flows (as fast as --rate allows), for scripts and tests that must not depend on speed.
    const auto tally = sim.run(rateValue, flowsValue > 0 ? 0 : durationValue, {}, flowsValue);
    Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 simulated flows").arg(tally.flows));
    QJsonObject counts;
    for (auto it = tally.outcomes.cbegin(); it != tally.outcomes.cend(); ++it)
        counts.insert(it.key(), it.value());
    o.details.insert(QStringLiteral("flows"), tally.flows);
    o.details.insert(QStringLiteral("outcomes"), counts);
    return report(o);
}

} // namespace otp
