#pragma once

#include "ConsoleContext.h"
#include "MessageTemplate.h"
#include "OperatorDirectory.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace otp::models {
class TemplatesModel;
}

namespace otp::ui {

// Settings → Message templates: one tenant's texts per purpose × channel × language (built in, or the
// tenant's own in bold), the tenant's message_language and app_name, and an editor for one text: the
// placeholders to insert, a live preview with sample values (MessageTemplates::render), the problem as
// the user types (MessageTemplates::problem), Save and Remove (back to built-in) for admins. Reads and
// writes go through TemplatesModel on the worker thread.
class TemplatesEditor : public QWidget
{
    Q_OBJECT
public:
    TemplatesEditor(const models::ConsoleContext& context, QWidget* parent = nullptr);

    void setOperator(const models::OperatorInfo& info);
    void retranslateUi();
    void load(const QString& tenant);
    void refresh();

    models::TemplatesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPlainTextEdit* bodyEdit() const { return m_body; }
    QLabel* previewLabel() const { return m_preview; }
    QLabel* problemLabel() const { return m_problem; }
    QLabel* resultLabel() const { return m_result; }
    QLabel* policyLabel() const { return m_policyLine; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* removeButton() const { return m_remove; }
    // Shows the text for this key in the editor (selects its row when there is one).
    void select(Purpose purpose, Channel channel, const QString& language);
    // The key and text the editor holds.
    MessageTemplate current() const;
    // What the buttons do, callable from tests.
    void save();
    void remove();
    // Inserts {name} at the cursor.
    void insertPlaceholder(const QString& name);

private:
    void showRow(int row);
    void keyChanged();
    void updatePreview();
    void updateButtons();

    models::ConsoleContext m_ctx;
    models::OperatorInfo m_operator;
    models::TemplatesModel* m_model;
    QLabel *m_title, *m_tenantLabel, *m_policyLine, *m_editorTitle, *m_placeholdersLabel, *m_previewTitle, *m_preview,
        *m_problem, *m_result;
    QLineEdit* m_tenant;
    QPushButton *m_load, *m_save, *m_remove;
    QList<QPushButton*> m_placeholderButtons;
    QComboBox *m_purpose, *m_channel, *m_language;
    QTableView* m_table;
    QPlainTextEdit* m_body;
    bool m_takeStored = true; // after a load, a save or a removal that worked: show the stored text
    bool m_showing = false; // the editor is being filled from a row: not the user typing
};

} // namespace otp::ui
