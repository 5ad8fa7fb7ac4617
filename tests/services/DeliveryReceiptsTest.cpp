// The vendors' delivery-receipt formats (VENDORS.md): documented shapes and observed variants.
#include "DeliveryReceipts.h"

#include <gtest/gtest.h>

using namespace otp;
using State = DeliveryReceipt::State;

TEST(DeliveryReceipts, GupshupGetReportDeliveredAndFailed)
{
    QString error;
    auto ok = DeliveryReceipts::gupshupQuery(
        QUrlQuery(QStringLiteral("externalId=3270637570192393521-331166354051551677&deliveredTS=1437130263000&status=SUCCESS"
                                 "&cause=SUCCESS&phoneNo=919876543210&errCode=000&noOfFrags=1&mask=OTPSMS")),
        &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_EQ(ok.size(), 1);
    EXPECT_EQ(ok[0].state, State::Delivered);
    EXPECT_EQ(ok[0].messageId, QStringLiteral("3270637570192393521-331166354051551677"));
    EXPECT_EQ(ok[0].atMs, 1437130263000);
    EXPECT_EQ(ok[0].destination, QStringLiteral("919876543210"));

    auto bad = DeliveryReceipts::gupshupQuery(
        QUrlQuery(QStringLiteral("externalId=42&status=FAIL&cause=ABSENT_SUBSCRIBER&errCode=001&deliveredTS=1437130263")), &error);
    ASSERT_EQ(bad.size(), 1);
    EXPECT_EQ(bad[0].state, State::Failed);
    EXPECT_EQ(bad[0].vendorCode, QStringLiteral("001"));
    EXPECT_TRUE(bad[0].reason.contains(QStringLiteral("absent subscriber"))) << bad[0].reason.toStdString();
    EXPECT_EQ(bad[0].atMs, 1437130263000) << "seconds are read as seconds";

    DeliveryReceipts::gupshupQuery(QUrlQuery(QStringLiteral("status=SUCCESS")), &error);
    EXPECT_TRUE(error.contains(QStringLiteral("externalId")));
}

TEST(DeliveryReceipts, GupshupPostArrayOfEvents)
{
    QString error;
    const auto r = DeliveryReceipts::gupshupJson(
        R"([{"externalId":"3940265861","eventType":"DELIVERED","eventTs":1690000000000,"destAddr":"919876543210","srcAddr":"OTPSMS","cause":"SUCCESS","errCode":"000","channel":"SMS","noOfFrags":1},
            {"externalId":"3940265862","eventType":"FAILED","eventTs":1690000001000,"destAddr":"919812345678","cause":"DND_FAIL","errCode":"009","channel":"SMS"}])",
        &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_EQ(r.size(), 2);
    EXPECT_EQ(r[0].state, State::Delivered);
    EXPECT_EQ(r[1].state, State::Failed);
    EXPECT_EQ(r[1].messageId, QStringLiteral("3940265862"));
    EXPECT_TRUE(r[1].reason.contains(QStringLiteral("dnd fail")));

    DeliveryReceipts::gupshupJson("[{\"eventType\":\"DELIVERED\"}]", &error);
    EXPECT_TRUE(error.contains(QStringLiteral("externalId")));
    error.clear();
    DeliveryReceipts::gupshupJson("{\"response", &error);
    EXPECT_TRUE(error.contains(QStringLiteral("not JSON")));
}

TEST(DeliveryReceipts, WatiWebhookV2AndIdLess)
{
    QString error;
    auto r = DeliveryReceipts::wati(R"({"eventType":"sentMessageDELIVERED_v2","statusString":"Delivered","localMessageId":"d38f0c9e-1","whatsappMessageId":"wamid.X","waId":"919876543210","timestamp":"1690000000"})",
                                    &error);
    ASSERT_EQ(r.size(), 1);
    EXPECT_EQ(r[0].state, State::Delivered);
    EXPECT_EQ(r[0].messageId, QStringLiteral("d38f0c9e-1"));
    EXPECT_EQ(r[0].atMs, 1690000000000);

    r = DeliveryReceipts::wati(R"({"eventType":"sentMessageFAILED","waId":"919876543210","failedDetail":"Message undeliverable"})", &error);
    ASSERT_EQ(r.size(), 1);
    EXPECT_EQ(r[0].state, State::Failed);
    EXPECT_TRUE(r[0].messageId.isEmpty());
    EXPECT_EQ(r[0].destination, QStringLiteral("919876543210"));
    EXPECT_TRUE(r[0].reason.contains(QStringLiteral("undeliverable")));

    r = DeliveryReceipts::wati(R"({"eventType":"sentMessageSENT","localMessageId":"x"})", &error);
    EXPECT_EQ(r[0].state, State::Unknown) << "sent is not news";
    DeliveryReceipts::wati(R"({"eventType":"sentMessageDELIVERED"})", &error);
    EXPECT_FALSE(error.isEmpty());
}

TEST(DeliveryReceipts, MyOperatorShapes)
{
    QString error;
    auto r = DeliveryReceipts::myOperator(R"({"message_id":"wamid.1","status":"read","myop_ref_id":"c418bbd2-4854-41b9-aeb4-f7b53d4432e7-77","timestamp":1690000000})",
                                          &error);
    ASSERT_EQ(r.size(), 1);
    EXPECT_EQ(r[0].state, State::Delivered);
    EXPECT_EQ(r[0].deliveryId, 77) << "our own reference names the row";

    r = DeliveryReceipts::myOperator(R"({"data":[{"id":"wamid.2","status":"failed","errors":[{"code":131026,"title":"Message undeliverable"}]}]})", &error);
    ASSERT_EQ(r.size(), 1);
    EXPECT_EQ(r[0].state, State::Failed);
    EXPECT_EQ(r[0].vendorCode, QStringLiteral("131026"));
    EXPECT_TRUE(r[0].reason.contains(QStringLiteral("undeliverable")));

    DeliveryReceipts::myOperator(R"({"status":"delivered"})", &error);
    EXPECT_FALSE(error.isEmpty());
    error.clear();
    DeliveryReceipts::parse(QStringLiteral("smtp"), "{}", {}, &error);
    EXPECT_FALSE(error.isEmpty());
}
