#include "VendorHealthPanel.h"

#include "ElidedCellDelegate.h"
#include "ReasonDialog.h"
#include "StatusText.h"
#include "VendorHealthModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace otp::ui {

using models::VendorHealthModel;

VendorHealthPanel::VendorHealthPanel(const models::ConsoleContext& context, QWidget* parent)
    : QWidget(parent),
      m_model(new VendorHealthModel(context, this)),
      m_table(new QTableView(this)),
      m_open(new QPushButton(this)),
      m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("vendorHealthPanel"));
    m_table->setObjectName(QStringLiteral("vendorHealthTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new ElidedCellDelegate(m_table)); // an elided cell's whole text as its tooltip
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    // Rows one line of text tall (the style's default is roomier): the dashboard must fit 1366×768
    // with the alarm banner up, in Tamil's taller lines too.
    m_table->verticalHeader()->setMinimumSectionSize(1);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().lineSpacing() + 8);
    // Figures as wide as they need; the breaker's state and since-when share the rest, the state first
    // (fitColumns(); never a scroll bar, which would hide a vendor's row).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(VendorHealthModel::Breaker, QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(VendorHealthModel::Since, QHeaderView::Fixed);
    m_table->viewport()->installEventFilter(this);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setColumnHidden(VendorHealthModel::Reason, true); // the why is the Breaker cell's tooltip
    m_open->setObjectName(QStringLiteral("forceOpenButton"));
    m_close->setObjectName(QStringLiteral("forceCloseButton"));
    auto* actions = new QVBoxLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(m_open);
    actions->addWidget(m_close);
    actions->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1, Qt::AlignTop);
    layout->addLayout(actions);

    connect(m_open, &QPushButton::clicked, this, [this]() { requestForce(true); });
    connect(m_close, &QPushButton::clicked, this, [this]() { requestForce(false); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VendorHealthPanel::updateButtons);
    connect(m_model, &VendorHealthModel::modelReset, this, [this]() {
        fitTable();
        fitColumns();
        updateButtons();
    });
    connect(m_model, &VendorHealthModel::dataChanged, this, &VendorHealthPanel::updateButtons);
    connect(m_model, &VendorHealthModel::forceFinished, this, [this](const Outcome& o) {
        m_lastResult = o.status == OutcomeStatus::Ok ? tr("Done: %1").arg(o.message)
                                                     : tr("Not changed: %1").arg(models::StatusText::outcome(o));
        emit resultReady(m_lastResult);
    });
    fitTable();
    retranslateUi();
}

void VendorHealthPanel::setOperator(const models::OperatorInfo& info)
{
    m_operator = info;
    updateButtons();
}

void VendorHealthPanel::refresh(qint64 windowS)
{
    m_model->refresh(windowS);
}

QString VendorHealthPanel::selectedVendor() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(VendorHealthModel::VendorRole).toString();
}

void VendorHealthPanel::selectVendor(const QString& vendor)
{
    const int row = m_model->rowOf(vendor);
    if (row >= 0)
        m_table->selectRow(row);
}

void VendorHealthPanel::updateButtons()
{
    const bool admin = m_operator.permissions.canForceBreakers();
    const int row = m_model->rowOf(selectedVendor());
    const QString state = row >= 0 ? m_model->entryAt(row).state : QString();
    const bool forced = row >= 0 && m_model->entryAt(row).forced;
    m_open->setVisible(admin);
    m_close->setVisible(admin);
    m_open->setEnabled(admin && row >= 0 && !(state == QLatin1String("open") && forced));
    m_close->setEnabled(admin && row >= 0 && state != QLatin1String("closed"));
}

ReasonDialog* VendorHealthPanel::requestForce(bool open)
{
    const QString vendor = selectedVendor();
    if (vendor.isEmpty() || !m_operator.permissions.canForceBreakers())
        return nullptr;
    auto* dialog = open ? new ReasonDialog(tr("Force %1 open").arg(vendor),
                                           tr("Sends will skip %1 (next vendor, then the fallback channel) until an admin "
                                              "closes it again. Why? The reason is kept in the audit log with your name.")
                                               .arg(vendor),
                                           tr("e.g. Gupshup status page reports an SMS outage"), tr("Force open"), this)
                        : new ReasonDialog(tr("Close %1").arg(vendor),
                                           tr("Sends will use %1 again at once, and its failure counts start afresh. Why? "
                                              "The reason is kept in the audit log with your name.").arg(vendor),
                                           tr("e.g. the vendor confirmed the outage is over"), tr("Close breaker"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, vendor, open]() {
        m_model->forceBreaker(vendor, open, dialog->reason(), Actor{m_operator.login, m_operator.permissions.roleName()},
                              m_operator.permissions.canForceBreakers());
    });
    dialog->open();
    return dialog;
}

void VendorHealthPanel::fitTable()
{
    // Every vendor visible without scrolling (up to six; more scroll).
    const int rows = qBound(1, m_model->rowCount(), 6);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + rows * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth() + 2);
}

bool VendorHealthPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void VendorHealthPanel::fitColumns()
{
    // Stretched beside since-when, the breaker's state got half of what the figures left: in Tamil at
    // 1366×768 "திறந்தது: அனுப்புதல்கள் இதைத் தவிர்க்கின்றன" was cut, and the state is what the panel is
    // for. It gets its widest text first; since-when the rest, elided (its tooltip is whole) when the
    // window is narrow, though never below its header's words while the state can give way.
    QHeaderView* header = m_table->horizontalHeader();
    // What a column's words need, as ResizeToContents measures it (the figures may not be resized yet).
    const QAbstractItemView* view = m_table;
    auto need = [&](int column) { return qMax(view->sizeHintForColumn(column), header->sectionSizeHint(column)); };
    // The state column holds every state's words, not only the states shown now: it does not jump when one changes.
    const int margins = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) + (m_table->showGrid() ? 1 : 0);
    int stateWords = need(VendorHealthModel::Breaker);
    for (const auto& [state, forced] : {std::pair{QStringLiteral("open"), false}, std::pair{QStringLiteral("open"), true},
                                        std::pair{QStringLiteral("half_open"), false}, std::pair{QStringLiteral("closed"), false}})
        stateWords = qMax(stateWords, m_table->fontMetrics().horizontalAdvance(models::StatusText::breakerState(state, forced)) + margins);
    int figures = 0;
    for (int c = 0; c < VendorHealthModel::ColumnCount; ++c)
        if (c != VendorHealthModel::Breaker && c != VendorHealthModel::Since && !m_table->isColumnHidden(c))
            figures += need(c);
    const int room = qMax(0, m_table->viewport()->width() - figures);
    const int state = qMin(stateWords, qMax(room - header->sectionSizeHint(VendorHealthModel::Since), room / 2));
    header->resizeSection(VendorHealthModel::Breaker, state);
    header->resizeSection(VendorHealthModel::Since, qMax(0, room - state));
}

void VendorHealthPanel::retranslateUi()
{
    // No title line: at 1366×768 in Tamil a wrapped title pushed the dashboard past the screen. The
    // headers (Breaker, Since) and the buttons beside them say what this is; the title is the tooltip.
    m_table->setToolTip(tr("Vendor health and circuit breakers"));
    m_table->setAccessibleName(tr("Vendor health and circuit breakers"));
    m_open->setText(tr("Force &open…"));
    m_open->setToolTip(tr("Routes skip the selected vendor until an admin closes it (needs a reason; audited)"));
    m_close->setText(tr("&Close…"));
    m_close->setToolTip(tr("Routes use the selected vendor again (needs a reason; audited)"));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, VendorHealthModel::ColumnCount - 1);
    fitTable(); // Tamil's header is taller: the last vendor's row must stay in view
    fitColumns();
    updateButtons();
}

} // namespace otp::ui
