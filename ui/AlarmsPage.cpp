#include "AlarmsPage.h"

#include "AlarmHistoryModel.h"
#include "ElidedCellDelegate.h"
#include "ReasonDialog.h"
#include "StatusText.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace otp::ui {

using models::AlarmHistoryModel;

AlarmsPage::AlarmsPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_model(new AlarmHistoryModel(context, this)),
      m_table(new QTableView(this)),
      m_activeOnly(new QCheckBox(this)),
      m_ack(new QPushButton(this)),
      m_result(new QLabel(this)),
      m_roleNote(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_empty(new QLabel)
{
    m_table->setObjectName(QStringLiteral("alarmsTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new ElidedCellDelegate(m_table)); // an elided cell's whole text as its tooltip
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    const int widths[] = {130, 130, 80, 420};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);
    m_activeOnly->setObjectName(QStringLiteral("activeOnly"));
    m_ack->setObjectName(QStringLiteral("acknowledgeButton"));
    m_ack->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_result->setObjectName(QStringLiteral("acknowledgeResult"));
    m_result->setWordWrap(true);
    m_roleNote->setWordWrap(true);
    m_hint->setWordWrap(true);
    // The empty state sits in the table's viewport, under the headers, where the rows would be.
    m_empty->setObjectName(QStringLiteral("alarmsEmptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_empty->setForegroundRole(QPalette::Text); // on the table's Base, in either theme
    m_empty->hide();
    auto* emptyLayout = new QVBoxLayout(m_table->viewport());
    emptyLayout->setContentsMargins(24, 24, 24, 24);
    emptyLayout->addWidget(m_empty);

    auto* top = new QHBoxLayout;
    top->addWidget(m_activeOnly);
    top->addStretch(1);
    top->addWidget(m_roleNote);
    top->addWidget(m_ack);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_result);

    connect(m_activeOnly, &QCheckBox::toggled, m_model, &AlarmHistoryModel::setActiveOnly);
    connect(m_ack, &QPushButton::clicked, this, &AlarmsPage::requestAcknowledge);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlarmsPage::updateButtons);
    // A re-read with new alarms replaces the rows: the selected alarm is found again by id.
    connect(m_model, &AlarmHistoryModel::modelAboutToBeReset, this, [this]() { m_keepSelected = selectedId(); });
    connect(m_model, &AlarmHistoryModel::modelReset, this, [this]() {
        if (m_keepSelected)
            selectAlarm(m_keepSelected);
        updateButtons();
    });
    connect(m_model, &AlarmHistoryModel::dataChanged, this, &AlarmsPage::updateButtons);
    connect(m_model, &AlarmHistoryModel::loaded, this, &AlarmsPage::updateEmptyState);
    connect(m_model, &AlarmHistoryModel::modelReset, this, &AlarmsPage::updateEmptyState);
    connect(m_model, &AlarmHistoryModel::acknowledgeFinished, this, [this](const Outcome& o) {
        m_result->setText(o.status == OutcomeStatus::Ok ? tr("Acknowledged; your name and reason are in the audit log.")
                                                        : tr("Not acknowledged: %1").arg(models::StatusText::outcome(o)));
    });
    retranslateUi();
    m_model->refresh(); // the history is there when first opened; it polls only while shown
}

void AlarmsPage::showEvent(QShowEvent* event)
{
    m_model->start();
    ConsolePage::showEvent(event);
}

void AlarmsPage::hideEvent(QHideEvent* event)
{
    m_model->stop();
    ConsolePage::hideEvent(event);
}

void AlarmsPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    retranslateUi();
}

void AlarmsPage::refresh()
{
    m_model->refresh();
}

qint64 AlarmsPage::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(AlarmHistoryModel::AlarmIdRole).toLongLong();
}

void AlarmsPage::selectAlarm(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row >= 0)
        m_table->selectRow(row);
}

void AlarmsPage::updateButtons()
{
    const bool allowed = m_operator.permissions.canAcknowledgeAlarms();
    const int row = m_model->rowOfId(selectedId());
    m_ack->setVisible(allowed);
    m_ack->setEnabled(allowed && row >= 0 && !m_model->rowAt(row).acknowledged());
}

void AlarmsPage::updateEmptyState()
{
    // Before the first read comes back (or while the database cannot be read) an empty table says nothing.
    const bool empty = m_model->hasLoaded() && m_model->rowCount() == 0;
    if (empty)
        m_empty->setText(m_model->rowsAreActiveOnly()
                             ? tr("No active alarms right now. Clear “Only active alarms” to see the ones that have "
                                  "cleared.")
                             : tr("No alarms: no health rule has fired on this database yet."));
    m_empty->setVisible(empty);
}

ReasonDialog* AlarmsPage::requestAcknowledge()
{
    const qint64 id = selectedId();
    const int row = m_model->rowOfId(id);
    if (row < 0 || !m_operator.permissions.canAcknowledgeAlarms())
        return nullptr;
    const QString words = m_model->rowAt(row).words();
    auto* dialog = new ReasonDialog(tr("Acknowledge alarm"),
                                    tr("Acknowledge “%1”? It stays active until it clears by itself; your name and reason "
                                       "go to the audit log and the history.").arg(words),
                                    tr("e.g. gupshup outage confirmed, traffic moved to WATI"), tr("Acknowledge"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id]() {
        m_model->acknowledge(id, dialog->reason(), Actor{m_operator.login, m_operator.permissions.roleName()},
                             m_operator.permissions.canAcknowledgeAlarms());
    });
    dialog->open();
    return dialog;
}

void AlarmsPage::retranslateUi()
{
    m_hint->setText(tr("Alarms raised by the health rules (vendor success and latency, outbox depth, lockouts, "
                       "conversion per number block), newest first. An alarm clears by itself when its rule holds again."));
    m_activeOnly->setText(tr("Only ac&tive alarms"));
    m_ack->setText(tr("&Acknowledge…"));
    m_ack->setToolTip(tr("Say that someone is on the selected alarm (needs a reason; audited)"));
    m_roleNote->setText(m_operator.permissions.canAcknowledgeAlarms()
                            ? QString()
                            : tr("Only an admin can acknowledge; your role is %1.").arg(m_operator.permissions.roleTitle()));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, AlarmHistoryModel::ColumnCount - 1);
    widenToHeaders(m_table, {AlarmHistoryModel::Raised, AlarmHistoryModel::Cleared});
    updateButtons();
    updateEmptyState();
}

} // namespace otp::ui
