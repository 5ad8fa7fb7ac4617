#include "SecretStores.h"

#include "SecretStoreShared.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <functional>

namespace otp {

using secretstores::invalidName;

namespace {
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
} // namespace


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

} // namespace otp
