#include "AuditPage.h"

#include "AuditModel.h"

#include "ElidedCellDelegate.h"
#include "Permissions.h"
#include "StatusText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace otp::ui {

AuditPage::AuditPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_model(new models::AuditModel(context, this)),
      m_byAction(new QSortFilterProxyModel(this)),
      m_bySearch(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)),
      m_hint(new QLabel(this)),
      m_actionLabel(new QLabel(this)),
      m_action(new QComboBox(this)),
      m_search(new QLineEdit(this))
{
    m_byAction->setSourceModel(m_model);
    m_byAction->setFilterRole(models::AuditModel::ActionKeyRole);
    m_bySearch->setSourceModel(m_byAction);
    m_bySearch->setFilterRole(models::AuditModel::SearchRole);
    m_bySearch->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setClearButtonEnabled(true);
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_action->addItem(QString(), QString());
    m_actionLabel->setBuddy(m_action);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_bySearch);
    m_table->setItemDelegate(new ElidedCellDelegate(m_table)); // an elided cell's whole text as its tooltip
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // A row as tall as its details need: in Tamil they ran past the column ("விளைவு: …"). At most 500 rows.
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    const int widths[] = {150, 90, 70, 150, 80, 170};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_actionLabel);
    filters->addWidget(m_action);
    filters->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    connect(m_search, &QLineEdit::textChanged, m_bySearch, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_action, &QComboBox::currentIndexChanged, this, [this]() {
        const QString key = m_action->currentData().toString();
        m_byAction->setFilterRegularExpression(key.isEmpty() ? QString()
                                                             : QStringLiteral("^%1$").arg(QRegularExpression::escape(key)));
    });
    connect(m_model, &models::AuditModel::loaded, this, &AuditPage::refillActions);
    retranslateUi();
    m_model->start();
}

QWidget* AuditPage::primaryField() const
{
    return m_search;
}

void AuditPage::setFilter(const QString& action, const QString& text)
{
    if (!action.isEmpty() && m_action->findData(action) < 0)
        m_action->addItem(models::StatusText::auditAction(action), action);
    m_action->setCurrentIndex(qMax(0, m_action->findData(action)));
    m_search->setText(text);
}

void AuditPage::refillActions()
{
    QStringList actions;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (!actions.contains(m_model->rowAt(r).action))
            actions << m_model->rowAt(r).action;
    for (int i = 1; i < m_action->count(); ++i)
        actions.removeAll(m_action->itemData(i).toString());
    for (const QString& a : actions)
        m_action->addItem(models::StatusText::auditAction(a), a);
}

void AuditPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    m_model->setRevealDestinations(info.permissions.revealsDestinations());
}

void AuditPage::refresh()
{
    m_model->refresh();
}

void AuditPage::retranslateUi()
{
    m_hint->setText(tr("Every change a person made through the console or otpctl, newest first."));
    m_search->setPlaceholderText(tr("Search who, phone, email, reason…"));
    fitPlaceholder(m_search, 300);
    m_actionLabel->setText(tr("&Action"));
    m_action->setItemText(0, tr("all"));
    for (int i = 1; i < m_action->count(); ++i)
        m_action->setItemText(i, models::StatusText::auditAction(m_action->itemData(i).toString()));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, models::AuditModel::ColumnCount - 1);
    widenToHeaders(m_table, {models::AuditModel::When});
    // Every action in words whole (Tamil's "குறியீடு கைமுறையாக …" was cut): the filter lists them all.
    int action = 0;
    for (int i = 1; i < m_action->count(); ++i)
        action = qMax(action, m_table->fontMetrics().horizontalAdvance(m_action->itemText(i)) + 16);
    if (m_table->columnWidth(models::AuditModel::Action) < action)
        m_table->setColumnWidth(models::AuditModel::Action, qMin(action, 320));
    // Each role's name on one line (Tamil's QA is two words).
    int role = 0;
    for (const char* name : {"admin", "support", "qa", "cli", "api", "system"})
        role = qMax(role, m_table->fontMetrics().horizontalAdvance(models::Permissions::roleTitle(QLatin1String(name))) + 16);
    if (m_table->columnWidth(models::AuditModel::Role) < role)
        m_table->setColumnWidth(models::AuditModel::Role, qMin(role, 160));
}

} // namespace otp::ui
