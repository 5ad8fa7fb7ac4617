#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace otp::models {
class LiveSendsModel;
class SendsFilterModel;
} // namespace otp::models

namespace otp::ui {

// Every vendor call as it happens, from any process on the same database, with filters.
class LiveSendsPage : public ConsolePage
{
    Q_OBJECT
public:
    LiveSendsPage(const models::ConsoleContext& context, QWidget* parent = nullptr);

    QString title() const override { return tr("Live sends"); }
    QString settingsKey() const override { return QStringLiteral("liveSends"); }
    void setOperator(const models::OperatorInfo& info) override;
    QTableView* mainTable() const override { return m_table; }
    QWidget* primaryField() const override;
    void refresh() override;

    models::LiveSendsModel* model() const { return m_model; }
    // Shows one vendor's sends, only those its error `code` refused when given (until the vendor
    // filter is changed).
    void showVendor(const QString& vendor, const QString& code);
    models::SendsFilterModel* filter() const { return m_filter; }
    // The time range shown: the last `seconds` (0: all held sends). 15 min, 1 h, 24 h, 7 d or 0.
    void setRangeS(qint64 seconds);
    qint64 rangeS() const;
    // Why the list holds what it holds ("the newest 2000 are held live; scroll for older…"), as shown.
    QString holdNote() const;
    QString countText() const;

signals:
    // Double-click on a row: open this destination in Phone lookup.
    void lookupRequested(const QString& tenant, const QString& destination, const QString& purpose);

protected:
    void retranslateUi() override;

private:
    void refillCombos();
    // Widens the columns of words (status, channel, attempts, latency) to their longest text in the
    // operator's language, and tenant, vendor and purpose to those held: only ever wider, so a width the
    // operator chose stays.
    void fitColumnsToWords();
    void updateCount();
    // Moves the range's start with the clock, and reads older sends until the range is covered.
    void applyRange();
    // Whether new rows must not move what the operator is looking at: a row selected, the pointer
    // over the table, or the view scrolled away from the top.
    bool holdingView() const;

    qint64 m_anchorId = 0; // the delivery shown at the top when rows arrived while holding

    const Clock* m_clock;
    models::LiveSendsModel* m_model;
    models::SendsFilterModel* m_filter;
    QTableView* m_table;
    QComboBox *m_tenant, *m_channel, *m_vendor, *m_status, *m_range;
    QLineEdit* m_search;
    QLabel *m_count, *m_tenantLabel, *m_channelLabel, *m_vendorLabel, *m_statusLabel, *m_rangeLabel, *m_holdNote;
};

} // namespace otp::ui
