#include "PepperSource.h"

#include "SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUuid>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace otp {

namespace {
Q_LOGGING_CATEGORY(lcPepper, "otp.secrets.pepper", QtInfoMsg)
}

static QByteArray readPepperFile(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the pepper file %1: %2").arg(path, f.errorString());
        return {};
    }
    // As ssh refuses a private key others can read: a pepper anyone else may have read is no secret.
    struct stat st{};
    if (::fstat(f.handle(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        *error = QStringLiteral("the pepper file %1 is accessible by others (mode 0%2); it must be readable by its owner "
                                "only: chmod 600 %1 (and consider the pepper exposed)")
                     .arg(path).arg(int(st.st_mode & 0777), 3, 8, QLatin1Char('0'));
        return {};
    }
    const QByteArray pepper = f.readAll().trimmed();
    if (pepper.size() < PepperSource::kMinBytes) {
        *error = QStringLiteral("the pepper in %1 is shorter than %2 bytes").arg(path).arg(PepperSource::kMinBytes);
        return {};
    }
    return pepper;
}

QByteArray PepperSource::load(const DatabaseConfig& db, SecretStore* store, QString* error)
{
    if (store) {
        QString storeError;
        const std::optional<QString> stored = store->get(QString::fromLatin1(kSecretName), &storeError);
        if (stored) {
            const QByteArray pepper = stored->trimmed().toUtf8();
            if (pepper.size() < kMinBytes) {
                *error = QStringLiteral("the pepper from %1 is shorter than %2 bytes").arg(store->describe()).arg(kMinBytes);
                return {};
            }
            return pepper;
        }
        // Quiet when OTP_PEPPER / OTP_PEPPER_FILE say where the pepper is anyway (headless servers).
        if (!storeError.isEmpty() && (qEnvironmentVariableIsEmpty("OTP_PEPPER") && qEnvironmentVariableIsEmpty("OTP_PEPPER_FILE")))
            qCWarning(lcPepper).noquote() << "pepper not read from the secret store, using the file beside the database:" << storeError;
        else if (!storeError.isEmpty())
            qCInfo(lcPepper).noquote() << "pepper not read from the secret store, using OTP_PEPPER / OTP_PEPPER_FILE:" << storeError;
    }
    const QByteArray env = qgetenv("OTP_PEPPER");
    if (!env.isEmpty()) {
        if (env.size() < kMinBytes) {
            *error = QStringLiteral("OTP_PEPPER is shorter than %1 bytes").arg(kMinBytes);
            return {};
        }
        return env;
    }
    const QString file = qEnvironmentVariable("OTP_PEPPER_FILE");
    if (!file.isEmpty())
        return readPepperFile(file, error);
    if (db.dialect != SqlDialect::Sqlite) {
        *error = QStringLiteral("no pepper configured for %1: set OTP_PEPPER or OTP_PEPPER_FILE").arg(db.displayUrl());
        return {};
    }

    const QString path = fileBeside(db.path);
    if (QFileInfo::exists(path))
        return readPepperFile(path, error);

    // Write a fresh pepper to a private temporary file, then link() it into place: link fails if
    // another process got there first, in which case we read theirs. No process ever sees half a file.
    QDir().mkpath(QFileInfo(path).absolutePath());
    quint32 raw[8];
    QRandomGenerator::system()->fillRange(raw);
    const QByteArray pepper = QByteArray(reinterpret_cast<const char*>(raw), sizeof raw).toHex();
    const QByteArray tmp = (path + QStringLiteral(".tmp-") + QUuid::createUuid().toString(QUuid::Id128)).toLocal8Bit();
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        *error = QStringLiteral("cannot create the pepper file beside %1: %2").arg(db.path, QString::fromLocal8Bit(strerror(errno)));
        return {};
    }
    const bool written = ::write(fd, pepper.constData(), pepper.size()) == pepper.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        ::unlink(tmp.constData());
        *error = QStringLiteral("cannot write the pepper file beside %1").arg(db.path);
        return {};
    }
    const int linked = ::link(tmp.constData(), path.toLocal8Bit().constData());
    const int linkErrno = errno;
    ::unlink(tmp.constData());
    if (linked != 0 && linkErrno != EEXIST) {
        *error = QStringLiteral("cannot install the pepper file %1: %2").arg(path, QString::fromLocal8Bit(strerror(linkErrno)));
        return {};
    }
    return readPepperFile(path, error);
}

} // namespace otp
