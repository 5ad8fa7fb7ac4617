#pragma once

#include "Database.h"
#include "DevGateway.h"
#include "DevOutbox.h"
#include "GatewayRegistry.h"
#include "ManualClock.h"
#include "OtpService.h"
#include "ScratchDatabase.h"

#include <QTemporaryDir>

#include <memory>

namespace otp::test {

// A fresh database on the engine of this run (ScratchDatabase: SQLite in a temporary directory by
// default, or a new PostgreSQL / MariaDB database), migrated, with the dev gateway writing to an
// outbox file in the temporary directory and an OtpService on a manual clock. Everything real but the clock.
class TestDatabase
{
public:
    explicit TestDatabase(QSet<QString> failingDestinations = {}, RandomSource* random = nullptr);

    QString dir() const { return m_dir.path(); }
    // The SQLite file (meaningful on SQLite only; see ScratchDatabase::isSqlite()).
    QString path() const { return m_dir.filePath(QStringLiteral("otp.db")); }
    QString url() const { return m_scratch.url(); }
    ScratchDatabase& scratch() { return m_scratch; }
    Database& database() { return *m_db; }
    OtpService& service() { return *m_service; }
    ManualClock& clock() { return m_clock; }
    DevOutbox& outbox() { return m_outbox; }
    GatewayRegistry& gateways() { return m_gateways; }
    QByteArray pepper() const { return m_pepper; }

    // A count from any table, for assertions.
    qint64 count(const QString& sqlWithBinds, const QVariantList& binds = {});
    // Every text value of every row of every table, for "the code is nowhere" checks.
    QStringList dumpAllText();

private:
    QTemporaryDir m_dir;
    ScratchDatabase m_scratch{m_dir.path()}; // outlives m_db: dropped after its connections close
    ManualClock m_clock;
    SystemRandomSource m_systemRandom;
    QByteArray m_pepper;
    std::unique_ptr<Database> m_db;
    GatewayRegistry m_gateways;
    DevOutbox m_outbox;
    std::unique_ptr<OtpService> m_service;
};

} // namespace otp::test
