#pragma once

#include "DatabaseConfig.h"

#include <QProcessEnvironment>
#include <QString>
#include <QVariantList>

namespace otp::test {

// A fresh, empty OTP database on the engine this test run targets, dropped again at the end.
//   OTP_TEST_ENGINE = sqlite (default) | postgresql | mariadb
// SQLite: the file otp.db in the directory given. PostgreSQL / MariaDB: a database named
// otp_t_<pid>_<n>_<random> created on the server of OTP_TEST_PG_URL / OTP_TEST_MARIADB_URL (the URL's
// database is where the creating connection goes) as the role named there, with the password in
// OTP_TEST_DB_PASSWORD. Defaults fit the local servers that .ci/db-servers starts.
// One test suite, three engines: CTest registers the same binaries once per engine (tests/CMakeLists.txt).
class ScratchDatabase
{
public:
    explicit ScratchDatabase(const QString& sqliteDir);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    static SqlDialect engine();
    static QString engineName();
    static bool isSqlite() { return engine() == SqlDialect::Sqlite; }
    // The pepper tests use on the server engines (there is no file beside the database there).
    static QByteArray serverPepper();

    // Ready for Database(config()): password included.
    const DatabaseConfig& config() const { return m_config; }
    // For otpctl --db (never carries the password).
    QString url() const;
    // What an otpctl child needs beside --db to open this database: OTP_DB_PASSWORD, OTP_PEPPER.
    void addTo(QProcessEnvironment& env) const;
    // The first column of the first row, through a connection of its own (-1 when there is none).
    qint64 scalar(const QString& sql, const QVariantList& binds = {}) const;

private:
    DatabaseConfig m_config;
    DatabaseConfig m_admin;
};

// Runs one statement on a one-off connection of its own to the server of `c` (CREATE/DROP DATABASE
// cannot run inside the database concerned, nor inside a transaction on PostgreSQL). Throws
// std::runtime_error when the server cannot be reached or the statement fails.
void adminExec(const DatabaseConfig& c, const QString& sql);

} // namespace otp::test
