#include "ConsoleApp.h"

#include "ConnectionProfiles.h"
#include "MainWindow.h"
#include "SettingsPage.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>

namespace otp::ui {

ConsoleApp::ConsoleApp(QObject* parent) : QObject(parent) {}

ConsoleApp::~ConsoleApp() = default;

bool ConsoleApp::start(const ConsoleSession::Options& options, QString* error)
{
    m_options = options;
    std::unique_ptr<ConsoleSession> s = ConsoleSession::open(options, error);
    if (!s)
        return false;
    adopt(std::move(s));
    m_session->window().show();
    return true;
}

void ConsoleApp::adopt(std::unique_ptr<ConsoleSession> session)
{
    m_session = std::move(session);
    MainWindow* window = &m_session->window();
    connect(window->settingsPage(), &SettingsPage::connectRequested, this, [this, window](const QString& profile) {
        // Queued: the old window must not be destroyed inside its own signal.
        QTimer::singleShot(0, this, [this, window, profile]() {
            QString error;
            if (!switchTo(profile, &error) && m_session && &m_session->window() == window)
                QMessageBox::warning(window, tr("Connection not switched"),
                                     tr("The console stays on its current database. %1 could not be opened: %2").arg(profile, error));
        });
    });
}

bool ConsoleApp::switchTo(const QString& profile, QString* error)
{
    ConsoleSession::Options options = m_options;
    options.databaseUrl.clear();
    options.profile = profile;
    options.language.clear(); // the saved language, which the running window wrote
    QApplication::setOverrideCursor(Qt::WaitCursor);
    std::unique_ptr<ConsoleSession> next = ConsoleSession::open(options, error);
    QApplication::restoreOverrideCursor();
    if (!next)
        return false;
    models::ConnectionProfiles::setCurrentName(profile);
    std::unique_ptr<ConsoleSession> previous = std::move(m_session);
    const bool visible = previous && previous->window().isVisible();
    const QByteArray geometry = previous ? previous->window().saveGeometry() : QByteArray();
    adopt(std::move(next));
    MainWindow& window = m_session->window();
    if (!geometry.isEmpty())
        window.restoreGeometry(geometry);
    window.showPage(MainWindow::Settings);
    window.settingsPage()->showTab(SettingsPage::ConnectionsTab);
    if (visible)
        window.show();
    if (previous)
        previous->window().close(); // saves its layout; the new window is shown first, so the app does not quit
    previous.reset();
    emit switched(profile);
    return true;
}

} // namespace otp::ui
