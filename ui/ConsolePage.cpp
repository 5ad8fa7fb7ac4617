#include "ConsolePage.h"

#include <QEvent>
#include <QTableView>

namespace otp::ui {

QWidget* ConsolePage::primaryField() const
{
    return mainTable();
}

void ConsolePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace otp::ui
