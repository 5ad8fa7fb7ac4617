#pragma once

#include <QString>

namespace otp {

enum class SqlDialect { Sqlite, Postgres, MySql };

// Where the OTP database lives, parsed from a URL:
//   sqlite:///abs/path.db   postgresql://user@host:5432/db   mysql://user@host:3306/db
// Passwords never come from the URL (it ends up in shell history and logs): they come from
// OTP_DB_PASSWORD or, on desktops, the keychain.
struct DatabaseConfig
{
    SqlDialect dialect = SqlDialect::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 0;
    QString user;
    QString database;
    QString password;
    // How long Database::session() keeps trying to reopen a lost server connection (backoff 100 ms
    // doubling to 5 s) before that call fails with StoreError. Default 15 s, or OTP_DB_RECONNECT_WAIT_MS.
    int reconnectWaitMs = 15000;

    static DatabaseConfig sqlite(const QString& path);
    // On failure returns nullopt-like invalid config and sets *error.
    static bool fromUrl(const QString& url, DatabaseConfig* out, QString* error);
    // The SQLite file in the application data directory, used when no --db is given.
    static QString defaultSqlitePath();

    QString driverName() const;
    // SQLite on a file (not :memory:): the engine with a writer connection, group commit and checkpoints.
    bool isSqliteFile() const { return dialect == SqlDialect::Sqlite && !path.isEmpty() && path != QLatin1String(":memory:"); }
    QString displayUrl() const; // never contains the password
};

} // namespace otp
