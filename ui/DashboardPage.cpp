#include "DashboardPage.h"

#include "ChartNote.h"
#include "DashboardModel.h"
#include "StatusText.h"
#include "VendorHealthPanel.h"
#include "VendorStatsModel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateTime>
#include <QCategoryAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QStackedBarSeries>
#include <QTableView>
#include <QLineSeries>
#include <QMainWindow>
#include <QStatusBar>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace otp::ui {

namespace {
QColor outcomeColor(const QString& key)
{
    if (key == QLatin1String("verified")) return models::StatusText::color(QStringLiteral("verified"));
    if (key == QLatin1String("accepted")) return models::StatusText::color(QStringLiteral("pending"));
    if (key == QLatin1String("failed")) return models::StatusText::color(QStringLiteral("delivery_failed"));
    return models::StatusText::color(QStringLiteral("locked"));
}

QString outcomeWords(const QString& key)
{
    if (key == QLatin1String("verified")) return DashboardPage::tr("verified");
    if (key == QLatin1String("accepted")) return DashboardPage::tr("delivered, not used");
    if (key == QLatin1String("failed")) return DashboardPage::tr("failed");
    return DashboardPage::tr("in flight");
}

// Charts follow the application palette so the dark theme stays dark.
void styleChart(QChart* chart, const QPalette& palette)
{
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text)); // the units, readable in the dark theme too
        axis->setGridLineColor(palette.color(QPalette::Mid));
        axis->setLinePenColor(palette.color(QPalette::Mid));
    }
}

// What a chart with nothing to draw in the range says instead of bare axes; empty: the chart shows.
void setNote(QChartView* view, const QString& note)
{
    view->findChild<ChartNote*>()->setNote(note);
}

// Only what changed. New traffic changes a few values (the newest buckets, a vendor's figures): those are
// replaced in place. Removing and appending every value made Qt Charts delete and recreate each bar and
// re-typeset each value label on the GUI thread, the dashboard's longest stall under live traffic. A new
// shape (or most values new, when the buckets move on) is one removal and one append.
void setValues(QBarSet* set, const QList<qreal>& values)
{
    if (set->count() == values.size()) {
        QList<int> changed;
        for (int i = 0; i < values.size(); ++i)
            if (set->at(i) != values.at(i))
                changed << i;
        if (changed.size() <= qMax(4, int(values.size() / 4))) {
            for (int i : std::as_const(changed))
                set->replace(i, values.at(i));
            return;
        }
    }
    if (set->count() > 0)
        set->remove(0, set->count());
    set->append(values);
}

void setCategories(QBarCategoryAxis* axis, const QStringList& categories)
{
    if (axis->categories() != categories)
        axis->setCategories(categories);
}

// Qt Charts lays a chart out again on every title, label or format it is given, the same or not.
void setTitle(QChart* chart, const QString& title)
{
    if (chart->title() != title)
        chart->setTitle(title);
}

void setLabel(QBarSet* set, const QString& label)
{
    if (set->label() != label)
        set->setLabel(label);
}

void setLabelFormat(QValueAxis* axis, const QString& format)
{
    if (axis->labelFormat() != format)
        axis->setLabelFormat(format);
}

void setTickCount(QValueAxis* axis, int count)
{
    if (axis->tickCount() != count)
        axis->setTickCount(count);
}

void setRange(QValueAxis* axis, qreal min, qreal max)
{
    if (axis->min() != min || axis->max() != max)
        axis->setRange(min, max);
}

void finishValueAxis(QValueAxis* axis, double max)
{
    // Counts and milliseconds are whole numbers: ticks must land on integers.
    if (max * 1.1 <= 5) {
        setRange(axis, 0, 5);
        setTickCount(axis, 6);
    } else {
        // Nice numbers from a scratch axis: applied to the chart's own, they change its range (and lay the
        // chart out again) on every refresh, even when they come back the same.
        QValueAxis nice;
        nice.setRange(0, max * 1.1);
        nice.setTickCount(axis->tickCount());
        nice.applyNiceNumbers();
        setRange(axis, nice.min(), nice.max());
        setTickCount(axis, nice.tickCount());
    }
    setLabelFormat(axis, QStringLiteral("%d"));
}
} // namespace

DashboardPage::DashboardPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_model(new models::DashboardModel(context.db, *context.clock, this)),
      m_vendors(new models::VendorStatsModel(this)),
      m_window(new QComboBox(this)),
      m_windowLabel(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_table(new QTableView(this)),
      m_health(new VendorHealthPanel(context, this)),
      m_target(new QSpinBox(this)),
      m_targetLabel(new QLabel(this))
{
    m_target->setObjectName(QStringLiteral("successTarget"));
    m_target->setRange(50, 100);
    m_target->setSuffix(QStringLiteral(" %"));
    m_target->setValue(QSettings().value(QStringLiteral("dashboard/successTarget"), 95).toInt());
    m_targetLabel->setBuddy(m_target);
    // The smallest each chart stays legible at: what the page needs at 1366×768 with the alarm banner up,
    // in Tamil's taller lines too (the error codes' own minimum is set with their bars).
    m_sends = makeView(140);
    m_success = makeView(160); // less, and Qt Charts elides the Tamil axis labels to "..."
    m_latency = makeView(160);
    m_errors = makeView(160);
    m_conversion = makeView(160);
    m_table->setObjectName(QStringLiteral("vendorStatsTable"));
    m_table->setModel(m_vendors);
    m_table->verticalHeader()->hide();
    // Each column as wide as its header and its widest value, and the table as wide as its columns: a
    // vendor's name or a latency never wraps or elides ("sim-\ngupshup", "10000\nms" at 1366×768). The
    // vendor health table beside it takes the rest of the row.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setMinimumSectionSize(1);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().lineSpacing() + 8); // one line, as in the health table
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // its width is set by fitTable()
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    for (qint64 s : {qint64(15 * 60), qint64(3600), qint64(24 * 3600), qint64(7 * 24 * 3600)})
        m_window->addItem(QString(), s);
    m_window->setObjectName(QStringLiteral("windowSelector"));
    m_window->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "Last hour" is three words in Tamil
    m_window->setCurrentIndex(1);
    m_windowLabel->setBuddy(m_window);

    auto* top = new QHBoxLayout;
    top->addWidget(m_windowLabel);
    top->addWidget(m_window);
    top->addSpacing(16);
    top->addWidget(m_summary, 1);
    top->addWidget(m_targetLabel);
    top->addWidget(m_target);
    // The per-vendor charts side by side; the error codes get the whole width, so five "vendor code"
    // labels stay whole at 1366×768.
    auto* grid = new QGridLayout;
    grid->setVerticalSpacing(3); // the charts draw their own margins
    auto* perVendor = new QHBoxLayout;
    perVendor->addWidget(m_success, 1);
    perVendor->addWidget(m_latency, 1);
    perVendor->addWidget(m_conversion, 1);
    grid->addWidget(m_sends, 0, 0);
    grid->addLayout(perVendor, 1, 0);
    grid->addWidget(m_errors, 2, 0);
    // The window's figures per vendor beside each vendor's health and breaker.
    auto* vendorRow = new QHBoxLayout;
    vendorRow->addWidget(m_table, 0, Qt::AlignTop);
    vendorRow->addWidget(m_health, 1);
    // A force's result where every action's result goes: the window's status bar.
    connect(m_health, &VendorHealthPanel::resultReady, this, [this](const QString& message) {
        if (auto* main = qobject_cast<QMainWindow*>(window()))
            main->statusBar()->showMessage(message, 10000);
    });
    grid->addLayout(vendorRow, 3, 0);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    grid->setRowStretch(3, 0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(9, 4, 9, 4); // every pixel counts at 768 px with the alarm banner up
    layout->addLayout(top);
    layout->addLayout(grid, 1);

    connect(m_target, &QSpinBox::valueChanged, this, [this](int percent) {
        QSettings().setValue(QStringLiteral("dashboard/successTarget"), percent);
        updateChartsWhenShown();
    });
    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this]() { m_model->setWindowS(m_window->currentData().toLongLong()); });
    connect(m_model, &models::DashboardModel::updated, this, [this]() {
        m_health->refresh(m_model->windowS());
        m_vendors->setSnapshot(m_model->snapshot());
        fitTable();
        updateChartsWhenShown();
    });
    // A click on a vendor's bar or an error code opens Live sends filtered to it.
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit liveSendsRequested(m_vendors->index(index.row(), 0).data().toString(), QString());
    });
    buildCharts();
    retranslateUi();
    // One computation up front so the page has data when first opened; it stays live only while shown.
    m_model->refresh();
}

void DashboardPage::showEvent(QShowEvent* event)
{
    if (m_chartsStale)
        updateCharts();
    m_model->setActive(true);
    ConsolePage::showEvent(event);
}

void DashboardPage::hideEvent(QHideEvent* event)
{
    m_model->setActive(false);
    ConsolePage::hideEvent(event);
}

void DashboardPage::updateChartsWhenShown()
{
    // Five charts cost the GUI thread milliseconds to update and draw: not for a page nobody sees.
    if (isVisible())
        updateCharts();
    else
        m_chartsStale = true;
}

QChartView* DashboardPage::makeView(int minimumHeight)
{
    auto* view = new QChartView(new QChart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(minimumHeight);
    new ChartNote(view);
    return view;
}

void DashboardPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    m_health->setOperator(info);
}

void DashboardPage::refresh()
{
    m_model->refresh();
}

void DashboardPage::setWindowS(qint64 seconds)
{
    const int i = m_window->findData(seconds);
    if (i >= 0)
        m_window->setCurrentIndex(i);
}

void DashboardPage::buildCharts()
{
    // The series, bar sets and axes are made once; a refresh only changes their values, so it does
    // not lay five charts out from scratch on the GUI thread.
    QChart* sends = m_sends->chart();
    m_sendsSeries = new QStackedBarSeries;
    for (const QString& key : models::DashboardSnapshot::outcomeKeys()) {
        auto* set = new QBarSet(QString());
        set->setColor(outcomeColor(key));
        set->setBorderColor(outcomeColor(key));
        m_sendsSeries->append(set);
    }
    m_sendsSeries->setBarWidth(0.9);
    sends->addSeries(m_sendsSeries);
    // Bars need a category axis, but 60 category labels do not fit: hide them and show a time axis
    // over the same span instead.
    m_sendsX = new QBarCategoryAxis;
    m_sendsX->setLabelsVisible(false);
    m_sendsX->setGridLineVisible(false);
    // Time labels on round times (every 5/10 min, 4 h or a day), the last one "now": a date-time axis
    // put its ticks at odd minutes and one past the present.
    m_sendsTime = new QCategoryAxis;
    m_sendsTime->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_sendsY = new QValueAxis;
    m_sendsY->setTitleText(QStringLiteral(" "));
    sends->addAxis(m_sendsX, Qt::AlignBottom);
    sends->addAxis(m_sendsTime, Qt::AlignBottom);
    sends->addAxis(m_sendsY, Qt::AlignLeft);
    m_sendsSeries->attachAxis(m_sendsX);
    m_sendsSeries->attachAxis(m_sendsY);
    sends->legend()->setAlignment(Qt::AlignRight);
    // Four outcomes in Tamil's taller lines fit beside a chart at its minimum height only a point smaller.
    QFont legendFont = sends->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() - 1);
    sends->legend()->setFont(legendFont);

    auto bars = [](QChartView* view, QAbstractBarSeries* series, const QList<QColor>& colors, bool horizontal,
                   const QString& labelFormat) {
        BarChart c;
        c.series = series;
        for (const QColor& colour : colors) {
            auto* set = new QBarSet(QString());
            set->setColor(colour);
            set->setBorderColor(colour);
            series->append(set);
        }
        series->setLabelsVisible(true);
        if (!labelFormat.isEmpty())
            series->setLabelsFormat(labelFormat);
        QChart* chart = view->chart();
        chart->addSeries(series);
        c.categories = new QBarCategoryAxis;
        c.values = new QValueAxis;
        chart->addAxis(c.categories, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        chart->addAxis(c.values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
        series->attachAxis(c.values);
        series->attachAxis(c.categories);
        chart->legend()->setVisible(colors.size() > 1);
        chart->legend()->setAlignment(Qt::AlignRight);
        return c;
    };
    // Vendors as rows: their names get the width they need (under a bar, "sim-myoperator" was cut).
    m_successBars = bars(m_success, new QHorizontalBarSeries, {models::StatusText::color(QStringLiteral("verified"))}, true,
                         QStringLiteral("@value %"));
    m_latencyBars = bars(m_latency, new QHorizontalBarSeries, {QColor(0x2f, 0x7e, 0xd8), QColor(0x8e, 0x5c, 0xd9)}, true, QString());
    m_conversionBars = bars(m_conversion, new QBarSeries, {QColor(0x1f, 0xa3, 0x9a)}, false, QStringLiteral("@value %"));
    m_errorBars = bars(m_errors, new QHorizontalBarSeries, {models::StatusText::color(QStringLiteral("delivery_failed"))},
                       true, QString());
    // The success-rate target as a dashed line across the vendors' bars.
    m_targetLine = new QLineSeries;
    m_targetY = new QValueAxis;
    m_targetY->setRange(0, 1);
    m_targetY->setVisible(false);
    m_success->chart()->addSeries(m_targetLine);
    m_success->chart()->addAxis(m_targetY, Qt::AlignRight);
    m_targetLine->attachAxis(m_successBars.values);
    m_targetLine->attachAxis(m_targetY);
    QPen pen(models::StatusText::color(QStringLiteral("delivery_failed")), 2, Qt::DashLine);
    m_targetLine->setPen(pen);
    // Values beside the bar end: a short bar cannot clip its own number.
    m_latencyBars.series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_errorBars.series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);

    auto snapshot = [this]() -> const models::DashboardSnapshot& { return m_model->snapshot(); };
    auto vendorAt = [this, snapshot](int i) { return i >= 0 && i < snapshot().vendors.size() ? snapshot().vendors.at(i).vendor : QString(); };
    // The error bars are drawn most frequent on top: bar i is errors[size - 1 - i].
    auto errorAt = [snapshot](int i) -> const models::DashboardSnapshot::ErrorRow* {
        const int n = int(snapshot().errors.size());
        return i >= 0 && i < n ? &snapshot().errors.at(n - 1 - i) : nullptr;
    };
    for (QAbstractBarSeries* series : {m_successBars.series, m_latencyBars.series}) {
        connect(series, &QAbstractBarSeries::clicked, this, [this, vendorAt](int i, QBarSet*) {
            if (!vendorAt(i).isEmpty())
                emit liveSendsRequested(vendorAt(i), QString());
        });
        connect(series, &QAbstractBarSeries::hovered, this, [this, series, vendorAt](bool on, int i, QBarSet* set) {
            if (!on || vendorAt(i).isEmpty()) {
                QToolTip::hideText();
                return;
            }
            const bool latency = series == m_latencyBars.series;
            QToolTip::showText(QCursor::pos(), latency ? tr("%1: %2 %3 ms. Click: its sends in Live sends.").arg(vendorAt(i), set->label()).arg(set->at(i))
                                                       : tr("%1: %2 % of sends accepted. Click: its sends in Live sends.").arg(vendorAt(i)).arg(set->at(i)));
        });
    }
    connect(m_errorBars.series, &QAbstractBarSeries::clicked, this, [this, errorAt](int i, QBarSet*) {
        if (const auto* e = errorAt(i))
            emit liveSendsRequested(e->vendor, e->code);
    });
    connect(m_errorBars.series, &QAbstractBarSeries::hovered, this, [this, errorAt](bool on, int i, QBarSet*) {
        const auto* e = errorAt(i);
        if (!on || !e) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), errorTip(*e));
    });
}

void DashboardPage::updateBars(BarChart& c, const QString& title, const QStringList& setNames,
                               const QList<QList<qreal>>& values, const QStringList& categories, bool percent,
                               const QString& unit)
{
    double max = 0;
    const QList<QBarSet*> sets = c.series->barSets();
    for (int i = 0; i < sets.size(); ++i) {
        setLabel(sets.at(i), setNames.value(i));
        const QList<qreal> v = values.value(i);
        setValues(sets.at(i), v);
        for (qreal x : v)
            max = qMax(max, double(x));
    }
    setCategories(c.categories, categories);
    if (percent) {
        setRange(c.values, 0, 100);
        setTickCount(c.values, 5);
    } else {
        // Room beside the longest bar for its value.
        finishValueAxis(c.values, c.series->labelsPosition() == QAbstractBarSeries::LabelsOutsideEnd ? max * 1.2 : max);
    }
    setLabelFormat(c.values, QStringLiteral("%d"));
    // The unit goes where every script fits: Qt Charts sizes an axis title by the widget font's line
    // height and elides a Tamil or Hindi title, whose glyphs come from a taller fallback font, to "…".
    // "%" is Latin in every language; any other unit joins the chart's title.
    if (c.values->titleText() != (percent ? QStringLiteral("%") : QString()))
        c.values->setTitleText(percent ? QStringLiteral("%") : QString());
    const QString fullTitle = percent || unit.isEmpty() ? title : tr("%1 (%2)", "chart title (unit)").arg(title, unit);
    // Values drawn beside the bar are on the chart's background, not on the bar.
    if (c.series->labelsPosition() == QAbstractBarSeries::LabelsOutsideEnd)
        for (QBarSet* set : sets)
            if (set->labelColor() != palette().color(QPalette::Text))
                set->setLabelColor(palette().color(QPalette::Text));
    setTitle(c.series->chart(), fullTitle);
}

void DashboardPage::updateCharts()
{
    m_chartsStale = false;
    const models::DashboardSnapshot& s = m_model->snapshot();
    // The charts' colours change with the theme, not with the data: styled once per palette.
    if (!m_styled || m_styledPalette != palette()) {
        m_styled = true;
        m_styledPalette = palette();
        for (QChartView* view : {m_sends, m_success, m_latency, m_errors, m_conversion})
            styleChart(view->chart(), m_styledPalette);
    }

    // Sends per bucket, stacked by outcome.
    {
        const QString fmt = s.bucketS >= 24 * 3600 ? QStringLiteral("dd MMM") : s.bucketS >= 3600 ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm");
        QStringList labels;
        int maxTotal = 0;
        for (const auto& b : s.buckets) {
            labels << QString::number(b.startMs);
            int t = 0;
            for (int v : b.byOutcome)
                t += v;
            maxTotal = qMax(maxTotal, t);
        }
        const QStringList keys = models::DashboardSnapshot::outcomeKeys();
        const QList<QBarSet*> sets = m_sendsSeries->barSets();
        for (int i = 0; i < keys.size() && i < sets.size(); ++i) {
            QList<qreal> v;
            v.reserve(s.buckets.size());
            for (const auto& b : s.buckets)
                v << b.byOutcome.value(keys.at(i));
            setLabel(sets.at(i), outcomeWords(keys.at(i)));
            setValues(sets.at(i), v);
        }
        setCategories(m_sendsX, labels);
        // The time labels and where they stand, rebuilt on the axis only when they moved: each removal and
        // append lays the chart out again.
        QList<QPair<QString, double>> ticks;
        if (!s.buckets.isEmpty()) {
            const qint64 first = s.buckets.first().startMs;
            const qint64 bucketMs = s.bucketS * 1000;
            const int n = int(s.buckets.size());
            m_sendsTime->setRange(-0.5, n - 0.5);
            const qint64 spanMin = (n * bucketMs) / 60000;
            const qint64 stepMs = (spanMin <= 20 ? 5 : spanMin <= 90 ? 10 : spanMin <= 26 * 60 ? 240 : 24 * 60) * 60000LL;
            const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(first).offsetFromUtc()) * 1000; // round in local time
            auto position = [&](qint64 ms) { return double(ms - first) / double(bucketMs) - 0.5; };
            for (qint64 t = ((first + offset + stepMs - 1) / stepMs) * stepMs - offset; t < s.nowMs - stepMs / 3; t += stepMs)
                ticks.append({QDateTime::fromMSecsSinceEpoch(t).toLocalTime().toString(fmt), position(t)});
            ticks.append({tr("now"), qMin(position(s.nowMs), n - 0.5)});
        }
        QList<QPair<QString, double>> shown;
        for (const QString& label : m_sendsTime->categoriesLabels())
            shown.append({label, m_sendsTime->endValue(label)});
        if (shown != ticks) {
            for (const auto& tick : std::as_const(shown))
                m_sendsTime->remove(tick.first);
            for (const auto& tick : std::as_const(ticks))
                m_sendsTime->append(tick.first, tick.second);
        }
        // "now" stands on the plot area's right edge, its label centred on it: half of it reaches past the
        // edge, where the legend starts: Tamil's "இப்போது" reached under its first marker. The legend keeps
        // that half free on its left.
        const int nowOverhang = int(std::ceil(QFontMetricsF(m_sendsTime->labelsFont()).horizontalAdvance(tr("now")) / 2)) + 4;
        qreal left = 0, top = 0, right = 0, bottom = 0;
        m_sends->chart()->legend()->getContentsMargins(&left, &top, &right, &bottom);
        if (left != nowOverhang)
            m_sends->chart()->legend()->setContentsMargins(nowOverhang, top, right, bottom);
        finishValueAxis(m_sendsY, maxTotal);
        // No axis title: the chart's title says what is counted (a Tamil or Hindi axis title is elided).
        setTitle(m_sends->chart(), s.bucketS == 60 ? tr("Sends per minute by outcome")
                                                   : tr("Sends per %1 min by outcome").arg(s.bucketS / 60));
        setNote(m_sends, maxTotal == 0 ? tr("No sends in this range") : QString());
    }

    QStringList vendorNames;
    QList<qreal> success, p50, p95;
    for (const auto& v : s.vendors) {
        vendorNames << v.vendor;
        success << qRound(v.successRate * 1000.0) / 10.0;
        p50 << v.latencyP50Ms;
        p95 << v.latencyP95Ms;
    }
    const QStringList noData{tr("no data")};
    updateBars(m_successBars, tr("Success rate per vendor (target %1 %)").arg(m_target->value()), {tr("accepted")}, {success},
               vendorNames.isEmpty() ? noData : vendorNames, true, QStringLiteral("%"));
    const QList<QPointF> target{QPointF(m_target->value(), 0), QPointF(m_target->value(), 1)};
    if (m_targetLine->points() != target)
        m_targetLine->replace(target);
    if (m_targetLine->name() != tr("target"))
        m_targetLine->setName(tr("target"));
    m_successBars.series->chart()->legend()->setVisible(false);
    setNote(m_success, vendorNames.isEmpty() ? tr("No sends in this range") : QString());
    updateBars(m_latencyBars, tr("Latency per vendor"), {tr("p50"), tr("p95")}, {p50, p95},
               vendorNames.isEmpty() ? noData : vendorNames, false, tr("ms"));
    // One number per vendor beside its bars, the p95: a vendor's two bars are thinner than a line of text,
    // so two labels overlapped ("10000" over "10000"). p50 is in the tooltip and the table below.
    if (!m_latencyBars.series->barSets().isEmpty())
        m_latencyBars.series->barSets().first()->setLabelColor(Qt::transparent);
    // Answers under 1 ms (the dev vendor answers at once) draw no bar at all, bare axes: words say so.
    const auto& vendors = s.vendors;
    const bool timed = std::any_of(vendors.cbegin(), vendors.cend(), [](const auto& v) { return v.timedAnswers > 0; });
    const bool allUnder1Ms = std::all_of(vendors.cbegin(), vendors.cend(), [](const auto& v) { return v.latencyMaxMs == 0; });
    const bool p95Under1Ms = std::all_of(vendors.cbegin(), vendors.cend(), [](const auto& v) { return v.latencyP95Ms == 0; });
    setNote(m_latency, vendorNames.isEmpty() ? tr("No sends in this range")
                       : !timed          ? tr("No vendor has answered in this range")
                       : allUnder1Ms     ? tr("Every answer in this range took under 1 ms")
                       : p95Under1Ms     ? tr("95 % of the answers in this range took under 1 ms")
                                         : QString());

    QStringList channels;
    QList<qreal> conversion;
    for (const auto& c : s.channels) {
        channels << models::StatusText::channel(c.channel);
        conversion << qRound(c.conversion * 1000.0) / 10.0;
    }
    updateBars(m_conversionBars, tr("Codes verified per channel"), {tr("verified")}, {conversion},
               channels.isEmpty() ? noData : channels, true, QStringLiteral("%"));
    // Codes sent and none verified draws bars of zero length: words say it is not a broken chart.
    const bool noneVerified = std::all_of(conversion.cbegin(), conversion.cend(), [](qreal v) { return v == 0; });
    setNote(m_conversion, channels.isEmpty() ? tr("No codes sent in this range")
                          : noneVerified     ? tr("No code sent in this range has been verified (0 %)")
                                             : QString());

    // Top error codes as horizontal bars, most frequent on top.
    QStringList errorLabels;
    QList<qreal> errorCounts;
    for (auto it = s.errors.crbegin(); it != s.errors.crend(); ++it) {
        errorLabels << QStringLiteral("%1 %2").arg(it->vendor, it->code.isEmpty() ? tr("(no code)") : it->code);
        errorCounts << qreal(it->count);
    }
    // Each error code needs a bar tall enough for its label, or Qt Charts elides it to "..." (210 px for
    // five, the most that fit 1366×768 with the banner up; up to eight are listed); fewer codes leave the
    // height to the sends chart, whose legend needs it in Tamil.
    m_errors->setMinimumHeight(qMin(210, 150 + 12 * int(qMax<qsizetype>(1, errorLabels.size()))));
    updateBars(m_errorBars, tr("Top vendor error codes (click one for its sends)"), {tr("failed sends")}, {errorCounts},
               errorLabels.isEmpty() ? QStringList{tr("no errors")} : errorLabels, false, QString());
    setNote(m_errors, errorLabels.isEmpty() ? tr("No failed sends in this range") : QString());

    qint64 sendCount = 0, accepted = 0;
    for (const auto& v : s.vendors) {
        sendCount += v.sends;
        accepted += v.accepted;
    }
    m_summary->setText(tr("%1 sends, %2 accepted (%3 %) · updated %4")
                           .arg(sendCount)
                           .arg(accepted)
                           .arg(sendCount ? 100.0 * double(accepted) / double(sendCount) : 0.0, 0, 'f', 1)
                           .arg(QDateTime::fromMSecsSinceEpoch(s.nowMs).toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
}

QString DashboardPage::errorTip(const models::DashboardSnapshot::ErrorRow& e) const
{
    return tr("%1, code %2: %n failed send(s).\n%3\nClick: these sends in Live sends.", nullptr, int(e.count))
        .arg(e.vendor, e.code.isEmpty() ? tr("(no code)") : e.code)
        .arg(e.reason.isEmpty() ? tr("The vendor gave no reason.") : tr("What it means: %1").arg(e.reason));
}

QStringList DashboardPage::timeLabels() const
{
    return m_sendsTime->categoriesLabels();
}

void DashboardPage::setSuccessTarget(int percent)
{
    m_target->setValue(percent);
}

int DashboardPage::successTarget() const
{
    return m_target->value();
}

QStringList DashboardPage::errorLabels() const
{
    return m_errorBars.categories ? m_errorBars.categories->categories() : QStringList();
}

QChartView* DashboardPage::errorChart() const
{
    return m_errors;
}

void DashboardPage::fitTable()
{
    // Every vendor's row visible without scrolling (up to eight; more scroll).
    const int rows = qBound(1, m_vendors->rowCount(), 8);
    const int h = m_table->horizontalHeader()->sizeHint().height() + rows * m_table->verticalHeader()->defaultSectionSize() +
                  2 * m_table->frameWidth() + 2;
    // Each column as wide as its header and widest value, measured here once per snapshot: an auto-sizing
    // table would ask the page to lay out again on every refresh, and each layout asks the charts (the
    // 24 h sends chart's thousands of bars) for their size. Setting the same size again changes nothing.
    m_table->resizeColumnsToContents();
    const int scrollBar = m_vendors->rowCount() > 8 ? m_table->verticalScrollBar()->sizeHint().width() : 0;
    m_table->setFixedSize(m_table->horizontalHeader()->length() + 2 * m_table->frameWidth() + scrollBar, h);
}

void DashboardPage::retranslateUi()
{
    m_windowLabel->setText(tr("&Window"));
    m_targetLabel->setText(tr("Success &target"));
    m_target->setToolTip(tr("The success rate each vendor should reach; drawn as a dashed line (remembered)."));
    m_window->setItemText(0, tr("Last 15 minutes"));
    m_window->setItemText(1, tr("Last hour"));
    m_window->setItemText(2, tr("Last 24 hours"));
    m_window->setItemText(3, tr("Last 7 days"));
    emit m_vendors->headerDataChanged(Qt::Horizontal, 0, models::VendorStatsModel::ColumnCount - 1);
    fitTable(); // Tamil's header is taller: the last vendor's row must stay in view
    m_health->retranslateUi();
    updateChartsWhenShown();
}

} // namespace otp::ui
