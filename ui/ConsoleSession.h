#pragma once

#include "ConsoleContext.h"

#include <QString>

#include <memory>

namespace otp {
class DeliveryWorker;
class OtpRuntime;
}

namespace otp::models {
class DatabaseThread;
}

namespace otp::ui {

class LanguageSwitcher;
class MainWindow;

// One running console: the core runtime on a database, the worker thread that owns the console's
// connection, the language switcher and the main window, wired as otp-console runs them. The
// executable and the console benchmark both start the console through here.
class ConsoleSession
{
public:
    struct Options
    {
        QString databaseUrl; // empty: $OTP_DB, else the connection profile
        QString profile;     // a saved connection profile; empty: the one chosen last (embedded SQLite at first)
        QString language;    // empty: the saved language
        QString operatorLogin; // whose role applies; empty: the OS user
        bool deliver = true;   // run an outbox worker in-process (async sends go out while the console is open)
    };

    // Opens and migrates the database, then builds the (hidden) window. nullptr with *error set
    // in plain words when the database or the pepper is unusable.
    static std::unique_ptr<ConsoleSession> open(const Options& options, QString* error);
    ~ConsoleSession();

    MainWindow& window() { return *m_window; }
    models::DatabaseThread& worker() { return *m_worker; }
    OtpRuntime& runtime() { return *m_runtime; }
    const models::ConsoleContext& context() const { return m_context; }
    // The connection profile this session runs on; empty when --db or $OTP_DB chose the database.
    QString profile() const { return m_context.connectionProfile; }

private:
    ConsoleSession() = default;

    // Destroyed in reverse: the window before the worker it posts to, the worker before the runtime.
    std::unique_ptr<OtpRuntime> m_runtime;
    std::unique_ptr<DeliveryWorker> m_delivery;
    std::unique_ptr<LanguageSwitcher> m_languages;
    std::unique_ptr<models::DatabaseThread> m_worker;
    models::ConsoleContext m_context;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace otp::ui
