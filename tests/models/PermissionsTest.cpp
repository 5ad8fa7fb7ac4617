#include "DestinationMask.h"
#include "ModelFixture.h"
#include "OperatorDirectory.h"
#include "Permissions.h"

using namespace otp;
using namespace otp::models;

TEST(Permissions, RolesGrantWhatTheyShould)
{
    const Permissions support = Permissions::fromRoleName(QStringLiteral("support"));
    EXPECT_FALSE(support.canUnlock());
    EXPECT_FALSE(support.canEditPolicy());
    EXPECT_FALSE(support.canManualSend());
    EXPECT_FALSE(support.revealsDestinations());

    const Permissions admin = Permissions::fromRoleName(QStringLiteral(" Admin "));
    EXPECT_EQ(admin.role(), Permissions::Role::Admin);
    EXPECT_TRUE(admin.canUnlock());
    EXPECT_TRUE(admin.canEditPolicy());
    EXPECT_TRUE(admin.revealsDestinations());

    const Permissions qa = Permissions::fromRoleName(QStringLiteral("qa"));
    EXPECT_TRUE(qa.canManualSend());
    EXPECT_FALSE(qa.canUnlock());
    EXPECT_TRUE(qa.revealsDestinations());
}

TEST(Permissions, UnknownRoleIsSupport)
{
    EXPECT_EQ(Permissions::fromRoleName(QStringLiteral("root")).role(), Permissions::Role::Support);
    EXPECT_EQ(Permissions::fromRoleName(QString()).role(), Permissions::Role::Support);
    EXPECT_EQ(Permissions().roleName(), QStringLiteral("support"));
}

TEST(DestinationMask, MasksPhonesAndEmails)
{
    EXPECT_EQ(DestinationMask::mask(QStringLiteral("+919812345210")), QString::fromUtf8("+91 98•••••210"));
    EXPECT_EQ(DestinationMask::mask(QStringLiteral("+14155550123")), QString::fromUtf8("+1 41•••••123"));
    EXPECT_EQ(DestinationMask::mask(QStringLiteral("+971501234567")), QString::fromUtf8("+971 50••••567"));
    EXPECT_EQ(DestinationMask::mask(QStringLiteral("asha@example.com")), QString::fromUtf8("a•••@example.com"));
    EXPECT_EQ(DestinationMask::show(QStringLiteral("+919812345210"), true), QStringLiteral("+919812345210"));
    EXPECT_FALSE(DestinationMask::mask(QStringLiteral("12345")).contains(QStringLiteral("123")));
}

using OperatorDirectoryTest = otp::test::ModelFixture;

TEST_F(OperatorDirectoryTest, ReadsRolesByLoginAndDefaultsToSupport)
{
    // update(), not insert(): operators has no id column for PostgreSQL's RETURNING id.
    m_db.database().session().update(
        QStringLiteral("INSERT INTO operators (login, role, display_name, created_at) VALUES (?, ?, ?, ?)"),
        {QStringLiteral("meera"), QStringLiteral("admin"), QStringLiteral("Meera N"), 1});
    OperatorDirectory dir(m_db.database().session());
    const OperatorInfo meera = dir.lookup(QStringLiteral("meera"));
    EXPECT_TRUE(meera.known);
    EXPECT_EQ(meera.displayName, QStringLiteral("Meera N"));
    EXPECT_TRUE(meera.permissions.canUnlock());

    const OperatorInfo stranger = dir.lookup(QStringLiteral("stranger"));
    EXPECT_FALSE(stranger.known);
    EXPECT_EQ(stranger.permissions.role(), Permissions::Role::Support);
}
