#pragma once

#include "VendorSimulator.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QRandomGenerator>

namespace otp::vendorsim {

// Calls a vendor's delivery receipts back to the URL it was given, the way the vendor would: after a
// delay, once per accepted message, a configurable fraction reported failed, and a callback the
// receiver did not take (no answer, or not 2xx) tried again with doubling backoff. All asynchronous on
// the event loop: a callback never holds up a vendor answer.
class ReceiptSender : public QObject
{
    Q_OBJECT

public:
    using Settings = VendorSimulator::ReceiptSettings;

    ReceiptSender(Settings settings, quint32 seed, bool log, QObject* parent = nullptr);

    const Settings& settings() const { return m_settings; }
    void setSettings(const Settings& settings) { m_settings = settings; }
    bool wants(const QString& vendor) const { return m_settings.urls.value(vendor).isValid(); }
    // The dice of the fail rate: whether the next receipt reports the message delivered.
    bool rollDelivered();
    // Sends `receipt` for the message `messageId` to the vendor's URL after the configured delay.
    void schedule(const VendorSimulator::Receipt& receipt, const QString& messageId);
    QJsonObject toJson() const; // the settings and what has been sent

signals:
    void finished(const QString& vendor, const QString& messageId, bool taken);

private:
    struct Callback
    {
        VendorSimulator::Receipt receipt;
        QString messageId;
        QUrl url;
        int tries = 0;
    };

    void send(Callback callback);
    void onAnswer(Callback callback, int status, const QString& error);

    Settings m_settings;
    QRandomGenerator m_dice;
    bool m_log;
    QNetworkAccessManager m_network;
    qint64 m_scheduled = 0, m_taken = 0, m_retried = 0, m_givenUp = 0, m_reportedFailed = 0;
};

} // namespace otp::vendorsim
