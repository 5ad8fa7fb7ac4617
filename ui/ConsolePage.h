#pragma once

#include "OperatorDirectory.h"

#include <QWidget>

#include <initializer_list>

class QLineEdit;
class QTableView;

namespace otp::ui {

// One page of the main window. Pages retranslate themselves on LanguageChange, adapt to the
// operator's role, and name the table that "Export as CSV" and the saved column layout use.
class ConsolePage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    // Stable key for QSettings (never translated).
    virtual QString settingsKey() const = 0;
    virtual void setOperator(const models::OperatorInfo& info) { m_operator = info; }
    // The table exported as CSV and whose column layout is remembered; nullptr when none.
    virtual QTableView* mainTable() const { return nullptr; }
    // What takes the keyboard when the page is opened (Ctrl+N, a sidebar click): the field a person
    // types into first, else the main table.
    virtual QWidget* primaryField() const;
    virtual void refresh() {}

protected:
    void changeEvent(QEvent* event) override;
    virtual void retranslateUi() = 0;
    // Widens each interactive column of `table` (not the last, which stretches) to its header in the
    // operator's language, and the `timeColumns` to a whole date and time: Tamil's headers were cut
    // ("ற்பனையாள") and another day's times elided ("2027-01-…"). Call after the headers are retranslated.
    static void widenToHeaders(QTableView* table, std::initializer_list<int> timeColumns = {});
    // A search field at least `minimum` wide and wide enough for its placeholder in the operator's
    // language (Tamil's were cut: "…, குத்தகையாளர், …" lost "reason"). Call after setting the placeholder.
    static void fitPlaceholder(QLineEdit* field, int minimum);

    models::OperatorInfo m_operator;
};

} // namespace otp::ui
