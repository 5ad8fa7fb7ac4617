#include "JsonInput.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace otp {

std::optional<QJsonObject> JsonInput::parseObject(const QByteArray& body, QString* problem)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    const QByteArray start = body.trimmed().left(1);
    if (start != "{" && start != "[") {
        *problem = QStringLiteral("the body must be a JSON object");
        return std::nullopt;
    }
    if (error.error != QJsonParseError::NoError) {
        *problem = QStringLiteral("the body is not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *problem = QStringLiteral("the body must be a JSON object");
        return std::nullopt;
    }
    return doc.object();
}

JsonInput::JsonInput(QJsonObject object, const QStringList& allowed) : m_object(std::move(object))
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            QString shown = it.key().left(40);
            for (QChar& c : shown)
                if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                    c = QLatin1Char('?');
            m_problem = QStringLiteral("unknown field '%1' (this route takes: %2)").arg(shown, allowed.join(QStringLiteral(", ")));
            return;
        }
    }
}

JsonInput JsonInput::fromQuery(const QList<QPair<QString, QString>>& items, const QStringList& allowed)
{
    QJsonObject o;
    QString repeated;
    for (const auto& kv : items) {
        if (o.contains(kv.first))
            repeated = kv.first;
        o.insert(kv.first, kv.second);
    }
    JsonInput in(o, allowed);
    if (in.ok() && !repeated.isEmpty())
        in.m_problem = QStringLiteral("query parameter '%1' is given twice").arg(repeated.left(40));
    return in;
}

QString JsonInput::text(const QString& field, int maxLength, Need need)
{
    if (!ok())
        return {};
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull()) {
        if (need == Required)
            m_problem = QStringLiteral("'%1' is required").arg(field);
        return {};
    }
    if (!v.isString()) {
        m_problem = QStringLiteral("'%1' must be a string").arg(field);
        return {};
    }
    const QString s = v.toString();
    if (s.size() > maxLength) {
        m_problem = QStringLiteral("'%1' is too long: %2 characters, at most %3").arg(field).arg(s.size()).arg(maxLength);
        return {};
    }
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            m_problem = QStringLiteral("'%1' contains a control character").arg(field);
            return {};
        }
    }
    if (need == Required && s.trimmed().isEmpty()) {
        m_problem = QStringLiteral("'%1' is required and must not be empty").arg(field);
        return {};
    }
    return s;
}

} // namespace otp
