#pragma once

#include "Channel.h"
#include "ConsoleContext.h"
#include "ConsolePage.h"
#include "PhoneReport.h"

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace otp::models {
class PhoneLookup;
class TimelineModel;
} // namespace otp::models

namespace otp::ui {

class UnlockDialog;

// "Why did this user get no code?": a phone in any format → account, every challenge and vendor
// answer on one timeline, lockout / cooldown / send-cap state, which of them blocks the next code,
// until when, and the next step. Live: the times left tick every second and the report is read
// again while the page is shown (every 2 s, at once on a PostgreSQL notification, and when a
// blocker's time is up), so an unlock or a new send elsewhere shows without F5.
class PhoneLookupPage : public ConsolePage
{
    Q_OBJECT
public:
    PhoneLookupPage(const models::ConsoleContext& context, QWidget* parent = nullptr);

    QString title() const override { return tr("Phone lookup"); }
    QString settingsKey() const override { return QStringLiteral("phoneLookup"); }
    void setOperator(const models::OperatorInfo& info) override;
    QTableView* mainTable() const override { return m_table; }
    QWidget* primaryField() const override;
    void refresh() override;

    // Opens `destination` (shown masked to roles that do not reveal it; the full value stays in the
    // page only) for `purpose`, or the purpose chosen now.
    void lookup(const QString& tenant, const QString& destination, std::optional<Purpose> purpose = std::nullopt);
    models::PhoneLookup* lookupService() const { return m_lookup; }
    models::TimelineModel* timeline() const { return m_timeline; }
    QString summaryText() const;
    QString noticeText() const;
    QString inputText() const;
    Purpose currentPurpose() const;
    QPushButton* unlockButton() const { return m_unlock; }
    // How often the report is read again while shown (ms); the times left tick every second.
    void setRefreshInterval(int ms);
    // Redraws the times left against the clock, and reads again when one of them ran out.
    void tick();
    UnlockDialog* requestUnlock();

protected:
    void retranslateUi() override;

private:
    void go();
    void requery();
    void showReport();
    void updateUnlockButton();

    models::ConsoleContext m_ctx;
    models::PhoneLookup* m_lookup;
    models::TimelineModel* m_timeline;
    QLineEdit *m_tenant, *m_input;
    QComboBox* m_purpose;
    QPushButton *m_go, *m_unlock;
    QLabel *m_tenantLabel, *m_inputLabel, *m_purposeLabel, *m_summary, *m_notice;
    QTableView* m_table;
    QTimer *m_tickTimer, *m_pollTimer;
    bool m_haveReport = false;
    bool m_afterUnlock = false;
    // What the last lookup asked for; the refreshes ask again for the same.
    QString m_queryTenant, m_queryDestination;
    Purpose m_queryPurpose = Purpose::Login;
    // A destination opened from another page for a role that does not reveal it: the field shows
    // m_maskedShown, the lookup uses m_hiddenDestination.
    QString m_hiddenDestination, m_maskedShown;
};

} // namespace otp::ui
