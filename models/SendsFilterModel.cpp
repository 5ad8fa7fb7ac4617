#include "SendsFilterModel.h"

#include "LiveSendsModel.h"

namespace otp::models {

namespace {
QString digitsOf(const QString& s)
{
    QString out;
    for (QChar c : s)
        if (c.isDigit())
            out.append(c);
    return out;
}
} // namespace

SendsFilterModel::SendsFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(LiveSendsModel::RawRole);
    setDynamicSortFilter(true);
}

void SendsFilterModel::changeFilter(QString& field, const QString& value)
{
    if (field == value)
        return;
    // Qt 6.4 has no begin/endFilterChange: invalidateFilter() re-runs filterAcceptsRow.
    field = value;
    invalidateFilter();
}

void SendsFilterModel::setTenant(const QString& tenant) { changeFilter(m_tenant, tenant); }
void SendsFilterModel::setChannel(const QString& channel) { changeFilter(m_channel, channel); }
void SendsFilterModel::setVendor(const QString& vendor) { changeFilter(m_vendor, vendor); }
void SendsFilterModel::setVendorCode(const QString& code) { changeFilter(m_vendorCode, code); }
void SendsFilterModel::setStatus(const QString& statusKey) { changeFilter(m_status, statusKey); }

void SendsFilterModel::setSince(qint64 sinceMs)
{
    if (m_since == sinceMs)
        return;
    m_since = sinceMs;
    invalidateFilter();
}

void SendsFilterModel::setSearch(const QString& text)
{
    const QString t = text.trimmed();
    // A search term that is mostly a phone number is matched on its digits only.
    QString digits = digitsOf(t);
    while (digits.startsWith(QLatin1Char('0'))) // a trunk prefix (098…) is not part of the E.164 number
        digits.remove(0, 1);
    m_searchDigits = (!digits.isEmpty() && !t.contains(QLatin1Char('@')) && digits.size() * 2 >= t.size()) ? digits : QString();
    changeFilter(m_search, t);
}

bool SendsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* m = sourceModel();
    auto raw = [&](int column) { return m->index(sourceRow, column, sourceParent).data(LiveSendsModel::RawRole).toString(); };
    if (m_since > 0) {
        const auto* live = qobject_cast<const LiveSendsModel*>(m);
        if (live && live->rowAt(sourceRow).createdAt < m_since)
            return false;
    }
    if (!m_tenant.isEmpty() && raw(LiveSendsModel::Tenant) != m_tenant)
        return false;
    if (!m_channel.isEmpty() && raw(LiveSendsModel::Channel) != m_channel)
        return false;
    if (!m_vendor.isEmpty() && raw(LiveSendsModel::Vendor) != m_vendor)
        return false;
    if (!m_status.isEmpty() && raw(LiveSendsModel::Status) != m_status)
        return false;
    if (!m_vendorCode.isEmpty()) {
        const auto* live = qobject_cast<const LiveSendsModel*>(m);
        if (!live || live->rowAt(sourceRow).vendorCode != m_vendorCode)
            return false;
    }
    if (!m_search.isEmpty()) {
        const QString dest = raw(LiveSendsModel::Destination);
        if (!m_searchDigits.isEmpty())
            return digitsOf(dest).contains(m_searchDigits);
        return dest.contains(m_search, Qt::CaseInsensitive);
    }
    return true;
}

} // namespace otp::models
