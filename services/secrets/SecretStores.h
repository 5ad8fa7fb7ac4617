#pragma once

#include "SecretStore.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace otp {

// The SecretStore backends and the rule that picks one (SECURITY.md row 16).
//
// SecretStores::fromEnvironment() chooses, in this order:
//   1. OTP_SECRETS_DIR set      → FileSecretStore over that directory (0700, one 0600 file per
//                                 secret), with OTP_SECRET_<NAME> environment overrides on read.
//   2. OTP_SECRETS=env          → EnvSecretStore only (read-only).
//   3. otherwise                → KeychainSecretStore (the OS keychain through QtKeychain, service
//                                 name "otp-console" or OTP_KEYCHAIN_SERVICE), with
//                                 OTP_SECRET_<NAME> environment overrides on read.
// "Overrides on read" means: when OTP_SECRET_<NAME> is set and non-empty it wins over the stored
// value, so CI and headless runs can inject a secret without touching the store. Writes and
// deletes always go to the store itself (never to the environment). No backend ever falls back
// to a plaintext file on its own: a keychain that cannot be reached is an error.
//
// Secret names follow SecretStores::isValidName(): [a-z0-9][a-z0-9._/-]{0,99}.
class SecretStores
{
public:
    static bool isValidName(const QString& name);
    // The environment variable that holds `name`: "vendor/gupshup" → OTP_SECRET_VENDOR_GUPSHUP.
    static QString environmentVariable(const QString& name);
    // nullptr with *error set when the configuration itself is unusable (e.g. OTP_SECRETS_DIR is
    // readable by others, OTP_SECRETS has an unknown value).
    static std::unique_ptr<SecretStore> fromEnvironment(QString* error);
};

// The OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows),
// under the service name "otp-console". Blocking: each call runs one QtKeychain job and waits for
// it on a local event loop, so it needs a QCoreApplication and must not be called from a thread
// that another thread's keychain call waits on. Calls are serialised process-wide.
// QtKeychain cannot enumerate, so the names are kept in an extra entry ("_index", names only).
class KeychainSecretStore : public SecretStore
{
public:
    static constexpr const char* kService = "otp-console";
    static constexpr const char* kIndexKey = "_index";

    explicit KeychainSecretStore(QString service = QString::fromLatin1(kService), int timeoutMs = 120000);

    QString describe() const override;
    std::optional<QString> get(const QString& name, QString* error) override;
    bool set(const QString& name, const QString& value, QString* error) override;
    bool remove(const QString& name, QString* error) override;
    QStringList names(QString* error) override;

private:
    bool updateIndex(const QString& name, bool listed, QString* error);

    QString m_service;
    int m_timeoutMs;
};

// OTP_SECRET_<NAME> environment variables, read-only. An empty variable counts as absent.
// names() can only give the variable's spelling back ("OTP_SECRET_VENDOR_GUPSHUP" → "vendor_gupshup"),
// since the mapping folds '/', '.', '-' into '_'.
class EnvSecretStore : public SecretStore
{
public:
    QString describe() const override;
    std::optional<QString> get(const QString& name, QString* error) override;
    bool set(const QString& name, const QString& value, QString* error) override;
    bool remove(const QString& name, QString* error) override;
    QStringList names(QString* error) override;
};

// One file per secret in a private directory, for headless servers (OTP_SECRETS_DIR). The
// directory must not be accessible to group or others; it is created 0700 on the first write.
// Files are written atomically (QSaveFile) with mode 0600. File names are the secret names with
// every character outside [a-z0-9_-] percent-encoded ("vendor/wati" → "vendor%2Fwati").
class FileSecretStore : public SecretStore
{
public:
    explicit FileSecretStore(QString directory);

    QString directory() const { return m_dir; }
    QString describe() const override;
    std::optional<QString> get(const QString& name, QString* error) override;
    bool set(const QString& name, const QString& value, QString* error) override;
    bool remove(const QString& name, QString* error) override;
    QStringList names(QString* error) override;

    // The file name `name` is stored under, and back (empty when the file is not a secret).
    static QString fileNameFor(const QString& name);
    static QString nameForFile(const QString& fileName);
    // Empty when the directory is private (or does not exist yet); the reason otherwise.
    QString checkDirectory() const;

private:
    QString m_dir;
};

// A writable store with environment overrides on read (see SecretStores above).
class ChainSecretStore : public SecretStore
{
public:
    ChainSecretStore(std::unique_ptr<SecretStore> primary, std::unique_ptr<SecretStore> overrides);

    SecretStore& primary() { return *m_primary; }
    SecretStore& overrides() { return *m_overrides; }

    QString describe() const override;
    std::optional<QString> get(const QString& name, QString* error) override;
    bool set(const QString& name, const QString& value, QString* error) override;
    bool remove(const QString& name, QString* error) override;
    // The union; a name present in both appears once (under the primary's spelling).
    QStringList names(QString* error) override;

private:
    std::unique_ptr<SecretStore> m_primary;
    std::unique_ptr<SecretStore> m_overrides;
};

} // namespace otp
