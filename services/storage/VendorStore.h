#pragma once

#include "SqlSession.h"
#include "VendorConfig.h"

#include <optional>

namespace otp {

// The `vendors` table: which vendor accounts exist and their non-secret settings.
class VendorStore
{
public:
    explicit VendorStore(SqlSession& s) : m_s(s) {}

    QList<VendorConfig> all();
    std::optional<VendorConfig> find(const QString& name);
    // Inserts or replaces by name; the caller validates first and holds the write transaction.
    void save(const VendorConfig& config, qint64 now);
    bool remove(const QString& name);

    static QStringList kinds();
    // The settings a vendor kind reads (VendorConfig.h); problem() refuses any other key by name.
    static QStringList knownSettings(const QString& kind);
    static constexpr qint64 kMaxTimeoutMs = 60000;
    // The problem in plain words, or empty: name shape, known kind, the settings each kind needs.
    static QString problem(const VendorConfig& config);

private:
    SqlSession& m_s;
};

} // namespace otp
