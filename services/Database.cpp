#include "Database.h"

#include "StoreError.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QUuid>

#include <algorithm>
#include <atomic>

namespace otp {

namespace {
struct Migration
{
    int version;
    QString name;
    QString sql;
};

QList<Migration> bundledMigrations()
{
    QList<Migration> out;
    QDirIterator it(QStringLiteral(":/otp/migrations"), {QStringLiteral("*.sql")});
    static const QRegularExpression re(QStringLiteral(R"(^(\d+)_(.+)\.sql$)"));
    while (it.hasNext()) {
        it.next();
        const auto m = re.match(it.fileName());
        if (!m.hasMatch())
            continue;
        QFile f(it.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return out;
}

// One schema description for every engine: the migration files use a few tokens for what must differ.
QString forDialect(QString sql, SqlDialect d)
{
    switch (d) {
    case SqlDialect::Sqlite: sql.replace(QLatin1String("{{ID}}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT")); break;
    case SqlDialect::Postgres: sql.replace(QLatin1String("{{ID}}"), QLatin1String("BIGSERIAL PRIMARY KEY")); break;
    case SqlDialect::MySql: sql.replace(QLatin1String("{{ID}}"), QLatin1String("BIGINT AUTO_INCREMENT PRIMARY KEY")); break;
    }
    return sql;
}

QStringList statements(const QString& sql)
{
    QStringList out;
    QString current;
    for (const QString& line : sql.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (t.startsWith(QLatin1String("--")) || t.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (t.endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            out << current;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

std::atomic<int> g_instanceCounter{0};
} // namespace

Database::Database(DatabaseConfig config)
    : m_config(std::move(config)), m_id(QString::number(++g_instanceCounter))
{
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    for (auto& [tid, session] : m_sessions) {
        const QString name = session->database().connectionName();
        session.reset();
        QSqlDatabase::removeDatabase(name);
    }
}

QSqlDatabase Database::open(const QString& name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_config.driverName(), name);
    if (!db.isValid())
        throw StoreError(QStringLiteral("the Qt SQL driver %1 is not installed").arg(m_config.driverName()));
    if (m_config.dialect == SqlDialect::Sqlite) {
        QFileInfo fi(m_config.path);
        QDir().mkpath(fi.absolutePath());
        db.setDatabaseName(m_config.path);
        // Writers queue on the SQLite lock for up to 30 s instead of failing at once with SQLITE_BUSY.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    } else {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.database);
    }
    if (!db.open())
        throw StoreError(QStringLiteral("cannot open %1: %2").arg(m_config.displayUrl(), db.lastError().text()));
    return db;
}

SqlSession& Database::session()
{
    const auto tid = std::this_thread::get_id();
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_sessions.find(tid);
        if (it != m_sessions.end())
            return *it->second;
    }
    const QString name = QStringLiteral("otp-%1-%2").arg(m_id, QUuid::createUuid().toString(QUuid::WithoutBraces));
    auto session = std::make_unique<SqlSession>(open(name), m_config.dialect);
    if (m_config.dialect == SqlDialect::Sqlite) {
        // WAL lets readers (the console) run beside the writer; NORMAL sync is durable across
        // process crashes, which is what WAL needs. journal_mode is persistent: set it once.
        if (session->scalar(QStringLiteral("PRAGMA journal_mode")).toString().toLower() != QLatin1String("wal"))
            session->execute(QStringLiteral("PRAGMA journal_mode=WAL"));
        session->execute(QStringLiteral("PRAGMA synchronous=NORMAL"));
        session->execute(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    QMutexLocker lock(&m_mutex);
    auto& slot = m_sessions[tid];
    slot = std::move(session);
    return *slot;
}

void Database::releaseThreadSession()
{
    std::unique_ptr<SqlSession> session;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_sessions.find(std::this_thread::get_id());
        if (it == m_sessions.end())
            return;
        session = std::move(it->second);
        m_sessions.erase(it);
    }
    const QString name = session->database().connectionName();
    session.reset();
    QSqlDatabase::removeDatabase(name);
}

int Database::latestVersion() const
{
    const auto all = bundledMigrations();
    return all.isEmpty() ? 0 : all.last().version;
}

int Database::schemaVersion()
{
    SqlSession& s = session();
    s.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                             "name VARCHAR(128) NOT NULL, applied_at BIGINT NOT NULL)"));
    return s.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")).toInt();
}

int Database::migrate()
{
    int applied = 0;
    if (schemaVersion() >= latestVersion()) // also creates the bookkeeping table
        return 0;
    SqlSession& s = session();
    for (const Migration& m : bundledMigrations()) {
        WriteTransaction tx(s);
        // Re-read inside the transaction: another process may have applied it meanwhile.
        const int current = s.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")).toInt();
        if (m.version <= current)
            continue;
        for (const QString& stmt : statements(forDialect(m.sql, m_config.dialect)))
            s.execute(stmt);
        s.update(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                 {m.version, m.name, QDateTime::currentMSecsSinceEpoch()});
        tx.commit();
        ++applied;
    }
    return applied;
}

} // namespace otp
