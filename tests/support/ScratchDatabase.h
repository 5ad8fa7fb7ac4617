#pragma once

#include "DatabaseConfig.h"

#include <QProcessEnvironment>
#include <QString>
#include <QVariantList>

namespace otp::test {

// A fresh, empty OTP database on the engine this test run targets, dropped again at the end.
//   OTP_TEST_ENGINE = sqlite (default) | postgresql | mariadb | galera
// SQLite: the file otp.db in the directory given. PostgreSQL / MariaDB: a database named
// otp_t_<pid>_<n>_<random> created on the server of OTP_TEST_PG_URL / OTP_TEST_MARIADB_URL (the URL's
// database is where the creating connection goes) as the role named there, with the password in
// OTP_TEST_DB_PASSWORD. Defaults fit the local servers that .ci/db-servers starts.
// One test suite, three engines: CTest registers the same binaries once per engine (tests/CMakeLists.txt).
// galera: MariaDB on the three-node cluster of .ci/galera-cluster (OTP_TEST_GALERA_URLS, one URL per
// node, comma-separated): the database is created on the first node and replicates to every node;
// config()/url() name the first node, nodeConfig(i)/nodeUrl(i) each node of the same database.
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
    static bool isGalera();
    // The Galera nodes' admin settings (password included) from OTP_TEST_GALERA_URLS; empty when unset.
    static QList<DatabaseConfig> galeraNodes();
    // The pepper tests use on the server engines (there is no file beside the database there).
    static QByteArray serverPepper();

    // Ready for Database(config()): password included.
    const DatabaseConfig& config() const { return m_config; }
    // For otpctl --db (never carries the password).
    QString url() const;
    // What an otpctl child needs beside --db to open this database: OTP_DB_PASSWORD, OTP_PEPPER.
    void addTo(QProcessEnvironment& env) const;
    // On galera: how many nodes, and this database on node i (0-based); elsewhere 1 and config()/url().
    int nodeCount() const { return m_nodes.isEmpty() ? 1 : int(m_nodes.size()); }
    DatabaseConfig nodeConfig(int i) const;
    QString nodeUrl(int i) const { return nodeConfig(i).displayUrl(); }
    // The first column of the first row, through a connection of its own (-1 when there is none).
    qint64 scalar(const QString& sql, const QVariantList& binds = {}) const;

private:
    DatabaseConfig m_config;
    DatabaseConfig m_admin;
    QList<DatabaseConfig> m_nodes; // galera only
};

// Runs one statement on a one-off connection of its own to the server of `c` (CREATE/DROP DATABASE
// cannot run inside the database concerned, nor inside a transaction on PostgreSQL). Throws
// std::runtime_error when the server cannot be reached or the statement fails.
void adminExec(const DatabaseConfig& c, const QString& sql);
// Drops database `name` on the server of `admin` (IF EXISTS). On PostgreSQL a plain DROP first: the
// server itself ends an autovacuum worker busy in it, which DROP … WITH (FORCE) may not signal without
// pg_signal_backend ("must be a member of the role whose process is being terminated"). WITH (FORCE)
// only when that fails, for a connection a failed test left open. Throws as adminExec does.
void dropDatabase(const DatabaseConfig& admin, const QString& name);

} // namespace otp::test
