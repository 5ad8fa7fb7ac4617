#include "VendorHealthModel.h"

#include "Clock.h"
#include "DatabaseThread.h"
#include "OtpService.h"
#include "StatusText.h"
#include "VendorBreaker.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>

namespace otp::models {

Q_LOGGING_CATEGORY(lcHealth, "otp.models.health", QtInfoMsg)

namespace {
// When the breaker entered its state: an opening writes updated_at and nothing more until it moves
// on; half-open starts when the cool-off ends; closed, at its last closing.
qint64 stateSince(const BreakerRow& b)
{
    if (b.state == QLatin1String("open"))
        return b.updatedAt;
    if (b.state == QLatin1String("half_open"))
        return b.openUntil > 0 ? b.openUntil : b.updatedAt;
    return b.closedAt;
}

QList<VendorHealthEntry> readHealth(OtpService* service, SqlSession& s, qint64 windowS)
{
    const Outcome o = service->vendorHealth(windowS);
    if (o.status != OutcomeStatus::Ok) {
        qCWarning(lcHealth) << "vendor health not read:" << o.message;
        return {};
    }
    QHash<QString, BreakerRow> breakers;
    for (const BreakerRow& b : VendorBreaker(s).all())
        breakers.insert(b.vendor, b);
    QList<VendorHealthEntry> out;
    for (const QJsonValue& v : o.details.value(QStringLiteral("vendors")).toArray()) {
        const QJsonObject h = v.toObject();
        const QJsonObject b = h.value(QStringLiteral("breaker")).toObject();
        VendorHealthEntry e;
        e.vendor = h.value(QStringLiteral("vendor")).toString();
        e.tries = h.value(QStringLiteral("tries")).toInt();
        e.accepted = h.value(QStringLiteral("accepted")).toInt();
        e.timeouts = h.value(QStringLiteral("timeouts")).toInt();
        e.p95Ms = h.value(QStringLiteral("p95_latency_ms")).toInt(-1);
        e.successPct = h.value(QStringLiteral("success_pct")).toDouble(-1);
        e.state = b.value(QStringLiteral("state")).toString(QStringLiteral("closed"));
        e.forced = b.value(QStringLiteral("forced")).toBool();
        e.reason = b.value(QStringLiteral("reason")).toString();
        e.openUntilMs = qint64(b.value(QStringLiteral("open_until_ms")).toDouble());
        if (breakers.contains(e.vendor))
            e.sinceMs = stateSince(breakers.value(e.vendor));
        out.append(e);
    }
    std::sort(out.begin(), out.end(), [](const VendorHealthEntry& a, const VendorHealthEntry& b) { return a.vendor < b.vendor; });
    return out;
}

// "14:05" today, "12 Jan 14:05" before.
QString clockTime(qint64 ms, qint64 nowMs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    const bool today = t.date() == QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime().date();
    return t.toString(today ? QStringLiteral("HH:mm") : QStringLiteral("dd MMM HH:mm"));
}
} // namespace

VendorHealthModel::VendorHealthModel(const ConsoleContext& context, QObject* parent)
    : QAbstractTableModel(parent), m_ctx(context)
{
    if (m_ctx.db)
        connect(m_ctx.db, &DatabaseThread::failed, this, [this]() { m_inFlight = false; });
}

int VendorHealthModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VendorHealthModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int VendorHealthModel::rowOf(const QString& vendor) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).vendor == vendor)
            return r;
    return -1;
}

QVariant VendorHealthModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VendorHealthEntry& e = m_rows.at(index.row());
    const qint64 now = m_ctx.clock ? m_ctx.clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
    switch (role) {
    case StateKeyRole: return e.state;
    case ForcedRole: return e.forced;
    case VendorRole: return e.vendor;
    case Qt::TextAlignmentRole:
        return index.column() >= SuccessRate && index.column() <= LatencyP95 ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Breaker && e.state != QLatin1String("closed"))
            return StatusText::textColor(e.state == QLatin1String("open") ? QStringLiteral("delivery_failed") : QStringLiteral("locked"));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Breaker || index.column() == Reason || index.column() == Since) {
            QString tip = StatusText::breakerState(e.state, e.forced);
            if (!e.reason.isEmpty())
                tip += QLatin1Char('\n') + tr("Why: %1").arg(e.reason);
            if (e.state == QLatin1String("open") && !e.forced && e.openUntilMs > 0)
                tip += QLatin1Char('\n') + tr("A probe may go from %1.").arg(clockTime(e.openUntilMs, now));
            return tip;
        }
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case Vendor: return e.vendor;
    case SuccessRate:
        return e.successPct < 0 ? tr("no tries") : tr("%1 % of %2").arg(e.successPct, 0, 'f', 1).arg(e.tries);
    case Timeouts: return e.timeouts;
    case LatencyP95: return e.p95Ms < 0 ? tr("—") : tr("%1 ms").arg(e.p95Ms);
    case Breaker: return StatusText::breakerState(e.state, e.forced);
    case Since:
        if (e.sinceMs <= 0)
            return tr("never opened");
        return tr("%1 (%2 ago)").arg(clockTime(e.sinceMs, now), StatusText::duration((now - e.sinceMs) / 1000));
    case Reason: return e.reason;
    }
    return {};
}

QVariant VendorHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Vendor: return tr("Vendor");
    case SuccessRate: return tr("Success");
    case Timeouts: return tr("Timeouts");
    case LatencyP95: return tr("p95");
    case Breaker: return tr("Breaker");
    case Since: return tr("Since");
    case Reason: return tr("Why");
    }
    return {};
}

void VendorHealthModel::refresh(qint64 windowS)
{
    m_windowS = qBound(qint64(60), windowS, qint64(7 * 86400));
    if (!m_ctx.db || !m_ctx.service)
        return;
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    DatabaseThread* db = m_ctx.db;
    OtpService* service = m_ctx.service;
    const qint64 w = m_windowS;
    db->run<QList<VendorHealthEntry>>(
        this, [db, service, w]() { return readHealth(service, db->session(), w); },
        [this](QList<VendorHealthEntry> entries) {
            m_inFlight = false;
            setEntries(entries);
            emit loaded();
            if (m_again) {
                m_again = false;
                refresh(m_windowS);
            }
        });
}

void VendorHealthModel::setEntries(const QList<VendorHealthEntry>& entries)
{
    bool sameVendors = entries.size() == m_rows.size();
    for (int i = 0; sameVendors && i < entries.size(); ++i)
        sameVendors = entries.at(i).vendor == m_rows.at(i).vendor;
    if (!sameVendors) {
        beginResetModel();
        m_rows = entries;
        endResetModel();
        return;
    }
    // Same vendors: in place, so the selected row (and a Force button about to be clicked) stays.
    m_rows = entries;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void VendorHealthModel::forceBreaker(const QString& vendor, bool open, const QString& reason, const Actor& actor, bool allowed)
{
    if (!allowed) {
        emit forceFinished(Outcome::make(OutcomeStatus::InvalidInput, tr("your role may not force a vendor's breaker; ask an admin")));
        return;
    }
    if (reason.trimmed().isEmpty()) {
        emit forceFinished(Outcome::make(OutcomeStatus::InvalidInput, tr("forcing a breaker needs a reason")));
        return;
    }
    OtpService* service = m_ctx.service;
    qCInfo(lcHealth) << actor.user << "forces vendor" << vendor << (open ? "open" : "closed");
    m_ctx.db->run<Outcome>(
        this, [service, vendor, open, reason, actor]() { return service->forceBreaker(vendor, open, reason, actor); },
        [this](Outcome o) {
            emit forceFinished(o);
            refresh(m_windowS);
        });
}

} // namespace otp::models
