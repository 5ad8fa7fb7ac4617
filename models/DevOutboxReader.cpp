#include "DevOutboxReader.h"

#include <QFile>
#include <QJsonDocument>

namespace otp::models {

QJsonObject DevOutboxReader::lastMessageFor(const QString& destination, qint64 tailBytes) const
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = f.size();
    if (size > tailBytes)
        f.seek(size - tailBytes);
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (it->trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(*it).object(); // a cut first line parses as empty
        if (o.value(QStringLiteral("to")).toString() == destination)
            return o;
    }
    return {};
}

} // namespace otp::models
