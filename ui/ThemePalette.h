#pragma once

#include <QPalette>
#include <QString>

namespace otp::ui {

// The console's light and dark palettes (Fusion style), switchable at runtime.
class ThemePalette
{
public:
    enum class Theme { Light, Dark };

    static QPalette palette(Theme theme);
    static void apply(Theme theme);
    static QString name(Theme theme);
    static Theme fromName(const QString& name);
};

} // namespace otp::ui
