#include "ConsoleApp.h"
#include "ConsolePage.h"
#include "MainWindow.h"
#include "SettingsPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
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
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("connection profile saved in Settings (default: the one used last)"),
                                     QStringLiteral("NAME"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("language: en, hi or ta"), QStringLiteral("CODE"));
    const QCommandLineOption shots(QStringLiteral("screenshot"),
                                   QStringLiteral("save every page as PNG into DIR after a few seconds, then quit (docs, CI)"),
                                   QStringLiteral("DIR"));
    parser.addOption(db);
    parser.addOption(profile);
    parser.addOption(lang);
    parser.addOption(shots);
    parser.process(app);

    QString error;
    otp::ui::ConsoleSession::Options options;
    options.databaseUrl = parser.value(db);
    options.profile = parser.value(profile);
    options.language = parser.value(lang);
    otp::ui::ConsoleApp console;
    if (!console.start(options, &error)) {
        QMessageBox::critical(nullptr, QObject::tr("OTP Console"), QObject::tr("Cannot open the OTP database: %1").arg(error));
        return 1;
    }
    if (parser.isSet(shots)) {
        const QString dir = parser.value(shots);
        QTimer::singleShot(3000, &console, [&console, dir]() {
            otp::ui::MainWindow& window = console.session()->window();
            QDir().mkpath(dir);
            for (int p = 0; p < otp::ui::MainWindow::PageCount; ++p) {
                window.showPage(otp::ui::MainWindow::Page(p));
                QApplication::processEvents();
                window.grab().save(QStringLiteral("%1/page-%2-%3.png").arg(dir).arg(p).arg(window.page(otp::ui::MainWindow::Page(p))->settingsKey()));
            }
            window.showPage(otp::ui::MainWindow::Settings);
            for (int tab = 1; tab <= otp::ui::SettingsPage::PoliciesTab; ++tab) {
                window.settingsPage()->showTab(otp::ui::SettingsPage::Tab(tab));
                QEventLoop settle; // the tab loads on the worker thread
                QTimer::singleShot(500, &settle, &QEventLoop::quit);
                settle.exec();
                window.grab().save(QStringLiteral("%1/page-%2-settings-tab-%3.png").arg(dir).arg(int(otp::ui::MainWindow::Settings)).arg(tab));
            }
            QApplication::quit();
        });
    }
    return app.exec();
}
