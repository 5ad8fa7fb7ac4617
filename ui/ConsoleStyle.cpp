#include "ConsoleStyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTextLayout>

#include <cmath>

namespace otp::ui {

ConsoleStyle::ConsoleStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

QColor ConsoleStyle::indicatorEdge(const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text), base = palette.color(QPalette::Base);
    return QColor((text.red() + base.red()) / 2, (text.green() + base.green()) / 2, (text.blue() + base.blue()) / 2);
}

void ConsoleStyle::drawEdge(const QStyleOption* option, QPainter* painter, qreal radius)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setBrush(Qt::NoBrush);
    QColor edge = indicatorEdge(option->palette);
    if (!(option->state & State_Enabled))
        edge.setAlphaF(0.5f);
    painter->setPen(QPen(edge, 1));
    painter->translate(0.5, 0.5); // Fusion's own outline: the option's rect, half a pixel in
    if (radius > 0)
        painter->drawRoundedRect(option->rect.adjusted(0, 0, -1, -1), radius, radius);
    else
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
    painter->restore();
}

void ConsoleStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                                 const QWidget* widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    if (element == PE_IndicatorCheckBox && !(option->state & State_HasFocus && option->state & State_KeyboardFocusChange))
        drawEdge(option, painter, 0);
    else if (element == PE_FrameLineEdit && !(option->state & State_HasFocus)) // Fusion highlights a focused field
        drawEdge(option, painter, 2);
}

void ConsoleStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                                      const QWidget* widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    bool framed = false;
    if (const auto* combo = qstyleoption_cast<const QStyleOptionComboBox*>(option); combo && control == CC_ComboBox)
        framed = combo->frame;
    else if (const auto* spin = qstyleoption_cast<const QStyleOptionSpinBox*>(option); spin && control == CC_SpinBox)
        framed = spin->frame;
    // As Fusion highlights them: a spin box whenever it has focus, a drop-down when it came by keyboard.
    const bool focused = option->state & State_HasFocus && (control == CC_SpinBox || option->state & State_KeyboardFocusChange);
    if (framed && !focused)
        drawEdge(option, painter, 2);
}

void ConsoleStyle::drawItemText(QPainter* painter, const QRect& rect, int flags, const QPalette& palette, bool enabled,
                                const QString& text, QPalette::ColorRole textRole) const
{
    // The text without its mnemonic marks ("&&" is a literal "&"), and where the one underlined letter is in it.
    QString plain;
    int underlined = -1;
    bool plainOneLine = (flags & Qt::TextShowMnemonic) && !(flags & (Qt::TextWordWrap | Qt::TextWrapAnywhere));
    for (int i = 0; plainOneLine && i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\t') || c == QChar::LineSeparator)
            plainOneLine = false;
        else if (c != QLatin1Char('&'))
            plain += c;
        else if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&'))
            plain += text.at(++i);
        else if (underlined < 0 && i + 1 < text.size() && !text.at(i + 1).isSurrogate())
            underlined = int(plain.size());
        else
            plainOneLine = false; // a second mnemonic, a trailing '&' or a surrogate: as Qt draws it
    }
    if (!plainOneLine || underlined < 0) {
        QProxyStyle::drawItemText(painter, rect, flags, palette, enabled, text, textRole);
        return;
    }
    QProxyStyle::drawItemText(painter, rect, flags & ~Qt::TextShowMnemonic, palette, enabled, plain, textRole);
    // The underline under its letter, where the text was put: its line's box in `rect` and its baseline.
    QTextLayout layout(plain, painter->font(), painter->device());
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(1e6); // one line, as drawn
    layout.endLayout();
    if (!line.isValid())
        return;
    const QRectF box = painter->boundingRect(QRectF(rect), flags & ~Qt::TextShowMnemonic, plain);
    const qreal from = line.cursorToX(underlined), to = line.cursorToX(underlined + 1);
    const QFontMetricsF fm(painter->font(), painter->device());
    const QBrush brush = textRole != QPalette::NoRole ? palette.brush(textRole) : painter->pen().brush();
    // Qt rounds the underline's offset up, clear of the letters above it.
    painter->fillRect(QRectF(box.left() + qMin(from, to), std::round(box.top() + line.ascent() + std::ceil(fm.underlinePos())), qAbs(to - from),
                             qMax<qreal>(1, std::round(fm.lineWidth()))),
                      brush);
}

} // namespace otp::ui
