#pragma once

#include <QString>
#include <stdexcept>

namespace otp {

// A database or I/O failure inside the core. It never crosses the OtpService boundary: the service
// turns it into an Outcome with status internal_error, so callers only ever read outcome values.
class StoreError : public std::runtime_error
{
public:
    // `conflict`: the server gave up on the transaction because of another one (a deadlock victim or a
    // serialization failure) and rolled it back. Running the same transaction again is the remedy the
    // servers document; see retryOnConflict() in SqlSession.h.
    explicit StoreError(const QString& what, bool conflict = false)
        : std::runtime_error(what.toStdString()), m_conflict(conflict)
    {
    }
    QString message() const { return QString::fromStdString(what()); }
    bool conflict() const { return m_conflict; }

private:
    bool m_conflict = false;
};

} // namespace otp
