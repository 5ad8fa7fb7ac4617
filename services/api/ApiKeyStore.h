#pragma once

#include "AuditLog.h"
#include "SqlSession.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace otp {

// What a key may do (HTTP-API.md): each route names the one scope it needs.
enum class ApiScope { Send = 1, Verify = 2, Read = 4, Accounts = 8 };
QString apiScopeName(ApiScope scope);

struct ApiKeyRow
{
    qint64 id = 0;
    QString tenant, name, prefix, scopes, createdBy, revokedBy, revokeReason;
    qint64 createdAt = 0, revokedAt = 0;

    bool allows(ApiScope scope) const;
    bool revoked() const { return revokedAt > 0; }
    QJsonObject toJson() const; // never the key (it is not stored) nor its hash
};

// The `api_keys` table. A key is "otp_live_" + 43 characters of base64url (32 bytes from the OS CSPRNG);
// only its SHA-256 and a short display prefix are stored, so a database dump holds no usable key.
// Creating and revoking are audited. Validation happens before any write; failures are plain words.
class ApiKeyStore
{
public:
    static constexpr const char* kKeyPrefix = "otp_live_";
    static constexpr int kKeyLength = 9 + 43;
    static constexpr int kDisplayChars = 9 + 6; // "otp_live_" and 6 characters: 36 of 256 bits, not a secret
    static constexpr int kMaxName = 64;

    explicit ApiKeyStore(SqlSession& s) : m_s(s) {}

    struct Created
    {
        ApiKeyRow row;
        QString key; // shown once, to the person who created it
    };
    // Empty `scopes`: send, verify and read (accounts must be asked for). *error names the problem.
    std::optional<Created> create(const QString& tenant, const QString& name, const QStringList& scopes,
                                  const Actor& actor, qint64 now, QString* error);
    // Revokes the active key named `name` (of `tenant` when given). False with *error when there is none.
    bool revoke(const QString& name, const QString& tenant, const QString& reason, const Actor& actor, qint64 now,
                QString* error);
    QList<ApiKeyRow> list(const QString& tenant);
    // The active key `presented` is, or nullopt (malformed, unknown or revoked). Looked up by the
    // SHA-256 of the whole key; the stored hash is then compared in constant time as well.
    std::optional<ApiKeyRow> authenticate(const QString& presented);

    static QString hashOf(const QString& key);
    static bool looksLikeKey(const QString& presented);
    // Empty when `scopes` are all known; else the problem. Normalised (sorted, unique) into *out.
    static QString parseScopes(const QStringList& scopes, QString* out);
    static bool isValidName(const QString& name);

private:
    SqlSession& m_s;
};

} // namespace otp
