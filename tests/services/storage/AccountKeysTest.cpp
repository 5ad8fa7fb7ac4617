// Accounts are unique per tenant by phone and by email. Since migration 013 each unique key is one
// nullable column holding "tenant contact" (AccountStore::contactKey), so a Galera cluster does not
// certify every phone account under one shared (tenant, NULL email) key. On every engine: accounts made
// before 013 are found after it, the same number in two tenants stays two accounts, one number in one
// tenant stays one account, and an email a profile adds finds its account.
#include "AccountStore.h"
#include "Database.h"
#include "ScratchDatabase.h"
#include "StoreError.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
constexpr qint64 kNow = 1790000000000;
const QString kPhone = QStringLiteral("+919876543210");
} // namespace

TEST(AccountKeys, AccountsMadeBeforeTheKeyColumnsAreFoundAfterTheMigration)
{
    QTemporaryDir dir;
    ScratchDatabase scratch(dir.path());
    Database db(scratch.config());
    db.migrate(12);
    SqlSession& s = db.session();
    // Rows as the code before migration 013 wrote them: no key columns.
    for (const auto& [tenant, phone, email] :
         {std::tuple<QString, QVariant, QVariant>{QStringLiteral("default"), kPhone, QVariant()},
          {QStringLiteral("acme"), kPhone, QVariant()},
          {QStringLiteral("default"), QVariant(), QStringLiteral("asha@example.com")}})
        s.insert(QStringLiteral("INSERT INTO accounts (tenant, phone, email, first_name, last_name, address, status, "
                                "phone_verified, email_verified, profile_completed, created_at, updated_at) "
                                "VALUES (?, ?, ?, '', '', '', 'active', 0, 0, 0, ?, ?)"),
                 {tenant, phone, email, kNow, kNow});
    db.migrate();

    AccountStore accounts(s);
    const auto acme = accounts.find(QStringLiteral("acme"), kPhone);
    ASSERT_TRUE(acme.has_value());
    EXPECT_EQ(acme->tenant, QStringLiteral("acme"));
    const auto byEmail = accounts.find(QStringLiteral("default"), QStringLiteral("asha@example.com"));
    ASSERT_TRUE(byEmail.has_value());
    EXPECT_TRUE(byEmail->phone.isEmpty());
    // The verify of an old account marks that row; it does not make a second one.
    accounts.verifyOrCreate(QStringLiteral("default"), kPhone, false, kNow + 1);
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts")).toInt(), 3);
    EXPECT_TRUE(accounts.find(QStringLiteral("default"), kPhone)->phoneVerified);
    EXPECT_FALSE(accounts.find(QStringLiteral("acme"), kPhone)->phoneVerified);
}

TEST(AccountKeys, OneNumberIsOneAccountPerTenantAndAProfileEmailFindsIt)
{
    QTemporaryDir dir;
    ScratchDatabase scratch(dir.path());
    Database db(scratch.config());
    db.migrate();
    SqlSession& s = db.session();
    AccountStore accounts(s);

    accounts.verifyOrCreate(QStringLiteral("default"), kPhone, false, kNow);
    accounts.verifyOrCreate(QStringLiteral("default"), kPhone, false, kNow + 1); // a second verify: the same row
    accounts.verifyOrCreate(QStringLiteral("acme"), kPhone, false, kNow + 2);    // another tenant: its own row
    EXPECT_EQ(s.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts")).toInt(), 2);
    EXPECT_FALSE(accounts.ensure(QStringLiteral("acme"), kPhone, false, false, kNow + 3).second) << "already there";

    const auto mine = accounts.find(QStringLiteral("default"), kPhone);
    ASSERT_TRUE(mine.has_value());
    accounts.updateProfile(*mine, {QStringLiteral("Asha"), QStringLiteral("Rao"), QStringLiteral("asha@example.com"), {}},
                           kNow + 4);
    const auto byEmail = accounts.find(QStringLiteral("default"), QStringLiteral("asha@example.com"));
    ASSERT_TRUE(byEmail.has_value());
    EXPECT_EQ(byEmail->id, mine->id);
    EXPECT_FALSE(accounts.find(QStringLiteral("acme"), QStringLiteral("asha@example.com")).has_value())
        << "an email is found in its own tenant only";
    EXPECT_TRUE(accounts.markVerified(QStringLiteral("default"), QStringLiteral("asha@example.com"), true, kNow + 5));
    EXPECT_TRUE(accounts.find(QStringLiteral("default"), kPhone)->emailVerified);

    // The same email on another account of the tenant is refused by the unique key, and nothing changes.
    accounts.verifyOrCreate(QStringLiteral("default"), QStringLiteral("+919876543211"), false, kNow + 6);
    const auto other = accounts.find(QStringLiteral("default"), QStringLiteral("+919876543211"));
    ASSERT_TRUE(other.has_value());
    EXPECT_THROW(accounts.updateProfile(*other, {QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("asha@example.com"), {}},
                                        kNow + 7),
                 StoreError);
    EXPECT_EQ(accounts.find(QStringLiteral("default"), QStringLiteral("asha@example.com"))->id, mine->id);
}
