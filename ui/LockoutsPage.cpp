#include "LockoutsPage.h"

#include "Clock.h"
#include "ElidedCellDelegate.h"
#include "LockoutsModel.h"
#include "StatusText.h"
#include "UnlockDialog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace otp::ui {

using models::LockoutsModel;

LockoutsPage::LockoutsPage(const models::ConsoleContext& context, QWidget* parent)
    : ConsolePage(parent),
      m_ctx(context),
      m_model(new LockoutsModel(context, this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)),
      m_search(new QLineEdit(this)),
      m_history(new QCheckBox(this)),
      m_unlock(new QPushButton(this)),
      m_result(new QLabel(this)),
      m_roleNote(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("lockoutsTable"));
    // A search over the full destination (any spelling of its digits), tenant, reason and who unlocked.
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(LockoutsModel::SearchRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setObjectName(QStringLiteral("lockoutsSearch"));
    m_search->setClearButtonEnabled(true);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new ElidedCellDelegate(m_table)); // an elided cell's whole text as its tooltip
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    const int widths[] = {150, 80, 170, 150, 80, 170};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setIcon(style()->standardIcon(QStyle::SP_DialogOkButton));
    m_result->setObjectName(QStringLiteral("unlockResult"));
    m_result->setWordWrap(true);
    m_roleNote->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(m_search);
    top->addWidget(m_history);
    top->addStretch(1);
    top->addWidget(m_roleNote);
    top->addWidget(m_unlock);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_result);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        QString needle = text.trimmed();
        if (!needle.isEmpty() && !needle.contains(QRegularExpression(QStringLiteral("[^0-9 ()+.-]"))))
            needle.remove(QRegularExpression(QStringLiteral("[^0-9]"))); // "98765 43210" finds +919876543210
        m_proxy->setFilterFixedString(needle);
        updateButtons();
    });
    connect(m_history, &QCheckBox::toggled, m_model, &LockoutsModel::setShowHistory);
    connect(m_unlock, &QPushButton::clicked, this, &LockoutsPage::requestUnlock);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LockoutsPage::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &LockoutsPage::updateButtons);
    connect(m_model, &LockoutsModel::modelReset, this, &LockoutsPage::updateButtons);
    connect(m_model, &LockoutsModel::dataChanged, this, &LockoutsPage::updateButtons);
    connect(m_model, &LockoutsModel::rowsRemoved, this, &LockoutsPage::updateButtons);
    connect(m_model, &LockoutsModel::unlockFinished, this, [this](const Outcome& o) {
        m_result->setText(o.status == OutcomeStatus::Unlocked ? models::StatusText::outcome(o)
                                                              : tr("Not unlocked: %1").arg(models::StatusText::outcome(o)));
    });
    // What still holds the next code after the unlock (cooldown, caps) and from when it can go.
    connect(m_model, &LockoutsModel::statusAfterUnlock, this, [this](const Outcome& status) {
        m_result->setText(models::StatusText::afterUnlock(status, m_ctx.clock ? m_ctx.clock->nowMs() : 0));
    });
    retranslateUi();
    m_model->start();
}

void LockoutsPage::setOperator(const models::OperatorInfo& info)
{
    ConsolePage::setOperator(info);
    m_model->setPermissions(info.permissions);
    retranslateUi();
}

void LockoutsPage::refresh()
{
    m_model->refresh();
}

// The row Unlock acts on: the selected one, or else the one with the keyboard focus (a table shows its
// current row framed; an operator who tabbed to it or sees the only lockout framed expects Unlock to work).
QModelIndex LockoutsPage::targetRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return rows.first();
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0) : QModelIndex();
}

void LockoutsPage::updateButtons()
{
    const QModelIndex target = targetRow();
    const bool active = target.isValid() && target.data(LockoutsModel::ActiveRole).toBool();
    m_unlock->setVisible(m_model->permissions().canUnlock());
    m_unlock->setEnabled(active && m_model->permissions().canUnlock());
}

UnlockDialog* LockoutsPage::requestUnlock()
{
    const QModelIndex target = targetRow();
    if (!target.isValid() || !m_model->permissions().canUnlock())
        return nullptr;
    const int row = m_proxy->mapToSource(target).row();
    const qint64 id = m_model->rowAt(row).id;
    auto* dialog = new UnlockDialog(m_model->index(row, LockoutsModel::Destination).data().toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id]() {
        // The table may have been re-read while the dialog was open: find the lockout again by id.
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->rowAt(r).id == id) {
                m_model->unlock(r, dialog->reason(), Actor{m_operator.login, m_operator.permissions.roleName()});
                return;
            }
        }
        m_result->setText(tr("That lockout is no longer active."));
    });
    dialog->open();
    return dialog;
}

void LockoutsPage::retranslateUi()
{
    m_history->setText(tr("Show hi&story (released and ended lockouts)"));
    m_search->setPlaceholderText(tr("Search: phone, email, tenant, reason…"));
    fitPlaceholder(m_search, 300);
    m_unlock->setText(tr("&Unlock…"));
    m_unlock->setToolTip(tr("Release the selected lockout (needs a reason; audited)"));
    m_roleNote->setText(m_model->permissions().canUnlock() ? QString()
                                                           : tr("Only an admin can unlock; your role is %1.").arg(m_model->permissions().roleTitle()));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, LockoutsModel::ColumnCount - 1);
    widenToHeaders(m_table, {LockoutsModel::LockedAt});
    updateButtons();
}

} // namespace otp::ui
