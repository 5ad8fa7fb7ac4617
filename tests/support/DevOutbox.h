#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace otp::test {

// Reads the dev gateway's JSON-lines outbox the way QA does: the last code sent to a destination.
class DevOutbox
{
public:
    explicit DevOutbox(QString path) : m_path(std::move(path)) {}
    QList<QJsonObject> messages() const;
    QString lastCodeFor(const QString& destination) const;
    int countFor(const QString& destination) const;
    QString path() const { return m_path; }

private:
    QString m_path;
};

} // namespace otp::test
