// `otpctl secrets` as a separate process against the real OS keychain (make test's private D-Bus
// session with an unlocked gnome-keyring): the value travels on stdin only, is listed by name only,
// and lands nowhere but the keychain (SECURITY.md row 16); set and delete are audited (row 15).
#include "CliRun.h"
#include "SecretStores.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace otp;

namespace {
const QString kName = QStringLiteral("vendor/wati");

using otp::test::CliRun;

class SecretsCli : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    // Entries of their own in the keychain, so a developer's real "otp-console" entries stay untouched.
    const QString service = QStringLiteral("otp-console-test-") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    const QString token = QStringLiteral("wati-live-token-") + QUuid::createUuid().toString(QUuid::Id128);

    QString dbPath() const { return dir.filePath(QStringLiteral("otp.db")); }

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("HOME"), dir.path());
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral(".config")));
        e.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral(".local/share")));
        e.insert(QStringLiteral("OTP_DEV_OUTBOX"), dir.filePath(QStringLiteral("outbox.jsonl")));
        e.insert(QStringLiteral("OTP_KEYCHAIN_SERVICE"), service);
        for (const char* var : {"OTP_SECRETS", "OTP_SECRETS_DIR", "OTP_SECRET_VENDOR_WATI", "OTP_PEPPER", "OTP_PEPPER_FILE"})
            e.remove(QString::fromLatin1(var));
        return e;
    }
    static QString otpctl() { return otp::test::otpctlPath(); }
    CliRun run(QStringList args, const QByteArray& input = {}, const QProcessEnvironment& environment = {}) const
    {
        QProcess p;
        p.setProcessEnvironment(environment.isEmpty() ? env() : environment);
        // Options first: a test may end the options with "--" to pass a name starting with '-'.
        args = QStringList{QStringLiteral("--db"), QStringLiteral("sqlite://") + dbPath(), QStringLiteral("--json")} + args;
        p.start(otpctl(), args);
        EXPECT_TRUE(p.waitForStarted(30000));
        p.write(input);
        p.closeWriteChannel();
        return CliRun::finish(p);
    }
    QStringList listed(const CliRun& r) const
    {
        QStringList names;
        for (const QJsonValue& v : r.json.value(QStringLiteral("secrets")).toArray())
            names << v.toString();
        return names;
    }
    qint64 scalar(const QString& sql)
    {
        qint64 v = -1;
        {
            QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect-secrets"));
            d.setDatabaseName(dbPath());
            EXPECT_TRUE(d.open());
            QSqlQuery q(d);
            EXPECT_TRUE(q.exec(sql));
            if (q.next())
                v = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inspect-secrets"));
        return v;
    }
    // Every regular file under `root` whose bytes contain `needle`.
    static QStringList filesContaining(const QString& root, const QByteArray& needle)
    {
        QStringList hits;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                hits << f.fileName();
        }
        return hits;
    }
    void TearDown() override
    {
        KeychainSecretStore store(service, 30000);
        QString error;
        store.remove(kName, &error);
    }
};
} // namespace

TEST_F(SecretsCli, Security16_SetListDeleteAndTheTokenLandsOnlyInTheKeychain)
{
    QString everything;
    auto keep = [&](const CliRun& r) { everything += r.stdoutText + r.stderrText; };

    const CliRun set = run({QStringLiteral("secrets"), QStringLiteral("set"), kName}, token.toUtf8() + '\n');
    keep(set);
    ASSERT_EQ(set.exitCode, 0) << set.all();
    EXPECT_EQ(set.status(), QStringLiteral("ok"));
    EXPECT_EQ(set.json.value(QStringLiteral("name")).toString(), kName);

    // Stored exactly (the trailing newline of stdin is not part of it), and in the keychain.
    KeychainSecretStore keychain(service, 30000);
    QString error;
    const std::optional<QString> stored = keychain.get(kName, &error);
    ASSERT_TRUE(stored) << error.toStdString();
    EXPECT_EQ(*stored, token);

    const CliRun list = run({QStringLiteral("secrets"), QStringLiteral("list")});
    keep(list);
    ASSERT_EQ(list.exitCode, 0) << list.all();
    EXPECT_EQ(list.status(), QStringLiteral("ok"));
    EXPECT_TRUE(listed(list).contains(kName)) << list.all();
    EXPECT_TRUE(list.json.value(QStringLiteral("store")).toString().contains(QLatin1String("keychain"))) << list.all();
    EXPECT_TRUE(list.json.value(QStringLiteral("backends")).toObject().value(kName).toString().contains(QLatin1String("keychain")));

    keep(run({QStringLiteral("audit")}));

    // Nowhere on disk: not the database (nor its -wal / -shm), the pepper, the outbox, nor any
    // settings file of the child's HOME or of this process's HOME.
    const QByteArray needle = token.toUtf8();
    ASSERT_TRUE(QFile::exists(dbPath()));
    EXPECT_EQ(filesContaining(dir.path(), needle), QStringList());
    for (const QString& f : {dbPath(), dbPath() + QStringLiteral("-wal"), dbPath() + QStringLiteral("-shm")}) {
        QFile file(f);
        if (file.open(QIODevice::ReadOnly)) {
            EXPECT_FALSE(file.readAll().contains(needle)) << f.toStdString();
        }
    }
    const QString ownConfig = QDir::homePath() + QStringLiteral("/.config");
    if (QFileInfo::exists(ownConfig)) {
        EXPECT_EQ(filesContaining(ownConfig, needle), QStringList());
    }

    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'secret_set' AND details LIKE '%vendor/wati%'")), 1);

    const CliRun del = run({QStringLiteral("secrets"), QStringLiteral("delete"), kName});
    keep(del);
    ASSERT_EQ(del.exitCode, 0) << del.all();
    EXPECT_EQ(del.status(), QStringLiteral("ok"));
    const CliRun after = run({QStringLiteral("secrets"), QStringLiteral("list")});
    keep(after);
    ASSERT_EQ(after.exitCode, 0) << after.all();
    EXPECT_FALSE(listed(after).contains(kName)) << after.all();
    EXPECT_FALSE(keychain.get(kName, &error)) << "gone from the keychain";
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'secret_delete' AND details LIKE '%vendor/wati%'")), 1);

    const CliRun again = run({QStringLiteral("secrets"), QStringLiteral("delete"), kName});
    keep(again);
    EXPECT_EQ(again.exitCode, 2) << again.all();

    EXPECT_FALSE(everything.isEmpty());
    EXPECT_FALSE(everything.contains(token)) << "the token never appears in any output";
    EXPECT_EQ(filesContaining(dir.path(), needle), QStringList());
}

TEST_F(SecretsCli, BadNamesAndBadValuesAreBadInput)
{
    for (const QString& bad : {QStringLiteral("Vendor/WATI"), QStringLiteral("_index"), QStringLiteral("../etc/passwd"),
                               QStringLiteral("a b"), QStringLiteral("-x"), QString(101, QLatin1Char('a'))}) {
        const CliRun r = run({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("--"), bad}, token.toUtf8());
        EXPECT_EQ(r.exitCode, 2) << bad.toStdString() << " → " << r.all();
        EXPECT_EQ(r.status(), QStringLiteral("invalid_input")) << bad.toStdString();
        EXPECT_TRUE(r.json.value(QStringLiteral("message")).toString().contains(QLatin1String("not a valid secret name")))
            << r.all();
        EXPECT_FALSE(r.stdoutText.contains(token) || r.stderrText.contains(token));
    }
    const CliRun del = run({QStringLiteral("secrets"), QStringLiteral("delete"), QStringLiteral("Bad")});
    EXPECT_EQ(del.exitCode, 2) << del.all();

    const CliRun empty = run({QStringLiteral("secrets"), QStringLiteral("set"), kName}, QByteArray("\n"));
    EXPECT_EQ(empty.exitCode, 2) << empty.all();
    EXPECT_TRUE(empty.json.value(QStringLiteral("message")).toString().contains(QLatin1String("empty"))) << empty.all();

    const CliRun onArgv = run({QStringLiteral("secrets"), QStringLiteral("set"), kName, token});
    EXPECT_EQ(onArgv.exitCode, 2) << onArgv.all();
    EXPECT_FALSE(onArgv.stdoutText.contains(token) || onArgv.stderrText.contains(token)) << "a value on argv is not echoed";

    for (const QStringList& args : {QStringList{QStringLiteral("secrets")}, QStringList{QStringLiteral("secrets"), QStringLiteral("show")},
                                    QStringList{QStringLiteral("secrets"), QStringLiteral("set")}})
        EXPECT_EQ(run(args).exitCode, 2) << args.join(' ').toStdString();

    KeychainSecretStore keychain(service, 30000);
    QString error;
    EXPECT_TRUE(keychain.names(&error).isEmpty()) << "nothing was stored: " << error.toStdString();
}

TEST_F(SecretsCli, EnvOnlyIsReadOnlyAndAFilesDirectoryGetsPrivateFiles)
{
    QProcessEnvironment envOnly = env();
    envOnly.insert(QStringLiteral("OTP_SECRETS"), QStringLiteral("env"));
    const CliRun refused = run({QStringLiteral("secrets"), QStringLiteral("set"), kName}, token.toUtf8(), envOnly);
    EXPECT_EQ(refused.exitCode, 2) << refused.all();
    EXPECT_TRUE(refused.json.value(QStringLiteral("message")).toString().contains(QLatin1String("OTP_SECRET_VENDOR_WATI")));
    envOnly.insert(QStringLiteral("OTP_SECRET_VENDOR_WATI"), token);
    const CliRun envList = run({QStringLiteral("secrets"), QStringLiteral("list")}, {}, envOnly);
    EXPECT_EQ(envList.exitCode, 0) << envList.all();
    EXPECT_TRUE(listed(envList).contains(QStringLiteral("vendor_wati"))) << envList.all();
    EXPECT_FALSE(envList.stdoutText.contains(token));

    QProcessEnvironment files = env();
    const QString secretsDir = dir.filePath(QStringLiteral("secrets"));
    files.insert(QStringLiteral("OTP_SECRETS_DIR"), secretsDir);
    const CliRun set = run({QStringLiteral("secrets"), QStringLiteral("set"), kName}, token.toUtf8(), files);
    ASSERT_EQ(set.exitCode, 0) << set.all();
    struct stat st;
    ASSERT_EQ(::stat(QFile::encodeName(QDir(secretsDir).filePath(QStringLiteral("vendor%2Fwati"))).constData(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const CliRun list = run({QStringLiteral("secrets"), QStringLiteral("list")}, {}, files);
    EXPECT_TRUE(listed(list).contains(kName)) << list.all();
    EXPECT_TRUE(list.json.value(QStringLiteral("store")).toString().contains(QLatin1String("secrets directory")));

    ASSERT_EQ(::chmod(QFile::encodeName(secretsDir).constData(), 0755), 0);
    const CliRun open = run({QStringLiteral("secrets"), QStringLiteral("list")}, {}, files);
    EXPECT_EQ(open.exitCode, 1) << open.all();
    EXPECT_TRUE(open.json.value(QStringLiteral("message")).toString().contains(QLatin1String("chmod 700"))) << open.all();
}

TEST_F(SecretsCli, WithoutASessionBusTheKeychainErrorIsClearAndNothingIsStored)
{
    QProcessEnvironment noBus = env();
    for (const char* var : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR"})
        noBus.remove(QString::fromLatin1(var));
    const CliRun r = run({QStringLiteral("secrets"), QStringLiteral("set"), kName}, token.toUtf8(), noBus);
    EXPECT_EQ(r.exitCode, 1) << r.all();
    const QString message = r.json.value(QStringLiteral("message")).toString();
    EXPECT_TRUE(message.contains(QLatin1String("the OS keychain is not reachable"))) << r.all();
    EXPECT_TRUE(message.contains(QLatin1String("OTP_SECRET_<NAME> / OTP_SECRETS_DIR"))) << r.all();
    EXPECT_EQ(filesContaining(dir.path(), token.toUtf8()), QStringList()) << "no plaintext fallback";
}
