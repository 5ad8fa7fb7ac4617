#pragma once

#include "Outcome.h"

#include <QMetaType>

namespace otp::models {

// Everything Phone lookup shows for one destination, read in one worker-thread pass from the
// core: why it can or cannot get a code now (status), its challenges with every vendor answer
// (history), its account, and what people did to it (audit).
struct PhoneReport
{
    QString input;
    Outcome status;
    Outcome history;
    Outcome account;
    Outcome audit;

    bool found() const { return status.status != OutcomeStatus::InvalidDestination && status.status != OutcomeStatus::InvalidInput; }
    // When a new code can be sent, in ms since epoch (0 when unknown).
    qint64 nextSendAtMs() const;
};

} // namespace otp::models

Q_DECLARE_METATYPE(otp::models::PhoneReport)
