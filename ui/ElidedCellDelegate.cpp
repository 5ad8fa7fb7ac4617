#include "ElidedCellDelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>

#include <cmath>

namespace otp::ui {

namespace {
const QStyle* styleOf(const QStyleOptionViewItem& opt)
{
    return opt.widget ? opt.widget->style() : QApplication::style();
}

// As QCommonStyle lays the text out: its rectangle less a focus-frame margin on each side.
QRect textRectOf(const QStyleOptionViewItem& opt)
{
    const QStyle* style = styleOf(opt);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1;
    return style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(margin, 0, -margin, 0);
}

bool wraps(const QStyleOptionViewItem& opt)
{
    return (opt.features & QStyleOptionViewItem::WrapText) && !opt.text.isEmpty();
}

// Lines at `width`, at word boundaries or anywhere in a word wider than that; returns their height.
qreal layOut(QTextLayout& layout, const QStyleOptionViewItem& opt, int width)
{
    QTextOption textOption(Qt::AlignLeft);
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    textOption.setTextDirection(opt.direction);
    layout.setText(opt.text);
    layout.setFont(opt.font);
    layout.setTextOption(textOption);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(qMax(1, width));
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    return height;
}
} // namespace

QStringList ElidedCellDelegate::wrapText(const QStyleOptionViewItem& opt, QPainter* painter) const
{
    const QRect rect = textRectOf(opt);
    QTextLayout layout;
    const qreal height = layOut(layout, opt, rect.width());
    // The lines that fit the rectangle (one at least); the last of them takes the rest of the text, elided.
    int shown = 0;
    while (shown < layout.lineCount() && layout.lineAt(shown).y() + layout.lineAt(shown).height() <= rect.height() + 0.5)
        ++shown;
    shown = qMax(1, shown);
    const bool cut = shown < layout.lineCount();
    QStringList lines;
    for (int i = 0; i < shown; ++i) {
        const QTextLine line = layout.lineAt(i);
        lines << opt.text.mid(line.textStart(), i == shown - 1 && cut ? -1 : line.textLength());
    }
    if (cut)
        lines.last() = QFontMetrics(opt.font).elidedText(lines.last().simplified(), Qt::ElideRight, rect.width());
    if (!painter)
        return lines;

    // Centred in the cell as the style centres one line.
    const QPointF origin(rect.left(), rect.top() + (cut ? 0.0 : std::floor((rect.height() - height) / 2)));
    painter->save();
    painter->setClipRect(rect);
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
    painter->setPen(opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    for (int i = 0; i < shown; ++i) {
        const QTextLine line = layout.lineAt(i);
        if (i == shown - 1 && cut)
            painter->drawText(QRectF(origin.x(), origin.y() + line.y(), rect.width(), line.height()),
                              Qt::AlignLeft | Qt::AlignVCenter, lines.last());
        else
            line.draw(painter, origin);
    }
    painter->restore();
    return lines;
}

void ElidedCellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (!wraps(opt)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The style draws the cell's background, selection and focus; the text is drawn here, as laid out.
    QStyleOptionViewItem frame = opt;
    frame.text.clear();
    styleOf(opt)->drawControl(QStyle::CE_ItemViewItem, &frame, painter, opt.widget);
    wrapText(opt, painter);
}

QSize ElidedCellDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // A view asks for a row's height with the cell's width in the option's rectangle (none: the width hint).
    if (!wraps(opt) || opt.rect.width() <= 0)
        return size;
    QTextLayout layout;
    size.setHeight(int(std::ceil(layOut(layout, opt, textRectOf(opt).width()))));
    return size;
}

QStringList ElidedCellDelegate::textLines(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (wraps(opt))
        return wrapText(opt, nullptr);
    return {opt.fontMetrics.elidedText(opt.text, opt.textElideMode, textRectOf(opt).width())};
}

bool ElidedCellDelegate::isElided(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.text.isEmpty())
        return false;
    if (wraps(opt))
        return wrapText(opt, nullptr).join(QString()) != opt.text;
    return opt.fontMetrics.horizontalAdvance(opt.text) > textRectOf(opt).width();
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
