#pragma once

#include <QMetaType>
#include <QString>

namespace otp::models {

// One vendor call as the Live sends view shows it: the delivery row joined with its challenge.
struct SendRow
{
    qint64 deliveryId = 0;
    qint64 challengeId = 0;
    qint64 createdAt = 0; // ms since epoch, UTC
    qint64 updatedAt = 0; // the later of the delivery's and the challenge's update times
    QString tenant, destination, channel, vendor, purpose;
    QString deliveryState;   // queued, sending, accepted, delivered, failed, timeout
    QString challengeStatus; // pending, verified, expired, delivery_failed, locked, canceled, superseded
    int attempts = 0, maxAttempts = 0;
    int latencyMs = -1; // -1: no answer yet
    int httpStatus = 0;
    QString vendorCode, reason;

    // The single status the console shows: a failed delivery first, then the challenge's state.
    QString statusKey() const;
    bool operator==(const SendRow& o) const;
    bool operator!=(const SendRow& o) const { return !(*this == o); }
};

} // namespace otp::models

Q_DECLARE_METATYPE(otp::models::SendRow)
// Implicitly shared strings and plain values: QList may move rows with memmove.
Q_DECLARE_TYPEINFO(otp::models::SendRow, Q_RELOCATABLE_TYPE);
