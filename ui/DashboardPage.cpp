#include "DashboardPage.h"

#include "DashboardModel.h"
#include "StatusText.h"
#include "VendorStatsModel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QStackedBarSeries>
#include <QTableView>
#include <QValueAxis>

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
        axis->setGridLineColor(palette.color(QPalette::Mid));
        axis->setLinePenColor(palette.color(QPalette::Mid));
    }
}

void finishValueAxis(QValueAxis* axis, double max)
{
    // Counts and milliseconds are whole numbers: ticks must land on integers.
    if (max * 1.1 <= 5) {
        axis->setRange(0, 5);
        axis->setTickCount(6);
    } else {
        axis->setRange(0, max * 1.1);
        axis->applyNiceNumbers();
    }
    axis->setLabelFormat(QStringLiteral("%d"));
}
} // namespace

DashboardPage::DashboardPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_model(new models::DashboardModel(context.db, *context.clock, this)),
      m_vendors(new models::VendorStatsModel(this)),
      m_window(new QComboBox(this)),
      m_windowLabel(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_table(new QTableView(this))
{
    m_sends = makeView();
    m_success = makeView();
    m_latency = makeView();
    m_errors = makeView();
    m_conversion = makeView();
    m_table->setObjectName(QStringLiteral("vendorStatsTable"));
    m_table->setModel(m_vendors);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    for (qint64 s : {qint64(15 * 60), qint64(3600), qint64(24 * 3600), qint64(7 * 24 * 3600)})
        m_window->addItem(QString(), s);
    m_window->setObjectName(QStringLiteral("windowSelector"));
    m_window->setCurrentIndex(1);
    m_windowLabel->setBuddy(m_window);

    auto* top = new QHBoxLayout;
    top->addWidget(m_windowLabel);
    top->addWidget(m_window);
    top->addSpacing(16);
    top->addWidget(m_summary, 1);
    auto* grid = new QGridLayout;
    grid->addWidget(m_sends, 0, 0, 1, 2);
    grid->addWidget(m_success, 1, 0);
    grid->addWidget(m_latency, 1, 1);
    grid->addWidget(m_errors, 2, 0);
    grid->addWidget(m_conversion, 2, 1);
    grid->addWidget(m_table, 3, 0, 1, 2);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    grid->setRowStretch(2, 2);
    grid->setRowStretch(3, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);

    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this]() { m_model->setWindowS(m_window->currentData().toLongLong()); });
    connect(m_model, &models::DashboardModel::updated, this, [this]() {
        m_vendors->setSnapshot(m_model->snapshot());
        rebuildCharts();
    });
    retranslateUi();
    m_model->start();
}

QChartView* DashboardPage::makeView()
{
    auto* view = new QChartView(new QChart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(160);
    return view;
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

void DashboardPage::rebuildCharts()
{
    const models::DashboardSnapshot& s = m_model->snapshot();
    const QPalette pal = palette();

    // Sends per bucket, stacked by outcome.
    {
        auto* chart = new QChart;
        auto* series = new QStackedBarSeries;
        QStringList labels;
        const QString fmt = s.bucketS >= 24 * 3600 ? QStringLiteral("dd MMM") : s.bucketS >= 3600 ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm");
        for (const auto& b : s.buckets)
            labels << QString::number(b.startMs);
        int maxTotal = 0;
        for (const auto& b : s.buckets) {
            int t = 0;
            for (int v : b.byOutcome)
                t += v;
            maxTotal = qMax(maxTotal, t);
        }
        for (const QString& key : models::DashboardSnapshot::outcomeKeys()) {
            auto* set = new QBarSet(outcomeWords(key));
            set->setColor(outcomeColor(key));
            set->setBorderColor(outcomeColor(key));
            for (const auto& b : s.buckets)
                *set << b.byOutcome.value(key);
            series->append(set);
        }
        series->setBarWidth(0.9);
        chart->addSeries(series);
        // Bars need a category axis, but 60 category labels do not fit: hide them and show a
        // time axis over the same span instead.
        auto* x = new QBarCategoryAxis;
        x->append(labels);
        x->setLabelsVisible(false);
        x->setGridLineVisible(false);
        auto* time = new QDateTimeAxis;
        if (!s.buckets.isEmpty())
            time->setRange(QDateTime::fromMSecsSinceEpoch(s.buckets.first().startMs),
                           QDateTime::fromMSecsSinceEpoch(s.buckets.last().startMs + s.bucketS * 1000));
        time->setFormat(fmt);
        time->setTickCount(7);
        auto* y = new QValueAxis;
        finishValueAxis(y, maxTotal);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(time, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        chart->setTitle(s.bucketS == 60 ? tr("Sends per minute by outcome")
                                        : tr("Sends per %1 min by outcome").arg(s.bucketS / 60));
        chart->legend()->setAlignment(Qt::AlignRight);
        styleChart(chart, pal);
        QChart* old = m_sends->chart();
        m_sends->setChart(chart);
        delete old;
    }

    auto vendorBars = [&](QChartView* view, const QString& title, const QList<QPair<QString, QList<double>>>& sets,
                          const QStringList& categories, const QList<QColor>& colors, bool percent) {
        auto* chart = new QChart;
        auto* series = new QBarSeries;
        double max = 0;
        for (int i = 0; i < sets.size(); ++i) {
            auto* set = new QBarSet(sets.at(i).first);
            set->setColor(colors.value(i, Qt::gray));
            set->setBorderColor(colors.value(i, Qt::gray));
            for (double v : sets.at(i).second) {
                *set << v;
                max = qMax(max, v);
            }
            series->append(set);
        }
        series->setLabelsVisible(true);
        series->setLabelsFormat(percent ? QStringLiteral("@value %") : QStringLiteral("@value"));
        chart->addSeries(series);
        auto* x = new QBarCategoryAxis;
        x->append(categories.isEmpty() ? QStringList{tr("no data")} : categories);
        auto* y = new QValueAxis;
        if (percent) {
            y->setRange(0, 100);
            y->setTickCount(5);
        } else {
            finishValueAxis(y, max);
        }
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        chart->setTitle(title);
        chart->legend()->setVisible(sets.size() > 1);
        chart->legend()->setAlignment(Qt::AlignRight);
        styleChart(chart, pal);
        QChart* old = view->chart();
        view->setChart(chart);
        delete old;
    };

    QStringList vendorNames;
    QList<double> success, p50, p95;
    for (const auto& v : s.vendors) {
        vendorNames << v.vendor;
        success << qRound(v.successRate * 1000.0) / 10.0;
        p50 << v.latencyP50Ms;
        p95 << v.latencyP95Ms;
    }
    vendorBars(m_success, tr("Success rate per vendor"), {{tr("accepted"), success}}, vendorNames,
               {models::StatusText::color(QStringLiteral("verified"))}, true);
    vendorBars(m_latency, tr("Latency per vendor (ms)"), {{tr("p50"), p50}, {tr("p95"), p95}}, vendorNames,
               {QColor(0x2f, 0x7e, 0xd8), QColor(0x8e, 0x5c, 0xd9)}, false);

    QStringList channels;
    QList<double> conversion;
    for (const auto& c : s.channels) {
        channels << models::StatusText::channel(c.channel);
        conversion << qRound(c.conversion * 1000.0) / 10.0;
    }
    vendorBars(m_conversion, tr("Codes verified per channel"), {{tr("verified"), conversion}}, channels,
               {QColor(0x1f, 0xa3, 0x9a)}, true);

    // Top error codes as horizontal bars, most frequent on top.
    {
        auto* chart = new QChart;
        auto* series = new QHorizontalBarSeries;
        auto* set = new QBarSet(tr("failed sends"));
        set->setColor(models::StatusText::color(QStringLiteral("delivery_failed")));
        set->setBorderColor(set->color());
        QStringList labels;
        double max = 0;
        for (auto it = s.errors.crbegin(); it != s.errors.crend(); ++it) {
            labels << QStringLiteral("%1 %2").arg(it->vendor, it->code.isEmpty() ? tr("(no code)") : it->code);
            *set << double(it->count);
            max = qMax(max, double(it->count));
        }
        series->append(set);
        series->setLabelsVisible(true);
        chart->addSeries(series);
        auto* y = new QBarCategoryAxis;
        y->append(labels.isEmpty() ? QStringList{tr("no errors")} : labels);
        auto* x = new QValueAxis;
        finishValueAxis(x, max);
        x->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(y, Qt::AlignLeft);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        series->attachAxis(y);
        chart->setTitle(tr("Top vendor error codes"));
        chart->legend()->setVisible(false);
        styleChart(chart, pal);
        QChart* old = m_errors->chart();
        m_errors->setChart(chart);
        delete old;
    }

    qint64 sends = 0, accepted = 0;
    for (const auto& v : s.vendors) {
        sends += v.sends;
        accepted += v.accepted;
    }
    m_summary->setText(tr("%1 sends, %2 accepted (%3 %) · updated %4")
                           .arg(sends)
                           .arg(accepted)
                           .arg(sends ? 100.0 * double(accepted) / double(sends) : 0.0, 0, 'f', 1)
                           .arg(QDateTime::fromMSecsSinceEpoch(s.nowMs).toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
}

void DashboardPage::retranslateUi()
{
    m_windowLabel->setText(tr("&Window"));
    m_window->setItemText(0, tr("Last 15 minutes"));
    m_window->setItemText(1, tr("Last hour"));
    m_window->setItemText(2, tr("Last 24 hours"));
    m_window->setItemText(3, tr("Last 7 days"));
    emit m_vendors->headerDataChanged(Qt::Horizontal, 0, models::VendorStatsModel::ColumnCount - 1);
    rebuildCharts();
}

} // namespace otp::ui
