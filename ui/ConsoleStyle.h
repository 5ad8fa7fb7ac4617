#pragma once

#include <QProxyStyle>

namespace otp::ui {

// Fusion, with control edges that read on both palettes (the console has no radio buttons): check box
// indicators and text fields (QLineEdit, QComboBox, QSpinBox). Fusion draws those edges in the window colour
// darkened, which on the dark palette's dark grey is all but invisible (about 1.1–1.9:1) and on the light one
// 2:1; the console draws them halfway between the text and the base colour instead, at least 3:1 on the window
// and on the base in both themes (WCAG's contrast for a control's edge). Keyboard focus keeps Fusion's edge.
class ConsoleStyle : public QProxyStyle
{
    Q_OBJECT
public:
    ConsoleStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                            const QWidget* widget = nullptr) const override;
    // A one-line text with a shown mnemonic ("T&enant") is drawn in one piece, as without the mnemonic, and its
    // underline beneath: Qt draws such a text in pieces split at the underlined letter, which loses the kerning
    // across the split ("Te" is kerned) and makes the text a pixel wider than the label's size hint measured, and
    // then clips it to that width (the final "t" of "Tenant" lost its right half).
    void drawItemText(QPainter* painter, const QRect& rect, int flags, const QPalette& palette, bool enabled,
                      const QString& text, QPalette::ColorRole textRole = QPalette::NoRole) const override;

    // The edge of indicators and text fields for a palette.
    static QColor indicatorEdge(const QPalette& palette);

private:
    // Fusion's frame, its rounded rect half a pixel in, drawn again in indicatorEdge().
    static void drawEdge(const QStyleOption* option, QPainter* painter, qreal radius);
};

} // namespace otp::ui
