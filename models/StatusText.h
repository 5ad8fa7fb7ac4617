#pragma once

#include "SendRow.h"

#include <QColor>
#include <QCoreApplication>

namespace otp::models {

// Plain words and colours for the core's status keys, shared by every view.
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)
public:
    static QString status(const QString& key);
    static QString channel(const QString& name);
    static QString purpose(const QString& name);
    static QString lockReason(const QString& reason);
    // What the vendor said about a send, in a sentence: "accepted (HTTP 200)", "refused: number unreachable (105)".
    static QString vendorAnswer(const SendRow& row);
    // The tint of a status: green verified, blue waiting, red failed, orange locked, grey finished.
    static QColor color(const QString& key);
    // The keys Live sends can filter on, in display order.
    static QStringList statusKeys();
};

} // namespace otp::models
