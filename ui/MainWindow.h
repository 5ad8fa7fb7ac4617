#pragma once

#include "AlarmHistoryModel.h"
#include "AlarmNotifier.h"
#include "ConsoleContext.h"
#include "OperatorDirectory.h"

#include <QMainWindow>

class QActionGroup;
class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;
class QTimer;

namespace otp::models {
class CsvExport;
}

namespace otp::ui {

class AlarmsPage;
class AuditPage;
class ConsolePage;
class DashboardPage;
class LanguageSwitcher;
class LiveSendsPage;
class LockoutsPage;
class ManualSendPage;
class PhoneLookupPage;
class SettingsPage;

// The console: a sidebar of pages over one worker thread. Remembers geometry, page, theme,
// language and each table's column layout (QSettings; never a secret).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { LiveSends, Dashboard, Lockouts, PhoneLookup, ManualSend, Audit, Alarms, Settings, PageCount };

    MainWindow(const models::ConsoleContext& context, LanguageSwitcher* languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Reads the operator's role from the `operators` table on the worker thread, then applies it; read
    // again every few seconds, so `otpctl operators set` (or an admin's edit) applies without a restart.
    void resolveOperator(const QString& login);
    void setRoleRefreshInterval(int ms);
    // Reads the active alarms (AlarmMonitor.h, every tenant) on the worker thread and shows them in the
    // alarm banner at the top, hidden when none is active. Runs on each tick of the periodic refresh.
    void refreshAlarms();
    // An active alarm in plain words, e.g. "gupshup success 12 % over 15 min (below 50 %)" (StatusText::alarm).
    static QString alarmWords(const QString& rule, const QString& subject, const QString& observed,
                              const QString& threshold, int windowMin);
    void setOperator(const models::OperatorInfo& info);
    const models::OperatorInfo& operatorInfo() const { return m_operator; }

    void showPage(Page page);
    Page currentPage() const;
    ConsolePage* page(Page page) const;
    LiveSendsPage* liveSendsPage() const;
    DashboardPage* dashboardPage() const;
    LockoutsPage* lockoutsPage() const;
    PhoneLookupPage* phoneLookupPage() const;
    ManualSendPage* manualSendPage() const;
    AuditPage* auditPage() const;
    AlarmsPage* alarmsPage() const;
    SettingsPage* settingsPage() const;

    // Writes the current page's table as shown (filtered, masked) to `path`; asks for a file when empty.
    void exportCurrentView(const QString& path = {});
    // The file the export dialog proposes for the current page: <documents folder>/<page>.csv.
    QString proposedExportPath() const;
    void setTheme(const QString& theme);
    void setLanguage(const QString& code);
    // `--lang`: this run speaks `code`, but the language saved for the next start stays the chosen one.
    void useLanguageForThisRun(const QString& code);

    // How many alarms were announced (tray notification, or alarmAnnounced() where there is no tray).
    int announcedAlarms() const { return m_notifier.announcedCount(); }

signals:
    void operatorChanged();
    // An alarm raised since the console started, announced once (in the tray where one exists). The
    // text names the alarm in words (a vendor, a tenant or a number block), never a code or a number.
    void alarmAnnounced(const QString& title, const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void announceAlarm(const QString& words);
    void showAlarmBanner();
    void retranslateUi();
    void restoreSettings();
    void saveSettings();

    models::ConsoleContext m_ctx;
    LanguageSwitcher* m_languages;
    models::OperatorInfo m_operator;
    QString m_login; // the OS login resolved by resolveOperator(); empty until then
    QTimer* m_roleTimer;
    bool m_resolving = false;
    QListWidget* m_sidebar;
    QStackedWidget* m_stack;
    QList<ConsolePage*> m_pages;
    QLabel *m_whoLabel, *m_dbLabel, *m_errorLabel;
    QLabel* m_banner = nullptr;
    QLabel* m_alarmBanner = nullptr;
    bool m_alarmsInFlight = false;
    models::AlarmNotifier m_notifier;
    QList<models::AlarmEntry> m_activeAlarms; // as last read: the banner is reworded on a language change
    QSystemTrayIcon* m_tray = nullptr; // made at the first announcement, where a tray exists
    models::CsvExport* m_export;
    QString m_theme = QStringLiteral("light");
    QString m_languageToSave = QStringLiteral("en");

    QMenu *m_fileMenu, *m_viewMenu, *m_goMenu, *m_languageMenu, *m_themeMenu, *m_helpMenu;
    QAction *m_exportAction, *m_quitAction, *m_refreshAction, *m_lightAction, *m_darkAction, *m_aboutAction,
        *m_lookupAction, *m_searchAction;
    QList<QAction*> m_goActions;
    QActionGroup *m_languageGroup, *m_themeGroup;
};

} // namespace otp::ui
