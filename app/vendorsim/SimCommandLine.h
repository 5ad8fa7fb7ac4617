#pragma once

#include "VendorSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace otp::vendorsim {

// otp-vendor-sim's command line and environment, read into the simulator's configuration.
class SimCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(SimCommandLine)

public:
    struct Settings
    {
        VendorSimulator::Config config;
        QHostAddress host;
        QString hostText; // as given, for messages
        quint16 port = 0;
        QString portFile; // empty: none
    };

    SimCommandLine();

    // Reads the arguments of `app` (--help and --version print and exit, as QCommandLineParser does);
    // nullopt with *error naming the bad option otherwise.
    std::optional<Settings> parse(const QCoreApplication& app, QString* error);

private:
    void addServerOptions();
    void addVendorOptions();
    void addReceiptOptions();
    bool readServer(Settings* s, QString* error) const;
    bool readVendors(VendorSimulator::Config* c, QString* error) const;
    bool readReceipts(VendorSimulator::ReceiptSettings* r, QString* error) const;
    int number(const char* option, int min, int max, bool* ok) const;

    QCommandLineParser m_parser;
};

} // namespace otp::vendorsim
