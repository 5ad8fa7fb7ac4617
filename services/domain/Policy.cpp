#include "Policy.h"

#include "CodeGenerator.h"
#include "DestinationParser.h"
#include "InputLimits.h"
#include "MessageTemplate.h"

#include <QRegularExpression>

#include <optional>

namespace otp {

namespace {
struct IntKey
{
    const char* name;
    int Policy::*field;
    int min;
    int max;
};

const IntKey kIntKeys[] = {
    {"code_length", &Policy::codeLength, CodeGenerator::kMinLength, CodeGenerator::kMaxLength},
    {"ttl_s", &Policy::ttlS, 30, 600},
    {"max_attempts", &Policy::maxAttempts, 1, 10},
    {"cooldown_s", &Policy::cooldownS, 0, 3600},
    {"sends_per_hour", &Policy::sendsPerHour, 1, 100},
    {"sends_per_day", &Policy::sendsPerDay, 1, 1000},
    {"sends_per_ip_per_hour", &Policy::sendsPerIpPerHour, 0, 100000},
    {"lockout_s", &Policy::lockoutS, 0, 7 * 86400},
    {"prefix_burst_cap", &Policy::prefixBurstCap, 1, 100000},
    {"prefix_burst_window_s", &Policy::prefixBurstWindowS, 1, 86400},
    {"delivery_max_tries", &Policy::deliveryMaxTries, 1, 10},
    {"delivery_backoff_s", &Policy::deliveryBackoffS, 1, 600},
    {"breaker_failures", &Policy::breakerFailures, 1, 1000},
    {"breaker_min_success_pct", &Policy::breakerMinSuccessPct, 0, 100},
    {"breaker_min_tries", &Policy::breakerMinTries, 1, 100000},
    {"breaker_window_min", &Policy::breakerWindowMin, 1, 1440},
    {"breaker_cooloff_s", &Policy::breakerCooloffS, 1, 86400},
    {"breaker_close_successes", &Policy::breakerCloseSuccesses, 1, 100},
    {"alarm_window_min", &Policy::alarmWindowMin, 1, 1440},
    {"alarm_min_tries", &Policy::alarmMinTries, 1, 100000},
    {"alarm_vendor_success_pct", &Policy::alarmVendorSuccessPct, 0, 100},
    {"alarm_p95_latency_ms", &Policy::alarmP95LatencyMs, 100, 600000},
    {"alarm_outbox_depth", &Policy::alarmOutboxDepth, 1, 10000000},
    {"alarm_lockouts_per_min", &Policy::alarmLockoutsPerMin, 1, 100000},
    {"alarm_conversion_pct", &Policy::alarmConversionPct, 1, 100},
};

const char* const kRouteChannels[] = {"sms", "whatsapp", "email"};
const char* const kFallbackChannels[] = {"sms", "whatsapp"}; // email has no phone to fall back to

bool isVendorName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,31}$"));
    return re.match(name).hasMatch();
}

// allowed_countries: a comma list of ISO 3166 codes, upper-cased, each once. Returns the problem, if any.
QString parseCountries(const QString& v, QStringList* list)
{
    for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString iso = part.trimmed().toUpper();
        if (!DestinationParser::isKnownRegion(iso))
            return QStringLiteral("allowed_countries: '%1' is not an ISO 3166 country code").arg(part.trimmed());
        if (!list->contains(iso))
            *list << iso;
    }
    return {};
}

// route_<channel>: a comma list of vendor names, lower-cased, each once. Returns the problem, if any.
QString parseVendors(const QString& key, const QString& v, QStringList* list)
{
    for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().toLower();
        if (!isVendorName(name))
            return QStringLiteral("%1: '%2' is not a vendor name (lower-case letters, digits, '.', '_', '-')")
                .arg(key, part.trimmed());
        if (!list->contains(name))
            *list << name;
    }
    return {};
}
} // namespace

// The keys whose value is a word: default_region, message_language, app_name. nullopt: not one of them.
static std::optional<QString> setTextKey(Policy& p, const QString& key, const QString& v)
{
    if (key == QLatin1String("default_region")) {
        const QString iso = v.toUpper();
        if (!DestinationParser::isKnownRegion(iso))
            return QStringLiteral("default_region: '%1' is not an ISO 3166 country code").arg(v);
        p.defaultRegion = iso;
        return QString();
    }
    if (key == QLatin1String("message_language")) {
        if (const QString problem = MessageTemplates::languageProblem(v); !problem.isEmpty())
            return QStringLiteral("message_language: ") + problem;
        p.messageLanguage = v;
        return QString();
    }
    if (key == QLatin1String("app_name")) {
        if (v.size() > 30)
            return QStringLiteral("app_name: at most 30 characters (a DLT variable's limit), not %1").arg(v.size());
        for (const QChar c : v) {
            if (c.category() == QChar::Other_Control || c == QLatin1Char('{') || c == QLatin1Char('}'))
                return QStringLiteral("app_name: control characters and braces are not allowed");
        }
        p.appName = v;
        return QString();
    }
    return std::nullopt;
}

QStringList Policy::keys()
{
    QStringList out;
    for (const auto& k : kIntKeys)
        out << QString::fromLatin1(k.name);
    out << QStringLiteral("delivery") << QStringLiteral("account_creation") << QStringLiteral("allowed_countries")
        << QStringLiteral("default_region") << QStringLiteral("message_language") << QStringLiteral("app_name");
    for (const char* c : kRouteChannels)
        out << QStringLiteral("route_") + QLatin1String(c);
    for (const char* c : kFallbackChannels)
        out << QStringLiteral("fallback_") + QLatin1String(c);
    return out;
}

QString Policy::set(const QString& key, const QString& rawValue)
{
    const QString v = rawValue.trimmed();
    // Stored as given or shorter (policies.pvalue): the same limit on every engine (SECURITY.md row 23).
    if (const QString tooLong = InputLimits::problem(key, v, InputLimits::kPolicyValue); !tooLong.isEmpty())
        return tooLong;
    for (const auto& k : kIntKeys) {
        if (key != QLatin1String(k.name))
            continue;
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok)
            return QStringLiteral("%1 must be a whole number, not '%2'").arg(key, v);
        if (n < k.min || n > k.max)
            return QStringLiteral("%1 must be between %2 and %3, not %4").arg(key).arg(k.min).arg(k.max).arg(n);
        this->*k.field = n;
        return {};
    }
    if (key == QLatin1String("delivery")) {
        if (v == QLatin1String("sync")) delivery = Delivery::Sync;
        else if (v == QLatin1String("async")) delivery = Delivery::Async;
        else return QStringLiteral("delivery must be sync or async, not '%1'").arg(v);
        return {};
    }
    if (key == QLatin1String("account_creation")) {
        if (v == QLatin1String("on_verify")) accountCreation = AccountCreation::OnVerify;
        else if (v == QLatin1String("on_delivery")) accountCreation = AccountCreation::OnDelivery;
        else return QStringLiteral("account_creation must be on_verify or on_delivery, not '%1'").arg(v);
        return {};
    }
    if (key == QLatin1String("allowed_countries")) {
        QStringList list;
        if (const QString problem = parseCountries(v, &list); !problem.isEmpty())
            return problem;
        allowedCountries = list;
        return {};
    }
    if (const std::optional<QString> problem = setTextKey(*this, key, v))
        return *problem;
    if (key.startsWith(QLatin1String("route_"))) {
        const QString channel = key.mid(6);
        if (!keys().contains(key))
            return QStringLiteral("unknown policy key '%1' (known: %2)").arg(key, keys().join(QStringLiteral(", ")));
        QStringList list;
        if (const QString problem = parseVendors(key, v, &list); !problem.isEmpty())
            return problem;
        if (list.isEmpty())
            routes.remove(channel);
        else
            routes.insert(channel, list);
        return {};
    }
    if (key.startsWith(QLatin1String("fallback_")) && keys().contains(key)) {
        const QString channel = key.mid(9);
        const QString target = v.toLower();
        if (target.isEmpty() || target == QLatin1String("none")) {
            fallbacks.remove(channel);
            return {};
        }
        if (target == channel || (target != QLatin1String("sms") && target != QLatin1String("whatsapp")))
            return QStringLiteral("%1 must be none or a phone channel other than %2 (sms, whatsapp), not '%3'")
                .arg(key, channel, v);
        fallbacks.insert(channel, target);
        return {};
    }
    return QStringLiteral("unknown policy key '%1' (known: %2)").arg(key, keys().join(QStringLiteral(", ")));
}

QString Policy::value(const QString& key) const
{
    for (const auto& k : kIntKeys)
        if (key == QLatin1String(k.name))
            return QString::number(this->*k.field);
    if (key == QLatin1String("delivery"))
        return delivery == Delivery::Sync ? QStringLiteral("sync") : QStringLiteral("async");
    if (key == QLatin1String("account_creation"))
        return accountCreation == AccountCreation::OnVerify ? QStringLiteral("on_verify") : QStringLiteral("on_delivery");
    if (key == QLatin1String("allowed_countries"))
        return allowedCountries.join(QLatin1Char(','));
    if (key == QLatin1String("default_region"))
        return defaultRegion;
    if (key == QLatin1String("message_language"))
        return messageLanguage;
    if (key == QLatin1String("app_name"))
        return appName;
    if (key.startsWith(QLatin1String("route_")))
        return routes.value(key.mid(6)).join(QLatin1Char(','));
    if (key.startsWith(QLatin1String("fallback_")))
        return fallbacks.value(key.mid(9), QStringLiteral("none"));
    return {};
}

QString Policy::consistencyProblem() const
{
    if (sendsPerDay < sendsPerHour)
        return QStringLiteral("sends_per_day (%1) must not be below sends_per_hour (%2)").arg(sendsPerDay).arg(sendsPerHour);
    return {};
}

QMap<QString, QString> Policy::toMap() const
{
    QMap<QString, QString> m;
    for (const QString& k : keys())
        m.insert(k, value(k));
    return m;
}

} // namespace otp
