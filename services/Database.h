#pragma once

#include "DatabaseConfig.h"
#include "SqlSession.h"

#include <QMutex>

#include <map>
#include <memory>
#include <thread>

namespace otp {

// The OTP database: hands each thread its own connection (QtSql connections belong to one thread)
// and brings the schema up to date through versioned migrations.
class Database
{
public:
    explicit Database(DatabaseConfig config);
    ~Database();

    const DatabaseConfig& config() const { return m_config; }

    // This thread's session, opened on first use. Throws StoreError when the database cannot be opened.
    SqlSession& session();
    // Closes this thread's connection (call before a worker thread ends).
    void releaseThreadSession();

    int schemaVersion();
    int latestVersion() const;
    // Applies the missing migrations, each in one transaction. Safe when several processes race.
    // Returns the number applied.
    int migrate();

private:
    QSqlDatabase open(const QString& connectionName);

    DatabaseConfig m_config;
    QString m_id;
    QMutex m_mutex;
    std::map<std::thread::id, std::unique_ptr<SqlSession>> m_sessions;
};

} // namespace otp
