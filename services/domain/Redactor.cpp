#include "Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace otp {

namespace {

QString jsonEscaped(const QString& s)
{
    // ["…"] → the inner string literal without its quotes.
    const QByteArray json = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(2, json.size() - 4));
}

} // namespace

Redactor::Redactor(const QStringList& secrets)
{
    QSet<QString> forms;
    for (const QString& secret : secrets) {
        if (secret.isEmpty())
            continue;
        forms.insert(secret);
        forms.insert(QString::fromLatin1(QUrl::toPercentEncoding(secret)));
        forms.insert(QString::fromLatin1(QUrl::toPercentEncoding(secret, " ")).replace(QLatin1Char(' '), QLatin1Char('+')));
        forms.insert(jsonEscaped(secret));
        forms.insert(QString(secret).replace(QLatin1Char('/'), QStringLiteral("\\/"))); // PHP-style JSON
    }
    m_forms = QStringList(forms.cbegin(), forms.cend());
    std::sort(m_forms.begin(), m_forms.end(), [](const QString& a, const QString& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
}

QString Redactor::apply(QString text) const
{
    // Case-insensitive: vendors re-encode with lower-case hex (%2b); over-redacting costs nothing.
    for (const QString& form : m_forms)
        text.replace(form, QStringLiteral("***"), Qt::CaseInsensitive);
    return text;
}

QString Redactor::excerpt(const QByteArray& body) const
{
    return apply(QString::fromUtf8(body)).trimmed().left(kExcerptChars);
}

QString Redactor::storable(QString text)
{
    const auto isControl = [](QChar c) { return c.unicode() < 0x20 && c != u'\t' && c != u'\n'; };
    if (std::none_of(text.cbegin(), text.cend(), isControl))
        return text; // the usual case: no copy
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    for (QChar& c : text) {
        if (isControl(c))
            c = QChar(QChar::ReplacementCharacter);
    }
    return text;
}

} // namespace otp
