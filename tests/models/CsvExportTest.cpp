#include "CsvExport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace otp::models;

TEST(CsvExport, QuotesAndNeutralisesFormulas)
{
    EXPECT_EQ(CsvExport::field(QStringLiteral("plain")), QStringLiteral("plain"));
    EXPECT_EQ(CsvExport::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    EXPECT_EQ(CsvExport::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    EXPECT_EQ(CsvExport::field(QStringLiteral("=HYPERLINK(1)")), QStringLiteral("'=HYPERLINK(1)"));
    EXPECT_EQ(CsvExport::field(QStringLiteral("+919812345210")), QStringLiteral("+919812345210"));
}

TEST(CsvExport, WritesEveryRowAndCanBeCanceled)
{
    QTemporaryDir dir;
    QList<QStringList> rows{{QStringLiteral("time"), QStringLiteral("status")}};
    for (int i = 0; i < 20000; ++i)
        rows.append({QString::number(i), QStringLiteral("verified")});
    const QString path = dir.filePath(QStringLiteral("sends.csv"));

    CsvExport exporter;
    QSignalSpy finished(&exporter, &CsvExport::finished);
    ASSERT_TRUE(exporter.start(rows, path));
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(finished.takeFirst().at(0).toBool());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll().count('\n'), 20001);
    f.close();

    const QString canceledPath = dir.filePath(QStringLiteral("canceled.csv"));
    // Cancel as the first progress report arrives, on the writer thread itself: deterministic.
    const auto connection = QObject::connect(&exporter, &CsvExport::progress, &exporter, [&]() { exporter.cancel(); },
                                             Qt::DirectConnection);
    ASSERT_TRUE(exporter.start(rows, canceledPath));
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_FALSE(finished.takeFirst().at(0).toBool());
    EXPECT_FALSE(QFile::exists(canceledPath));
    QObject::disconnect(connection);
}
