#include "SecretStores.h"

#include "SecretStoreShared.h"

#include <QFileInfo>
#include <QRegularExpression>

// The naming rules and the rule that picks a backend; the backends are in KeychainSecretStore.cpp,
// FileSecretStore.cpp, EnvSecretStore.cpp and ChainSecretStore.cpp.

namespace otp {

using secretstores::kEnvPrefix;

QString secretstores::invalidName(const QString& name)
{
    return QStringLiteral("'%1' is not a valid secret name (lower-case letters, digits and . _ / -, "
                          "starting with a letter or digit, at most 100 characters)")
        .arg(name.left(120));
}

// ---- SecretStores -----------------------------------------------------------------------------

bool SecretStores::isValidName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._/-]{0,99}$"));
    return re.match(name).hasMatch();
}

QString SecretStores::environmentVariable(const QString& name)
{
    QString var = kEnvPrefix;
    for (const QChar c : name) {
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        var += alnum ? c.toUpper() : QLatin1Char('_');
    }
    return var;
}

std::unique_ptr<SecretStore> SecretStores::fromEnvironment(QString* error)
{
    const QString dir = qEnvironmentVariable("OTP_SECRETS_DIR");
    const QString mode = qEnvironmentVariable("OTP_SECRETS").trimmed().toLower();
    if (!dir.isEmpty()) {
        auto files = std::make_unique<FileSecretStore>(QFileInfo(dir).absoluteFilePath());
        const QString problem = files->checkDirectory();
        if (!problem.isEmpty()) {
            *error = problem;
            return nullptr;
        }
        return std::make_unique<ChainSecretStore>(std::move(files), std::make_unique<EnvSecretStore>());
    }
    if (mode == QLatin1String("env"))
        return std::make_unique<EnvSecretStore>();
    if (!mode.isEmpty() && mode != QLatin1String("keychain")) {
        *error = QStringLiteral("OTP_SECRETS must be 'env' or 'keychain' (or set OTP_SECRETS_DIR for files), not '%1'")
                     .arg(mode.left(40));
        return nullptr;
    }
    // A second installation (staging beside production, the tests) can keep its own entries.
    QString service = qEnvironmentVariable("OTP_KEYCHAIN_SERVICE").trimmed();
    if (service.isEmpty())
        service = QString::fromLatin1(KeychainSecretStore::kService);
    return std::make_unique<ChainSecretStore>(std::make_unique<KeychainSecretStore>(service), std::make_unique<EnvSecretStore>());
}

} // namespace otp
