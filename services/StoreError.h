#pragma once

#include <QString>
#include <stdexcept>

namespace otp {

// A database or I/O failure inside the core. It never crosses the OtpService boundary: the service
// turns it into an Outcome with status internal_error, so callers only ever read outcome values.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString& what) : std::runtime_error(what.toStdString()) {}
    QString message() const { return QString::fromStdString(what()); }
};

} // namespace otp
