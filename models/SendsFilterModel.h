#pragma once

#include <QSortFilterProxyModel>

namespace otp::models {

// Live sends narrowed by tenant, channel, vendor, status and a destination search. Filters match the
// raw values (LiveSendsModel::RawRole), so they work whatever language or masking the view shows.
class SendsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SendsFilterModel(QObject* parent = nullptr);

    // Empty string: no filter on that column.
    void setTenant(const QString& tenant);
    void setChannel(const QString& channel);
    void setVendor(const QString& vendor);
    void setStatus(const QString& statusKey);
    // The vendor's error code of the send (the dashboard's error bars open Live sends on one).
    void setVendorCode(const QString& code);
    const QString& vendorCode() const { return m_vendorCode; }
    // Only sends made at or after `sinceMs` (0: any time). The page moves it with the clock.
    void setSince(qint64 sinceMs);
    qint64 since() const { return m_since; }
    // Digits match digits anywhere in the number ("98765" finds +91 98765 43210); text matches emails.
    void setSearch(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void changeFilter(QString& field, const QString& value);

    qint64 m_since = 0;
    QString m_tenant, m_channel, m_vendor, m_status, m_vendorCode, m_search, m_searchDigits;
};

} // namespace otp::models
