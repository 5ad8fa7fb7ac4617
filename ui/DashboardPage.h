#pragma once

#include "ConsoleContext.h"
#include "ConsolePage.h"
#include "DashboardSnapshot.h"

#include <QPalette>

class QAbstractBarSeries;
class QBarCategoryAxis;
class QChartView;
class QComboBox;
class QCategoryAxis;
class QLabel;
class QLineSeries;
class QSpinBox;
class QStackedBarSeries;
class QTableView;
class QValueAxis;

namespace otp::models {
class DashboardModel;
class VendorStatsModel;
} // namespace otp::models

namespace otp::ui {

class VendorHealthPanel;

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
    void setOperator(const models::OperatorInfo& info) override;

    models::DashboardModel* model() const { return m_model; }
    // Per vendor: success, timeouts, p95 and the circuit breaker; admins force it open or closed.
    VendorHealthPanel* healthPanel() const { return m_health; }
    // 15 min, 1 h, 24 h or 7 d.
    void setWindowS(qint64 seconds);
    // The error chart's labels as drawn ("vendor code"), most frequent last (bottom-up), and the chart.
    QStringList errorLabels() const;
    QChartView* errorChart() const;
    // The success rate vendors should reach (percent; remembered in QSettings), drawn as a line.
    void setSuccessTarget(int percent);
    int successTarget() const;
    QLineSeries* successTargetLine() const { return m_targetLine; }
    // The time labels under the sends chart, oldest first; the last is "now".
    QStringList timeLabels() const;
    QString errorTip(const models::DashboardSnapshot::ErrorRow& error) const;

signals:
    // A vendor's bar or row, or an error code, was clicked: show its sends (code empty: all of them).
    void liveSendsRequested(const QString& vendor, const QString& code);

protected:
    void retranslateUi() override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    // A bar chart made once and updated in place.
    struct BarChart
    {
        QAbstractBarSeries* series = nullptr;
        QBarCategoryAxis* categories = nullptr;
        QValueAxis* values = nullptr;
    };

    void buildCharts();
    void updateCharts();
    void updateChartsWhenShown();
    void updateBars(BarChart& chart, const QString& title, const QStringList& setNames, const QList<QList<qreal>>& values,
                    const QStringList& categories, bool percent, const QString& unit);
    void fitTable();
    QChartView* makeView(int minimumHeight);

    models::DashboardModel* m_model;
    models::VendorStatsModel* m_vendors;
    QComboBox* m_window;
    QLabel *m_windowLabel, *m_summary;
    QChartView *m_sends, *m_success, *m_latency, *m_errors, *m_conversion;
    QStackedBarSeries* m_sendsSeries = nullptr;
    QBarCategoryAxis* m_sendsX = nullptr;
    QCategoryAxis* m_sendsTime = nullptr;
    QValueAxis* m_sendsY = nullptr;
    BarChart m_successBars, m_latencyBars, m_conversionBars, m_errorBars;
    QTableView* m_table;
    VendorHealthPanel* m_health;
    QSpinBox* m_target;
    QLabel* m_targetLabel;
    QLineSeries* m_targetLine = nullptr;
    QValueAxis* m_targetY = nullptr;
    bool m_chartsStale = true;
    bool m_styled = false;
    QPalette m_styledPalette; // the palette the charts were last styled in
};

} // namespace otp::ui
