#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace otp::models {

// Everything the Delivery dashboard draws for one window, computed in one worker-thread pass.
struct DashboardSnapshot
{
    struct Bucket
    {
        qint64 startMs = 0;
        QMap<QString, int> byOutcome; // verified, accepted (code not used), failed, in_flight
    };
    struct VendorRow
    {
        QString vendor;
        qint64 sends = 0, accepted = 0, failed = 0;
        double successRate = 0;
        int latencyP50Ms = 0, latencyP95Ms = 0;
        qint64 timedAnswers = 0; // sends with a vendor answer time (latency_ms), what the percentiles are of
        int latencyMaxMs = 0;
    };
    struct ErrorRow
    {
        QString vendor, code, reason;
        qint64 count = 0;
    };
    struct ChannelRow
    {
        QString channel;
        qint64 challenges = 0, verified = 0;
        double conversion = 0;
    };

    qint64 windowS = 3600;
    qint64 bucketS = 60;
    qint64 nowMs = 0;
    QList<Bucket> buckets; // oldest first, every bucket of the window present
    QList<VendorRow> vendors;
    QList<ErrorRow> errors; // most frequent first
    QList<ChannelRow> channels;

    qint64 totalSends() const;
    static QStringList outcomeKeys();
    // The bucket width that gives about 60 bars for a window.
    static qint64 bucketFor(qint64 windowS);
};

} // namespace otp::models

Q_DECLARE_METATYPE(otp::models::DashboardSnapshot)
