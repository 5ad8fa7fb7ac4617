#include "ChartNote.h"

#include <QAbstractAxis>
#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>

namespace otp::ui {

ChartNote::ChartNote(QChartView* view) : QLabel(view), m_view(view)
{
    setObjectName(QStringLiteral("chartNote"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::Text); // on the chart's Base background, in both themes
    setAttribute(Qt::WA_TransparentForMouseEvents);
    hide();
    view->installEventFilter(this);
}

void ChartNote::setNote(const QString& text)
{
    setText(text);
    if (text.isEmpty()) {
        restoreDrawing();
        hide();
        return;
    }
    hideDrawing();
    place();
    show();
    raise();
}

bool ChartNote::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Resize && isVisible())
        place();
    return QLabel::eventFilter(watched, event);
}

void ChartNote::place()
{
    // Centred in the chart below its title line.
    const QChart* chart = m_view->chart();
    const int top = chart->title().isEmpty() ? 0 : QFontMetrics(chart->titleFont()).lineSpacing() + 12;
    setGeometry(QRect(0, top, m_view->width(), qMax(0, m_view->height() - top)).adjusted(12, 0, -12, -12));
}

void ChartNote::hideDrawing()
{
    if (m_hiding)
        return;
    m_hiding = true;
    QChart* chart = m_view->chart();
    for (QAbstractAxis* axis : chart->axes())
        if (axis->isVisible()) {
            axis->setVisible(false);
            m_hiddenAxes << axis;
        }
    for (QAbstractSeries* series : chart->series())
        if (series->isVisible()) {
            series->setVisible(false);
            m_hiddenSeries << series;
        }
    m_hiddenLegend = chart->legend()->isVisible();
    chart->legend()->setVisible(false);
}

void ChartNote::restoreDrawing()
{
    if (!m_hiding)
        return;
    m_hiding = false;
    for (QAbstractAxis* axis : std::as_const(m_hiddenAxes))
        axis->setVisible(true);
    for (QAbstractSeries* series : std::as_const(m_hiddenSeries))
        series->setVisible(true);
    if (m_hiddenLegend)
        m_view->chart()->legend()->setVisible(true);
    m_hiddenAxes.clear();
    m_hiddenSeries.clear();
}

} // namespace otp::ui
