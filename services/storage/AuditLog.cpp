#include "AuditLog.h"

#include <QDateTime>
#include <QJsonDocument>

#include <pwd.h>
#include <unistd.h>

namespace otp {

Actor Actor::currentOsUser(const QString& role)
{
    QString user;
    if (const passwd* pw = getpwuid(getuid()))
        user = QString::fromLocal8Bit(pw->pw_name);
    if (user.isEmpty())
        user = qEnvironmentVariable("USER", QStringLiteral("uid-%1").arg(getuid()));
    return {user, role};
}

QJsonObject AuditRow::toJson() const
{
    return {{QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(createdAt, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("actor"), actor},
            {QStringLiteral("role"), role},
            {QStringLiteral("action"), action},
            {QStringLiteral("tenant"), tenant},
            {QStringLiteral("target"), target},
            {QStringLiteral("details"), details}};
}

void AuditLog::record(const Actor& actor, const QString& action, const QString& tenant, const QString& target,
                      const QJsonObject& details, qint64 now)
{
    m_s.insert(QStringLiteral("INSERT INTO audit_log (created_at, actor, role, action, tenant, target, details) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)"),
               {now, actor.user.left(128), actor.role.left(32), action, tenant, target.left(320),
                QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
}

QList<AuditRow> AuditLog::recent(int limit, const QString& target)
{
    const Rows rows = target.isEmpty()
        ? m_s.select(QStringLiteral("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?"), {limit})
        : m_s.select(QStringLiteral("SELECT * FROM audit_log WHERE target = ? ORDER BY id DESC LIMIT ?"), {target, limit});
    QList<AuditRow> out;
    for (const auto& r : rows) {
        AuditRow a;
        a.id = r.value(QStringLiteral("id")).toLongLong();
        a.createdAt = r.value(QStringLiteral("created_at")).toLongLong();
        a.actor = r.value(QStringLiteral("actor")).toString();
        a.role = r.value(QStringLiteral("role")).toString();
        a.action = r.value(QStringLiteral("action")).toString();
        a.tenant = r.value(QStringLiteral("tenant")).toString();
        a.target = r.value(QStringLiteral("target")).toString();
        a.details = QJsonDocument::fromJson(r.value(QStringLiteral("details")).toString().toUtf8()).object();
        out.append(a);
    }
    return out;
}

} // namespace otp
