#pragma once

#include <QStyledItemDelegate>

namespace otp::ui {

// Draws cells as QStyledItemDelegate does; a cell whose text does not fit its column (elided "…") has
// the whole text as its tooltip, followed by the model's own tooltip where that says more. A cell that
// fits keeps the model's tooltip alone.
//
// In a view that wraps (QTableView::setWordWrap), the delegate lays the text out and draws it itself, at word
// boundaries or, for a word wider than the cell (a vendor's message id), anywhere; sizeHint() measures that same
// layout, so a row resized to its contents holds every line. The style's own drawing wrapped at words only and
// elided a row that its size hint had made two lines tall onto one line (the phone lookup's Tamil details).
class ElidedCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

    // Whether the cell's text is cut at `option`'s rectangle.
    bool isElided(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    // The lines the cell's text is drawn in at `option`'s rectangle, the last one elided when they do not all fit
    // (one line unless `option` wraps). For a wrapping view these are the very lines paint() draws.
    QStringList textLines(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    // The tooltip the cell shows at `option`'s rectangle (empty: none).
    QString toolTipFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;

private:
    // Lays out a wrapping cell's text in `opt`'s text rectangle; draws it when `painter` is given.
    QStringList wrapText(const QStyleOptionViewItem& opt, QPainter* painter) const;
};

} // namespace otp::ui
