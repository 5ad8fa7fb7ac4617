#include "ApiKeyStore.h"

#include "OtpService.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace otp {

namespace {
const QStringList kScopeOrder{QStringLiteral("send"), QStringLiteral("verify"), QStringLiteral("read"),
                              QStringLiteral("accounts")};

QString iso(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

// Constant time over the whole length: the time does not tell how many leading characters matched.
bool sameText(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

ApiKeyRow rowFrom(const SqlRow& r)
{
    ApiKeyRow k;
    k.id = r.value(QStringLiteral("id")).toLongLong();
    k.tenant = r.value(QStringLiteral("tenant")).toString();
    k.name = r.value(QStringLiteral("name")).toString();
    k.prefix = r.value(QStringLiteral("key_prefix")).toString();
    k.scopes = r.value(QStringLiteral("scopes")).toString();
    k.createdAt = r.value(QStringLiteral("created_at")).toLongLong();
    k.createdBy = r.value(QStringLiteral("created_by")).toString();
    k.revokedAt = r.value(QStringLiteral("revoked_at")).toLongLong();
    k.revokedBy = r.value(QStringLiteral("revoked_by")).toString();
    k.revokeReason = r.value(QStringLiteral("revoke_reason")).toString();
    return k;
}

const char* kColumns = "id, tenant, name, key_prefix, scopes, created_at, created_by, revoked_at, revoked_by, revoke_reason";
} // namespace

QString apiScopeName(ApiScope scope)
{
    switch (scope) {
    case ApiScope::Send: return QStringLiteral("send");
    case ApiScope::Verify: return QStringLiteral("verify");
    case ApiScope::Read: return QStringLiteral("read");
    case ApiScope::Accounts: return QStringLiteral("accounts");
    }
    return {};
}

bool ApiKeyRow::allows(ApiScope scope) const
{
    return scopes.split(QLatin1Char(','), Qt::SkipEmptyParts).contains(apiScopeName(scope));
}

QJsonObject ApiKeyRow::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("tenant"), tenant},
                  {QStringLiteral("prefix"), prefix},
                  {QStringLiteral("scopes"), scopes},
                  {QStringLiteral("created_at"), iso(createdAt)},
                  {QStringLiteral("created_by"), createdBy},
                  {QStringLiteral("active"), !revoked()}};
    if (revoked()) {
        o.insert(QStringLiteral("revoked_at"), iso(revokedAt));
        o.insert(QStringLiteral("revoked_by"), revokedBy);
        o.insert(QStringLiteral("revoke_reason"), revokeReason);
    }
    return o;
}

QString ApiKeyStore::hashOf(const QString& key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool ApiKeyStore::looksLikeKey(const QString& presented)
{
    static const QRegularExpression re(QStringLiteral("^otp_live_[A-Za-z0-9_-]{43}$"));
    return presented.size() == kKeyLength && re.match(presented).hasMatch();
}

bool ApiKeyStore::isValidName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(name).hasMatch();
}

QString ApiKeyStore::parseScopes(const QStringList& scopes, QString* out)
{
    QStringList given;
    for (const QString& s : scopes)
        for (const QString& part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
            given << part.trimmed().toLower();
    if (given.isEmpty())
        given = {QStringLiteral("send"), QStringLiteral("verify"), QStringLiteral("read")};
    QStringList normalised;
    for (const QString& s : given) {
        if (!kScopeOrder.contains(s))
            return QStringLiteral("unknown scope '%1' (send, verify, read, accounts)").arg(s.left(32));
    }
    for (const QString& s : kScopeOrder)
        if (given.contains(s))
            normalised << s;
    *out = normalised.join(QLatin1Char(','));
    return {};
}

std::optional<ApiKeyStore::Created> ApiKeyStore::create(const QString& tenant, const QString& name,
                                                        const QStringList& scopes, const Actor& actor, qint64 now,
                                                        QString* error)
{
    if (!OtpService::isValidTenant(tenant)) {
        *error = QStringLiteral("the tenant id must be 1-64 letters, digits, '.', '_' or '-'");
        return std::nullopt;
    }
    if (!isValidName(name)) {
        *error = QStringLiteral("the key name must be 1-64 letters, digits, '.', '_' or '-'");
        return std::nullopt;
    }
    QString scopeList;
    if (const QString problem = parseScopes(scopes, &scopeList); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(raw.data()),
                                         reinterpret_cast<quint32*>(raw.data() + raw.size()));
    Created c;
    c.key = QLatin1String(kKeyPrefix) +
            QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    c.row.tenant = tenant;
    c.row.name = name;
    c.row.prefix = c.key.left(kDisplayChars);
    c.row.scopes = scopeList;
    c.row.createdAt = now;
    c.row.createdBy = actor.user.left(128);

    return retryOnConflict(m_s, [&]() -> std::optional<Created> {
        WriteTransaction tx(m_s);
        tx.lockKey(QStringLiteral("apikey:") + name);
        if (m_s.scalar(QStringLiteral("SELECT id FROM api_keys WHERE name = ? AND revoked_at IS NULL"), {name}).isValid()) {
            *error = QStringLiteral("an active key named '%1' exists; revoke it first or choose another name").arg(name);
            return std::nullopt;
        }
        c.row.id = m_s.insert(QStringLiteral("INSERT INTO api_keys (tenant, name, key_prefix, key_hash, scopes, created_at, "
                                             "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                              {tenant, name, c.row.prefix, hashOf(c.key), scopeList, now, c.row.createdBy});
        AuditLog(m_s).record(actor, QStringLiteral("apikey_create"), tenant, QStringLiteral("apikey:") + name,
                             {{QStringLiteral("prefix"), c.row.prefix}, {QStringLiteral("scopes"), scopeList}}, now);
        tx.commit();
        return c;
    });
}

bool ApiKeyStore::revoke(const QString& name, const QString& tenant, const QString& reason, const Actor& actor,
                         qint64 now, QString* error)
{
    const QString why = reason.trimmed();
    if (why.isEmpty()) {
        *error = QStringLiteral("revoking a key needs a reason (--reason TEXT)");
        return false;
    }
    if (why.size() > 512) {
        *error = QStringLiteral("the reason is too long: %1 characters, at most 512").arg(why.size());
        return false;
    }
    if (!isValidName(name)) {
        *error = QStringLiteral("the key name must be 1-64 letters, digits, '.', '_' or '-'");
        return false;
    }
    return retryOnConflict(m_s, [&]() -> bool {
        WriteTransaction tx(m_s);
        tx.lockKey(QStringLiteral("apikey:") + name);
        const Rows rows = m_s.select(QStringLiteral("SELECT %1 FROM api_keys WHERE name = ? AND revoked_at IS NULL")
                                         .arg(QLatin1String(kColumns)),
                                     {name});
        if (rows.isEmpty() || (!tenant.isEmpty() && rowFrom(rows.first()).tenant != tenant)) {
            *error = QStringLiteral("there is no active key named '%1'%2")
                         .arg(name, tenant.isEmpty() ? QString() : QStringLiteral(" for tenant ") + tenant);
            return false;
        }
        const ApiKeyRow k = rowFrom(rows.first());
        m_s.update(QStringLiteral("UPDATE api_keys SET revoked_at = ?, revoked_by = ?, revoke_reason = ? "
                                  "WHERE id = ? AND revoked_at IS NULL"),
                   {now, actor.user.left(128), why, k.id});
        AuditLog(m_s).record(actor, QStringLiteral("apikey_revoke"), k.tenant, QStringLiteral("apikey:") + name,
                             {{QStringLiteral("prefix"), k.prefix}, {QStringLiteral("reason"), why}}, now);
        tx.commit();
        return true;
    });
}

QList<ApiKeyRow> ApiKeyStore::list(const QString& tenant)
{
    QList<ApiKeyRow> out;
    const QString sql = QStringLiteral("SELECT %1 FROM api_keys %2 ORDER BY tenant, name, id")
                            .arg(QLatin1String(kColumns), tenant.isEmpty() ? QString() : QStringLiteral("WHERE tenant = ?"));
    for (const SqlRow& r : m_s.select(sql, tenant.isEmpty() ? QVariantList{} : QVariantList{tenant}))
        out << rowFrom(r);
    return out;
}

std::optional<ApiKeyRow> ApiKeyStore::authenticate(const QString& presented)
{
    if (!looksLikeKey(presented))
        return std::nullopt;
    const QString hash = hashOf(presented);
    const Rows rows = m_s.select(QStringLiteral("SELECT %1, key_hash FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
                                     .arg(QLatin1String(kColumns)),
                                 {hash});
    if (rows.isEmpty())
        return std::nullopt;
    if (!sameText(rows.first().value(QStringLiteral("key_hash")).toString().toLatin1(), hash.toLatin1()))
        return std::nullopt;
    return rowFrom(rows.first());
}

} // namespace otp
