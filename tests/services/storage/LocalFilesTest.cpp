// The core's local files (issue 10 item 14): an SQLite URL means a local file and nothing else (a
// host or options are refused, not made part of the file name); a pepper file others can read is
// refused as ssh refuses such a private key; the SQLite database and its -wal/-shm are created 0600
// like the pepper beside it, whatever the umask.
#include "Database.h"
#include "DatabaseConfig.h"
#include "PepperSource.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace otp;

namespace {
std::string s(const QString& text)
{
    return text.toStdString();
}

class EnvSet
{
public:
    EnvSet(const char* name, const QByteArray& value) : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~EnvSet()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char* m_name;
    bool m_had;
    QByteArray m_old;
};

int modeOf(const QString& path)
{
    struct stat st{};
    if (::stat(path.toLocal8Bit().constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

bool writeFile(const QString& path, const QByteArray& bytes, int mode)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    return ::chmod(path.toLocal8Bit().constData(), mode_t(mode)) == 0;
}
} // namespace

TEST(DatabaseUrl, AnSqliteUrlWithAHostOrOptionsIsRefused)
{
    DatabaseConfig c;
    QString error;
    EXPECT_FALSE(DatabaseConfig::fromUrl(QStringLiteral("sqlite://dbhost/var/lib/otp.db"), &c, &error)) << s(c.path);
    EXPECT_TRUE(error.contains(QStringLiteral("dbhost"))) << s(error);
    error.clear();
    EXPECT_FALSE(DatabaseConfig::fromUrl(QStringLiteral("sqlite:///var/lib/otp.db?mode=ro"), &c, &error)) << s(c.path);
    EXPECT_TRUE(error.contains(QStringLiteral("mode=ro"))) << s(error);
    error.clear();
    EXPECT_FALSE(DatabaseConfig::fromUrl(QStringLiteral("sqlite:///var/lib/otp.db#x"), &c, &error)) << s(c.path);

    // What a local file looks like still works.
    ASSERT_TRUE(DatabaseConfig::fromUrl(QStringLiteral("sqlite:///var/lib/otp.db"), &c, &error)) << s(error);
    EXPECT_EQ(c.path, QStringLiteral("/var/lib/otp.db"));
    ASSERT_TRUE(DatabaseConfig::fromUrl(QStringLiteral("sqlite://localhost/var/lib/otp.db"), &c, &error)) << s(error);
    EXPECT_EQ(c.path, QStringLiteral("/var/lib/otp.db"));
    ASSERT_TRUE(DatabaseConfig::fromUrl(QStringLiteral("sqlite://otp.db"), &c, &error)) << s(error);
    EXPECT_EQ(c.path, QStringLiteral("otp.db"));
}

TEST(PepperFile, APepperFileOthersCanReadIsRefusedNamingTheFileAndItsMode)
{
    QTemporaryDir dir;
    EnvSet noPepper("OTP_PEPPER", QByteArray());
    const QString file = dir.filePath(QStringLiteral("pepper"));
    EnvSet pepperFile("OTP_PEPPER_FILE", file.toLocal8Bit());
    const DatabaseConfig db = DatabaseConfig::sqlite(dir.filePath(QStringLiteral("otp.db")));
    for (int mode : {0644, 0640, 0604, 0660}) {
        ASSERT_TRUE(writeFile(file, "a-pepper-of-enough-bytes-0123456789", mode));
        QString error;
        EXPECT_TRUE(PepperSource::load(db, &error).isEmpty()) << "mode " << QString::number(mode, 8).toStdString();
        EXPECT_TRUE(error.contains(file)) << s(error);
        EXPECT_TRUE(error.contains(QStringLiteral("0") + QString::number(mode, 8))) << s(error);
    }
    for (int mode : {0600, 0400}) {
        ASSERT_TRUE(writeFile(file, "a-pepper-of-enough-bytes-0123456789", mode));
        QString error;
        EXPECT_EQ(PepperSource::load(db, &error), QByteArray("a-pepper-of-enough-bytes-0123456789")) << s(error);
    }
}

TEST(PepperFile, AWorldReadablePepperBesideTheDatabaseIsRefused)
{
    QTemporaryDir dir;
    EnvSet noPepper("OTP_PEPPER", QByteArray());
    EnvSet noPepperFile("OTP_PEPPER_FILE", QByteArray());
    const DatabaseConfig db = DatabaseConfig::sqlite(dir.filePath(QStringLiteral("otp.db")));
    QString error;
    const QByteArray made = PepperSource::load(db, &error);
    ASSERT_FALSE(made.isEmpty()) << s(error);
    EXPECT_EQ(modeOf(PepperSource::fileBeside(db.path)), 0600);
    ASSERT_EQ(::chmod(PepperSource::fileBeside(db.path).toLocal8Bit().constData(), 0644), 0);
    EXPECT_TRUE(PepperSource::load(db, &error).isEmpty());
    EXPECT_TRUE(error.contains(PepperSource::fileBeside(db.path))) << s(error);
}

TEST(SqliteFile, TheDatabaseAndItsWalAreCreatedOwnerOnly)
{
    QTemporaryDir dir;
    const mode_t old = ::umask(022);
    const QString path = dir.filePath(QStringLiteral("otp.db"));
    {
        Database db(DatabaseConfig::sqlite(path));
        db.migrate();
        db.session().execute(QStringLiteral("INSERT INTO operators (login, role, display_name, created_at) VALUES ('a', 'qa', 'A', 1)"));
        EXPECT_EQ(modeOf(path), 0600);
        EXPECT_EQ(modeOf(path + QStringLiteral("-wal")), 0600);
        EXPECT_EQ(modeOf(path + QStringLiteral("-shm")), 0600);
        db.releaseThreadSession();
    }
    ::umask(old);
    // An existing database keeps the mode its owner gave it.
    ASSERT_EQ(::chmod(path.toLocal8Bit().constData(), 0640), 0);
    Database again(DatabaseConfig::sqlite(path));
    EXPECT_EQ(again.session().scalar(QStringLiteral("SELECT COUNT(*) FROM operators")).toInt(), 1);
    EXPECT_EQ(modeOf(path), 0640);
    again.releaseThreadSession();
}
