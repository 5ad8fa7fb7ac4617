// A migration cut short (resources/storage/migrations/README.md): on MariaDB every DDL statement commits
// by itself, so a process killed between two statements of one migration leaves the first ones applied
// and the version unrecorded. The next migrate() must finish the job and leave the schema a fresh run
// makes. For every bundled migration N and every k from 1 to its statement count - 1: migrate up to
// N - 1, run the first k statements of N by hand (what the killed process left), then migrate().
// On every engine: SQLite and PostgreSQL roll a killed migration back, but the statements are the same
// files and must be safe to run again there too (SQLite's ADD COLUMN is the one case migrate() handles).
#include "Database.h"
#include "ScratchDatabase.h"
#include "StoreError.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace otp;
using namespace otp::test;

namespace {

QStringList column(SqlSession& s, const QString& sql)
{
    QStringList out;
    for (const SqlRow& r : s.select(sql))
        out << r.value(0).toString();
    return out;
}

// What a migration leaves that the core depends on: tables with their options, columns in order with
// their types, nullability and defaults, and indexes with their columns and uniqueness. schema_migrations
// is left out (its applied_at times differ; its shape is migrate()'s own, created before any migration).
QStringList schemaOf(SqlSession& s)
{
    switch (s.dialect()) {
    case SqlDialect::Sqlite:
        return column(s, QStringLiteral("SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || COALESCE(sql, '') "
                                        "FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                                        "AND tbl_name <> 'schema_migrations' ORDER BY type, name"));
    case SqlDialect::Postgres:
        return column(s, QStringLiteral("SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || "
                                        "COALESCE(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || "
                                        "COALESCE(column_default, '') FROM information_schema.columns "
                                        "WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' "
                                        "ORDER BY table_name, ordinal_position")) +
               column(s, QStringLiteral("SELECT tablename || ' ' || indexname || ': ' || indexdef FROM pg_indexes "
                                        "WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' "
                                        "ORDER BY tablename, indexname"));
    case SqlDialect::MySql:
        return column(s, QStringLiteral("SELECT CONCAT_WS(' ', TABLE_NAME, ENGINE, TABLE_COLLATION) FROM "
                                        "information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                                        "AND TABLE_NAME <> 'schema_migrations' ORDER BY TABLE_NAME")) +
               column(s, QStringLiteral("SELECT CONCAT_WS(' ', TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, "
                                        "COALESCE(COLUMN_DEFAULT, '-'), EXTRA, COALESCE(COLLATION_NAME, '-')) FROM "
                                        "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                                        "AND TABLE_NAME <> 'schema_migrations' ORDER BY TABLE_NAME, ORDINAL_POSITION")) +
               column(s, QStringLiteral("SELECT CONCAT_WS(' ', TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, "
                                        "COLUMN_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                                        "AND TABLE_NAME <> 'schema_migrations' "
                                        "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"));
    }
    return {};
}

std::string joined(const QStringList& lines)
{
    return lines.join(QLatin1Char('\n')).toStdString();
}

} // namespace

TEST(MigrationResume, EveryMigrationCutAfterAnyStatementCompletesOnTheNextRun)
{
    const SqlDialect engine = ScratchDatabase::engine();
    QStringList fresh;
    int latest = 0;
    {
        QTemporaryDir dir;
        ScratchDatabase scratch(dir.path());
        Database db(scratch.config());
        db.migrate();
        latest = db.latestVersion();
        fresh = schemaOf(db.session());
    }
    ASSERT_GT(latest, 0);
    ASSERT_FALSE(fresh.isEmpty());

    int cuts = 0;
    for (int version = 1; version <= latest; ++version) {
        const QStringList statements = detail::migrationStatements(version, engine);
        ASSERT_FALSE(statements.isEmpty()) << "migration " << version;
        for (int k = 1; k < statements.size(); ++k) {
            SCOPED_TRACE(testing::Message() << ScratchDatabase::engineName().toStdString() << ": migration " << version
                                            << " cut after statement " << k << " of " << statements.size() << " ("
                                            << statements.at(k - 1).left(80).toStdString() << ")");
            QTemporaryDir dir;
            ScratchDatabase scratch(dir.path());
            Database db(scratch.config());
            db.migrate(version - 1);
            ASSERT_EQ(db.schemaVersion(), version - 1);
            for (int i = 0; i < k; ++i)
                db.session().execute(statements.at(i));

            try {
                db.migrate();
            } catch (const StoreError& e) {
                ADD_FAILURE() << "the next migrate() failed: " << e.message().toStdString();
                continue;
            }
            EXPECT_EQ(db.schemaVersion(), latest);
            EXPECT_EQ(joined(schemaOf(db.session())), joined(fresh));
            ++cuts;
        }
    }
    EXPECT_GT(cuts, 0);
}
