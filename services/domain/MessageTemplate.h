#pragma once

#include "Channel.h"

#include <QString>
#include <QStringList>

namespace otp {

// The text a person receives with their code, per tenant, purpose, channel and language (issue 15 item 5).
// A body holds placeholders: {code} (exactly once), {minutes} (the code's remaining lifetime), {app} (the
// tenant's app name) and {purpose} (the purpose in words, "password reset"). India's DLT rules make the
// text of an SMS to +91 part of its registration: a body is checked word for word against the vendor's
// registered template (`dlt_template_text`, with {#var#} for each variable) before it is saved.
struct MessageTemplate
{
    QString tenant;
    Purpose purpose = Purpose::Login;
    Channel channel = Channel::Sms;
    QString language = QStringLiteral("en");
    QString body;
    qint64 updatedAt = 0;
    QString updatedBy;
    bool builtIn = false; // no row: the text the core ships for this language
};

namespace MessageTemplates {

// Languages the core ships a text for; any other ISO 639-1 code may still be given a template.
QStringList shippedLanguages();
// The shipped text for `language` (English when none is shipped for it).
QString builtInBody(Purpose purpose, Channel channel, const QString& language);
// Empty when `body` can be saved, else the problem in plain words: empty, too long, no {code} or more than
// one, a placeholder that is not one of the four, control characters.
QString problem(const QString& body);
// Empty when `language` is a two-letter lower-case ISO 639-1 code, else the problem.
QString languageProblem(const QString& language);
// The text sent: each placeholder replaced. `appName` empty: the tenant's name is used by the caller.
QString render(const QString& body, const QString& code, int minutes, const QString& appName, Purpose purpose);
// DLT: does `text` match the registered template word for word, each {#var#} standing for 1-30 characters?
bool matchesDlt(const QString& registered, const QString& text);
// DLT: empty when `body`, rendered with sample values, matches `registered`; else the problem, naming the
// registration. A body whose rendering could differ from the registration is refused before it is saved.
QString dltProblem(const QString& registered, const QString& body, Purpose purpose);

constexpr int kMaxBodyChars = 640;

} // namespace MessageTemplates

} // namespace otp
