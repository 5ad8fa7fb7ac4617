#include "SecretStores.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

#include <functional>

#include <sys/stat.h>

namespace otp {

namespace {
const QLatin1String kEnvPrefix("OTP_SECRET_");

QString invalidName(const QString& name)
{
    return QStringLiteral("'%1' is not a valid secret name (lower-case letters, digits and . _ / -, "
                          "starting with a letter or digit, at most 100 characters)")
        .arg(name.left(120));
}

// ---- OS keychain -------------------------------------------------------------------------------

// QtKeychain's job queue is a process-wide singleton that is not thread-safe: one job at a time.
QMutex& keychainMutex()
{
    static QMutex mutex;
    return mutex;
}

struct JobAnswer
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text;
};

// Runs one job to completion on a local event loop. On timeout the job is left to delete itself
// when (if ever) it finishes: deleting a running job would leave QtKeychain a dangling callback.
JobAnswer runJobHere(QKeychain::Job* job, int timeoutMs)
{
    JobAnswer answer;
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&answer, &loop]() {
        answer.finished = true;
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    timer.start(timeoutMs);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!answer.finished) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        return answer;
    }
    answer.error = job->error();
    answer.errorString = job->errorString();
    if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(job))
        answer.text = read->textData();
    delete job;
    return answer;
}

// QtKeychain keeps its job queue in a QObject singleton on the thread that first used it and runs
// every job's callbacks there: a job started from another thread (the console's database worker, a
// connection test) crashes it. So all jobs are made and run on one thread of ours, whichever thread
// asks; the caller waits for the answer. That thread never waits on another, so it cannot deadlock.
// It ends with the application (a post routine), and starts again if another application follows.
QObject* keychainThreadContext()
{
    static QMutex mutex;
    static QThread* thread = nullptr;
    static QObject* context = nullptr;
    QMutexLocker lock(&mutex);
    if (!thread) {
        thread = new QThread;
        thread->setObjectName(QStringLiteral("otp-keychain"));
        context = new QObject;
        context->moveToThread(thread);
        thread->start();
        qAddPostRoutine([]() {
            QMutexLocker lock(&mutex);
            thread->quit();
            thread->wait();
            delete context; // its thread has ended
            delete thread;
            thread = nullptr;
            context = nullptr;
        });
    }
    return context;
}

JobAnswer runJob(const std::function<QKeychain::Job*()>& makeJob, int timeoutMs)
{
    QObject* context = keychainThreadContext();
    if (QThread::currentThread() == context->thread())
        return runJobHere(makeJob(), timeoutMs);
    JobAnswer answer;
    QMetaObject::invokeMethod(context, [&]() { answer = runJobHere(makeJob(), timeoutMs); }, Qt::BlockingQueuedConnection);
    return answer;
}

QString unreachable(const QString& detail)
{
    return QStringLiteral("the OS keychain is not reachable (%1): start a desktop session or use "
                          "OTP_SECRET_<NAME> / OTP_SECRETS_DIR for headless use")
        .arg(detail);
}

bool looksUnreachable(const QString& detail)
{
    static const QRegularExpression re(
        QStringLiteral("d-?bus|autolaunch|org\\.freedesktop\\.secrets|secret service|not provided by any|"
                       "no keyring daemon|no keychain service|serviceunknown|could not connect"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(detail).hasMatch();
}

QString describeFailure(const JobAnswer& a, int timeoutMs)
{
    if (!a.finished)
        return QStringLiteral("the OS keychain did not answer within %1 s (is it locked and waiting for a password?)")
            .arg(timeoutMs / 1000);
    const QString detail = a.errorString.trimmed().isEmpty() ? QStringLiteral("no details") : a.errorString.trimmed();
    switch (a.error) {
    case QKeychain::NoBackendAvailable:
        return unreachable(detail);
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("access to the OS keychain was denied by the user");
    case QKeychain::AccessDenied:
        return QStringLiteral("access to the OS keychain was denied (%1): unlock the keyring and try again").arg(detail);
    case QKeychain::NotImplemented:
        return QStringLiteral("this platform has no usable OS keychain (%1): use OTP_SECRET_<NAME> / OTP_SECRETS_DIR")
            .arg(detail);
    case QKeychain::CouldNotDeleteEntry:
        return QStringLiteral("the OS keychain could not delete the entry (%1)").arg(detail);
    default:
        break;
    }
    if (looksUnreachable(detail))
        return unreachable(detail);
    return QStringLiteral("the OS keychain failed: %1").arg(detail);
}

QString noApplication()
{
    return QStringLiteral("the OS keychain needs a Qt application object (QCoreApplication) in this process");
}

// ---- files ------------------------------------------------------------------------------------

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

// ---- KeychainSecretStore ----------------------------------------------------------------------

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service)), m_timeoutMs(timeoutMs)
{
}

QString KeychainSecretStore::describe() const
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("OS keychain (macOS Keychain)");
#elif defined(Q_OS_WIN)
    return QStringLiteral("OS keychain (Windows Credential Manager)");
#else
    return QStringLiteral("OS keychain (Secret Service)");
#endif
}

std::optional<QString> KeychainSecretStore::get(const QString& name, QString* error)
{
    // The index entry is readable through here on purpose only from names(): callers use real names.
    if (!SecretStores::isValidName(name) && name != QLatin1String(kIndexKey)) {
        *error = invalidName(name);
        return std::nullopt;
    }
    if (!QCoreApplication::instance()) {
        *error = noApplication();
        return std::nullopt;
    }
    QMutexLocker lock(&keychainMutex());
    const JobAnswer a = runJob([&]() {
        auto* job = new QKeychain::ReadPasswordJob(m_service);
        job->setKey(name);
        return job;
    }, m_timeoutMs);
    if (a.finished && a.error == QKeychain::NoError)
        return a.text;
    if (a.finished && a.error == QKeychain::EntryNotFound)
        return std::nullopt;
    *error = describeFailure(a, m_timeoutMs);
    return std::nullopt;
}

namespace {
// What set() and remove() check before any keychain job: a valid name and an application to run it.
bool writable(const QString& name, QString* error)
{
    if (!SecretStores::isValidName(name)) {
        *error = invalidName(name);
        return false;
    }
    if (!QCoreApplication::instance()) {
        *error = noApplication();
        return false;
    }
    return true;
}
} // namespace

bool KeychainSecretStore::set(const QString& name, const QString& value, QString* error)
{
    if (!writable(name, error))
        return false;
    {
        QMutexLocker lock(&keychainMutex());
        const JobAnswer a = runJob([&]() {
            auto* job = new QKeychain::WritePasswordJob(m_service);
            job->setKey(name);
            job->setTextData(value);
            return job;
        }, m_timeoutMs);
        if (!a.finished || a.error != QKeychain::NoError) {
            *error = describeFailure(a, m_timeoutMs);
            return false;
        }
    }
    return updateIndex(name, true, error);
}

bool KeychainSecretStore::remove(const QString& name, QString* error)
{
    if (!writable(name, error))
        return false;
    {
        QMutexLocker lock(&keychainMutex());
        const JobAnswer a = runJob([&]() {
            auto* job = new QKeychain::DeletePasswordJob(m_service);
            job->setKey(name);
            return job;
        }, m_timeoutMs);
        if (!a.finished || (a.error != QKeychain::NoError && a.error != QKeychain::EntryNotFound)) {
            *error = describeFailure(a, m_timeoutMs);
            return false;
        }
    }
    return updateIndex(name, false, error);
}

QStringList KeychainSecretStore::names(QString* error)
{
    QString readError;
    const std::optional<QString> index = get(QString::fromLatin1(kIndexKey), &readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return {};
    }
    if (!index)
        return {};
    QStringList out;
    for (const QString& n : index->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (SecretStores::isValidName(n) && !out.contains(n))
            out.append(n);
    }
    out.sort();
    return out;
}

// Lists `name` in (or drops it from) the index entry, writing only when that changes it. A
// read-modify-write of one entry: two processes writing different secrets at the same instant can
// lose an index line (never a secret). names() is a convenience listing, not the source of truth.
bool KeychainSecretStore::updateIndex(const QString& name, bool listed, QString* error)
{
    QString indexError;
    QStringList sorted = names(&indexError);
    if (!indexError.isEmpty()) {
        *error = indexError;
        return false;
    }
    if (sorted.contains(name) == listed)
        return true;
    if (listed)
        sorted.append(name);
    else
        sorted.removeAll(name);
    sorted.sort();
    QMutexLocker lock(&keychainMutex());
    const JobAnswer a = runJob([&]() -> QKeychain::Job* {
        QKeychain::Job* job = nullptr;
        if (sorted.isEmpty()) {
            job = new QKeychain::DeletePasswordJob(m_service);
        } else {
            auto* write = new QKeychain::WritePasswordJob(m_service);
            write->setTextData(sorted.join(QLatin1Char('\n')));
            job = write;
        }
        job->setKey(QString::fromLatin1(kIndexKey));
        return job;
    }, m_timeoutMs);
    if (!a.finished || (a.error != QKeychain::NoError && a.error != QKeychain::EntryNotFound)) {
        *error = QStringLiteral("the secret was changed but its name index was not: %1").arg(describeFailure(a, m_timeoutMs));
        return false;
    }
    return true;
}

// ---- EnvSecretStore ---------------------------------------------------------------------------

QString EnvSecretStore::describe() const
{
    return QStringLiteral("environment (OTP_SECRET_*)");
}

std::optional<QString> EnvSecretStore::get(const QString& name, QString* error)
{
    Q_UNUSED(error);
    const QString value = qEnvironmentVariable(SecretStores::environmentVariable(name).toLocal8Bit().constData());
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

bool EnvSecretStore::set(const QString& name, const QString& value, QString* error)
{
    Q_UNUSED(value);
    *error = QStringLiteral("environment secrets are read-only; export %1=… instead").arg(SecretStores::environmentVariable(name));
    return false;
}

bool EnvSecretStore::remove(const QString& name, QString* error)
{
    *error = QStringLiteral("environment secrets are read-only; unset %1 instead").arg(SecretStores::environmentVariable(name));
    return false;
}

QStringList EnvSecretStore::names(QString* error)
{
    Q_UNUSED(error);
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QStringList out;
    for (const QString& key : env.keys()) {
        if (key.size() > kEnvPrefix.size() && key.startsWith(kEnvPrefix) && !env.value(key).isEmpty())
            out.append(key.mid(kEnvPrefix.size()).toLower());
    }
    out.sort();
    return out;
}

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

// ---- ChainSecretStore -------------------------------------------------------------------------

ChainSecretStore::ChainSecretStore(std::unique_ptr<SecretStore> primary, std::unique_ptr<SecretStore> overrides)
    : m_primary(std::move(primary)), m_overrides(std::move(overrides))
{
}

QString ChainSecretStore::describe() const
{
    return QStringLiteral("%1, with OTP_SECRET_* environment overrides").arg(m_primary->describe());
}

std::optional<QString> ChainSecretStore::get(const QString& name, QString* error)
{
    QString overrideError;
    if (auto v = m_overrides->get(name, &overrideError))
        return v;
    if (!overrideError.isEmpty()) {
        *error = overrideError;
        return std::nullopt;
    }
    return m_primary->get(name, error);
}

bool ChainSecretStore::set(const QString& name, const QString& value, QString* error)
{
    return m_primary->set(name, value, error);
}

bool ChainSecretStore::remove(const QString& name, QString* error)
{
    return m_primary->remove(name, error);
}

QStringList ChainSecretStore::names(QString* error)
{
    QString listError;
    QStringList out = m_primary->names(&listError);
    const QStringList env = listError.isEmpty() ? m_overrides->names(&listError) : QStringList();
    if (!listError.isEmpty()) {
        *error = listError;
        return {};
    }
    QStringList primaryVars;
    for (const QString& n : out)
        primaryVars.append(SecretStores::environmentVariable(n));
    for (const QString& n : env) {
        if (!primaryVars.contains(SecretStores::environmentVariable(n)))
            out.append(n);
    }
    out.sort();
    return out;
}

} // namespace otp
