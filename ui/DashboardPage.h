#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTableView;

namespace otp::models {
class DashboardModel;
class VendorStatsModel;
} // namespace otp::models

namespace otp::ui {

// Delivery health at a glance: sends per bucket by outcome, success and latency per vendor, the
// vendors' most frequent error codes and verification conversion per channel, for a chosen window.
class DashboardPage : public ConsolePage
{
    Q_OBJECT
public:
    DashboardPage(const models::ConsoleContext& context, QWidget* parent = nullptr);

    QString title() const override { return tr("Delivery dashboard"); }
    QString settingsKey() const override { return QStringLiteral("dashboard"); }
    QTableView* mainTable() const override { return m_table; }
    void refresh() override;

    models::DashboardModel* model() const { return m_model; }
    // 15 min, 1 h, 24 h or 7 d.
    void setWindowS(qint64 seconds);

protected:
    void retranslateUi() override;

private:
    void rebuildCharts();
    QChartView* makeView();

    models::DashboardModel* m_model;
    models::VendorStatsModel* m_vendors;
    QComboBox* m_window;
    QLabel *m_windowLabel, *m_summary;
    QChartView *m_sends, *m_success, *m_latency, *m_errors, *m_conversion;
    QTableView* m_table;
};

} // namespace otp::ui
