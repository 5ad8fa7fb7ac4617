#include "MainWindow.h"

#include "AlarmHistoryModel.h"
#include "AlarmsPage.h"
#include "AuditPage.h"
#include "CsvExport.h"
#include "DashboardPage.h"
#include "DatabaseThread.h"
#include "LanguageSwitcher.h"
#include "LiveSendsPage.h"
#include "LockoutsPage.h"
#include "ManualSendPage.h"
#include "PhoneLookupPage.h"
#include "SettingsPage.h"
#include "StatusText.h"
#include "VendorsModel.h"
#include "ThemePalette.h"

#include "AlarmMonitor.h"
#include "Clock.h"
#include "PolicyStore.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>

namespace otp::ui {

Q_LOGGING_CATEGORY(lcWindow, "otp.ui.window", QtInfoMsg)

MainWindow::MainWindow(const models::ConsoleContext& context, LanguageSwitcher* languages, QWidget* parent)
    : QMainWindow(parent),
      m_ctx(context),
      m_languages(languages),
      m_roleTimer(new QTimer(this)),
      m_sidebar(new QListWidget(this)),
      m_stack(new QStackedWidget(this)),
      m_whoLabel(new QLabel(this)),
      m_dbLabel(new QLabel(this)),
      m_errorLabel(new QLabel(this)),
      m_notifier(context.clock ? context.clock->nowMs() : QDateTime::currentMSecsSinceEpoch()),
      m_export(new models::CsvExport(this))
{
    setObjectName(QStringLiteral("otpConsoleMainWindow"));
    m_pages = {new LiveSendsPage(context, this), new DashboardPage(context, this), new LockoutsPage(context, this),
               new PhoneLookupPage(context, this), new ManualSendPage(context, this), new AuditPage(context, this),
               new AlarmsPage(context, this), new SettingsPage(context, this)};
    const QStyle::StandardPixmap icons[] = {QStyle::SP_BrowserReload, QStyle::SP_FileDialogDetailedView,
                                            QStyle::SP_MessageBoxWarning, QStyle::SP_FileDialogContentsView,
                                            QStyle::SP_ArrowForward, QStyle::SP_FileDialogInfoView,
                                            QStyle::SP_MessageBoxCritical, QStyle::SP_FileDialogListView};
    for (int i = 0; i < m_pages.size(); ++i) {
        m_stack->addWidget(m_pages.at(i));
        auto* item = new QListWidgetItem(style()->standardIcon(icons[i]), QString(), m_sidebar);
        item->setSizeHint(QSize(0, 34));
    }
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(180);
    m_sidebar->setIconSize(QSize(18, 18));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setAutoFillBackground(true);
    m_sidebar->setBackgroundRole(QPalette::AlternateBase);
    manualSendPage()->setVendors(context.vendors);
    // Vendors edited in Settings are in use at once: QA's vendor list follows.
    connect(settingsPage()->vendors(), &models::VendorsModel::loaded, this, [this]() {
        QStringList names;
        if (m_ctx.vendors.contains(QStringLiteral("dev")))
            names << QStringLiteral("dev"); // built in, not a row of the vendors table
        for (int r = 0; r < settingsPage()->vendors()->rowCount(); ++r)
            if (settingsPage()->vendors()->rowAt(r).loaded && !names.contains(settingsPage()->vendors()->rowAt(r).config.name))
                names << settingsPage()->vendors()->rowAt(r).config.name;
        names.sort();
        manualSendPage()->setVendors(names);
    });

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    // A banner over the pages while the database cannot be reached (it comes back by itself: the
    // core reconnects with backoff, and nothing is lost or done twice meanwhile).
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("databaseBanner"));
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(12, 8, 12, 8);
    m_banner->setStyleSheet(QStringLiteral("background: #d63a3a; color: white; font-weight: bold"));
    m_banner->hide();
    // A banner while an alarm is active (AlarmMonitor.h), read on each periodic refresh.
    m_alarmBanner = new QLabel(this);
    m_alarmBanner->setObjectName(QStringLiteral("alarmBanner"));
    m_alarmBanner->setWordWrap(true);
    m_alarmBanner->setTextFormat(Qt::RichText);
    connect(m_alarmBanner, &QLabel::linkActivated, this, [this]() { showPage(Alarms); });
    m_alarmBanner->setContentsMargins(12, 3, 12, 3); // thin: with it the dashboard still fits 768 px
    m_alarmBanner->setStyleSheet(QStringLiteral("background: %1; color: white; font-weight: bold")
                                     .arg(ThemePalette::problemColor().name()));
    m_alarmBanner->hide();
    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    right->addWidget(m_banner);
    right->addWidget(m_alarmBanner);
    right->addWidget(m_stack, 1);
    layout->addLayout(right, 1);
    setCentralWidget(central);
    m_whoLabel->setObjectName(QStringLiteral("operatorLabel"));
    statusBar()->addWidget(m_whoLabel);
    statusBar()->addWidget(m_errorLabel, 1);
    statusBar()->addPermanentWidget(m_dbLabel);
    m_errorLabel->setStyleSheet(QStringLiteral("color: %1").arg(ThemePalette::problemColor().name()));

    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this](int index) {
        retranslateUi();
        // Ctrl+N or a sidebar click: the keyboard goes to the page's first field.
        if (QWidget* field = m_pages.value(index) ? m_pages.value(index)->primaryField() : nullptr)
            field->setFocus(Qt::ShortcutFocusReason);
    });
    // The row's purpose is followed: a failed registration opens as a registration.
    connect(liveSendsPage(), &LiveSendsPage::lookupRequested, this,
            [this](const QString& tenant, const QString& dest, const QString& purpose) {
                showPage(PhoneLookup);
                phoneLookupPage()->lookup(tenant, dest, purposeFromName(purpose));
            });
    connect(dashboardPage(), &DashboardPage::liveSendsRequested, this, [this](const QString& vendor, const QString& code) {
        showPage(LiveSends);
        liveSendsPage()->showVendor(vendor, code);
    });
    connect(settingsPage(), &SettingsPage::themeRequested, this, &MainWindow::setTheme);
    connect(settingsPage(), &SettingsPage::languageRequested, this, &MainWindow::setLanguage);
    connect(m_ctx.db, &models::DatabaseThread::failed, this, [this](const QString& problem) {
        m_errorLabel->setText(tr("Database problem: %1").arg(problem));
        m_banner->setText(tr("The database cannot be reached: %1 — retrying. Views resume on their own; "
                             "nothing you did is lost or done twice.").arg(problem));
        m_banner->show();
    });
    connect(m_ctx.db, &models::DatabaseThread::idle, this, [this]() {
        // idle() follows only a job that finished; a failure right before it leaves the banner up
        // until the next job succeeds.
        if (m_ctx.db->lastJobSucceeded()) {
            m_errorLabel->clear();
            m_banner->hide();
        }
    });

    m_roleTimer->setInterval(5000);
    connect(m_roleTimer, &QTimer::timeout, this, [this]() {
        if (!m_login.isEmpty())
            resolveOperator(m_login);
    });
    connect(m_ctx.db, &models::DatabaseThread::failed, this, [this]() {
        m_resolving = false;
        m_alarmsInFlight = false;
    });
    // The same periodic refresh reads the active alarms (the role part only once an operator is known).
    connect(m_roleTimer, &QTimer::timeout, this, &MainWindow::refreshAlarms);
    m_roleTimer->start();
    refreshAlarms();

    buildMenus();
    m_sidebar->setCurrentRow(0);
    setOperator({});
    restoreSettings();
    retranslateUi();
}

MainWindow::~MainWindow() = default;

ConsolePage* MainWindow::page(Page p) const { return m_pages.value(p); }
LiveSendsPage* MainWindow::liveSendsPage() const { return static_cast<LiveSendsPage*>(m_pages.at(LiveSends)); }
DashboardPage* MainWindow::dashboardPage() const { return static_cast<DashboardPage*>(m_pages.at(Dashboard)); }
LockoutsPage* MainWindow::lockoutsPage() const { return static_cast<LockoutsPage*>(m_pages.at(Lockouts)); }
PhoneLookupPage* MainWindow::phoneLookupPage() const { return static_cast<PhoneLookupPage*>(m_pages.at(PhoneLookup)); }
ManualSendPage* MainWindow::manualSendPage() const { return static_cast<ManualSendPage*>(m_pages.at(ManualSend)); }
AuditPage* MainWindow::auditPage() const { return static_cast<AuditPage*>(m_pages.at(Audit)); }
AlarmsPage* MainWindow::alarmsPage() const { return static_cast<AlarmsPage*>(m_pages.at(Alarms)); }
SettingsPage* MainWindow::settingsPage() const { return static_cast<SettingsPage*>(m_pages.at(Settings)); }

void MainWindow::showPage(Page p)
{
    m_sidebar->setCurrentRow(p);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_stack->currentIndex());
}

void MainWindow::resolveOperator(const QString& login)
{
    m_login = login;
    if (!m_roleTimer->isActive())
        m_roleTimer->start();
    if (m_resolving)
        return;
    m_resolving = true;
    models::DatabaseThread* db = m_ctx.db;
    db->run<models::OperatorInfo>(
        this, [db, login]() { return models::OperatorDirectory(db->session()).lookup(login); },
        [this](models::OperatorInfo info) {
            m_resolving = false;
            // Only a change is applied: pages keep their state while the role stays.
            if (info.login != m_operator.login || info.displayName != m_operator.displayName ||
                info.permissions != m_operator.permissions || info.known != m_operator.known) {
                const bool first = m_operator.login.isEmpty();
                setOperator(info);
                if (!first)
                    statusBar()->showMessage(tr("Your role is now %1.").arg(info.permissions.roleTitle()), 8000);
            }
        });
}

namespace {
struct ActiveAlarm
{
    qint64 id = 0, raisedAt = 0;
    QString rule, subject, observed, threshold;
    int windowMin = 0;
};
} // namespace

QString MainWindow::alarmWords(const QString& rule, const QString& subject, const QString& observed,
                               const QString& threshold, int windowMin)
{
    return models::StatusText::alarm(rule, subject, observed, threshold, windowMin);
}

void MainWindow::announceAlarm(const QString& words)
{
    const QString title = tr("OTP Console alarm");
    emit alarmAnnounced(title, words);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return; // offscreen, or a desktop without a tray: the banner alone
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon().isNull() ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : windowIcon(), this);
        m_tray->setToolTip(tr("OTP Console"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this]() {
            showNormal();
            raise();
            activateWindow();
            showPage(Alarms);
        });
        m_tray->show();
    }
    m_tray->showMessage(title, words, QSystemTrayIcon::Warning, 15000);
}

void MainWindow::showAlarmBanner()
{
    if (m_activeAlarms.isEmpty())
        return;
    QStringList words;
    for (const models::AlarmEntry& a : std::as_const(m_activeAlarms))
        words << a.words();
    m_alarmBanner->setText(QStringLiteral("%1 &nbsp; <a href=\"#alarms\" style=\"color: white\">%2</a>")
                               .arg(tr("Alarm: %1", nullptr, int(words.size())).arg(words.join(QStringLiteral(" · "))).toHtmlEscaped(),
                                    tr("Alarm history…").toHtmlEscaped()));
    m_alarmBanner->show();
}

void MainWindow::refreshAlarms()
{
    if (m_alarmsInFlight || !m_ctx.db)
        return;
    m_alarmsInFlight = true;
    models::DatabaseThread* db = m_ctx.db;
    db->run<QList<ActiveAlarm>>(
        this,
        [db]() {
            QList<ActiveAlarm> out;
            SqlSession& s = db->session();
            for (const SqlRow& t : s.select(QStringLiteral("SELECT DISTINCT tenant FROM alarms WHERE cleared_at IS NULL "
                                                              "ORDER BY tenant"))) {
                const QString tenant = t.value(0).toString();
                const int windowMin = PolicyStore(s).loadCached(tenant, QStringLiteral("login")).alarmWindowMin;
                for (const AlarmRow& a : AlarmMonitor(s).list(tenant, true, 20))
                    out.append({a.id, a.raisedAt, a.rule, a.subject, a.observed, a.threshold, windowMin});
            }
            return out;
        },
        [this](QList<ActiveAlarm> alarms) {
            m_alarmsInFlight = false;
            if (alarms.isEmpty()) {
                m_activeAlarms.clear();
                m_alarmBanner->clear();
                m_alarmBanner->hide();
                return;
            }
            m_activeAlarms.clear();
            QList<models::AlarmNotifier::Alarm> active;
            for (const ActiveAlarm& a : alarms) {
                models::AlarmEntry e;
                e.rule = a.rule;
                e.subject = a.subject;
                e.observed = a.observed;
                e.threshold = a.threshold;
                e.windowMin = a.windowMin;
                m_activeAlarms.append(e);
                active.append({a.id, a.raisedAt, e.words()});
            }
            showAlarmBanner();
            for (const models::AlarmNotifier::Alarm& a : m_notifier.toAnnounce(active))
                announceAlarm(a.words);
        });
}

void MainWindow::setRoleRefreshInterval(int ms)
{
    m_roleTimer->setInterval(ms);
}

void MainWindow::setOperator(const models::OperatorInfo& info)
{
    m_operator = info;
    for (ConsolePage* p : m_pages)
        p->setOperator(info);
    qCInfo(lcWindow) << "operator" << info.login << "acts as" << info.permissions.roleName();
    retranslateUi();
    emit operatorChanged();
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_exportAction = m_fileMenu->addAction(QString(), this, [this]() { exportCurrentView(); });
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    m_refreshAction = m_viewMenu->addAction(QString(), this, [this]() { m_pages.at(currentPage())->refresh(); });
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_searchAction = m_viewMenu->addAction(QString(), this, [this]() {
        showPage(LiveSends);
        if (auto* search = liveSendsPage()->findChild<QLineEdit*>(QStringLiteral("searchFilter")))
            search->setFocus(Qt::ShortcutFocusReason);
    });
    m_searchAction->setShortcut(QKeySequence::Find);
    m_lookupAction = m_viewMenu->addAction(QString(), this, [this]() {
        showPage(PhoneLookup);
        if (auto* input = phoneLookupPage()->findChild<QLineEdit*>(QStringLiteral("lookupInput")))
            input->setFocus(Qt::ShortcutFocusReason);
    });
    m_lookupAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_viewMenu->addSeparator();
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeGroup = new QActionGroup(this);
    m_lightAction = m_themeMenu->addAction(QString(), this, [this]() { setTheme(QStringLiteral("light")); });
    m_darkAction = m_themeMenu->addAction(QString(), this, [this]() { setTheme(QStringLiteral("dark")); });
    for (QAction* a : {m_lightAction, m_darkAction}) {
        a->setCheckable(true);
        m_themeGroup->addAction(a);
    }
    m_darkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    for (const QString& code : LanguageSwitcher::languages()) {
        QAction* a = m_languageMenu->addAction(LanguageSwitcher::nativeName(code), this, [this, code]() { setLanguage(code); });
        a->setCheckable(true);
        a->setData(code);
        m_languageGroup->addAction(a);
    }

    m_goMenu = menuBar()->addMenu(QString());
    for (int i = 0; i < m_pages.size(); ++i) {
        QAction* a = m_goMenu->addAction(QString(), this, [this, i]() { showPage(Page(i)); });
        a->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        m_goActions.append(a);
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this]() {
        QMessageBox::about(this, tr("About OTP Console"),
                           tr("<b>OTP Console</b> %1<br>Operations console for one-time passwords: live sends, "
                              "delivery health, lockouts and QA flows over the shared OTP core.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::retranslateUi()
{
    const QStringList titles = [this]() {
        QStringList t;
        for (ConsolePage* p : m_pages)
            t << p->title();
        return t;
    }();
    for (int i = 0; i < m_sidebar->count(); ++i) {
        m_sidebar->item(i)->setText(titles.at(i));
        m_sidebar->item(i)->setToolTip(tr("%1 (Ctrl+%2)").arg(titles.at(i)).arg(i + 1));
    }
    // The title names the page; the platform adds " — " and the application's display name to every
    // window's title (QPlatformWindow::formatWindowTitle), so the title must not say it too (the window
    // manager showed "OTP Console — Live sends — OTP Console"). The display name is in the operator's language.
    QApplication::setApplicationDisplayName(tr("OTP Console"));
    setWindowTitle(titles.value(m_stack->currentIndex()));
    m_fileMenu->setTitle(tr("&File"));
    m_exportAction->setText(tr("&Export current view as CSV…"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_refreshAction->setText(tr("&Refresh"));
    m_searchAction->setText(tr("&Search live sends"));
    m_lookupAction->setText(tr("Phone &lookup"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_lightAction->setText(tr("&Light"));
    m_darkAction->setText(tr("&Dark"));
    m_languageMenu->setTitle(tr("L&anguage"));
    m_goMenu->setTitle(tr("&Go"));
    for (int i = 0; i < m_goActions.size(); ++i)
        m_goActions.at(i)->setText(titles.at(i));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About"));
    m_whoLabel->setText(tr("%1 · role %2").arg(m_operator.displayName.isEmpty() ? tr("unknown operator") : m_operator.displayName,
                                               m_operator.permissions.roleTitle()));
    m_dbLabel->setText(m_ctx.databaseDisplayUrl);
    showAlarmBanner(); // in the new language at once, not at the next refresh
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::setTheme(const QString& theme)
{
    m_theme = theme == QLatin1String("dark") ? QStringLiteral("dark") : QStringLiteral("light");
    ThemePalette::apply(ThemePalette::fromName(m_theme));
    (m_theme == QLatin1String("dark") ? m_darkAction : m_lightAction)->setChecked(true);
    settingsPage()->setCurrentTheme(m_theme);
    dashboardPage()->refresh(); // charts take their colours from the palette
}

void MainWindow::useLanguageForThisRun(const QString& code)
{
    const QString saved = m_languageToSave;
    setLanguage(code);
    m_languageToSave = saved;
}

void MainWindow::setLanguage(const QString& code)
{
    if (m_languages && !m_languages->setLanguage(code))
        return;
    m_languageToSave = code;
    for (QAction* a : m_languageGroup->actions())
        a->setChecked(a->data().toString() == code);
    settingsPage()->setCurrentLanguage(code);
}

void MainWindow::restoreSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (!s.contains(QStringLiteral("window/geometry")))
        resize(1280, 800);
    for (ConsolePage* p : m_pages)
        if (QTableView* t = p->mainTable())
            t->horizontalHeader()->restoreState(s.value(QStringLiteral("columns/") + p->settingsKey()).toByteArray());
    showPage(Page(qBound(0, s.value(QStringLiteral("window/page"), 0).toInt(), PageCount - 1)));
    setTheme(s.value(QStringLiteral("ui/theme"), QStringLiteral("light")).toString());
    // English too: its translation holds the plural forms ("1 attempt left").
    setLanguage(s.value(QStringLiteral("ui/language"), QStringLiteral("en")).toString());
}

void MainWindow::saveSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/page"), int(currentPage()));
    s.setValue(QStringLiteral("ui/theme"), m_theme);
    s.setValue(QStringLiteral("ui/language"), m_languageToSave);
    for (ConsolePage* p : m_pages)
        if (QTableView* t = p->mainTable())
            s.setValue(QStringLiteral("columns/") + p->settingsKey(), t->horizontalHeader()->saveState());
}

QString MainWindow::proposedExportPath() const
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/') +
           m_pages.at(currentPage())->settingsKey() + QStringLiteral(".csv");
}

void MainWindow::exportCurrentView(const QString& requestedPath)
{
    ConsolePage* p = m_pages.at(currentPage());
    QTableView* table = p->mainTable();
    if (!table || m_export->running())
        return;
    QString path = requestedPath;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Export %1 as CSV").arg(p->title()), proposedExportPath(), tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
    }
    // Snapshot what the operator sees (filtered, sorted, masked) on this thread; write it on another.
    QAbstractItemModel* m = table->model();
    QHeaderView* header = table->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    QList<QStringList> rows;
    QStringList head;
    for (int c : columns)
        head << m->headerData(c, Qt::Horizontal).toString();
    rows << head;
    for (int r = 0; r < m->rowCount(); ++r) {
        QStringList row;
        for (int c : columns)
            row << m->index(r, c).data().toString();
        rows << row;
    }
    auto* progress = new QProgressDialog(tr("Exporting %n row(s)…", nullptr, int(rows.size() - 1)), tr("Cancel"), 0, int(rows.size()), this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, m_export, &models::CsvExport::cancel);
    connect(m_export, &models::CsvExport::progress, progress, [progress](int done, int) { progress->setValue(done); });
    connect(m_export, &models::CsvExport::finished, this, [this, progress](bool ok, const QString& message) {
        disconnect(m_export, nullptr, progress, nullptr);
        progress->close();
        statusBar()->showMessage(ok ? tr("Export finished: %1").arg(message) : tr("Export stopped: %1").arg(message), 8000);
    }, Qt::SingleShotConnection);
    m_export->start(rows, path);
}

} // namespace otp::ui
