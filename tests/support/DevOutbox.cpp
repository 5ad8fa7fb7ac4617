#include "DevOutbox.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

namespace otp::test {

QList<QJsonObject> DevOutbox::messages() const
{
    QList<QJsonObject> out;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    return out;
}

QString DevOutbox::lastCodeFor(const QString& destination) const
{
    // The first run of 4-10 digits: the code, whatever the tenant's template says around it (MessageTemplate.h).
    static const QRegularExpression re(QStringLiteral("(?<!\\d)(\\d{4,10})(?!\\d)"));
    QString code;
    for (const QJsonObject& m : messages())
        if (m.value(QStringLiteral("to")).toString() == destination)
            code = re.match(m.value(QStringLiteral("body")).toString()).captured(1);
    return code;
}

int DevOutbox::countFor(const QString& destination) const
{
    int n = 0;
    for (const QJsonObject& m : messages())
        n += m.value(QStringLiteral("to")).toString() == destination;
    return n;
}

} // namespace otp::test
