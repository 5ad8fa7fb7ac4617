#pragma once

#include <QStyledItemDelegate>

namespace otp::ui {

// Draws cells as QStyledItemDelegate does; a cell whose text does not fit its column (elided "…") has
// the whole text as its tooltip, followed by the model's own tooltip where that says more. A cell that
// fits keeps the model's tooltip alone.
class ElidedCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

    // Whether the cell's text is cut at `option`'s rectangle.
    bool isElided(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    // The tooltip the cell shows at `option`'s rectangle (empty: none).
    QString toolTipFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;
};

} // namespace otp::ui
