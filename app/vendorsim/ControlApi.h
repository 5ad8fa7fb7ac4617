#pragma once

#include "SimHttp.h"
#include "VendorSimulator.h"

#include <QHash>

namespace otp::vendorsim {

// The simulator's own endpoints under /_sim/: health, the inbox, statistics, faults, a receipt on
// demand, and the receipt callbacks' settings. Not a vendor's API: never delayed or faulted.
class ControlApi
{
public:
    explicit ControlApi(VendorSimulator& sim) : m_sim(sim) {}

    Reply handle(const Request& in);

    // Applies a JSON object of receipt settings ({"urls": {vendor: url|null}, "delay_ms", "fail_rate",
    // "gupshup_method", "retries", "retry_ms"}, every key optional) onto *settings; the why of a bad one, or empty.
    static QString applyReceiptSettings(const QJsonObject& json, VendorSimulator::ReceiptSettings* settings);

private:
    using Query = QHash<QString, QString>;

    Reply receipt(const Request& in, const Query& query) const;
    Reply inbox(const Request& in, const Query& query);
    Reply stats(const Request& in);
    Reply faults(const Request& in);
    Reply addFaults(const Request& in);
    Reply removeFault(const Request& in, const QString& path);
    Reply receipts(const Request& in);

    VendorSimulator& m_sim;
};

} // namespace otp::vendorsim
