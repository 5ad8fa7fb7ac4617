#include "SecretStores.h"

#include "SecretStoreShared.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

namespace otp {

using secretstores::invalidName;

namespace {
constexpr mode_t kPrivateBits = S_IRWXG | S_IRWXO;

QString octal(mode_t mode)
{
    return QStringLiteral("%1").arg(uint(mode & 07777), 4, 8, QLatin1Char('0'));
}

QString dropTrailingNewline(QString s)
{
    if (s.endsWith(QLatin1String("\r\n")))
        s.chop(2);
    else if (s.endsWith(QLatin1Char('\n')))
        s.chop(1);
    return s;
}
} // namespace

// ---- FileSecretStore --------------------------------------------------------------------------

FileSecretStore::FileSecretStore(QString directory) : m_dir(std::move(directory)) {}

QString FileSecretStore::describe() const
{
    return QStringLiteral("secrets directory %1").arg(m_dir);
}

QString FileSecretStore::fileNameFor(const QString& name)
{
    return QString::fromLatin1(name.toUtf8().toPercentEncoding(QByteArray("-_"), QByteArray(".~")));
}

QString FileSecretStore::nameForFile(const QString& fileName)
{
    const QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(fileName.toLatin1()));
    // Only the canonical spelling is ours: QSaveFile's temporaries ("x.AbCdEf") and stray files are not.
    if (!SecretStores::isValidName(name) || fileNameFor(name) != fileName)
        return {};
    return name;
}

QString FileSecretStore::checkDirectory() const
{
    struct stat st;
    if (::stat(QFile::encodeName(m_dir).constData(), &st) != 0)
        return {}; // created (0700) on the first write
    if (!S_ISDIR(st.st_mode))
        return QStringLiteral("the secrets directory %1 (OTP_SECRETS_DIR) is not a directory").arg(m_dir);
    if (st.st_mode & kPrivateBits)
        return QStringLiteral("the secrets directory %1 (OTP_SECRETS_DIR) is open to group or others (mode %2); "
                              "refusing to use it: run chmod 700 %1")
            .arg(m_dir, octal(st.st_mode));
    return {};
}

std::optional<QString> FileSecretStore::get(const QString& name, QString* error)
{
    if (!SecretStores::isValidName(name)) {
        *error = invalidName(name);
        return std::nullopt;
    }
    const QString problem = checkDirectory();
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    QFile f(QDir(m_dir).filePath(fileNameFor(name)));
    if (!f.exists())
        return std::nullopt;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the secret file %1: %2").arg(f.fileName(), f.errorString());
        return std::nullopt;
    }
    // A file written by hand (echo TOKEN > file) ends in a newline that is not part of the secret.
    return dropTrailingNewline(QString::fromUtf8(f.readAll()));
}

bool FileSecretStore::set(const QString& name, const QString& value, QString* error)
{
    if (!SecretStores::isValidName(name)) {
        *error = invalidName(name);
        return false;
    }
    if (!QFileInfo::exists(m_dir)) {
        if (!QDir().mkpath(m_dir)
            || !QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
            *error = QStringLiteral("cannot create the secrets directory %1").arg(m_dir);
            return false;
        }
    }
    const QString problem = checkDirectory();
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QSaveFile f(QDir(m_dir).filePath(fileNameFor(name)));
    // 0600 on the temporary before anything is written or the file appears under its name.
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = QStringLiteral("cannot create the secret file in %1: %2").arg(m_dir, f.errorString());
        f.cancelWriting();
        return false;
    }
    const QByteArray bytes = value.toUtf8();
    if (f.write(bytes) != bytes.size() || !f.commit()) {
        *error = QStringLiteral("cannot write the secret file in %1: %2").arg(m_dir, f.errorString());
        return false;
    }
    return true;
}

bool FileSecretStore::remove(const QString& name, QString* error)
{
    if (!SecretStores::isValidName(name)) {
        *error = invalidName(name);
        return false;
    }
    const QString problem = checkDirectory();
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QFile f(QDir(m_dir).filePath(fileNameFor(name)));
    if (f.exists() && !f.remove()) {
        *error = QStringLiteral("cannot delete the secret file %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    return true;
}

QStringList FileSecretStore::names(QString* error)
{
    const QString problem = checkDirectory();
    if (!problem.isEmpty()) {
        *error = problem;
        return {};
    }
    QStringList out;
    for (const QString& file : QDir(m_dir).entryList(QDir::Files | QDir::Hidden, QDir::Name)) {
        const QString name = nameForFile(file);
        if (!name.isEmpty())
            out.append(name);
    }
    out.sort();
    return out;
}

} // namespace otp
