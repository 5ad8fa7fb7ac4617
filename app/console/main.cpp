#include "ConsolePage.h"
#include "ConsoleSession.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

// Wiring only: the application, its options, the console session (runtime, worker thread, window).
int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("otp-console"));
    QApplication::setOrganizationName(QStringLiteral("otp-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("OTP Console"));
    QApplication::setApplicationVersion(QStringLiteral(OTP_CONSOLE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("otp-console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/otp-console/icons/otp-console.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("OTP operations console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("database URL (default: $OTP_DB or the app-data SQLite file)"),
                                QStringLiteral("URL"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("language: en, hi or ta"), QStringLiteral("CODE"));
    const QCommandLineOption shots(QStringLiteral("screenshot"),
                                   QStringLiteral("save every page as PNG into DIR after a few seconds, then quit (docs, CI)"),
                                   QStringLiteral("DIR"));
    parser.addOption(db);
    parser.addOption(lang);
    parser.addOption(shots);
    parser.process(app);

    QString error;
    otp::ui::ConsoleSession::Options options;
    options.databaseUrl = parser.value(db);
    options.language = parser.value(lang);
    std::unique_ptr<otp::ui::ConsoleSession> session = otp::ui::ConsoleSession::open(options, &error);
    if (!session) {
        QMessageBox::critical(nullptr, QObject::tr("OTP Console"), QObject::tr("Cannot open the OTP database: %1").arg(error));
        return 1;
    }
    otp::ui::MainWindow& window = session->window();
    window.show();
    if (parser.isSet(shots)) {
        const QString dir = parser.value(shots);
        QTimer::singleShot(3000, &window, [&window, dir]() {
            QDir().mkpath(dir);
            for (int p = 0; p < otp::ui::MainWindow::PageCount; ++p) {
                window.showPage(otp::ui::MainWindow::Page(p));
                QApplication::processEvents();
                window.grab().save(QStringLiteral("%1/page-%2-%3.png").arg(dir).arg(p).arg(window.page(otp::ui::MainWindow::Page(p))->settingsKey()));
            }
            QApplication::quit();
        });
    }
    return app.exec();
}
