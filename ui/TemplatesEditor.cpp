#include "TemplatesEditor.h"

#include "StatusText.h"
#include "TemplatesModel.h"
#include "ThemePalette.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace otp::ui {

using models::TemplatesModel;
using models::TemplateText;

namespace {
const QString kSampleCode = QStringLiteral("482913");
}

TemplatesEditor::TemplatesEditor(const models::ConsoleContext& context, QWidget* parent)
    : QWidget(parent),
      m_ctx(context),
      m_model(new TemplatesModel(context, this)),
      m_title(new QLabel(this)),
      m_tenantLabel(new QLabel(this)),
      m_policyLine(new QLabel(this)),
      m_editorTitle(new QLabel(this)),
      m_placeholdersLabel(new QLabel(this)),
      m_previewTitle(new QLabel(this)),
      m_preview(new QLabel(this)),
      m_problem(new QLabel(this)),
      m_result(new QLabel(this)),
      m_tenant(new QLineEdit(QStringLiteral("default"), this)),
      m_load(new QPushButton(this)),
      m_save(new QPushButton(this)),
      m_remove(new QPushButton(this)),
      m_purpose(new QComboBox(this)),
      m_channel(new QComboBox(this)),
      m_language(new QComboBox(this)),
      m_table(new QTableView(this)),
      m_body(new QPlainTextEdit(this))
{
    m_table->setObjectName(QStringLiteral("templatesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // The key columns as wide as their words, the text the rest, wrapped onto more lines where it needs
    // them: a Tamil text was cut at 1366×768 ("… பகிர வே…"). Some thirty rows: fitting their heights is cheap.
    m_table->setWordWrap(true);
    for (int c : {TemplatesModel::PurposeColumn, TemplatesModel::ChannelColumn, TemplatesModel::LanguageColumn, TemplatesModel::SourceColumn})
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TemplatesModel::TextColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tenant->setMaximumWidth(180);
    m_tenantLabel->setBuddy(m_tenant);
    // QLabel's size hint is the text's advance; DejaVu Sans's "T" starts a pixel before it and a final "t" ends a
    // pixel after it, so "Tenant" lost its edges. A margin each side keeps a line's whole ink inside the label.
    m_tenantLabel->setContentsMargins(2, 0, 2, 0);
    m_policyLine->setObjectName(QStringLiteral("templatesPolicy"));
    m_policyLine->setWordWrap(true);

    for (Purpose p : {Purpose::Login, Purpose::Registration, Purpose::PasswordReset, Purpose::Signup})
        m_purpose->addItem(QString(), purposeName(p));
    for (Channel c : {Channel::Sms, Channel::WhatsApp, Channel::Email})
        m_channel->addItem(QString(), channelName(c));
    for (const QString& code : MessageTemplates::shippedLanguages())
        m_language->addItem(TemplateText::language(code), code);
    m_language->setEditable(true); // any ISO 639-1 code may be given a template
    m_language->setInsertPolicy(QComboBox::NoInsert);
    m_language->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_purpose->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_channel->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_body->setObjectName(QStringLiteral("templateBody"));
    m_body->setTabChangesFocus(true);
    // Room for the longest SMS (640 characters) in a few lines: the table keeps the height.
    m_body->setMinimumHeight(m_body->fontMetrics().lineSpacing() * 3 + 12);
    m_body->setMaximumHeight(m_body->fontMetrics().lineSpacing() * 7 + 12);
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(6);
    m_preview->setMinimumWidth(320);
    m_problem->setObjectName(QStringLiteral("templateProblem"));
    m_problem->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("templatesResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save->setObjectName(QStringLiteral("saveTemplateButton"));
    m_remove->setObjectName(QStringLiteral("removeTemplateButton"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addSpacing(12);
    top->addWidget(m_tenantLabel);
    top->addSpacing(4);
    top->addWidget(m_tenant);
    top->addWidget(m_load);

    auto* keyBar = new QHBoxLayout;
    keyBar->addWidget(m_editorTitle);
    keyBar->addWidget(m_purpose);
    keyBar->addWidget(m_channel);
    keyBar->addWidget(m_language);
    keyBar->addStretch(1);
    keyBar->addWidget(m_placeholdersLabel);
    for (const QString& name : {QStringLiteral("code"), QStringLiteral("minutes"), QStringLiteral("app"), QStringLiteral("purpose")}) {
        auto* b = new QPushButton(QLatin1Char('{') + name + QLatin1Char('}'), this);
        b->setObjectName(QStringLiteral("insert_") + name);
        b->setAutoDefault(false);
        b->setFocusPolicy(Qt::TabFocus);
        connect(b, &QPushButton::clicked, this, [this, name]() { insertPlaceholder(name); });
        m_placeholderButtons << b;
        keyBar->addWidget(b);
    }

    auto* previewBox = new QVBoxLayout;
    previewBox->setContentsMargins(0, 0, 0, 0);
    previewBox->addWidget(m_previewTitle);
    previewBox->addWidget(m_preview, 1);
    auto* textRow = new QHBoxLayout;
    textRow->addWidget(m_body, 3);
    textRow->addLayout(previewBox, 2);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_result, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_policyLine);
    layout->addWidget(m_table, 5);
    layout->addLayout(keyBar);
    layout->addLayout(textRow, 1);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);

    connect(m_load, &QPushButton::clicked, this, &TemplatesEditor::refresh);
    connect(m_tenant, &QLineEdit::returnPressed, this, &TemplatesEditor::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showRow(current.row()); });
    for (QComboBox* c : {m_purpose, m_channel})
        connect(c, &QComboBox::activated, this, &TemplatesEditor::keyChanged);
    connect(m_language, &QComboBox::currentTextChanged, this, [this]() {
        if (!m_showing)
            keyChanged();
    });
    connect(m_body, &QPlainTextEdit::textChanged, this, [this]() {
        updatePreview();
        if (!m_showing)
            m_result->clear();
    });
    connect(m_save, &QPushButton::clicked, this, &TemplatesEditor::save);
    connect(m_remove, &QPushButton::clicked, this, &TemplatesEditor::remove);
    connect(m_model, &TemplatesModel::modelAboutToBeReset, this, [this]() { m_showing = true; });
    connect(m_model, &TemplatesModel::loaded, this, [this]() {
        m_showing = false;
        // Keep the key the editor held, and what the user typed unless it was just saved.
        const MessageTemplate t = current();
        const QString typed = m_body->toPlainText();
        const int row = m_model->rowOf(t.purpose, t.channel, t.language);
        select(t.purpose, t.channel, t.language);
        if ((row < 0 || !m_takeStored) && !typed.isEmpty() && typed != m_body->toPlainText()) {
            m_showing = true;
            m_body->setPlainText(typed);
            m_showing = false;
            updatePreview();
        }
        retranslateUi();
    });
    connect(m_model, &TemplatesModel::finished, this, [this](const Outcome& o) {
        m_takeStored = o.ok(); // a refused text stays in the editor to be corrected
        const bool removal = o.ok() ? o.message.startsWith(QLatin1String("template removed")) : m_result->property("removing").toBool();
        m_result->setText(TemplateText::outcome(o, removal));
        QPalette p = m_result->palette();
        p.setColor(QPalette::WindowText, o.ok() ? palette().color(QPalette::WindowText) : ThemePalette::problemColor());
        m_result->setPalette(p);
    });
    QPalette pp = m_problem->palette();
    pp.setColor(QPalette::WindowText, ThemePalette::problemColor());
    m_problem->setPalette(pp);

    retranslateUi();
    updateButtons();
}

void TemplatesEditor::setOperator(const models::OperatorInfo& info)
{
    m_operator = info;
    m_model->setPermissions(info.permissions);
    const bool admin = info.permissions.canEditPolicy();
    m_body->setReadOnly(!admin);
    for (QPushButton* b : m_placeholderButtons)
        b->setEnabled(admin);
    retranslateUi();
    updateButtons();
}

void TemplatesEditor::load(const QString& tenant)
{
    m_tenant->setText(tenant);
    refresh();
}

void TemplatesEditor::refresh()
{
    const QString tenant = m_tenant->text().trimmed();
    m_takeStored = true;
    m_model->load(tenant.isEmpty() ? QStringLiteral("default") : tenant);
}

void TemplatesEditor::select(Purpose purpose, Channel channel, const QString& language)
{
    const int row = m_model->rowOf(purpose, channel, language);
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
        showRow(row); // when the row was current already
        return;
    }
    m_showing = true;
    m_purpose->setCurrentIndex(qMax(0, m_purpose->findData(purposeName(purpose))));
    m_channel->setCurrentIndex(qMax(0, m_channel->findData(channelName(channel))));
    const int lang = m_language->findData(language);
    if (lang >= 0)
        m_language->setCurrentIndex(lang);
    else
        m_language->setEditText(language);
    m_showing = false;
    updatePreview();
}

void TemplatesEditor::showRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const MessageTemplate& t = m_model->rowAt(row);
    m_showing = true;
    m_purpose->setCurrentIndex(qMax(0, m_purpose->findData(purposeName(t.purpose))));
    m_channel->setCurrentIndex(qMax(0, m_channel->findData(channelName(t.channel))));
    const int lang = m_language->findData(t.language);
    if (lang >= 0)
        m_language->setCurrentIndex(lang);
    else
        m_language->setEditText(t.language);
    if (m_body->toPlainText() != t.body)
        m_body->setPlainText(t.body);
    m_showing = false;
    updatePreview();
}

void TemplatesEditor::keyChanged()
{
    const MessageTemplate t = current();
    const int row = m_model->rowOf(t.purpose, t.channel, t.language);
    if (row >= 0) {
        m_table->selectRow(row);
        showRow(row);
    } else {
        m_table->clearSelection();
        updatePreview();
    }
}

MessageTemplate TemplatesEditor::current() const
{
    MessageTemplate t;
    t.tenant = m_model->tenant();
    t.purpose = purposeFromName(m_purpose->currentData().toString()).value_or(Purpose::Login);
    t.channel = channelFromName(m_channel->currentData().toString()).value_or(Channel::Sms);
    // The combo shows "हिन्दी (hi)" for shipped languages; a typed code is taken as it is.
    const int lang = m_language->findText(m_language->currentText());
    t.language = lang >= 0 ? m_language->itemData(lang).toString() : m_language->currentText().trimmed();
    t.body = m_body->toPlainText();
    return t;
}

void TemplatesEditor::insertPlaceholder(const QString& name)
{
    m_body->insertPlainText(QLatin1Char('{') + name + QLatin1Char('}'));
    m_body->setFocus();
}

void TemplatesEditor::save()
{
    if (!m_operator.permissions.canEditPolicy()) {
        m_result->setText(tr("Not saved: only an admin can change message templates (your role: %1).")
                              .arg(m_operator.permissions.roleTitle()));
        return;
    }
    const MessageTemplate t = current();
    if (const QString problem = TemplateText::problem(t.body); !problem.isEmpty()) {
        m_result->setText(tr("Not saved: %1").arg(problem));
        return;
    }
    m_result->setProperty("removing", false);
    m_result->setText(tr("Saving…"));
    m_model->save(t, Actor{m_operator.login, m_operator.permissions.roleName()});
}

void TemplatesEditor::remove()
{
    if (!m_operator.permissions.canEditPolicy()) {
        m_result->setText(tr("Not removed: only an admin can change message templates (your role: %1).")
                              .arg(m_operator.permissions.roleTitle()));
        return;
    }
    const MessageTemplate t = current();
    m_result->setProperty("removing", true);
    m_result->setText(tr("Removing…"));
    m_model->remove(t.purpose, t.channel, t.language, Actor{m_operator.login, m_operator.permissions.roleName()});
}

void TemplatesEditor::updatePreview()
{
    const MessageTemplate t = current();
    const QString problem = TemplateText::problem(t.body);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    const QString app = m_model->appName().isEmpty() ? m_model->tenant() : m_model->appName();
    m_preview->setText(t.body.trimmed().isEmpty()
                           ? QString()
                           : MessageTemplates::render(t.body.trimmed(), kSampleCode, m_model->ttlMinutes(), app, t.purpose));
    updateButtons();
}

void TemplatesEditor::updateButtons()
{
    const bool admin = m_operator.permissions.canEditPolicy();
    const MessageTemplate t = current();
    const int row = m_model->rowOf(t.purpose, t.channel, t.language);
    const bool own = row >= 0 && !m_model->rowAt(row).builtIn;
    const bool changed = row < 0 || m_model->rowAt(row).body != t.body.trimmed();
    m_save->setVisible(admin);
    m_remove->setVisible(admin);
    m_save->setEnabled(admin && changed && TemplateText::problem(t.body).isEmpty() &&
                       MessageTemplates::languageProblem(t.language).isEmpty());
    m_remove->setEnabled(admin && own);
}

void TemplatesEditor::retranslateUi()
{
    const bool admin = m_operator.permissions.canEditPolicy();
    m_title->setText(tr("<b>Message templates</b> — %1")
                         .arg(admin ? tr("the text each code travels in; choose a row, edit it below, then Save")
                                    : tr("read-only: only an admin can change them")));
    m_tenantLabel->setText(tr("&Tenant"));
    m_load->setText(tr("Load"));
    const QString app = m_model->appName();
    m_policyLine->setText(tr("Tenant <b>%1</b> sends its codes in <b>%2</b> (message_language); {app} is <b>%3</b>%4 "
                             "(app_name). Bold rows are the tenant's own text; the others are built in.")
                              .arg(m_model->tenant().toHtmlEscaped(), TemplateText::language(m_model->messageLanguage()).toHtmlEscaped(),
                                   (app.isEmpty() ? m_model->tenant() : app).toHtmlEscaped(),
                                   app.isEmpty() ? tr(" — the tenant's name, no app_name is set") : QString()));
    m_editorTitle->setText(tr("<b>Edit:</b>"));
    for (int i = 0; i < m_purpose->count(); ++i)
        m_purpose->setItemText(i, models::StatusText::purpose(m_purpose->itemData(i).toString()));
    for (int i = 0; i < m_channel->count(); ++i)
        m_channel->setItemText(i, models::StatusText::channel(m_channel->itemData(i).toString()));
    m_purpose->setToolTip(tr("Purpose"));
    m_channel->setToolTip(tr("Channel"));
    m_language->setToolTip(tr("Language: a shipped one, or type a two-letter code (ISO 639-1)"));
    m_placeholdersLabel->setText(tr("Insert:"));
    const QStringList tips{tr("The code itself; exactly once"), tr("How many minutes the code stays valid"),
                           tr("The app's name (app_name, else the tenant)"), tr("The purpose in words, e.g. password reset")};
    for (int i = 0; i < m_placeholderButtons.size(); ++i)
        m_placeholderButtons.at(i)->setToolTip(tips.value(i));
    m_body->setPlaceholderText(tr("The message text, with {code} once"));
    m_previewTitle->setText(tr("Preview (sample code %1, %n minute(s))", nullptr, m_model->ttlMinutes()).arg(kSampleCode));
    m_save->setText(tr("&Save template"));
    m_remove->setText(tr("&Remove (back to built-in)"));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, TemplatesModel::ColumnCount - 1);
    updatePreview();
}

} // namespace otp::ui
