#include "TimelineModel.h"

#include "StatusText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace otp::models {

namespace {
qint64 msOf(const QJsonValue& iso)
{
    const QString s = iso.toString();
    return s.isEmpty() ? 0 : QDateTime::fromString(s, Qt::ISODateWithMs).toMSecsSinceEpoch();
}
} // namespace

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& e = m_entries.at(index.row());
    switch (role) {
    case StatusKeyRole: return e.statusKey;
    case TimeRole: return e.atMs;
    case Qt::ForegroundRole:
        if (index.column() == Event && !e.statusKey.isEmpty())
            return StatusText::color(e.statusKey);
        return {};
    case Qt::ToolTipRole:
        return e.detail;
    case Qt::DisplayRole:
        switch (index.column()) {
        case When: return QDateTime::fromMSecsSinceEpoch(e.atMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Event: return e.event;
        case Detail: return e.detail;
        }
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return tr("When");
    case Event: return tr("What happened");
    case Detail: return tr("Details");
    }
    return {};
}

void TimelineModel::setReport(const PhoneReport& report)
{
    QList<Entry> entries;
    for (const QJsonValue& cv : report.history.details.value(QStringLiteral("challenges")).toArray()) {
        const QJsonObject c = cv.toObject();
        const QString status = c.value(QStringLiteral("status")).toString();
        entries.append({msOf(c.value(QStringLiteral("created_at"))),
                        tr("Code requested for %1 by %2").arg(StatusText::purpose(c.value(QStringLiteral("purpose")).toString()),
                                                            StatusText::channel(c.value(QStringLiteral("channel")).toString())),
                        tr("now: %1 · %2 of %3 attempts used · sent %4 time(s)")
                            .arg(StatusText::status(status))
                            .arg(c.value(QStringLiteral("attempts")).toInt())
                            .arg(c.value(QStringLiteral("max_attempts")).toInt())
                            .arg(c.value(QStringLiteral("send_count")).toInt()),
                        status});
        if (c.contains(QStringLiteral("verified_at")))
            entries.append({msOf(c.value(QStringLiteral("verified_at"))), tr("Code verified"), QString(), QStringLiteral("verified")});
        for (const QJsonValue& dv : c.value(QStringLiteral("deliveries")).toArray()) {
            const QJsonObject d = dv.toObject();
            SendRow s;
            s.vendor = d.value(QStringLiteral("vendor")).toString();
            s.deliveryState = d.value(QStringLiteral("state")).toString();
            s.httpStatus = d.value(QStringLiteral("http_status")).toInt();
            s.vendorCode = d.value(QStringLiteral("vendor_code")).toString();
            s.reason = d.value(QStringLiteral("reason")).toString();
            s.latencyMs = d.value(QStringLiteral("latency_ms")).toInt(-1);
            QString detail = StatusText::vendorAnswer(s);
            if (s.latencyMs >= 0)
                detail += tr(" · %1 ms").arg(s.latencyMs);
            const QString msgId = d.value(QStringLiteral("message_id")).toString();
            if (!msgId.isEmpty())
                detail += tr(" · message id %1").arg(msgId);
            entries.append({msOf(d.value(QStringLiteral("at"))),
                            tr("%1 asked to deliver (send %2, try %3)")
                                .arg(s.vendor)
                                .arg(d.value(QStringLiteral("send_no")).toInt())
                                .arg(d.value(QStringLiteral("try_no")).toInt()),
                            detail, s.statusKey() == QLatin1String("delivery_failed") ? s.statusKey() : QString()});
        }
    }
    for (const QJsonValue& av : report.audit.details.value(QStringLiteral("audit")).toArray()) {
        const QJsonObject a = av.toObject();
        const QString action = a.value(QStringLiteral("action")).toString();
        entries.append({msOf(a.value(QStringLiteral("at"))),
                        tr("%1 by %2 (%3)").arg(action, a.value(QStringLiteral("actor")).toString(),
                                                a.value(QStringLiteral("role")).toString()),
                        QString::fromUtf8(QJsonDocument(a.value(QStringLiteral("details")).toObject()).toJson(QJsonDocument::Compact)),
                        action == QLatin1String("unlock") ? QStringLiteral("verified") : QString()});
    }
    const QJsonObject lock = report.status.details.value(QStringLiteral("lockout")).toObject();
    if (!lock.isEmpty())
        entries.append({msOf(lock.value(QStringLiteral("locked_at"))), tr("Locked: %1").arg(StatusText::lockReason(lock.value(QStringLiteral("reason")).toString())),
                        tr("until %1").arg(QDateTime::fromMSecsSinceEpoch(msOf(lock.value(QStringLiteral("locked_until")))).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                        QStringLiteral("locked")});
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.atMs > b.atMs; });
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

} // namespace otp::models
