#include "AuditPage.h"

#include "AuditModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace otp::ui {

AuditPage::AuditPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent), m_model(new models::AuditModel(context, this)), m_table(new QTableView(this)), m_hint(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    const int widths[] = {150, 90, 70, 100, 80, 150};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addWidget(m_table, 1);
    retranslateUi();
    m_model->start();
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
    emit m_model->headerDataChanged(Qt::Horizontal, 0, models::AuditModel::ColumnCount - 1);
}

} // namespace otp::ui
