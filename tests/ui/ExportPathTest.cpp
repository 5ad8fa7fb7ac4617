#include "ConsoleFixture.h"

#include <QDir>
#include <QStandardPaths>

using namespace otp;
using namespace otp::ui;

using ExportPathTest = otp::test::ConsoleFixture;

// The audit: File › Export current view as CSV proposes <documents folder>/<page>.csv (the desktop's documents
// folder, not the working directory the console was started from).
TEST_F(ExportPathTest, TheExportProposesTheCurrentPageInTheDocumentsFolder)
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    ASSERT_FALSE(documents.isEmpty());
    ASSERT_NE(QDir(documents), QDir::current()) << "the test cannot tell the two apart";
    MainWindow& w = window();
    w.showPage(MainWindow::LiveSends);
    EXPECT_EQ(w.proposedExportPath(), documents + QStringLiteral("/liveSends.csv"));
    w.showPage(MainWindow::Audit);
    EXPECT_EQ(w.proposedExportPath(), documents + QStringLiteral("/audit.csv"));
    EXPECT_TRUE(QDir::isAbsolutePath(w.proposedExportPath())) << w.proposedExportPath().toStdString();
}
