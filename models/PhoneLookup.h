#pragma once

#include "Channel.h"
#include "ConsoleContext.h"
#include "PhoneReport.h"

#include <QObject>

namespace otp::models {

// Looks a destination up in any format ("98765 43210", "+91-98765-43210", an email) on the
// worker thread and hands back one PhoneReport.
class PhoneLookup : public QObject
{
    Q_OBJECT
public:
    PhoneLookup(const ConsoleContext& context, QObject* parent = nullptr);

    void lookup(const QString& tenant, const QString& input, Purpose purpose = Purpose::Login);
    const PhoneReport& report() const { return m_report; }

signals:
    void finished(const otp::models::PhoneReport& report);

private:
    ConsoleContext m_ctx;
    PhoneReport m_report;
};

} // namespace otp::models
