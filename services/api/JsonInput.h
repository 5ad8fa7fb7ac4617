#pragma once

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace otp {

// A request's JSON fields, checked one by one: every problem is `invalid_input` naming the field
// (wrong type, too long, control characters, unknown field). The first problem wins.
class JsonInput
{
public:
    // The body as a JSON object; an empty body is {}. nullopt with *problem for anything else
    // (malformed JSON, nesting deeper than Qt's parser allows, an array or a scalar at the top).
    static std::optional<QJsonObject> parseObject(const QByteArray& body, QString* problem);

    // `allowed`: the fields this route knows; any other is refused by name (a typo must not pass silently).
    JsonInput(QJsonObject object, const QStringList& allowed);
    // Same checks for a query string's parameters (all strings).
    static JsonInput fromQuery(const QList<QPair<QString, QString>>& items, const QStringList& allowed);

    enum Need { Optional, Required };
    // The field as text (trimmed of nothing); "" when absent and optional.
    QString text(const QString& field, int maxLength, Need need = Optional);
    bool has(const QString& field) const { return m_object.contains(field); }
    bool ok() const { return m_problem.isEmpty(); }
    const QString& problem() const { return m_problem; }

private:
    QJsonObject m_object;
    QString m_problem;
};

} // namespace otp
