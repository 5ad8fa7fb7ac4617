#include "ElidedCellDelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QStyle>
#include <QTextDocument>
#include <QToolTip>

namespace otp::ui {

bool ElidedCellDelegate::isElided(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.text.isEmpty())
        return false;
    const QWidget* widget = opt.widget;
    const QStyle* style = widget ? widget->style() : QApplication::style();
    // As QCommonStyle lays the text out: its rectangle less a focus-frame margin on each side.
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    return opt.fontMetrics.horizontalAdvance(opt.text) > textRect.width() - 2 * margin;
}

QString ElidedCellDelegate::toolTipFor(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QString own = index.data(Qt::ToolTipRole).toString();
    if (!isElided(option, index))
        return own;
    const QString full = index.data(Qt::DisplayRole).toString();
    if (own.isEmpty() || own == full)
        return full;
    if (own.startsWith(full))
        return own; // the model's tooltip already begins with the whole text
    return full + QLatin1Char('\n') + own;
}

bool ElidedCellDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                                   const QModelIndex& index)
{
    if (!event || !view || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString tip = toolTipFor(option, index);
    if (tip.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return false;
    }
    // Plain text: a vendor's answer is never markup, whatever it contains.
    QToolTip::showText(event->globalPos(), Qt::mightBeRichText(tip) ? Qt::convertFromPlainText(tip) : tip, view, option.rect);
    return true;
}

} // namespace otp::ui
