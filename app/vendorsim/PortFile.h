#pragma once

#include <QString>

#include <utility>

namespace otp::vendorsim {

// The file a launcher reads the bound port from: written atomically once listening, removed on the
// way out.
class PortFile
{
public:
    explicit PortFile(QString path) : m_path(std::move(path)) {}
    ~PortFile();
    PortFile(const PortFile&) = delete;
    PortFile& operator=(const PortFile&) = delete;

    // False with *error on failure; a PortFile without a path writes nothing and succeeds.
    bool write(quint16 port, QString* error);

private:
    QString m_path;
    bool m_written = false;
};

} // namespace otp::vendorsim
