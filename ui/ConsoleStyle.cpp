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

void ConsoleStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                                 const QWidget* widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    // Keyboard focus keeps Fusion's highlighted edge.
    if (element != PE_IndicatorCheckBox || (option->state & State_HasFocus && option->state & State_KeyboardFocusChange))
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setBrush(Qt::NoBrush);
    QColor edge = indicatorEdge(option->palette);
    if (!(option->state & State_Enabled))
        edge.setAlphaF(0.5f);
    painter->setPen(QPen(edge, 1));
    painter->translate(0.5, 0.5); // Fusion's own square: the option's rect, half a pixel in
    painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
    painter->restore();
}

} // namespace otp::ui
