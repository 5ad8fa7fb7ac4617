#include "AuditLog.h"
#include "ConsoleContext.h"
#include "DatabaseThread.h"
#include "LanguageSwitcher.h"
#include "MainWindow.h"
#include "OtpRuntime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTimer>
#include "ConsolePage.h"
#include <QIcon>
#include <QMessageBox>

// Wiring only: the application, the core runtime, the worker thread, the window.
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
    otp::OtpRuntime::Options options;
    options.databaseUrl = parser.value(db);
    // Opening and migrating happen before the window exists: nothing to keep responsive yet.
    std::unique_ptr<otp::OtpRuntime> runtime = otp::OtpRuntime::open(options, &error);
    if (!runtime) {
        QMessageBox::critical(nullptr, QObject::tr("OTP Console"), QObject::tr("Cannot open the OTP database: %1").arg(error));
        return 1;
    }

    otp::ui::LanguageSwitcher languages;
    otp::models::DatabaseThread worker(runtime->database());
    otp::models::ConsoleContext context;
    context.db = &worker;
    context.service = &runtime->service();
    context.clock = &runtime->clock();
    context.devOutboxPath = runtime->devGateway() ? runtime->devGateway()->outboxPath() : QString();
    context.databaseDisplayUrl = runtime->database().config().displayUrl();
    context.vendors = runtime->gateways().names();

    otp::ui::MainWindow window(context, &languages);
    if (parser.isSet(lang))
        window.setLanguage(parser.value(lang));
    window.resolveOperator(otp::Actor::currentOsUser({}).user);
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
