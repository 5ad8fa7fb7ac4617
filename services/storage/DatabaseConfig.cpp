#include "DatabaseConfig.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace otp {

DatabaseConfig DatabaseConfig::sqlite(const QString& path)
{
    DatabaseConfig c;
    c.dialect = SqlDialect::Sqlite;
    c.path = path;
    return c;
}

QString DatabaseConfig::defaultSqlitePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/otp-console/otp.db");
}

bool DatabaseConfig::fromUrl(const QString& url, DatabaseConfig* out, QString* error)
{
    const QString u = url.trimmed();
    if (u.startsWith(QLatin1String("sqlite:"))) {
        QString path = u.mid(7);
        // A local file and nothing else: what SQLite would take as options or a host must not quietly
        // become part of the file name.
        if (const qsizetype q = path.indexOf(QRegularExpression(QStringLiteral("[?#]"))); q >= 0) {
            *error = QStringLiteral("the sqlite URL carries options ('%1'), which are not supported: name the file only, "
                                    "as sqlite:///path/to/otp.db").arg(path.mid(q).left(64));
            return false;
        }
        if (path.startsWith(QLatin1String("//"))) {
            path = path.mid(2); // sqlite:///abs → /abs ; sqlite://localhost/abs → /abs ; sqlite://rel.db → rel.db
            const qsizetype slash = path.indexOf(QLatin1Char('/'));
            const QString host = slash > 0 ? path.left(slash) : QString();
            if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
                path = path.mid(slash);
            } else if (!host.isEmpty()) {
                *error = QStringLiteral("the sqlite URL names a host ('%1'), but SQLite opens local files only: use "
                                        "sqlite:///absolute/path.db or sqlite:relative/path.db").arg(host.left(64));
                return false;
            }
        }
        if (path.isEmpty()) {
            *error = QStringLiteral("the sqlite URL names no file (use sqlite:///path/to/otp.db)");
            return false;
        }
        *out = sqlite(QDir::cleanPath(path));
        return true;
    }
    const QUrl parsed(u, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    DatabaseConfig c;
    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")) {
        c.dialect = SqlDialect::Postgres;
        c.port = parsed.port(5432);
    } else if (scheme == QLatin1String("mysql") || scheme == QLatin1String("mariadb")) {
        c.dialect = SqlDialect::MySql;
        c.port = parsed.port(3306);
    } else {
        *error = QStringLiteral("unsupported database URL '%1': use sqlite:///path, postgresql://user@host/db or "
                                "mysql://user@host/db").arg(u.section(QLatin1Char(':'), 0, 0));
        return false;
    }
    if (!parsed.isValid() || parsed.host().isEmpty()) {
        *error = QStringLiteral("the database URL has no host");
        return false;
    }
    if (!parsed.password().isEmpty()) {
        *error = QStringLiteral("put the database password in OTP_DB_PASSWORD or the keychain, not in the URL");
        return false;
    }
    c.host = parsed.host();
    c.user = parsed.userName();
    c.database = parsed.path().mid(1);
    if (c.database.isEmpty()) {
        *error = QStringLiteral("the database URL names no database (…/dbname)");
        return false;
    }
    c.password = qEnvironmentVariable("OTP_DB_PASSWORD");
    *out = c;
    return true;
}

QString DatabaseConfig::driverName() const
{
    switch (dialect) {
    case SqlDialect::Sqlite: return QStringLiteral("QSQLITE");
    case SqlDialect::Postgres: return QStringLiteral("QPSQL");
    case SqlDialect::MySql: return QStringLiteral("QMYSQL");
    }
    return {};
}

QString DatabaseConfig::displayUrl() const
{
    switch (dialect) {
    case SqlDialect::Sqlite: return QStringLiteral("sqlite://") + path;
    case SqlDialect::Postgres:
        return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
    case SqlDialect::MySql: return QStringLiteral("mysql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
    }
    return {};
}

} // namespace otp
