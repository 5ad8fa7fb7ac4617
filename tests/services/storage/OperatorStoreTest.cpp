// The operators table behind the console's roles: validated first, audited, nothing half-written.
#include "OperatorStore.h"
#include "TestDatabase.h"

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

TEST(OperatorStore, SetChangesRemoveAreAuditedAndValidatedFirst)
{
    TestDatabase t;
    OperatorStore ops(t.database().session());
    const Actor admin{QStringLiteral("root"), QStringLiteral("cli")};
    const qint64 now = t.clock().nowMs();
    ASSERT_EQ(ops.set(QStringLiteral("asha"), QStringLiteral("admin"), QStringLiteral("Asha Rao"), admin, now).status, OutcomeStatus::Ok);
    ASSERT_EQ(ops.set(QStringLiteral("asha"), QStringLiteral("qa"), {}, admin, now + 1).status, OutcomeStatus::Ok);
    const auto all = ops.all();
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all.first().role, QStringLiteral("qa"));
    EXPECT_EQ(all.first().createdAt, now) << "a role change keeps when the operator was added";

    for (const auto& [login, role] : {std::pair{"bob", "boss"}, std::pair{"", "qa"}, std::pair{"a b", "qa"},
                                      std::pair{"x'; DROP TABLE operators; --", "admin"}})
        EXPECT_EQ(ops.set(QString::fromLatin1(login), QString::fromLatin1(role), {}, admin, now).status, OutcomeStatus::InvalidInput)
            << login;
    EXPECT_EQ(ops.all().size(), 1) << "refused changes wrote nothing";

    EXPECT_EQ(ops.remove(QStringLiteral("asha"), admin, now).status, OutcomeStatus::Ok);
    EXPECT_EQ(ops.remove(QStringLiteral("asha"), admin, now).status, OutcomeStatus::InvalidInput);
    EXPECT_TRUE(ops.all().isEmpty());
    EXPECT_EQ(t.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'operator_%' AND target = 'asha'")), 3);
}
