#pragma once

#include <QObject>

namespace otp::vendorsim {

// SIGINT and SIGTERM quit the application's event loop (through a self-pipe: nothing but a write
// happens in the signal handler), so that destructors run and the port file is removed.
class QuitOnSignal : public QObject
{
    Q_OBJECT

public:
    explicit QuitOnSignal(QObject* parent = nullptr);
};

} // namespace otp::vendorsim
