#include "OperatorStore.h"

#include "InputLimits.h"
#include "StoreError.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace otp {

QList<OperatorRow> OperatorStore::all()
{
    QList<OperatorRow> out;
    for (const SqlRow& r : m_s.select(QStringLiteral("SELECT login, role, display_name, created_at FROM operators ORDER BY login")))
        out.append({r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toLongLong()});
    return out;
}

Outcome OperatorStore::set(const QString& login, const QString& role, const QString& displayName, const Actor& actor,
                           qint64 now)
{
    static const QRegularExpression loginRe(QStringLiteral("^[A-Za-z0-9._@\\\\-]{1,%1}$").arg(InputLimits::kOperatorLogin));
    if (!loginRe.match(login).hasMatch())
        return Outcome::make(OutcomeStatus::InvalidInput,
                             QStringLiteral("login '%1' must be 1-%2 letters, digits, '.', '_', '@', '-' or '\\\\'")
                                 .arg(login.left(InputLimits::kOperatorLogin)).arg(InputLimits::kOperatorLogin));
    if (!roles().contains(role))
        return Outcome::make(OutcomeStatus::InvalidInput,
                             QStringLiteral("unknown role '%1' (%2)").arg(role, roles().join(QStringLiteral(", "))));
    const QString name = displayName.trimmed();
    if (name.size() > InputLimits::kOperatorName || name.contains(QLatin1Char('\n')))
        return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("the display name must be one line of at most %1 characters")
                                                              .arg(InputLimits::kOperatorName));
    try {
        WriteTransaction tx(m_s);
        const Rows before = m_s.select(QStringLiteral("SELECT role, created_at FROM operators WHERE login = ?"), {login});
        const qint64 created = before.isEmpty() ? now : before.first().value(1).toLongLong();
        m_s.update(QStringLiteral("DELETE FROM operators WHERE login = ?"), {login});
        m_s.update(QStringLiteral("INSERT INTO operators (login, role, display_name, created_at) VALUES (?, ?, ?, ?)"),
                   {login, role, name, created});
        AuditLog(m_s).record(actor, QStringLiteral("operator_set"), QStringLiteral("*"), login,
                             {{QStringLiteral("role"), role},
                              {QStringLiteral("previous_role"), before.isEmpty() ? QString() : before.first().value(0).toString()},
                              {QStringLiteral("display_name"), name}},
                             now);
        tx.commit();
    } catch (const StoreError& e) {
        return Outcome::make(OutcomeStatus::InternalError, e.message());
    }
    return Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 now acts as %2").arg(login, role));
}

Outcome OperatorStore::remove(const QString& login, const Actor& actor, qint64 now)
{
    try {
        WriteTransaction tx(m_s);
        if (m_s.update(QStringLiteral("DELETE FROM operators WHERE login = ?"), {login}) != 1)
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("'%1' is not an operator").arg(login));
        AuditLog(m_s).record(actor, QStringLiteral("operator_remove"), QStringLiteral("*"), login, {}, now);
        tx.commit();
    } catch (const StoreError& e) {
        return Outcome::make(OutcomeStatus::InternalError, e.message());
    }
    return Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 removed; that login now acts as support").arg(login));
}

} // namespace otp
