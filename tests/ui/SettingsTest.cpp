// Settings as an admin uses it, on the console as otp-console wires it (ConsoleApp → ConsoleSession →
// OtpRuntime): vendors and their credentials, database connection profiles with their passwords,
// and switching the running console to another database. Credentials go to the real secret store:
// the OS keychain when a session bus is there (`make test` runs one with an unlocked keyring, under a
// service name of this test's own), else a private secrets directory.

#include "ConnectionProfiles.h"
#include "ConsoleApp.h"
#include "MainWindow.h"
#include "OtpRuntime.h"
#include "ProfileDialog.h"
#include "ScratchDatabase.h"
#include "SecretStore.h"
#include "SettingsPage.h"
#include "ThemePalette.h"
#include "VendorDialog.h"
#include "VendorsModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <gtest/gtest.h>

using namespace otp;
using namespace otp::ui;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every byte the console left on disk in `dir` and in its settings file.
QByteArray everythingWritten(const QString& dir)
{
    QByteArray all;
    for (const QString& name : QDir(dir).entryList(QDir::Files | QDir::Hidden))
        all += readAll(dir + QLatin1Char('/') + name);
    QSettings().sync();
    all += readAll(QSettings().fileName());
    return all;
}

class SettingsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QSettings().clear();
        qputenv("OTP_PEPPER", "settings-test-pepper-0123456789abcdef0123456789");
        qunsetenv("OTP_DB");
        qunsetenv("OTP_SECRETS");
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            m_keychainService = QStringLiteral("otp-settings-test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
            qputenv("OTP_KEYCHAIN_SERVICE", m_keychainService.toUtf8());
            qunsetenv("OTP_SECRETS_DIR");
        } else {
            QDir().mkpath(m_dir.filePath(QStringLiteral("secrets")));
            QFile::setPermissions(m_dir.filePath(QStringLiteral("secrets")), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                                                 QFileDevice::ExeOwner);
            qputenv("OTP_SECRETS_DIR", m_dir.filePath(QStringLiteral("secrets")).toUtf8());
        }
        ConsoleSession::Options o;
        o.databaseUrl = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("otp.db"));
        o.operatorLogin = QStringLiteral("admin1");
        o.deliver = false;
        QString error;
        ASSERT_TRUE(m_app.start(o, &error)) << error.toStdString();
        // The login is looked up on the worker thread first (unknown: support); then act as admin.
        QSignalSpy resolved(&m_app.session()->window(), &MainWindow::operatorChanged);
        ASSERT_TRUE(resolved.wait(10000));
        actAs(QStringLiteral("admin"));
        page()->showTab(SettingsPage::VendorsTab);
    }
    void TearDown() override
    {
        if (SecretStore* s = store()) {
            QString error;
            for (const QString& name : s->names(&error))
                s->remove(name, &error);
        }
        qunsetenv("OTP_KEYCHAIN_SERVICE");
        qunsetenv("OTP_SECRETS_DIR");
        qunsetenv("OTP_PEPPER");
    }

    SettingsPage* page() { return m_app.session()->window().settingsPage(); }
    SecretStore* store()
    {
        QString error;
        return m_app.session() ? m_app.session()->runtime().secrets(&error) : nullptr;
    }
    std::optional<QString> stored(const QString& name)
    {
        QString error;
        return store()->get(name, &error);
    }
    void actAs(const QString& role)
    {
        models::OperatorInfo info;
        info.login = role + QStringLiteral("1");
        info.displayName = info.login;
        info.known = true;
        info.permissions = models::Permissions::fromRoleName(role);
        m_app.session()->window().setOperator(info);
    }
    Outcome saveAndWait(const VendorConfig& c, const QString& credential)
    {
        QSignalSpy done(page()->vendors(), &models::VendorsModel::finished);
        page()->saveVendor(c, credential);
        if (done.isEmpty()) { // a refusal for the role answers at once
            EXPECT_TRUE(done.wait(20000));
        }
        return done.isEmpty() ? Outcome{} : done.first().first().value<Outcome>();
    }
    QStringList auditActions()
    {
        QStringList actions;
        const Outcome o = m_app.session()->runtime().service().auditTrail(100);
        for (const QJsonValue& v : o.details.value(QStringLiteral("audit")).toArray())
            actions << v.toObject().value(QStringLiteral("action")).toString();
        return actions;
    }
    static VendorConfig gupshup(const QString& name)
    {
        VendorConfig c;
        c.name = name;
        c.kind = QStringLiteral("gupshup");
        c.secretName = models::VendorsModel::defaultSecretName(name);
        c.settings.insert(QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9/GatewayAPI/rest"));
        c.settings.insert(QStringLiteral("userid"), QStringLiteral("2000123456"));
        return c;
    }

    QTemporaryDir m_dir;
    QString m_keychainService;
    ConsoleApp m_app;
};

} // namespace

TEST_F(SettingsTest, AnAdminAddsAVendorWhoseCredentialGoesToTheSecretStoreAndIsUsedAtOnce)
{
    const QString token = QStringLiteral("gs-TOKEN-") + QUuid::createUuid().toString(QUuid::Id128);
    QAbstractItemModelTester tester(page()->vendors(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    const Outcome saved = saveAndWait(gupshup(QStringLiteral("acme-sms")), token);
    ASSERT_TRUE(saved.ok()) << saved.message.toStdString();
    EXPECT_EQ(stored(QStringLiteral("vendor/acme-sms")), token);
    // Loaded in this console without a restart: routed sends reach the real Gupshup gateway.
    ASSERT_TRUE(m_app.session()->runtime().gateways().find(QStringLiteral("acme-sms")));
    const int row = page()->vendors()->rowOf(QStringLiteral("acme-sms"));
    ASSERT_GE(row, 0);
    EXPECT_TRUE(page()->vendors()->rowAt(row).loaded);
    EXPECT_TRUE(page()->vendors()->rowAt(row).credentialStored);
    EXPECT_EQ(page()->vendors()->index(row, models::VendorsModel::State).data().toString(), QStringLiteral("in use"));
    EXPECT_TRUE(auditActions().contains(QStringLiteral("secret_set")));
    EXPECT_TRUE(auditActions().contains(QStringLiteral("vendor_save")));
    // QA can pick it for a manual send straight away.
    auto* qaVendors = m_app.session()->window().findChild<QComboBox*>(QStringLiteral("manualVendor"));
    ASSERT_TRUE(qaVendors);
    EXPECT_GE(qaVendors->findData(QStringLiteral("acme-sms")), 0);
    // The table shows the credential's name, never its value; nothing on disk holds it.
    for (int c = 0; c < models::VendorsModel::ColumnCount; ++c)
        EXPECT_FALSE(page()->vendors()->index(row, c).data().toString().contains(token));
    EXPECT_FALSE(everythingWritten(m_dir.path()).contains(token.toUtf8()));

    // Removed with its credential: gone from the running gateways and from the store.
    QSignalSpy done(page()->vendors(), &models::VendorsModel::finished);
    page()->removeVendor(QStringLiteral("acme-sms"), true);
    ASSERT_TRUE(done.wait(20000));
    EXPECT_FALSE(m_app.session()->runtime().gateways().find(QStringLiteral("acme-sms")));
    EXPECT_EQ(stored(QStringLiteral("vendor/acme-sms")), std::nullopt);
    EXPECT_EQ(page()->vendors()->rowOf(QStringLiteral("acme-sms")), -1);
    EXPECT_TRUE(auditActions().contains(QStringLiteral("secret_delete")));
    EXPECT_LT(qaVendors->findData(QStringLiteral("acme-sms")), 0);
}

// The screenshot review: an empty vendor list looked broken while Live sends showed "dev" sending.
// Empty, it says where sends go; with a vendor stored it says nothing; Edit and Remove wait for a row.
TEST_F(SettingsTest, AnEmptyVendorListSaysSendsGoToTheBuiltInDevVendor)
{
    auto* empty = page()->findChild<QLabel*>(QStringLiteral("vendorsEmptyState"));
    ASSERT_NE(empty, nullptr);
    QSignalSpy loaded(page()->vendors(), &models::VendorsModel::loaded);
    page()->vendors()->refresh();
    ASSERT_TRUE(loaded.wait(10000));
    ASSERT_EQ(page()->vendors()->rowCount(), 0);
    EXPECT_TRUE(empty->isVisibleTo(page()));
    EXPECT_TRUE(empty->text().contains(QStringLiteral("“dev”"))) << empty->text().toStdString();
    auto* table = page()->findChild<QTableView*>(QStringLiteral("vendorsTable"));
    ASSERT_NE(table, nullptr);
    for (QPushButton* b : page()->findChildren<QPushButton*>())
        if (b->text().contains(QStringLiteral("Remove")) && b->isVisibleTo(page()) && b->parentWidget() == table->parentWidget()) {
            EXPECT_FALSE(b->isEnabled()) << "nothing to remove";
        }

    ASSERT_TRUE(saveAndWait(gupshup(QStringLiteral("acme-sms")), QStringLiteral("gs-token")).ok());
    ASSERT_GE(page()->vendors()->rowCount(), 1);
    EXPECT_FALSE(empty->isVisibleTo(page()));
}

TEST_F(SettingsTest, AnInvalidVendorIsRefusedByNameAndNoCredentialIsWritten)
{
    VendorConfig c = gupshup(QStringLiteral("broken"));
    c.settings.remove(QStringLiteral("base_url"));
    const Outcome o = saveAndWait(c, QStringLiteral("never-stored"));
    EXPECT_FALSE(o.ok());
    EXPECT_TRUE(o.message.contains(QStringLiteral("base_url"))) << o.message.toStdString();
    EXPECT_EQ(stored(QStringLiteral("vendor/broken")), std::nullopt);
    EXPECT_FALSE(m_app.session()->runtime().gateways().find(QStringLiteral("broken")));
    EXPECT_TRUE(page()->vendorsResult().startsWith(QStringLiteral("Not saved"))) << page()->vendorsResult().toStdString();
}

TEST_F(SettingsTest, SupportCannotChangeVendors)
{
    actAs(QStringLiteral("support"));
    const Outcome o = saveAndWait(gupshup(QStringLiteral("sneaky")), QStringLiteral("x-token"));
    EXPECT_FALSE(o.ok());
    EXPECT_EQ(stored(QStringLiteral("vendor/sneaky")), std::nullopt);
    EXPECT_FALSE(m_app.session()->runtime().gateways().find(QStringLiteral("sneaky")));
    bool anyEditButton = false;
    for (QPushButton* b : page()->findChildren<QPushButton*>())
        anyEditButton |= b->isVisibleTo(page()) && b->text().contains(QStringLiteral("Add vendor"));
    EXPECT_FALSE(anyEditButton);
}

TEST_F(SettingsTest, TheVendorFormNamesWhatIsMissingAndKeepsOkOffUntilItIsValid)
{
    VendorDialog dialog(std::nullopt, false);
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    dialog.setKind(QStringLiteral("wati"));
    dialog.setName(QStringLiteral("wati-main"));
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("base_url"))) << dialog.problem().toStdString();
    dialog.setSetting(QStringLiteral("base_url"), QStringLiteral("https://live-server-1.wati.io/123"));
    dialog.setSetting(QStringLiteral("template_name"), QStringLiteral("login_otp"));
    dialog.setSetting(QStringLiteral("api_version"), QStringLiteral("v2"));
    // A new vendor's credential is named after it and must be typed before OK.
    EXPECT_EQ(dialog.config().secretName, QStringLiteral("vendor/wati-main"));
    EXPECT_FALSE(ok->isEnabled()) << dialog.problem().toStdString();
    dialog.setCredential(QStringLiteral("token"));
    EXPECT_TRUE(ok->isEnabled()) << dialog.problem().toStdString();
    EXPECT_EQ(dialog.config().kind, QStringLiteral("wati"));
    if (qEnvironmentVariableIsSet("OTP_UI_SCREENSHOTS"))
        dialog.grab().save(qEnvironmentVariable("OTP_UI_SCREENSHOTS") + QStringLiteral("/vendor-dialog.png"));
}

TEST_F(SettingsTest, TheProfileFormRefusesAPasswordlessUrlAndRelativeFiles)
{
    ProfileDialog dialog(std::nullopt);
    dialog.set(QStringLiteral("local"), QStringLiteral("sqlite"), QStringLiteral("relative.db"), 0, {}, {});
    EXPECT_FALSE(dialog.problem().isEmpty());
    dialog.set(QStringLiteral("bad name!"), QStringLiteral("postgresql"), QStringLiteral("db.example"), 5432, QStringLiteral("otp"),
               QStringLiteral("otp"));
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("profile name"))) << dialog.problem().toStdString();
    // The form says it where the operator looks, in the console's one problem red.
    const auto* shown = dialog.findChild<QLabel*>(QStringLiteral("profileProblem"));
    ASSERT_NE(shown, nullptr);
    EXPECT_TRUE(shown->text().contains(QStringLiteral("profile name"))) << shown->text().toStdString();
    EXPECT_TRUE(shown->text().contains(ThemePalette::problemColor().name())) << shown->text().toStdString();
    if (qEnvironmentVariableIsSet("OTP_UI_SCREENSHOTS"))
        dialog.grab().save(qEnvironmentVariable("OTP_UI_SCREENSHOTS") + QStringLiteral("/profile-dialog-problem.png"));
    dialog.set(QStringLiteral("staging"), QStringLiteral("mariadb"), QStringLiteral("db.example"), 3306, QStringLiteral("otp"),
               QStringLiteral("otp"), QStringLiteral("pw"));
    EXPECT_EQ(dialog.problem(), QString());
    EXPECT_EQ(dialog.profile().url, QStringLiteral("mysql://otp@db.example:3306/otp"));
    EXPECT_EQ(dialog.password(), QStringLiteral("pw"));
    if (qEnvironmentVariableIsSet("OTP_UI_SCREENSHOTS"))
        dialog.grab().save(qEnvironmentVariable("OTP_UI_SCREENSHOTS") + QStringLiteral("/profile-dialog.png"));
}

TEST_F(SettingsTest, AProfileThatCannotBeReachedIsReportedAndNotSwitchedTo)
{
    QAbstractItemModelTester tester(page()->profiles(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy saved(page()->profiles(), &models::ConnectionProfiles::finished);
    page()->saveProfile({QStringLiteral("nowhere"), QStringLiteral("postgresql://otp@127.0.0.1:1/otp")}, QStringLiteral("pw-nowhere"));
    ASSERT_TRUE(saved.wait(20000));
    ASSERT_TRUE(saved.first().first().toBool()) << saved.first().at(1).toString().toStdString();
    EXPECT_EQ(stored(QStringLiteral("database/nowhere")), QStringLiteral("pw-nowhere"));
    EXPECT_FALSE(everythingWritten(m_dir.path()).contains("pw-nowhere"));

    ConsoleSession* before = m_app.session();
    QSignalSpy tested(page()->profiles(), &models::ConnectionProfiles::tested);
    QSignalSpy switching(page(), &SettingsPage::connectRequested);
    page()->connectTo(QStringLiteral("nowhere"));
    ASSERT_TRUE(tested.wait(20000));
    EXPECT_FALSE(tested.first().at(1).toBool());
    EXPECT_TRUE(page()->connectionsResult().contains(QStringLiteral("cannot be reached"))) << page()->connectionsResult().toStdString();
    QTest::qWait(50);
    EXPECT_TRUE(switching.isEmpty());
    EXPECT_EQ(m_app.session(), before);
}

TEST_F(SettingsTest, AServerProfileKeepsItsPasswordInTheSecretStoreAndTheConsoleSwitchesToIt)
{
    if (qEnvironmentVariableIsEmpty("OTP_TEST_PG_URL"))
        GTEST_SKIP() << "needs the PostgreSQL test server (make test starts it; or set OTP_TEST_PG_URL)";
    DatabaseConfig admin;
    QString error;
    ASSERT_TRUE(DatabaseConfig::fromUrl(qEnvironmentVariable("OTP_TEST_PG_URL"), &admin, &error)) << error.toStdString();
    admin.password = qEnvironmentVariable("OTP_TEST_DB_PASSWORD");
    const QString dbName = QStringLiteral("otp_t_settings_%1").arg(QCoreApplication::applicationPid());
    otp::test::adminExec(admin, QStringLiteral("DROP DATABASE IF EXISTS %1").arg(dbName));
    otp::test::adminExec(admin, QStringLiteral("CREATE DATABASE %1").arg(dbName));
    const QString url = QStringLiteral("postgresql://%1@%2:%3/%4").arg(admin.user, admin.host).arg(admin.port).arg(dbName);

    QSignalSpy saved(page()->profiles(), &models::ConnectionProfiles::finished);
    page()->saveProfile({QStringLiteral("pg-test"), url}, admin.password);
    ASSERT_TRUE(saved.wait(20000));
    ASSERT_TRUE(saved.first().first().toBool()) << saved.first().at(1).toString().toStdString();
    EXPECT_EQ(stored(QStringLiteral("database/pg-test")), admin.password);
    EXPECT_FALSE(QSettings().value(QStringLiteral("connections/pg-test/url")).toString().contains(admin.password));

    // A wrong password is named as the server's refusal; the stored one connects.
    QSignalSpy tested(page()->profiles(), &models::ConnectionProfiles::tested);
    page()->profiles()->test(*models::ConnectionProfiles::find(QStringLiteral("pg-test")), QStringLiteral("wrong-password"));
    ASSERT_TRUE(tested.wait(20000));
    EXPECT_FALSE(tested.takeFirst().at(1).toBool());
    page()->profiles()->test(*models::ConnectionProfiles::find(QStringLiteral("pg-test")));
    ASSERT_TRUE(tested.wait(20000));
    const QList<QVariant> ok = tested.takeFirst();
    EXPECT_TRUE(ok.at(1).toBool()) << ok.at(2).toString().toStdString();

    // Connect: tested again off the GUI thread, then the console reopens on PostgreSQL.
    ConsoleSession* before = m_app.session();
    QSignalSpy switched(&m_app, &ConsoleApp::switched);
    page()->connectTo(QStringLiteral("pg-test"));
    ASSERT_TRUE(switched.wait(30000)) << page()->connectionsResult().toStdString();
    ASSERT_NE(m_app.session(), before);
    EXPECT_EQ(m_app.session()->profile(), QStringLiteral("pg-test"));
    EXPECT_TRUE(m_app.session()->context().databaseDisplayUrl.startsWith(QStringLiteral("postgresql://")));
    EXPECT_EQ(models::ConnectionProfiles::currentName(), QStringLiteral("pg-test"));
    EXPECT_TRUE(m_app.session()->window().isVisible());
    const int row = m_app.session()->window().settingsPage()->profiles()->rowOf(QStringLiteral("pg-test"));
    EXPECT_EQ(m_app.session()->window().settingsPage()->profiles()->index(row, models::ConnectionProfiles::InUse).data().toString(),
              QStringLiteral("connected"));
    // The new session works: a send lands in the PostgreSQL database.
    SendRequest r;
    r.destination = QStringLiteral("+919812345678");
    EXPECT_EQ(m_app.session()->runtime().service().send(r).status, OutcomeStatus::Sent);

    // Back to the built-in SQLite file; then the PostgreSQL test database can go.
    QSignalSpy back(&m_app, &ConsoleApp::switched);
    m_app.session()->window().settingsPage()->connectTo(QString::fromLatin1(models::ConnectionProfile::kEmbedded));
    ASSERT_TRUE(back.wait(30000));
    EXPECT_EQ(m_app.session()->profile(), QString::fromLatin1(models::ConnectionProfile::kEmbedded));
    otp::test::dropDatabase(admin, dbName);
}
