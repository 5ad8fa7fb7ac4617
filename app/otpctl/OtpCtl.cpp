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

int OtpCtl::run(const QStringList& arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("otpctl: the OTP core from the shell.\n") + QLatin1String(kUsage));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("what to do (see above)"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("database URL (sqlite:///path.db, postgresql://user@host/db, mysql://user@host/db)"), QStringLiteral("URL"));
    const QCommandLineOption tenant(QStringLiteral("tenant"), QStringLiteral("tenant id"), QStringLiteral("ID"), QStringLiteral("default"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print one JSON object"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("phone number or email"), QStringLiteral("DEST"));
    const QCommandLineOption channel(QStringLiteral("channel"), QStringLiteral("sms, whatsapp or email"), QStringLiteral("CHANNEL"));
    const QCommandLineOption purpose(QStringLiteral("purpose"), QStringLiteral("login, registration, password_reset, signup"), QStringLiteral("PURPOSE"));
    const QCommandLineOption vendor(QStringLiteral("vendor"), QStringLiteral("vendor name"), QStringLiteral("NAME"));
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("the code to verify"), QStringLiteral("CODE"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("why (recorded in the audit log)"), QStringLiteral("TEXT"));
    const QCommandLineOption active(QStringLiteral("active"), QStringLiteral("only active lockouts or alarms"));
    const QCommandLineOption since(QStringLiteral("since"), QStringLiteral("window: 15m, 1h, 24h, 7d"), QStringLiteral("WINDOW"), QStringLiteral("1h"));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("vendor, channel or status"), QStringLiteral("KEY"), QStringLiteral("vendor"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("how many rows"), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("simulated flows per second"), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("seconds to simulate (0: until stopped)"), QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("random seed of the simulation"), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption refuseShare(QStringLiteral("refuse-share"), QStringLiteral("share of simulated deliveries the vendor refuses"), QStringLiteral("F"), QStringLiteral("0.06"));
    const QCommandLineOption staleAfter(QStringLiteral("stale-after"), QStringLiteral("seconds after which a silent delivery is failed"), QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption firstName(QStringLiteral("first-name"), QStringLiteral("profile first name"), QStringLiteral("X"));
    const QCommandLineOption lastName(QStringLiteral("last-name"), QStringLiteral("profile last name"), QStringLiteral("X"));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("profile email"), QStringLiteral("X"));
    const QCommandLineOption address(QStringLiteral("address"), QStringLiteral("profile address"), QStringLiteral("X"));
    const QCommandLineOption once(QStringLiteral("once"), QStringLiteral("worker: deliver what is due, then exit"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), QStringLiteral("worker: parallel deliveries"), QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption leaseS(QStringLiteral("lease-s"), QStringLiteral("worker: seconds a claimed delivery stays ours (default 60, or longer than the slowest vendor's timeout)"), QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption kind(QStringLiteral("kind"), QStringLiteral("vendors add: gupshup, wati, myoperator, smtp"), QStringLiteral("KIND"));
    const QCommandLineOption secret(QStringLiteral("secret"), QStringLiteral("vendors add: the name of its credential in the secret store"), QStringLiteral("NAME"));
    const QCommandLineOption disabled(QStringLiteral("disabled"), QStringLiteral("vendors add: configured but not used"));
    const QCommandLineOption receiptQuery(QStringLiteral("query"), QStringLiteral("receipt: a Gupshup report's query string"), QStringLiteral("QUERY"));
    const QCommandLineOption roleOpt(QStringLiteral("role"), QStringLiteral("operators set: support, admin or qa"), QStringLiteral("ROLE"));
    const QCommandLineOption nameOpt(QStringLiteral("name"), QStringLiteral("operators set: display name"), QStringLiteral("NAME"));
    const QCommandLineOption flowsOpt(QStringLiteral("flows"), QStringLiteral("simulate: exactly N flows, then stop"), QStringLiteral("N"));
    const QCommandLineOption scopesOpt(QStringLiteral("scopes"), QStringLiteral("apikeys create: send,verify,read,accounts (default send,verify,read)"), QStringLiteral("LIST"));
    p.addOption(scopesOpt);
    p.addOptions({once, concurrency, leaseS, kind, secret, disabled, receiptQuery, roleOpt, nameOpt, flowsOpt});
    p.addOptions({db, tenant, json, to, channel, purpose, vendor, code, reason, active, since, by, limit, rate, duration,
                  seed, refuseShare, staleAfter, firstName, lastName, email, address});

    if (!p.parse(arguments)) {
        m_json = arguments.contains(QStringLiteral("--json"));
        return fail(OutcomeStatus::InvalidInput, p.errorText());
    }
    m_json = p.isSet(json);
    if (p.isSet(QStringLiteral("help"))) {
        m_out << p.helpText();
        return 0;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.isEmpty())
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("no command given; try otpctl --help"));
    const QString cmd = pos.first();
    static const QStringList known{QStringLiteral("send"), QStringLiteral("resend"), QStringLiteral("verify"),
                                   QStringLiteral("cancel"), QStringLiteral("status"), QStringLiteral("history"),
                                   QStringLiteral("accounts"), QStringLiteral("profile"), QStringLiteral("lockouts"),
                                   QStringLiteral("unlock"), QStringLiteral("stats"), QStringLiteral("policy"),
                                   QStringLiteral("audit"), QStringLiteral("migrate"), QStringLiteral("cleanup"),
                                   QStringLiteral("simulate"), QStringLiteral("secrets"),
                                   QStringLiteral("worker"), QStringLiteral("vendors"), QStringLiteral("receipt"),
                                   QStringLiteral("operators"), QStringLiteral("alarms"), QStringLiteral("apikeys")};
    if (!known.contains(cmd))
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("unknown command '%1'; try otpctl --help").arg(cmd));
    if (cmd == QLatin1String("secrets"))
        return report(SecretsCommand::run(pos.mid(1), p.value(db)));

    // Validate every argument before touching the database.
    const QString tenantId = p.value(tenant);
    std::optional<Purpose> purposeValue;
    if (p.isSet(purpose)) {
        purposeValue = purposeFromName(p.value(purpose));
        if (!purposeValue)
            return fail(OutcomeStatus::InvalidInput,
                        QStringLiteral("unknown purpose '%1' (login, registration, password_reset, signup)").arg(p.value(purpose)));
    }
    std::optional<Channel> channelValue;
    if (p.isSet(channel)) {
        channelValue = channelFromName(p.value(channel));
        if (!channelValue)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("unknown channel '%1' (sms, whatsapp, email)").arg(p.value(channel)));
    }
    static const QStringList needsTo{QStringLiteral("send"), QStringLiteral("resend"), QStringLiteral("verify"),
                                     QStringLiteral("cancel"), QStringLiteral("status"), QStringLiteral("history"),
                                     QStringLiteral("accounts"), QStringLiteral("profile"), QStringLiteral("unlock")};
    if (needsTo.contains(cmd) && p.value(to).trimmed().isEmpty())
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("%1 needs --to DEST").arg(cmd));
    if (cmd == QLatin1String("verify") && !p.isSet(code))
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("verify needs --code CODE"));
    if (cmd == QLatin1String("unlock") && p.value(reason).trimmed().isEmpty())
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("unlock needs --reason TEXT"));
    bool ok = true;
    const int limitValue = p.value(limit).toInt(&ok);
    if (!ok || limitValue < 1 || limitValue > 10000)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--limit must be a number from 1 to 10000"));
    QMap<QString, QString> policyValues;
    if (cmd == QLatin1String("policy")) {
        const QString sub = pos.value(1);
        if (sub != QLatin1String("show") && sub != QLatin1String("set"))
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("use: policy show | policy set KEY=VALUE..."));
        for (const QString& kv : pos.mid(2)) {
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return fail(OutcomeStatus::InvalidInput, QStringLiteral("'%1' is not KEY=VALUE").arg(kv));
            policyValues.insert(kv.left(eq).trimmed(), kv.mid(eq + 1));
        }
        if (sub == QLatin1String("set") && policyValues.isEmpty())
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("policy set needs KEY=VALUE pairs"));
    } else if (pos.size() > 1 && cmd != QLatin1String("vendors") && cmd != QLatin1String("operators") &&
               cmd != QLatin1String("apikeys")) {
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("unexpected argument '%1'").arg(pos.at(1)));
    }

    QString error;
    OtpRuntime::Options options;
    options.databaseUrl = p.value(db);
    auto runtime = OtpRuntime::open(options, &error);
    if (!runtime)
        return fail(error.contains(QLatin1String("URL")) ? OutcomeStatus::InvalidInput : OutcomeStatus::InternalError, error);
    OtpService& service = runtime->service();
    const Actor actor = Actor::currentOsUser(QStringLiteral("cli"));
    const Purpose purposeOrLogin = purposeValue.value_or(Purpose::Login);

    if (cmd == QLatin1String("send") || cmd == QLatin1String("resend")) {
        SendRequest req{tenantId, p.value(to), channelValue, purposeOrLogin, p.value(vendor)};
        const Outcome o = cmd == QLatin1String("send") ? service.send(req, actor) : service.resend(req, actor);
        const int rc = report(o);
        service.deliverPending(); // async mode: the answer is out; now deliver in-process
        return rc;
    }
    if (cmd == QLatin1String("verify"))
        return report(service.verify({tenantId, p.value(to), p.value(code), purposeOrLogin}, actor));
    if (cmd == QLatin1String("cancel"))
        return report(service.cancel(tenantId, p.value(to), purposeOrLogin, actor, p.value(reason)));
    if (cmd == QLatin1String("status"))
        return report(service.status(tenantId, p.value(to), purposeOrLogin));
    if (cmd == QLatin1String("history"))
        return report(service.history(tenantId, p.value(to), limitValue));
    if (cmd == QLatin1String("accounts"))
        return report(service.accounts(tenantId, p.value(to)));
    if (cmd == QLatin1String("profile"))
        return report(service.updateProfile(tenantId, p.value(to),
                                          {p.value(firstName), p.value(lastName), p.value(email), p.value(address)}, actor));
    if (cmd == QLatin1String("lockouts"))
        return report(service.lockouts(tenantId, p.isSet(active), limitValue > 20 ? limitValue : 200));
    if (cmd == QLatin1String("unlock"))
        return report(service.unlock(tenantId, p.value(to), actor, p.value(reason)));
    if (cmd == QLatin1String("audit"))
        return report(service.auditTrail(limitValue, p.value(to)));
    if (cmd == QLatin1String("stats")) {
        const auto window = parseWindow(p.value(since));
        if (!window)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("--since must look like 15m, 1h, 24h or 7d"));
        return report(service.stats(*window, p.value(by)));
    }
    if (cmd == QLatin1String("policy")) {
        if (pos.value(1) == QLatin1String("show"))
            return report(service.policyShow(tenantId, purposeValue));
        return report(service.policySet(tenantId, purposeValue, policyValues, actor));
    }
    if (cmd == QLatin1String("worker")) {
        OutboxCommands::WorkerOptions wo;
        wo.alarmTenant = tenantId;
        wo.once = p.isSet(once);
        wo.concurrency = p.value(concurrency).toInt(&ok);
        if (!ok || wo.concurrency < 1 || wo.concurrency > 64)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("--concurrency must be a number from 1 to 64"));
        wo.leaseS = p.value(leaseS).toInt(&ok);
        wo.leaseGiven = p.isSet(leaseS);
        if (!ok || wo.leaseS < 1 || wo.leaseS > 3600)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("--lease-s must be a number from 1 to 3600"));
        wo.durationS = p.isSet(duration) ? p.value(duration).toInt(&ok) : 0;
        if (!ok || wo.durationS < 0)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("--duration must be a number of seconds"));
        return report(OutboxCommands::worker(*runtime, wo));
    }
    if (cmd == QLatin1String("receipt")) {
        QByteArray body;
        if (!p.isSet(receiptQuery)) {
            QFile in;
            if (in.open(stdin, QIODevice::ReadOnly))
                body = in.readAll();
        }
        return report(OutboxCommands::receipt(*runtime, p.value(vendor), p.value(receiptQuery), body));
    }
    if (cmd == QLatin1String("operators"))
        return report(OutboxCommands::operators(*runtime, pos.mid(1), p.value(roleOpt), p.value(nameOpt), actor));
    if (cmd == QLatin1String("apikeys"))
        return report(ApiKeysCommand::run(*runtime, {pos.mid(1), p.isSet(tenant) ? tenantId : QString(), p.value(nameOpt),
                                                     p.value(scopesOpt), p.value(reason)}, actor));
    if (cmd == QLatin1String("alarms"))
        return report(service.alarms(tenantId, p.isSet(active), limitValue == 20 && !p.isSet(limit) ? 100 : limitValue));
    if (cmd == QLatin1String("vendors")) {
        qint64 healthWindowS = 900;
        if (p.isSet(since)) {
            const auto w = parseWindow(p.value(since));
            if (!w)
                return fail(OutcomeStatus::InvalidInput, QStringLiteral("--since must look like 15m, 1h, 24h or 7d, not '%1'").arg(p.value(since)));
            healthWindowS = *w;
        }
        return report(OutboxCommands::vendors(*runtime, pos.mid(1), p.value(kind), p.value(secret), p.isSet(disabled), actor,
                                              p.value(reason), healthWindowS));
    }
    if (cmd == QLatin1String("migrate")) {
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("schema is at version %1").arg(runtime->database().schemaVersion()));
        o.details.insert(QStringLiteral("schema_version"), runtime->database().schemaVersion());
        o.details.insert(QStringLiteral("database"), runtime->database().config().displayUrl());
        return report(o);
    }
    if (cmd == QLatin1String("cleanup")) {
        const int stale = p.value(staleAfter).toInt(&ok);
        if (!ok || stale < 0)
            return fail(OutcomeStatus::InvalidInput, QStringLiteral("--stale-after must be a number of seconds"));
        return report(service.cleanup(actor, stale));
    }
    // simulate
    const double rateValue = p.value(rate).toDouble(&ok);
    if (!ok || rateValue <= 0 || rateValue > 10000)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--rate must be a number of flows per second (0-10000]"));
    const int durationValue = p.value(duration).toInt(&ok);
    if (!ok || durationValue < 0)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--duration must be a number of seconds"));
    const double refuse = p.value(refuseShare).toDouble(&ok);
    if (!ok || refuse < 0 || refuse > 1)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--refuse-share must be between 0 and 1"));
    const quint32 seedValue = p.value(seed).toUInt();
    const int flowsValue = p.isSet(flowsOpt) ? p.value(flowsOpt).toInt(&ok) : 0;
    if (!ok || flowsValue < 0)
        return fail(OutcomeStatus::InvalidInput, QStringLiteral("--flows must be a number of flows"));
    // The simulated users read their codes off handsets that tap every gateway (dev, or the vendors).
    auto handsets = std::make_shared<SimulatedHandsets>(refuse, seedValue ? seedValue : 1);
    handsets->tapAll(runtime->gateways());
    TrafficSimulator sim(service, *handsets, tenantId, seedValue ? seedValue : quint32(QDateTime::currentMSecsSinceEpoch()));
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
