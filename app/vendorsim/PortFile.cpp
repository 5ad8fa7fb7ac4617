#include "PortFile.h"

#include <QFile>
#include <QSaveFile>

namespace otp::vendorsim {

PortFile::~PortFile()
{
    if (m_written)
        QFile::remove(m_path);
}

bool PortFile::write(quint16 port, QString* error)
{
    if (m_path.isEmpty())
        return true;
    // QSaveFile writes a temporary file and renames it: readers never see a partial port.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(port) + '\n') < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    m_written = true;
    return true;
}

} // namespace otp::vendorsim
