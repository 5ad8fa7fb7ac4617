#pragma once

#include <QCoreApplication>
#include <QString>

namespace otp::models {

// What a console operator may do. Roles come from the `operators` table keyed by the OS login;
// an unknown login is `support`, the read-mostly role.
class Permissions
{
    Q_DECLARE_TR_FUNCTIONS(Permissions)
public:
    enum class Role { Support, Admin, Qa };

    Permissions() = default;
    explicit Permissions(Role role) : m_role(role) {}
    // Unknown or empty names fall back to support.
    static Permissions fromRoleName(const QString& name);

    Role role() const { return m_role; }
    // The stored key ("admin"): for the audit log and the operators table, never for the operator's eyes.
    QString roleName() const;
    // The role in the operator's language ("admin" → "एडमिन").
    QString roleTitle() const { return roleTitle(roleName()); }
    // A role as the audit log keeps it (the console's three, "cli", "api", "system") in words; an
    // unknown one as it is.
    static QString roleTitle(const QString& name);

    bool canUnlock() const { return m_role == Role::Admin; }
    bool canEditPolicy() const { return m_role == Role::Admin; }
    // Vendor accounts and their credentials in the shared keychain.
    bool canEditVendors() const { return m_role == Role::Admin; }
    // Forcing a vendor's circuit breaker open or closed from the dashboard (audited).
    bool canForceBreakers() const { return m_role == Role::Admin; }
    // Acknowledging a raised alarm in the alarm history (audited).
    bool canAcknowledgeAlarms() const { return m_role == Role::Admin; }
    bool canManualSend() const { return m_role == Role::Qa || m_role == Role::Admin; }
    // Support sees masked destinations; admin and QA see them whole.
    bool revealsDestinations() const { return m_role != Role::Support; }

    bool operator==(const Permissions& other) const { return m_role == other.m_role; }
    bool operator!=(const Permissions& other) const { return m_role != other.m_role; }

private:
    Role m_role = Role::Support;
};

} // namespace otp::models
