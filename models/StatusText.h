#pragma once

#include "Outcome.h"
#include "SendRow.h"

#include <QColor>
#include <QCoreApplication>
#include <QJsonObject>

namespace otp::models {

// Plain words and colours for the core's status keys, shared by every view.
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)
public:
    static QString status(const QString& key);
    // An answer's name as the audit log keeps it ("sent", "wrong_code", "rate_limited") in words.
    static QString outcomeName(const QString& name);
    static QString channel(const QString& name);
    static QString purpose(const QString& name);
    static QString lockReason(const QString& reason);
    // What the vendor said about a send, in a sentence: "accepted (HTTP 200)", "refused: number unreachable (105)".
    static QString vendorAnswer(const SendRow& row);
    // A core outcome in the operator's language. The core words its outcomes in English (they are
    // also otpctl's and the logs' words); the console translates the decision from the status and the
    // structured facts (time to wait, attempts left), and keeps the core's sentence as the detail only
    // where it carries something the status does not (a validation message, a vendor's refusal).
    static QString outcome(const Outcome& outcome);
    // An audit action in words ("unlock" → "unlocked").
    static QString auditAction(const QString& action);
    // An audit row's details in words ("reason: caller verified · purpose: login"), never raw JSON.
    static QString auditDetails(const QJsonObject& details);
    // A blocker of new sends, as status() names it in details.blocked_by ("hourly_cap" → "the hourly send cap").
    static QString blocker(const QString& reason);
    // An alarm in plain words, e.g. "gupshup success 12 % over 15 min (below 50 %)" (AlarmMonitor.h rules).
    static QString alarm(const QString& rule, const QString& subject, const QString& observed, const QString& threshold,
                         int windowMin);
    // A vendor breaker's state ("closed", "open", "half_open") in words; `forced`: an admin's hand.
    static QString breakerState(const QString& state, bool forced);
    // What status() (read right after an unlock) says about the next code, in plain words: nothing
    // blocks it any more, or which blockers still hold (cooldown, caps) and from when it can go.
    static QString afterUnlock(const Outcome& status, qint64 nowMs);
    // "45 s", "3 min 20 s", "2 h 5 min".
    static QString duration(qint64 seconds);
    // The tint of a status: green verified, blue waiting, red failed, orange locked, grey finished.
    static QColor color(const QString& key);
    // The status's words in a table: its colour darker on a light base, lighter on a dark one (the
    // application palette's), at least 4.5:1 on the base and on the status's own tint over it.
    static QColor textColor(const QString& key);
    // The keys Live sends can filter on, in display order.
    static QStringList statusKeys();
};

} // namespace otp::models
