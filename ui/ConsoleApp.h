#pragma once

#include "ConsoleSession.h"

#include <QObject>

#include <memory>

namespace otp::ui {

// The running console across connection switches: owns the current ConsoleSession and, when the
// operator connects to another profile in Settings, opens a session on it, shows its window where
// the old one was and closes the old one. If the new database cannot be opened the old session
// stays and the reason is shown; nothing else changes.
class ConsoleApp : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleApp(QObject* parent = nullptr);
    ~ConsoleApp() override;

    // Opens the first session and shows its window; false with *error when it cannot be opened.
    bool start(const ConsoleSession::Options& options, QString* error);
    ConsoleSession* session() const { return m_session.get(); }
    // Switches to a saved profile (the settings page asks after a successful test connection).
    bool switchTo(const QString& profile, QString* error);

signals:
    void switched(const QString& profile);

private:
    void adopt(std::unique_ptr<ConsoleSession> session);

    ConsoleSession::Options m_options;
    std::unique_ptr<ConsoleSession> m_session;
};

} // namespace otp::ui
