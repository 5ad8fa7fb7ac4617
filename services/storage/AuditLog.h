#pragma once

#include "SqlSession.h"

#include <QJsonObject>

namespace otp {

// Who changed something: the OS login and the role it acts in.
struct Actor
{
    QString user;
    QString role;
    // Automated traffic (the simulator) has no person behind it and is not audited.
    bool isPerson() const { return !user.isEmpty(); }
    static Actor currentOsUser(const QString& role);
};

struct AuditRow
{
    qint64 id = 0, createdAt = 0;
    QString actor, role, action, tenant, target;
    QJsonObject details;
    QJsonObject toJson() const;
};

// The `audit_log` table: one row per state change a person made. Details never hold a code or secret.
class AuditLog
{
public:
    explicit AuditLog(SqlSession& s) : m_s(s) {}

    void record(const Actor& actor, const QString& action, const QString& tenant, const QString& target,
                const QJsonObject& details, qint64 now);
    QList<AuditRow> recent(int limit, const QString& target = {});

private:
    SqlSession& m_s;
};

} // namespace otp
