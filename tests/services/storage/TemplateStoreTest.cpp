// The message_templates table on every engine: saved per tenant, purpose, channel and language; resolved
// for a send in the documented order; a save in this process seen at once through the cache.
#include "TemplateStore.h"
#include "TestDatabase.h"

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
MessageTemplate make(const QString& tenant, const QString& language, const QString& body)
{
    MessageTemplate t;
    t.tenant = tenant;
    t.purpose = Purpose::Login;
    t.channel = Channel::Sms;
    t.language = language;
    t.body = body;
    t.updatedAt = 1000;
    t.updatedBy = QStringLiteral("asha");
    return t;
}
} // namespace

TEST(TemplateStore, SavesReplacesListsAndRemoves)
{
    TestDatabase t;
    TemplateStore store(t.database().session());
    store.save(make(QStringLiteral("acme"), QStringLiteral("hi"), QStringLiteral("कोड {code}")));
    store.save(make(QStringLiteral("acme"), QStringLiteral("hi"), QStringLiteral("आपका कोड {code}")));
    store.save(make(QStringLiteral("other"), QStringLiteral("en"), QStringLiteral("Code {code}")));
    const auto acme = store.list(QStringLiteral("acme"));
    ASSERT_EQ(acme.size(), 1) << "a second save replaces the first";
    EXPECT_EQ(acme.first().body, QStringLiteral("आपका कोड {code}")) << "Devanagari survives every engine";
    EXPECT_EQ(acme.first().updatedBy, QStringLiteral("asha"));
    EXPECT_TRUE(store.remove(QStringLiteral("acme"), Purpose::Login, Channel::Sms, QStringLiteral("hi")));
    EXPECT_FALSE(store.remove(QStringLiteral("acme"), Purpose::Login, Channel::Sms, QStringLiteral("hi")));
    EXPECT_TRUE(store.list(QStringLiteral("acme")).isEmpty());
    EXPECT_EQ(store.list(QStringLiteral("other")).size(), 1) << "another tenant's row is untouched";
}

TEST(TemplateStore, ResolvesTheTenantsTextThenTheShippedOne)
{
    TestDatabase t;
    TemplateStore store(t.database().session());
    const QString tenant = QStringLiteral("acme");
    auto resolved = store.resolveCached(tenant, Purpose::Login, Channel::Sms, QStringLiteral("hi"));
    EXPECT_TRUE(resolved.builtIn);
    EXPECT_EQ(resolved.language, QStringLiteral("hi"));

    store.save(make(tenant, QStringLiteral("en"), QStringLiteral("Acme code {code}")));
    resolved = store.resolveCached(tenant, Purpose::Login, Channel::Sms, QStringLiteral("en"));
    EXPECT_FALSE(resolved.builtIn) << "a save in this process is seen at once, cache or not";
    EXPECT_EQ(resolved.body, QStringLiteral("Acme code {code}"));
    EXPECT_TRUE(store.resolveCached(tenant, Purpose::Login, Channel::Sms, QStringLiteral("hi")).builtIn)
        << "a shipped Hindi text beats the tenant's English one";
    EXPECT_EQ(store.resolveCached(tenant, Purpose::Login, Channel::Sms, QStringLiteral("mr")).body, QStringLiteral("Acme code {code}"))
        << "a language without a shipped text falls back to the tenant's English";
    EXPECT_TRUE(store.resolveCached(tenant, Purpose::Login, Channel::Email, QStringLiteral("en")).builtIn)
        << "templates are per channel";

    store.save(make(tenant, QStringLiteral("hi"), QStringLiteral("Acme कोड {code}")));
    EXPECT_EQ(store.resolveCached(tenant, Purpose::Login, Channel::Sms, QStringLiteral("hi")).body, QStringLiteral("Acme कोड {code}"));
}
