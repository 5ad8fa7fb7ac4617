#include "ThemePalette.h"

#include "ConsoleStyle.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace otp::ui {

QColor ThemePalette::problemColor()
{
    return QColor(0xd6, 0x3a, 0x3a);
}

QString ThemePalette::problemHtml(const QString& text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(problemColor().name(), text.toHtmlEscaped());
}

QPalette ThemePalette::palette(Theme theme)
{
    if (theme == Theme::Light) {
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette p = fusion ? fusion->standardPalette() : QPalette();
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x7e, 0xd8));
        return p;
    }
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe6, 0xe6, 0xe6), disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x5a, 0xa0, 0xf0));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x7e, 0xd8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Disabled, QPalette::Text, disabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    return p;
}

void ThemePalette::apply(Theme theme)
{
    QApplication::setStyle(new ConsoleStyle);
    QApplication::setPalette(palette(theme));
}

QString ThemePalette::name(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

ThemePalette::Theme ThemePalette::fromName(const QString& name)
{
    return name == QLatin1String("dark") ? Theme::Dark : Theme::Light;
}

} // namespace otp::ui
