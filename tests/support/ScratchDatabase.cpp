#include "ScratchDatabase.h"

#include "Database.h"
#include "StoreError.h"

#include <QCoreApplication>
#include <QDir>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <atomic>
#include <functional>
#include <stdexcept>

namespace otp::test {

namespace {
std::atomic<int> g_counter{0};

QString password() { return qEnvironmentVariable("OTP_TEST_DB_PASSWORD", QStringLiteral("otp-test-password")); }

DatabaseConfig parseAdmin(const QString& url, SqlDialect engine)
{
    DatabaseConfig c;
    QString error;
    if (!DatabaseConfig::fromUrl(url, &c, &error) || c.dialect != engine)
        throw std::runtime_error(QStringLiteral("bad test database URL %1: %2").arg(url, error).toStdString());
    c.password = password();
    return c;
}

DatabaseConfig adminConfig(SqlDialect engine)
{
    if (ScratchDatabase::isGalera()) {
        const auto nodes = ScratchDatabase::galeraNodes();
        if (nodes.isEmpty())
            throw std::runtime_error("OTP_TEST_ENGINE=galera needs OTP_TEST_GALERA_URLS (run .ci/galera-cluster)");
        return nodes.first();
    }
    const bool pg = engine == SqlDialect::Postgres;
    const QString url = pg ? qEnvironmentVariable("OTP_TEST_PG_URL", QStringLiteral("postgresql://otp@127.0.0.1:5432/postgres"))
                           : qEnvironmentVariable("OTP_TEST_MARIADB_URL", QStringLiteral("mysql://otp@127.0.0.1:3306/otp_admin"));
    return parseAdmin(url, engine);
}

} // namespace

bool ScratchDatabase::isGalera()
{
    return qEnvironmentVariable("OTP_TEST_ENGINE").trimmed().toLower() == QLatin1String("galera");
}

QList<DatabaseConfig> ScratchDatabase::galeraNodes()
{
    QList<DatabaseConfig> out;
    for (const QString& url : qEnvironmentVariable("OTP_TEST_GALERA_URLS").split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << parseAdmin(url.trimmed(), SqlDialect::MySql);
    return out;
}

DatabaseConfig ScratchDatabase::nodeConfig(int i) const
{
    if (m_nodes.isEmpty())
        return m_config;
    DatabaseConfig c = m_nodes.at(i % m_nodes.size());
    c.database = m_config.database;
    return c;
}

namespace {
// Runs `work` on a one-off connection to the server of `c`; `work` returns an error text or nothing.
void onAdminConnection(const DatabaseConfig& c, const std::function<QString(QSqlDatabase&)>& work)
{
    const QString name = QStringLiteral("scratch-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(c.driverName(), name);
        db.setHostName(c.host);
        db.setPort(c.port);
        db.setUserName(c.user);
        db.setPassword(c.password);
        db.setDatabaseName(c.database);
        if (!db.open())
            error = QStringLiteral("cannot reach the %1 test server at %2 (run .ci/db-servers): %3")
                        .arg(c.driverName(), c.displayUrl(), db.lastError().text());
        else
            error = work(db);
    }
    QSqlDatabase::removeDatabase(name);
    if (!error.isEmpty())
        throw std::runtime_error(error.toStdString());
}

// Galera applies a DDL statement on the other nodes a moment after the node that ran it answered.
// With wsrep_sync_wait a SELECT first waits until its node applied everything committed cluster-wide:
// after it the new database is there too.
void waitForDatabaseOn(const DatabaseConfig& node, const QString& database)
{
    onAdminConnection(node, [&](QSqlDatabase& db) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SET SESSION wsrep_sync_wait = 1")) ||
            !q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '%1'").arg(database)))
            return QStringLiteral("Galera node %1: %2").arg(node.displayUrl(), q.lastError().text());
        if (!q.next() || q.value(0).toInt() != 1)
            return QStringLiteral("Galera node %1 has no database %2 after a causal wait").arg(node.displayUrl(), database);
        return QString();
    });
}
} // namespace

// Declared in ScratchDatabase.h (server_bench uses it too).
void adminExec(const DatabaseConfig& c, const QString& sql)
{
    onAdminConnection(c, [&](QSqlDatabase& db) {
        QSqlQuery q(db);
        return q.exec(sql) ? QString() : QStringLiteral("%1 failed: %2").arg(sql, q.lastError().text());
    });
}

SqlDialect ScratchDatabase::engine()
{
    const QString e = qEnvironmentVariable("OTP_TEST_ENGINE").trimmed().toLower();
    if (e == QLatin1String("postgresql") || e == QLatin1String("postgres") || e == QLatin1String("pg"))
        return SqlDialect::Postgres;
    if (e == QLatin1String("mariadb") || e == QLatin1String("mysql") || e == QLatin1String("galera"))
        return SqlDialect::MySql;
    return SqlDialect::Sqlite;
}

QString ScratchDatabase::engineName()
{
    switch (engine()) {
    case SqlDialect::Sqlite: return QStringLiteral("sqlite");
    case SqlDialect::Postgres: return QStringLiteral("postgresql");
    case SqlDialect::MySql: return isGalera() ? QStringLiteral("galera") : QStringLiteral("mariadb");
    }
    return {};
}

QByteArray ScratchDatabase::serverPepper() { return QByteArrayLiteral("scratch-test-pepper-0123456789abcdef"); }

ScratchDatabase::ScratchDatabase(const QString& sqliteDir)
{
    const SqlDialect e = engine();
    if (e == SqlDialect::Sqlite) {
        m_config = DatabaseConfig::sqlite(QDir(sqliteDir).filePath(QStringLiteral("otp.db")));
        return;
    }
    m_admin = adminConfig(e);
    const QString name = QStringLiteral("otp_t_%1_%2_%3")
                             .arg(QCoreApplication::applicationPid())
                             .arg(++g_counter)
                             .arg(QRandomGenerator::system()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
    adminExec(m_admin, e == SqlDialect::Postgres
                           ? QStringLiteral("CREATE DATABASE %1").arg(name)
                           : QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin").arg(name));
    m_config = m_admin;
    m_config.database = name;
    if (isGalera()) {
        m_nodes = galeraNodes();
        for (const DatabaseConfig& node : m_nodes)
            waitForDatabaseOn(node, name);
    }
}

ScratchDatabase::~ScratchDatabase()
{
    if (m_config.dialect == SqlDialect::Sqlite)
        return;
    try {
        dropDatabase(m_admin, m_config.database);
    } catch (const std::exception& e) {
        qWarning("scratch database not dropped: %s", e.what());
    }
}

QString ScratchDatabase::url() const
{
    return m_config.dialect == SqlDialect::Sqlite ? QStringLiteral("sqlite://") + m_config.path : m_config.displayUrl();
}

void ScratchDatabase::addTo(QProcessEnvironment& env) const
{
    if (m_config.dialect == SqlDialect::Sqlite)
        return; // the pepper is the file beside the database, as in production
    env.insert(QStringLiteral("OTP_DB_PASSWORD"), m_config.password);
    env.insert(QStringLiteral("OTP_PEPPER"), QString::fromLatin1(serverPepper()));
}

qint64 ScratchDatabase::scalar(const QString& sql, const QVariantList& binds) const
{
    Database db(m_config);
    const QVariant v = db.session().scalar(sql, binds);
    return v.isValid() ? v.toLongLong() : -1;
}

void dropDatabase(const DatabaseConfig& admin, const QString& name)
{
    const QString drop = QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name);
    if (admin.dialect != SqlDialect::Postgres)
        return adminExec(admin, drop);
    try {
        adminExec(admin, drop);
    } catch (const std::exception&) {
        adminExec(admin, drop + QStringLiteral(" WITH (FORCE)"));
    }
}

} // namespace otp::test
