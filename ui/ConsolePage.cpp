#include "ConsolePage.h"

#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QStyleOptionFrame>
#include <QStyle>
#include <QTableView>

namespace otp::ui {

QWidget* ConsolePage::primaryField() const
{
    return mainTable();
}

void ConsolePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConsolePage::fitPlaceholder(QLineEdit* field, int minimum)
{
    // The text's width, the line edit's own margins and frame as the style sizes a field for a text,
    // and room for the clear button that takes the right end while a search is typed.
    QStyleOptionFrame option;
    option.initFrom(field);
    option.lineWidth = field->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, field);
    const QMargins m = field->textMargins();
    const int text = field->fontMetrics().horizontalAdvance(field->placeholderText()) + m.left() + m.right() + 4;
    const int clear = field->isClearButtonEnabled() ? field->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, field) + 8 : 0;
    const QSize need = field->style()->sizeFromContents(QStyle::CT_LineEdit, &option, QSize(text + clear, field->fontMetrics().height()), field);
    field->setMinimumWidth(qMax(minimum, need.width()));
}

void ConsolePage::widenToHeaders(QTableView* table, std::initializer_list<int> timeColumns)
{
    // Only ever wider: a width the operator chose (or the saved layout) that already fits stays.
    QHeaderView* header = table->horizontalHeader();
    const int fullTime = table->fontMetrics().horizontalAdvance(QStringLiteral("2027-01-15 08:02:00")) + 16;
    const int last = header->count() - 1;
    for (int c = 0; c < last; ++c) {
        // The header's text and its margins (sectionSizeHint() adds room for a sort arrow to every column).
        const QString text = table->model()->headerData(c, Qt::Horizontal).toString();
        int need = header->fontMetrics().horizontalAdvance(text) + 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin) + 8;
        if (std::find(timeColumns.begin(), timeColumns.end(), c) != timeColumns.end())
            need = qMax(need, fullTime);
        if (!header->isSectionHidden(c) && header->sectionResizeMode(c) == QHeaderView::Interactive && table->columnWidth(c) < need)
            table->setColumnWidth(c, need);
    }
}

} // namespace otp::ui
