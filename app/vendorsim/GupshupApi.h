#pragma once

#include "VendorEndpoint.h"

#include <QHash>

#include <optional>
#include <utility>

namespace otp::vendorsim {

// Gupshup Enterprise SMS: GET|POST /GatewayAPI/rest, answered with HTTP 200 even for errors, in the
// text, JSON or XML form the request's `format` asks for; and its delivery reports (GET query or POST
// JSON array).
class GupshupApi
{
public:
    explicit GupshupApi(const VendorSimulator::Config& config);

    Handled handle(const Request& in, const std::optional<Fault>& fault);
    static Receipt receipt(const Message& message, bool delivered, bool get, qint64 atMs);

private:
    enum class Format { Text, Json, Xml };
    using Params = QHash<QString, QString>;

    static Reply errorReply(Format format, int code, const QString& details);
    // The error code and words a request is refused with, if it is.
    std::optional<std::pair<int, QString>> refusal(const Params& p) const;
    Reply successReply(Format format, const QString& sendTo, QString* messageId);
    // Why the Indian operator drops this SMS under DLT (then the report says FAILURE), or empty.
    QString dltDrop(const Params& p, const QString& sendTo, const QString& msg) const;

    const VendorSimulator::Config& m_config;
    quint64 m_idBase = 0;
    quint64 m_idCounter = 0;
};

} // namespace otp::vendorsim
