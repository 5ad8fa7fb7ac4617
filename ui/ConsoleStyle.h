#pragma once

#include <QProxyStyle>

namespace otp::ui {

// Fusion, with check box indicators whose edge reads on both palettes (the console has no radio buttons). Fusion draws
// that edge in the window colour darkened, which on the dark palette's dark grey is all but invisible
// (about 1.1:1); the console draws it halfway between the text and the base colour instead, at least
// 3:1 on the window and on the base in both themes (WCAG's contrast for a control's edge).
class ConsoleStyle : public QProxyStyle
{
    Q_OBJECT
public:
    ConsoleStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;

    // The indicators' edge for a palette.
    static QColor indicatorEdge(const QPalette& palette);
};

} // namespace otp::ui
