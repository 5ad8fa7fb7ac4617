#include "ConsoleStyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

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

} // namespace otp::ui
