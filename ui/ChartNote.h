#pragma once

#include <QLabel>
#include <QList>

class QAbstractAxis;
class QAbstractSeries;
class QChartView;

namespace otp::ui {

// A note in words in place of a chart that has nothing to draw in the chosen range ("No sends in this
// range"): bare axes read as a broken chart or as zeros. While the note shows, the chart keeps its title
// and hides its axes, series and legend; they come back as they were when the note goes.
class ChartNote : public QLabel
{
    Q_OBJECT
public:
    explicit ChartNote(QChartView* view);

    // Shows the note in place of the chart's drawing; an empty text shows the chart again.
    void setNote(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void place();
    void hideDrawing();
    void restoreDrawing();

    QChartView* m_view;
    bool m_hiding = false;
    QList<QAbstractAxis*> m_hiddenAxes;
    QList<QAbstractSeries*> m_hiddenSeries;
    bool m_hiddenLegend = false;
};

} // namespace otp::ui
