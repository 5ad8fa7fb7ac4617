// The dev gateway keeps its outbox file open between messages. QA and the tests read that file and
// reset it by deleting, replacing or truncating it: every message after that must still land in the
// file the path names, one whole line each, owner-only.
#include "DevGateway.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace otp;

namespace {
class DevGatewayTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("sub/outbox.jsonl"));
    DevGateway gateway{path, {}};

    VendorAnswer send(const QString& to)
    {
        OutgoingMessage m;
        m.tenant = QStringLiteral("default");
        m.destination = to;
        m.body = QStringLiteral("Your code is 123456");
        return gateway.deliver(m);
    }
    // The "to" of every line in the file at the path now.
    QStringList recipients() const
    {
        QFile f(path);
        QStringList to;
        if (!f.open(QIODevice::ReadOnly))
            return to;
        for (const QByteArray& line : f.readAll().split('\n'))
            if (!line.isEmpty())
                to << QJsonDocument::fromJson(line).object().value(QStringLiteral("to")).toString();
        return to;
    }
};
} // namespace

TEST_F(DevGatewayTest, EveryMessageIsOneLineInTheFileThePathNamesAfterADeleteAReplaceOrATruncate)
{
    ASSERT_TRUE(send(QStringLiteral("+919800000001")).accepted);
    ASSERT_TRUE(send(QStringLiteral("+919800000002")).accepted);
    EXPECT_EQ(recipients(), (QStringList{QStringLiteral("+919800000001"), QStringLiteral("+919800000002")}));
    EXPECT_EQ(QFile(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup), QFileDevice::Permissions());

    ASSERT_TRUE(QFile::remove(path));
    ASSERT_TRUE(send(QStringLiteral("+919800000003")).accepted);
    EXPECT_EQ(recipients(), QStringList{QStringLiteral("+919800000003")}) << "the line went to the deleted file";

    const QString other = dir.filePath(QStringLiteral("other.jsonl"));
    {
        QFile f(other);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("{\"to\":\"earlier\"}\n");
    }
    ASSERT_TRUE(QFile::remove(path));
    ASSERT_TRUE(QFile::rename(other, path));
    ASSERT_TRUE(send(QStringLiteral("+919800000004")).accepted);
    EXPECT_EQ(recipients(), (QStringList{QStringLiteral("earlier"), QStringLiteral("+919800000004")})) << "the line went to the replaced file";

    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    }
    ASSERT_TRUE(send(QStringLiteral("+919800000005")).accepted);
    EXPECT_EQ(recipients(), QStringList{QStringLiteral("+919800000005")}) << "the line was not appended where the truncated file ends";
}

TEST_F(DevGatewayTest, AnUnwritableOutboxIsARetryableRefusalThatNamesTheFile)
{
    ASSERT_TRUE(send(QStringLiteral("+919800000001")).accepted);
    ASSERT_TRUE(QFile::remove(path));
    ASSERT_TRUE(QDir(dir.filePath(QStringLiteral("sub"))).removeRecursively());
    // A folder where the file should be: it cannot be opened for writing.
    ASSERT_TRUE(QDir().mkpath(path));
    const VendorAnswer a = send(QStringLiteral("+919800000002"));
    EXPECT_FALSE(a.accepted);
    EXPECT_TRUE(a.retryable);
    EXPECT_EQ(a.vendorCode, QStringLiteral("DEV_IO"));
    EXPECT_TRUE(a.reason.contains(path)) << a.reason.toStdString();
}
