// The secret stores (DESIGN.md "secrets", SECURITY.md row 16) against the real OS keychain: the
// suite runs inside `make test`'s private D-Bus session with an unlocked gnome-keyring. Without a
// session bus the keychain tests fail with the store's own message; they never skip.
#include "DatabaseConfig.h"
#include "PepperSource.h"
#include "SecretStores.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace otp;

namespace {

QString uniqueSuffix()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(16);
}

// Sets (or, with a null value, unsets) one environment variable for the scope.
class EnvGuard
{
public:
    EnvGuard(const QByteArray& name, const QByteArray& value)
        : m_name(name), m_had(qEnvironmentVariableIsSet(name.constData())), m_old(qgetenv(name.constData()))
    {
        if (value.isNull())
            qunsetenv(m_name.constData());
        else
            qputenv(m_name.constData(), value);
    }
    ~EnvGuard()
    {
        if (m_had)
            qputenv(m_name.constData(), m_old);
        else
            qunsetenv(m_name.constData());
    }

private:
    QByteArray m_name;
    bool m_had;
    QByteArray m_old;
};

mode_t modeOf(const QString& path)
{
    struct stat st;
    EXPECT_EQ(::stat(QFile::encodeName(path).constData(), &st), 0) << path.toStdString();
    return st.st_mode & 07777;
}

std::string s(const QString& text)
{
    return text.toStdString();
}

// A keychain store under a service name of its own, so the developer's real entries are never touched.
class KeychainStore : public ::testing::Test
{
protected:
    const QString service = QStringLiteral("otp-console-test-") + uniqueSuffix();
    KeychainSecretStore store{service, 30000};
    QStringList created;

    QString fresh(const QString& stem)
    {
        const QString name = stem + QLatin1Char('/') + uniqueSuffix();
        created << name;
        return name;
    }
    void TearDown() override
    {
        for (const QString& name : created) {
            QString error;
            store.remove(name, &error);
        }
    }
};

const QStringList kAwkwardValues{
    QStringLiteral("plain-token-1234567890"),
    QStringLiteral("he said \"hi\" and 'bye' \\ ; DROP TABLE audit_log; --"),
    QStringLiteral("пароль-密码-パスワード-🔑-ü"),
    QStringLiteral("  spaces kept  "),
    QStringLiteral("line one\nline two"),
    QStringLiteral("%1 %2 $HOME `id`"),
};

} // namespace

// ---- the OS keychain --------------------------------------------------------------------------

TEST_F(KeychainStore, SetGetOverwriteRemoveRoundTrip)
{
    const QString name = fresh(QStringLiteral("vendor"));
    QString error;
    ASSERT_TRUE(store.set(name, QStringLiteral("first-value"), &error)) << s(error);
    std::optional<QString> got = store.get(name, &error);
    ASSERT_TRUE(error.isEmpty()) << s(error);
    ASSERT_TRUE(got);
    EXPECT_EQ(*got, QStringLiteral("first-value"));

    ASSERT_TRUE(store.set(name, QStringLiteral("second-value"), &error)) << s(error);
    got = store.get(name, &error);
    ASSERT_TRUE(got) << s(error);
    EXPECT_EQ(*got, QStringLiteral("second-value"));
    EXPECT_EQ(store.names(&error), QStringList{name}) << "an overwrite lists the name once";

    ASSERT_TRUE(store.remove(name, &error)) << s(error);
    EXPECT_FALSE(store.get(name, &error));
    EXPECT_TRUE(error.isEmpty()) << "absent is not an error: " << s(error);
    EXPECT_TRUE(store.names(&error).isEmpty());
    EXPECT_TRUE(store.remove(name, &error)) << "removing an absent secret is a no-op: " << s(error);
}

TEST_F(KeychainStore, NamesFollowSetAndRemove)
{
    const QString a = fresh(QStringLiteral("vendor/a"));
    const QString b = fresh(QStringLiteral("vendor/b"));
    const QString c = fresh(QStringLiteral("smtp"));
    QString error;
    for (const QString& n : {a, b, c})
        ASSERT_TRUE(store.set(n, QStringLiteral("v-") + n, &error)) << s(error);
    QStringList expected{a, b, c};
    expected.sort();
    EXPECT_EQ(store.names(&error), expected);
    ASSERT_TRUE(store.remove(b, &error)) << s(error);
    expected.removeAll(b);
    EXPECT_EQ(store.names(&error), expected);
    EXPECT_TRUE(error.isEmpty()) << s(error);
}

TEST_F(KeychainStore, ValuesWithQuotesUnicodeAndNewlinesRoundTrip)
{
    QString error;
    for (const QString& value : kAwkwardValues) {
        const QString name = fresh(QStringLiteral("awkward"));
        ASSERT_TRUE(store.set(name, value, &error)) << s(error);
        const std::optional<QString> got = store.get(name, &error);
        ASSERT_TRUE(got) << s(error);
        EXPECT_EQ(*got, value);
    }
}

TEST_F(KeychainStore, RefusesNamesOutsideTheRule)
{
    QString error;
    for (const QString& bad : {QStringLiteral("_index"), QStringLiteral("Vendor"), QString(), QStringLiteral("a b"),
                               QStringLiteral("/abs"), QString(101, QLatin1Char('a'))}) {
        error.clear();
        EXPECT_FALSE(store.set(bad, QStringLiteral("x"), &error)) << s(bad);
        EXPECT_TRUE(error.contains(QLatin1String("not a valid secret name"))) << s(error);
    }
    EXPECT_TRUE(SecretStores::isValidName(QString(100, QLatin1Char('a'))));
    EXPECT_TRUE(SecretStores::isValidName(QStringLiteral("vendor/wati-main.v2_x")));
}

TEST_F(KeychainStore, EnvironmentOverridesTheKeychainOnRead)
{
    const QString name = fresh(QStringLiteral("vendor/chain"));
    ChainSecretStore chain(std::make_unique<KeychainSecretStore>(service, 30000), std::make_unique<EnvSecretStore>());
    QString error;
    ASSERT_TRUE(chain.set(name, QStringLiteral("from-keychain"), &error)) << s(error);
    EXPECT_EQ(chain.get(name, &error).value_or(QString()), QStringLiteral("from-keychain")) << s(error);
    {
        EnvGuard env(SecretStores::environmentVariable(name).toLatin1(), "from-env");
        EXPECT_EQ(chain.get(name, &error).value_or(QString()), QStringLiteral("from-env"));
        EXPECT_EQ(store.get(name, &error).value_or(QString()), QStringLiteral("from-keychain")) << "writes never go to the env";
        EXPECT_EQ(chain.names(&error).count(name), 1) << "a name in both is listed once";
    }
    EXPECT_EQ(chain.get(name, &error).value_or(QString()), QStringLiteral("from-keychain"));
    ASSERT_TRUE(chain.remove(name, &error)) << s(error);
    EXPECT_FALSE(store.get(name, &error));
}

// The optional check of the message itself: a child of this binary without any session bus.
TEST(KeychainUnreachable, IsAClearErrorAndNothingFallsBackToPlaintext)
{
    if (qEnvironmentVariableIsSet("OTP_TEST_KEYCHAIN_CHILD")) {
        KeychainSecretStore store(QStringLiteral("otp-console-test-unreachable"), 30000);
        QString error;
        EXPECT_FALSE(store.get(QStringLiteral("vendor/x"), &error));
        printf("GET: %s\n", qPrintable(error));
        error.clear();
        EXPECT_FALSE(store.set(QStringLiteral("vendor/x"), QStringLiteral("must-not-land-on-disk"), &error));
        printf("SET: %s\n", qPrintable(error));
        return;
    }
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* var : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR"})
        env.remove(QString::fromLatin1(var));
    env.insert(QStringLiteral("OTP_TEST_KEYCHAIN_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--gtest_filter=KeychainUnreachable.IsAClearErrorAndNothingFallsBackToPlaintext")});
    ASSERT_TRUE(child.waitForFinished(60000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput() + child.readAllStandardError());
    EXPECT_EQ(child.exitCode(), 0) << s(out);
    for (const char* line : {"GET: the OS keychain is not reachable", "SET: the OS keychain is not reachable"})
        EXPECT_TRUE(out.contains(QLatin1String(line))) << line << "\n" << s(out);
    EXPECT_TRUE(out.contains(QLatin1String("OTP_SECRET_<NAME> / OTP_SECRETS_DIR for headless use"))) << s(out);
    // QtKeychain's plaintext fallback would be a QSettings file under ~/.config; look everywhere.
    EXPECT_FALSE(QFileInfo::exists(home.filePath(QStringLiteral(".config"))));
    QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << s(f.fileName());
        EXPECT_FALSE(f.readAll().contains("must-not-land-on-disk")) << "plaintext fallback in " << s(f.fileName());
    }
}

// ---- the environment --------------------------------------------------------------------------

TEST(EnvSecretStore, NamesMapToUpperCaseVariables)
{
    EXPECT_EQ(SecretStores::environmentVariable(QStringLiteral("vendor/gupshup")), QStringLiteral("OTP_SECRET_VENDOR_GUPSHUP"));
    EXPECT_EQ(SecretStores::environmentVariable(QStringLiteral("smtp.main-2/x_y")), QStringLiteral("OTP_SECRET_SMTP_MAIN_2_X_Y"));
    EXPECT_EQ(SecretStores::environmentVariable(QStringLiteral("pepper")), QStringLiteral("OTP_SECRET_PEPPER"));
}

TEST(EnvSecretStore, ReadsPresentVariablesAndListsThem)
{
    EnvGuard set("OTP_SECRET_VENDOR_GUPSHUP", "gs-secret");
    EnvGuard empty("OTP_SECRET_VENDOR_EMPTY", "");
    EnvSecretStore env;
    QString error;
    EXPECT_EQ(env.get(QStringLiteral("vendor/gupshup"), &error).value_or(QString()), QStringLiteral("gs-secret"));
    EXPECT_FALSE(env.get(QStringLiteral("vendor/empty"), &error)) << "an empty variable is absent";
    EXPECT_FALSE(env.get(QStringLiteral("vendor/nothing-here"), &error));
    EXPECT_TRUE(error.isEmpty());
    const QStringList names = env.names(&error);
    EXPECT_TRUE(names.contains(QStringLiteral("vendor_gupshup"))) << s(names.join(' '));
    EXPECT_FALSE(names.contains(QStringLiteral("vendor_empty")));
}

TEST(EnvSecretStore, IsReadOnlyWithAClearError)
{
    EnvSecretStore env;
    QString error;
    EXPECT_FALSE(env.set(QStringLiteral("vendor/gupshup"), QStringLiteral("x"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("environment secrets are read-only"))) << s(error);
    EXPECT_TRUE(error.contains(QLatin1String("OTP_SECRET_VENDOR_GUPSHUP"))) << s(error);
    EXPECT_FALSE(error.contains(QLatin1String("\"x\""))) << "the value is never echoed";
    error.clear();
    EXPECT_FALSE(env.remove(QStringLiteral("vendor/gupshup"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("read-only"))) << s(error);
}

// ---- files ------------------------------------------------------------------------------------

TEST(FileSecretStore, WritesPrivateFilesAtomicallyEvenUnderAPermissiveUmask)
{
    QTemporaryDir root;
    const QString dir = root.filePath(QStringLiteral("secrets"));
    FileSecretStore files(dir);
    QString error;
    const mode_t oldMask = ::umask(0);
    const bool stored = files.set(QStringLiteral("vendor/wati"), QStringLiteral("wati-token"), &error);
    ::umask(oldMask);
    ASSERT_TRUE(stored) << s(error);
    EXPECT_EQ(modeOf(dir), mode_t(0700));
    const QString path = QDir(dir).filePath(QStringLiteral("vendor%2Fwati"));
    ASSERT_TRUE(QFile::exists(path));
    EXPECT_EQ(modeOf(path), mode_t(0600));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("wati-token"));
    EXPECT_EQ(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("vendor%2Fwati")}) << "no temporaries left";
}

TEST(FileSecretStore, RoundTripsNamesAndValues)
{
    QTemporaryDir root;
    FileSecretStore files(root.path());
    QString error;
    for (const QString& value : kAwkwardValues) {
        ASSERT_TRUE(files.set(QStringLiteral("vendor/x"), value, &error)) << s(error);
        EXPECT_EQ(files.get(QStringLiteral("vendor/x"), &error).value_or(QString()), value);
    }
    ASSERT_TRUE(files.set(QStringLiteral("smtp.main"), QStringLiteral("pw"), &error)) << s(error);
    // Stray files (a README, an editor backup, a QSaveFile temporary) are not secrets.
    for (const char* stray : {"README.txt", "vendor%2Fx.AbCdEf", "UPPER"}) {
        QFile f(root.filePath(QLatin1String(stray)));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    EXPECT_EQ(files.names(&error), (QStringList{QStringLiteral("smtp.main"), QStringLiteral("vendor/x")})) << s(error);
    EXPECT_EQ(FileSecretStore::nameForFile(FileSecretStore::fileNameFor(QStringLiteral("a.b/c-d_e"))), QStringLiteral("a.b/c-d_e"));
    EXPECT_FALSE(FileSecretStore::fileNameFor(QStringLiteral("../x")).contains(QLatin1Char('/')));

    ASSERT_TRUE(files.remove(QStringLiteral("vendor/x"), &error)) << s(error);
    EXPECT_FALSE(files.get(QStringLiteral("vendor/x"), &error));
    EXPECT_EQ(files.names(&error), QStringList{QStringLiteral("smtp.main")});
}

TEST(FileSecretStore, AHandWrittenFileLosesItsTrailingNewline)
{
    QTemporaryDir root;
    QFile f(root.filePath(QStringLiteral("vendor%2Fgupshup")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("from-echo\n");
    f.close();
    FileSecretStore files(root.path());
    QString error;
    EXPECT_EQ(files.get(QStringLiteral("vendor/gupshup"), &error).value_or(QString()), QStringLiteral("from-echo"));
}

TEST(FileSecretStore, RefusesADirectoryOthersCanRead)
{
    QTemporaryDir root;
    ASSERT_EQ(::chmod(QFile::encodeName(root.path()).constData(), 0755), 0);
    FileSecretStore files(root.path());
    QString error;
    EXPECT_FALSE(files.set(QStringLiteral("vendor/wati"), QStringLiteral("t"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("open to group or others"))) << s(error);
    EXPECT_TRUE(error.contains(QLatin1String("chmod 700"))) << s(error);
    EXPECT_TRUE(QDir(root.path()).isEmpty()) << "nothing written";
    error.clear();
    EXPECT_FALSE(files.get(QStringLiteral("vendor/wati"), &error));
    EXPECT_FALSE(error.isEmpty());
    error.clear();
    files.names(&error);
    EXPECT_FALSE(error.isEmpty());

    EnvGuard dir("OTP_SECRETS_DIR", root.path().toLocal8Bit());
    error.clear();
    EXPECT_EQ(SecretStores::fromEnvironment(&error), nullptr);
    EXPECT_TRUE(error.contains(QLatin1String("OTP_SECRETS_DIR"))) << s(error);
}

// ---- choosing a store -------------------------------------------------------------------------

TEST(SecretStoresFromEnvironment, FilesThenEnvOnlyThenKeychain)
{
    QTemporaryDir root;
    QString error;
    {
        EnvGuard dir("OTP_SECRETS_DIR", root.path().toLocal8Bit());
        EnvGuard mode("OTP_SECRETS", "env"); // the directory wins
        auto store = SecretStores::fromEnvironment(&error);
        ASSERT_TRUE(store) << s(error);
        auto* chain = dynamic_cast<ChainSecretStore*>(store.get());
        ASSERT_TRUE(chain);
        EXPECT_TRUE(dynamic_cast<FileSecretStore*>(&chain->primary()));
        EXPECT_TRUE(dynamic_cast<EnvSecretStore*>(&chain->overrides()));
    }
    {
        EnvGuard dir("OTP_SECRETS_DIR", QByteArray());
        EnvGuard mode("OTP_SECRETS", "env");
        auto store = SecretStores::fromEnvironment(&error);
        ASSERT_TRUE(store) << s(error);
        EXPECT_TRUE(dynamic_cast<EnvSecretStore*>(store.get()));
    }
    {
        EnvGuard dir("OTP_SECRETS_DIR", QByteArray());
        EnvGuard mode("OTP_SECRETS", QByteArray());
        auto store = SecretStores::fromEnvironment(&error);
        ASSERT_TRUE(store) << s(error);
        auto* chain = dynamic_cast<ChainSecretStore*>(store.get());
        ASSERT_TRUE(chain);
        EXPECT_TRUE(dynamic_cast<KeychainSecretStore*>(&chain->primary()));
    }
    {
        EnvGuard dir("OTP_SECRETS_DIR", QByteArray());
        EnvGuard mode("OTP_SECRETS", "plaintext");
        EXPECT_EQ(SecretStores::fromEnvironment(&error), nullptr);
        EXPECT_TRUE(error.contains(QLatin1String("OTP_SECRETS"))) << s(error);
    }
}

TEST(ChainSecretStore, EnvironmentWinsOnReadAndWritesGoToTheStore)
{
    QTemporaryDir root;
    auto files = std::make_unique<FileSecretStore>(root.path());
    FileSecretStore& primary = *files;
    ChainSecretStore chain(std::move(files), std::make_unique<EnvSecretStore>());
    QString error;
    ASSERT_TRUE(chain.set(QStringLiteral("vendor/wati"), QStringLiteral("stored"), &error)) << s(error);
    EnvGuard env("OTP_SECRET_VENDOR_WATI", "injected");
    EnvGuard onlyEnv("OTP_SECRET_VENDOR_MYOPERATOR", "env-only");
    EXPECT_EQ(chain.get(QStringLiteral("vendor/wati"), &error).value_or(QString()), QStringLiteral("injected"));
    EXPECT_EQ(primary.get(QStringLiteral("vendor/wati"), &error).value_or(QString()), QStringLiteral("stored"));
    const QStringList names = chain.names(&error);
    EXPECT_EQ(names.count(QStringLiteral("vendor/wati")), 1);
    EXPECT_FALSE(names.contains(QStringLiteral("vendor_wati"))) << "the env spelling of a stored name is not repeated";
    EXPECT_TRUE(names.contains(QStringLiteral("vendor_myoperator")));
    ASSERT_TRUE(chain.remove(QStringLiteral("vendor/wati"), &error)) << s(error);
    EXPECT_FALSE(primary.get(QStringLiteral("vendor/wati"), &error));
    EXPECT_EQ(chain.get(QStringLiteral("vendor/wati"), &error).value_or(QString()), QStringLiteral("injected"));
}

// ---- the pepper -------------------------------------------------------------------------------

namespace {
class PepperFromStore : public ::testing::Test
{
protected:
    QTemporaryDir root;
    EnvGuard noPepper{"OTP_PEPPER", QByteArray()};
    EnvGuard noPepperFile{"OTP_PEPPER_FILE", QByteArray()};
    EnvGuard noOverride{"OTP_SECRET_PEPPER", QByteArray()};
    DatabaseConfig db;

    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(DatabaseConfig::fromUrl(QStringLiteral("sqlite://") + root.filePath(QStringLiteral("otp.db")), &db, &error)) << s(error);
    }
    QString fileBeside() const { return PepperSource::fileBeside(db.path); }
};
} // namespace

TEST_F(PepperFromStore, AStoredPepperIsUsedAndNoFileIsMade)
{
    FileSecretStore files(root.filePath(QStringLiteral("secrets")));
    QString error;
    ASSERT_TRUE(files.set(QStringLiteral("pepper"), QStringLiteral("a-pepper-from-the-secret-store-0123"), &error)) << s(error);
    const QByteArray pepper = PepperSource::load(db, &files, &error);
    EXPECT_EQ(pepper, QByteArray("a-pepper-from-the-secret-store-0123")) << s(error);
    EXPECT_FALSE(QFile::exists(fileBeside()));
}

TEST_F(PepperFromStore, TheKeychainPepperIsUsed)
{
    KeychainSecretStore keychain(QStringLiteral("otp-console-test-") + uniqueSuffix(), 30000);
    QString error;
    ASSERT_TRUE(keychain.set(QStringLiteral("pepper"), QStringLiteral("keychain-pepper-0123456789abcdef"), &error)) << s(error);
    const QByteArray pepper = PepperSource::load(db, &keychain, &error);
    QString cleanup;
    keychain.remove(QStringLiteral("pepper"), &cleanup);
    EXPECT_EQ(pepper, QByteArray("keychain-pepper-0123456789abcdef")) << s(error);
    EXPECT_FALSE(QFile::exists(fileBeside()));
}

TEST_F(PepperFromStore, OtpSecretPepperOverridesTheStore)
{
    FileSecretStore files(root.filePath(QStringLiteral("secrets")));
    QString error;
    ASSERT_TRUE(files.set(QStringLiteral("pepper"), QStringLiteral("stored-pepper-0123456789"), &error)) << s(error);
    EnvGuard env("OTP_SECRET_PEPPER", "injected-pepper-0123456789");
    ChainSecretStore chain(std::make_unique<FileSecretStore>(files.directory()), std::make_unique<EnvSecretStore>());
    EXPECT_EQ(PepperSource::load(db, &chain, &error), QByteArray("injected-pepper-0123456789")) << s(error);
}

TEST_F(PepperFromStore, WithoutAStoredPepperTheOldLookupRunsAndNothingIsWrittenToTheStore)
{
    FileSecretStore files(root.filePath(QStringLiteral("secrets")));
    QString error;
    const QByteArray generated = PepperSource::load(db, &files, &error);
    ASSERT_GE(generated.size(), PepperSource::kMinBytes) << s(error);
    EXPECT_TRUE(QFile::exists(fileBeside()));
    EXPECT_TRUE(files.names(&error).isEmpty()) << "a fresh pepper is never put into the store";
    EXPECT_EQ(PepperSource::load(db, nullptr, &error), generated) << "a null store is the old behaviour";
    {
        EnvGuard env("OTP_PEPPER", "env-pepper-0123456789abcdef");
        EXPECT_EQ(PepperSource::load(db, &files, &error), QByteArray("env-pepper-0123456789abcdef"));
    }
}

TEST_F(PepperFromStore, AShortStoredPepperIsRefused)
{
    FileSecretStore files(root.filePath(QStringLiteral("secrets")));
    QString error;
    ASSERT_TRUE(files.set(QStringLiteral("pepper"), QStringLiteral("tiny-pep"), &error)) << s(error);
    EXPECT_TRUE(PepperSource::load(db, &files, &error).isEmpty());
    EXPECT_TRUE(error.contains(QLatin1String("shorter than"))) << s(error);
    EXPECT_FALSE(error.contains(QLatin1String("tiny-pep"))) << "the value is never echoed";
}
