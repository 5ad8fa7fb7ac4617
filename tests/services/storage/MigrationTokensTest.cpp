// The tokens the migration files use for what differs between engines (resources/storage/migrations/README.md),
// expanded as migrate() expands them.
#include "Database.h"

#include <gtest/gtest.h>

using namespace otp;

TEST(MigrationTokens, ConcatJoinsItsArgumentsOnSqliteAndKeepsCommasInsideQuotesAndCalls)
{
    const QString sql = QStringLiteral("UPDATE t SET k = {{CONCAT(tenant, ', ', COALESCE(a,'x'),b)}} WHERE c = 'd, e'");
    EXPECT_EQ(detail::dialectSql(sql, SqlDialect::Sqlite),
              QStringLiteral("UPDATE t SET k = (tenant || ', ' || COALESCE(a,'x') || b) WHERE c = 'd, e'"));
    EXPECT_EQ(detail::dialectSql(sql, SqlDialect::Postgres),
              QStringLiteral("UPDATE t SET k = CONCAT(tenant, ', ', COALESCE(a,'x'),b) WHERE c = 'd, e'"));
    EXPECT_EQ(detail::dialectSql(sql, SqlDialect::MySql),
              QStringLiteral("UPDATE t SET k = CONCAT(tenant, ', ', COALESCE(a,'x'),b) WHERE c = 'd, e'"));
    // Two tokens in one statement each keep their own arguments.
    EXPECT_EQ(detail::dialectSql(QStringLiteral("SELECT {{CONCAT(a, ' ')}}, {{CONCAT(b, c)}}"), SqlDialect::Sqlite),
              QStringLiteral("SELECT (a || ' '), (b || c)"));
}

TEST(MigrationTokens, PartialIndexesAreAWhereClauseExceptOnMariaDb)
{
    const QString sql = QStringLiteral("CREATE INDEX ix ON t (a, b){{PARTIAL b IS NOT NULL}}; DROP INDEX iy{{ON t}}");
    EXPECT_EQ(detail::dialectSql(sql, SqlDialect::Postgres),
              QStringLiteral("CREATE INDEX ix ON t (a, b) WHERE b IS NOT NULL; DROP INDEX iy"));
    EXPECT_EQ(detail::dialectSql(sql, SqlDialect::Sqlite),
              QStringLiteral("CREATE INDEX ix ON t (a, b) WHERE b IS NOT NULL; DROP INDEX iy"));
    EXPECT_EQ(detail::dialectSql(sql, SqlDialect::MySql), QStringLiteral("CREATE INDEX ix ON t (a, b); DROP INDEX iy ON t"));
}
