#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace otp::ui {

// The console's light and dark palettes (Fusion, as ConsoleStyle draws it), switchable at runtime.
class ThemePalette
{
public:
    enum class Theme { Light, Dark };

    static QPalette palette(Theme theme);
    static void apply(Theme theme);
    static QString name(Theme theme);
    static Theme fromName(const QString& name);

    // How a form names what is wrong with it: one red that reads on both palettes, used by the
    // status bar's error line and the dialogs' problem labels alike.
    static QColor problemColor();
    // `text` (plain, escaped here) as rich text in problemColor(); empty text stays empty.
    static QString problemHtml(const QString& text);
};

} // namespace otp::ui
