#include "TimelineModel.h"

#include "StatusText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace otp::models {

namespace {
qint64 msOf(const QJsonValue& iso)
{
    const QString s = iso.toString();
    return s.isEmpty() ? 0 : QDateTime::fromString(s, Qt::ISODateWithMs).toMSecsSinceEpoch();
}
} // namespace

TimelineModel::Entry TimelineModel::guessEntry(const QJsonObject& g, const QString& purpose)
{
    const QString outcome = g.value(QStringLiteral("outcome")).toString();
    const int n = g.value(QStringLiteral("attempt")).toInt(), max = g.value(QStringLiteral("max_attempts")).toInt();
    Entry e{msOf(g.value(QStringLiteral("at"))), QString(), QString(), QString(), purpose};
    if (outcome == QLatin1String("verified")) {
        e.event = tr("Code verified (attempt %1 of %2)").arg(n).arg(max);
        e.statusKey = QStringLiteral("verified");
    } else if (outcome == QLatin1String("locked")) {
        e.event = tr("Wrong code (attempt %1 of %2)").arg(n).arg(max);
        e.detail = tr("no attempts left: the destination is locked");
        e.statusKey = QStringLiteral("locked");
    } else if (outcome == QLatin1String("expired")) {
        e.event = tr("Code entered after it expired");
        e.detail = tr("not compared; a new code must be requested");
        e.statusKey = QStringLiteral("expired");
    } else {
        e.event = tr("Wrong code (attempt %1 of %2)").arg(n).arg(max);
        e.detail = tr("%n attempt(s) left", nullptr, qMax(0, max - n));
        e.statusKey = QStringLiteral("delivery_failed");
    }
    return e;
}

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
    case PurposeRole: return e.purpose;
    case Qt::ForegroundRole:
        if (index.column() == Event && !e.statusKey.isEmpty())
            return StatusText::textColor(e.statusKey);
        return {};
    case Qt::ToolTipRole:
        return e.detail.isEmpty() ? e.event : e.event + QLatin1Char('\n') + e.detail;
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
    // Entries are built in causal order (a request, its vendor calls, the verification; then operator
    // actions and the lockout) and shown newest first; entries within one millisecond keep that order.
    QList<Entry> entries;
    const QJsonArray challenges = report.history.details.value(QStringLiteral("challenges")).toArray();
    for (auto it = challenges.end(); it != challenges.begin();) { // the core lists newest first
        const QJsonObject c = (--it)->toObject();
        const QString status = c.value(QStringLiteral("status")).toString();
        const QString purpose = c.value(QStringLiteral("purpose")).toString();
        entries.append({msOf(c.value(QStringLiteral("created_at"))),
                        tr("Code requested for %1 by %2").arg(StatusText::purpose(purpose),
                                                            StatusText::channel(c.value(QStringLiteral("channel")).toString())),
                        tr("now: %1 · %2 of %3 attempts used · sent %n time(s)", nullptr, c.value(QStringLiteral("send_count")).toInt())
                            .arg(StatusText::status(status))
                            .arg(c.value(QStringLiteral("attempts")).toInt())
                            .arg(c.value(QStringLiteral("max_attempts")).toInt()),
                        status, purpose});
        QString previousVendor;
        int previousSend = 0;
        const QJsonArray deliveries = c.value(QStringLiteral("deliveries")).toArray();
        QList<QJsonObject> ordered;
        for (const QJsonValue& dv : deliveries)
            ordered.append(dv.toObject());
        std::stable_sort(ordered.begin(), ordered.end(), [](const QJsonObject& a, const QJsonObject& b) {
            const int sa = a.value(QStringLiteral("send_no")).toInt(), sb = b.value(QStringLiteral("send_no")).toInt();
            if (sa != sb)
                return sa < sb;
            return msOf(a.value(QStringLiteral("at"))) < msOf(b.value(QStringLiteral("at")));
        });
        for (const QJsonObject& d : ordered) {
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
            const int sendNo = d.value(QStringLiteral("send_no")).toInt();
            const QString channel = StatusText::channel(d.value(QStringLiteral("channel")).toString());
            QString event;
            if (sendNo == previousSend && !previousVendor.isEmpty() && previousVendor != s.vendor)
                event = tr("Fell back to %1 by %2 (send %3, try %4)").arg(s.vendor, channel).arg(sendNo).arg(d.value(QStringLiteral("try_no")).toInt());
            else
                event = tr("%1 asked to deliver by %2 (send %3, try %4)").arg(s.vendor, channel).arg(sendNo).arg(d.value(QStringLiteral("try_no")).toInt());
            previousVendor = s.vendor;
            previousSend = sendNo;
            QString key;
            if (s.statusKey() == QLatin1String("delivery_failed"))
                key = s.statusKey();
            else if (s.deliveryState == QLatin1String("timeout"))
                key = QStringLiteral("locked"); // amber: it may have arrived
            entries.append({msOf(d.value(QStringLiteral("at"))), event, detail, key, purpose});
        }
        // Each guess and what it led to (never what was typed); a database from before the guesses were
        // kept (migration 011) has only the verification's time.
        const QJsonArray guesses = c.value(QStringLiteral("guesses")).toArray();
        for (const QJsonValue& gv : guesses)
            entries.append(guessEntry(gv.toObject(), purpose));
        const bool listed = std::any_of(guesses.begin(), guesses.end(), [](const QJsonValue& g) {
            return g.toObject().value(QStringLiteral("outcome")).toString() == QLatin1String("verified");
        });
        if (c.contains(QStringLiteral("verified_at")) && !listed)
            entries.append({msOf(c.value(QStringLiteral("verified_at"))), tr("Code verified"), QString(), QStringLiteral("verified"), purpose});
    }
    const QJsonArray audit = report.audit.details.value(QStringLiteral("audit")).toArray();
    for (auto it = audit.end(); it != audit.begin();) {
        const QJsonObject a = (--it)->toObject();
        const QString action = a.value(QStringLiteral("action")).toString();
        const QJsonObject details = a.value(QStringLiteral("details")).toObject();
        entries.append({msOf(a.value(QStringLiteral("at"))),
                        tr("%1 by %2 (%3)").arg(StatusText::auditAction(action), a.value(QStringLiteral("actor")).toString(),
                                                a.value(QStringLiteral("role")).toString()),
                        StatusText::auditDetails(details),
                        action == QLatin1String("unlock") ? QStringLiteral("verified") : QString(),
                        details.value(QStringLiteral("purpose")).toString()});
    }
    const QJsonObject lock = report.status.details.value(QStringLiteral("lockout")).toObject();
    if (!lock.isEmpty())
        entries.append({msOf(lock.value(QStringLiteral("locked_at"))), tr("Locked: %1").arg(StatusText::lockReason(lock.value(QStringLiteral("reason")).toString())),
                        tr("until %1").arg(QDateTime::fromMSecsSinceEpoch(msOf(lock.value(QStringLiteral("locked_until")))).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                        QStringLiteral("locked"), QString()});
    // Oldest first, causal order kept within a millisecond; then reversed to show the newest on top.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.atMs < b.atMs; });
    std::reverse(entries.begin(), entries.end());
    if (entries == m_entries)
        return;
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

} // namespace otp::models
