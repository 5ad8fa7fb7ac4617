#include "StatusText.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QJsonArray>
#include <QPalette>

namespace otp::models {

QString StatusText::duration(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return seconds % 60 ? tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60) : tr("%1 min").arg(seconds / 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString StatusText::outcome(const Outcome& o)
{
    const QString wait = o.retryAfterS ? duration(*o.retryAfterS) : QString();
    auto withDetail = [&o](const QString& headline) {
        return o.message.isEmpty() ? headline : tr("%1 — %2").arg(headline, o.message);
    };
    switch (o.status) {
    case OutcomeStatus::Sent:
        return o.vendor && !o.vendor->vendor.isEmpty() ? tr("Code sent through %1.").arg(o.vendor->vendor) : tr("Code sent.");
    case OutcomeStatus::Queued: return tr("Queued: the outbox delivers it in a moment.");
    case OutcomeStatus::Unconfirmed:
        return withDetail(tr("The vendor did not confirm in time; the code works if it arrives and is not sent again."));
    case OutcomeStatus::Verified: return tr("The code is correct.");
    case OutcomeStatus::WrongCode:
        return o.attemptsRemaining ? tr("Wrong code; %n attempt(s) left.", nullptr, *o.attemptsRemaining) : tr("Wrong code.");
    case OutcomeStatus::Expired: return tr("The code expired; a new one must be requested.");
    case OutcomeStatus::NoActiveCode: return tr("There is no usable code for this destination.");
    case OutcomeStatus::Locked:
        return wait.isEmpty() ? tr("Locked after too many wrong codes.") : tr("Locked after too many wrong codes; unlocks in %1.").arg(wait);
    case OutcomeStatus::Cooldown:
        return tr("A code was sent moments ago; the next one can go in %1.").arg(wait.isEmpty() ? duration(0) : wait);
    case OutcomeStatus::RateLimited:
        return withDetail(wait.isEmpty() ? tr("Send limit reached.") : tr("Send limit reached; the next code can go in %1.").arg(wait));
    case OutcomeStatus::CountryNotAllowed: return withDetail(tr("This country is not allowed for the tenant."));
    case OutcomeStatus::InvalidDestination: return withDetail(tr("Not a usable phone number or email."));
    case OutcomeStatus::InvalidInput: return withDetail(tr("Refused."));
    case OutcomeStatus::DeliveryFailed: return withDetail(tr("Delivery failed."));
    case OutcomeStatus::Canceled: return tr("The code was cancelled.");
    case OutcomeStatus::Unlocked: return tr("Unlocked.");
    case OutcomeStatus::NotLocked: return tr("It was not locked.");
    case OutcomeStatus::CanSend: return tr("A code can be sent now.");
    case OutcomeStatus::Ok: return withDetail(tr("Done."));
    case OutcomeStatus::InternalError: return withDetail(tr("Internal error."));
    }
    return o.message;
}

QString StatusText::status(const QString& key)
{
    if (key == QLatin1String("pending")) return tr("delivered, code not entered yet");
    if (key == QLatin1String("verified")) return tr("verified");
    if (key == QLatin1String("expired")) return tr("expired unused");
    if (key == QLatin1String("delivery_failed")) return tr("delivery failed");
    if (key == QLatin1String("locked")) return tr("locked: too many wrong codes");
    if (key == QLatin1String("canceled")) return tr("canceled");
    if (key == QLatin1String("superseded")) return tr("replaced by a newer code");
    if (key == QLatin1String("sending")) return tr("sending");
    return key;
}

QString StatusText::outcomeName(const QString& name)
{
    if (name == QLatin1String("sent")) return tr("sent");
    if (name == QLatin1String("queued")) return tr("queued");
    if (name == QLatin1String("unconfirmed")) return tr("not confirmed by the vendor");
    if (name == QLatin1String("wrong_code")) return tr("wrong code");
    if (name == QLatin1String("no_active_code")) return tr("no usable code");
    if (name == QLatin1String("cooldown")) return tr("too soon after the last code");
    if (name == QLatin1String("rate_limited")) return tr("send limit reached");
    if (name == QLatin1String("country_not_allowed")) return tr("country not allowed");
    if (name == QLatin1String("invalid_destination")) return tr("not a usable phone or email");
    if (name == QLatin1String("invalid_input")) return tr("refused");
    if (name == QLatin1String("unlocked")) return tr("unlocked");
    if (name == QLatin1String("not_locked")) return tr("was not locked");
    if (name == QLatin1String("can_send")) return tr("a code can be sent");
    if (name == QLatin1String("ok")) return tr("done");
    if (name == QLatin1String("internal_error")) return tr("internal error");
    if (name == QLatin1String("expired")) return tr("code expired");
    if (name == QLatin1String("locked")) return tr("locked");
    return status(name);
}

QString StatusText::channel(const QString& name)
{
    if (name == QLatin1String("sms")) return tr("SMS");
    if (name == QLatin1String("whatsapp")) return tr("WhatsApp");
    if (name == QLatin1String("email")) return tr("Email");
    return name;
}

QString StatusText::purpose(const QString& name)
{
    if (name == QLatin1String("login")) return tr("login");
    if (name == QLatin1String("registration")) return tr("registration");
    if (name == QLatin1String("password_reset")) return tr("password reset");
    if (name == QLatin1String("signup")) return tr("sign-up");
    return name;
}

QString StatusText::lockReason(const QString& reason)
{
    if (reason == QLatin1String("max_attempts")) return tr("too many wrong codes");
    if (reason == QLatin1String("send_cap")) return tr("too many codes requested");
    if (reason == QLatin1String("manual")) return tr("locked by an operator");
    return reason;
}

QString StatusText::vendorAnswer(const SendRow& row)
{
    const QString http = row.httpStatus > 0 ? tr(" (HTTP %1)").arg(row.httpStatus) : QString();
    if (row.deliveryState == QLatin1String("queued"))
        return tr("waiting to be handed to %1").arg(row.vendor);
    if (row.deliveryState == QLatin1String("sending"))
        return tr("waiting for %1 to answer").arg(row.vendor);
    if (row.deliveryState == QLatin1String("accepted") || row.deliveryState == QLatin1String("delivered"))
        return tr("accepted%1").arg(http);
    if (row.deliveryState == QLatin1String("timeout"))
        return tr("no answer in time%1").arg(http);
    QString why = row.reason.isEmpty() ? row.vendorCode : row.reason;
    if (!row.vendorCode.isEmpty() && !row.reason.isEmpty() && !row.reason.contains(row.vendorCode))
        why += QStringLiteral(" [%1]").arg(row.vendorCode); // "(105) [105]" said the code twice
    return tr("refused%1: %2").arg(http, why);
}

QString StatusText::auditAction(const QString& action)
{
    if (action == QLatin1String("send")) return tr("code sent by hand");
    if (action == QLatin1String("resend")) return tr("code resent by hand");
    if (action == QLatin1String("verify")) return tr("code entered by hand");
    if (action == QLatin1String("cancel")) return tr("code cancelled");
    if (action == QLatin1String("unlock")) return tr("unlocked");
    if (action == QLatin1String("update_profile")) return tr("profile edited");
    if (action == QLatin1String("policy_set")) return tr("policy changed");
    if (action == QLatin1String("vendor_save")) return tr("vendor saved");
    if (action == QLatin1String("vendor_remove")) return tr("vendor removed");
    if (action == QLatin1String("cleanup")) return tr("old rows cleaned up");
    if (action.startsWith(QLatin1String("secret"))) return tr("credential changed");
    if (action == QLatin1String("alarm_ack")) return tr("alarm acknowledged");
    if (action == QLatin1String("vendor_breaker_forced_open")) return tr("vendor forced open");
    if (action == QLatin1String("vendor_breaker_forced_closed")) return tr("vendor forced closed");
    if (action == QLatin1String("vendor_breaker_opened")) return tr("vendor breaker opened");
    if (action == QLatin1String("vendor_breaker_closed")) return tr("vendor breaker closed");
    return action;
}

QString StatusText::auditDetails(const QJsonObject& details)
{
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        QString value;
        if (key == QLatin1String("purpose"))
            value = purpose(v.toString());
        else if (key == QLatin1String("channel"))
            value = channel(v.toString());
        else if (key == QLatin1String("status"))
            value = outcomeName(v.toString());
        else if (v.isObject()) {
            QStringList inner;
            const QJsonObject o = v.toObject();
            for (auto i = o.begin(); i != o.end(); ++i)
                inner << QStringLiteral("%1=%2").arg(i.key(), i.value().toVariant().toString());
            value = inner.join(QStringLiteral(", "));
        } else if (v.isArray()) {
            QStringList inner;
            for (const QJsonValue& e : v.toArray())
                inner << e.toVariant().toString();
            value = inner.join(QStringLiteral(", "));
        } else
            value = v.toVariant().toString();
        if (value.isEmpty() || key == QLatin1String("challenge"))
            continue;
        QString name = key;
        if (key == QLatin1String("reason")) name = tr("reason");
        else if (key == QLatin1String("purpose")) name = tr("purpose");
        else if (key == QLatin1String("channel")) name = tr("channel");
        else if (key == QLatin1String("status")) name = tr("outcome");
        else if (key == QLatin1String("released")) name = tr("lockouts released");
        else if (key == QLatin1String("values")) name = tr("values");
        else name.replace(QLatin1Char('_'), QLatin1Char(' '));
        parts << tr("%1: %2").arg(name, value);
    }
    return parts.join(QStringLiteral(" · "));
}

QString StatusText::blocker(const QString& reason)
{
    if (reason == QLatin1String("lockout")) return tr("the lockout");
    if (reason == QLatin1String("cooldown")) return tr("the cooldown between sends");
    if (reason == QLatin1String("hourly_cap")) return tr("the hourly send cap");
    if (reason == QLatin1String("daily_cap")) return tr("the daily send cap");
    if (reason == QLatin1String("prefix_burst_cap")) return tr("the burst cap on this number block (possible SMS pumping)");
    return reason;
}

QString StatusText::alarm(const QString& rule, const QString& subject, const QString& observed, const QString& threshold,
                         int windowMin)
{
    if (rule == QLatin1String("vendor_success"))
        return tr("%1 success %2 over %3 min (below %4)").arg(subject, observed).arg(windowMin).arg(threshold);
    if (rule == QLatin1String("vendor_latency"))
        return tr("%1 p95 latency %2 over %3 min (above %4)").arg(subject, observed).arg(windowMin).arg(threshold);
    if (rule == QLatin1String("outbox_depth"))
        return tr("%1: %2 deliveries queued (above %3)").arg(subject, observed, threshold);
    if (rule == QLatin1String("lockouts"))
        return tr("%1: %2 lockouts (above %3)").arg(subject, observed, threshold);
    if (rule == QLatin1String("conversion"))
        return tr("numbers %1…: %2 of codes verified over %3 min (below %4): SMS pumping?")
            .arg(subject, observed).arg(windowMin).arg(threshold);
    return tr("%1 %2: %3 (threshold %4)").arg(rule, subject, observed, threshold);
}

QString StatusText::breakerState(const QString& state, bool forced)
{
    if (state == QLatin1String("open"))
        return forced ? tr("open (forced)") : tr("open: sends skip it");
    if (state == QLatin1String("half_open"))
        return tr("half-open: probing");
    if (state == QLatin1String("closed"))
        return tr("closed: in use");
    return state;
}

QString StatusText::afterUnlock(const Outcome& status, qint64 nowMs)
{
    const QJsonArray blockers = status.details.value(QStringLiteral("blocked_by")).toArray();
    if (status.status == OutcomeStatus::CanSend || blockers.isEmpty())
        return tr("Unlocked. Nothing else blocks the next code: it can be sent now.");
    // Seconds matter for a wait of minutes ("until 14:05:30"), not for one of hours.
    const bool shortWait = status.retryAfterS.value_or(0) < 3600;
    auto clock = [shortWait](const QString& iso) {
        return QDateTime::fromString(iso, Qt::ISODate).toLocalTime().toString(shortWait ? QStringLiteral("HH:mm:ss")
                                                                                        : QStringLiteral("HH:mm"));
    };
    QStringList still;
    for (const QJsonValue& v : blockers) {
        const QJsonObject b = v.toObject();
        const QString reason = b.value(QStringLiteral("reason")).toString();
        if (reason == QLatin1String("lockout"))
            continue; // the one just released (another may remain: named below like the rest)
        still << tr("%1 until %2 (%3)")
                     .arg(blocker(reason), clock(b.value(QStringLiteral("until")).toString()),
                          duration(b.value(QStringLiteral("retry_after_s")).toInteger()));
    }
    if (still.isEmpty())
        return tr("Unlocked. Nothing else blocks the next code: it can be sent now.");
    const QString nextAt = status.details.value(QStringLiteral("next_send_at")).toString();
    const qint64 waitS = status.retryAfterS.value_or(qMax<qint64>(0, (QDateTime::fromString(nextAt, Qt::ISODate).toMSecsSinceEpoch() - nowMs + 999) / 1000));
    return tr("Unlocked, but the next code must still wait: %1. It can be sent from %2 (in %3).")
        .arg(still.join(QStringLiteral("; ")), clock(nextAt), duration(waitS));
}

QColor StatusText::color(const QString& key)
{
    if (key == QLatin1String("verified")) return QColor(0x2e, 0x9d, 0x4f);
    if (key == QLatin1String("pending") || key == QLatin1String("sending")) return QColor(0x2f, 0x7e, 0xd8);
    if (key == QLatin1String("delivery_failed")) return QColor(0xd6, 0x3a, 0x3a);
    if (key == QLatin1String("locked")) return QColor(0xe3, 0x8b, 0x1c);
    return QColor(0x8a, 0x8f, 0x98);
}

QColor StatusText::textColor(const QString& key)
{
    const QColor c = color(key);
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128 ? c.lighter(150) : c.darker(150);
}

QStringList StatusText::statusKeys()
{
    return {QStringLiteral("sending"), QStringLiteral("pending"), QStringLiteral("verified"),
            QStringLiteral("expired"), QStringLiteral("delivery_failed"), QStringLiteral("locked"),
            QStringLiteral("superseded"), QStringLiteral("canceled")};
}

} // namespace otp::models
