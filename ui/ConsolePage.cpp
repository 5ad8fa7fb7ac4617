#include "ConsolePage.h"

#include <QEvent>

namespace otp::ui {

void ConsolePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace otp::ui
