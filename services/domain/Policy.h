#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace otp {

// The rules for one tenant and purpose. Defaults are DESIGN.md's; every field is settable by key.
struct Policy
{
    enum class Delivery { Sync, Async };
    enum class AccountCreation { OnVerify, OnDelivery };

    int codeLength = 6;
    int ttlS = 300;             // hard maximum 600 (NIST SP 800-63B asks for short lifetimes)
    int maxAttempts = 3;
    int cooldownS = 30;
    int sendsPerHour = 3;
    int sendsPerDay = 10;
    int sendsPerIpPerHour = 30; // sends one client address may ask otpd for per tenant and hour (0: off)
    int lockoutS = 900;
    int prefixBurstCap = 20;    // sends to one number block (phone minus last 3 digits) per window
    int prefixBurstWindowS = 60;
    int deliveryMaxTries = 4;   // tries per vendor for one send (async retries of timeouts, 5xx, 429)
    int deliveryBackoffS = 2;   // first retry after this, doubling, with ±25 % jitter, capped at 5 min
    // The circuit breaker per vendor (VendorBreaker.h): it opens after breakerFailures consecutive
    // retryable failures, or when fewer than breakerMinSuccessPct % of at least breakerMinTries tries in
    // the last breakerWindowMin minutes were accepted; after breakerCooloffS one probe try decides, and
    // breakerCloseSuccesses successful probes close it. The tenant whose try is recorded decides.
    int breakerFailures = 5;
    int breakerMinSuccessPct = 50;
    int breakerMinTries = 20;
    int breakerWindowMin = 5;
    int breakerCooloffS = 60;
    int breakerCloseSuccesses = 2;
    // Alarms (AlarmMonitor.h), judged over the last alarmWindowMin minutes: a vendor accepting under
    // alarmVendorSuccessPct % of at least alarmMinTries tries, or answering with a p95 latency above
    // alarmP95LatencyMs; more than alarmOutboxDepth queued deliveries; more than alarmLockoutsPerMin
    // lockouts in the last minute; a number prefix whose conversion (verified ÷ delivered, over at
    // least alarmMinTries ended codes) falls under alarmConversionPct % of its usual level.
    int alarmWindowMin = 15;
    int alarmMinTries = 20;
    int alarmVendorSuccessPct = 80;
    int alarmP95LatencyMs = 5000;
    int alarmOutboxDepth = 500;
    int alarmLockoutsPerMin = 20;
    int alarmConversionPct = 30;
    Delivery delivery = Delivery::Sync;
    // Vendors in order of preference per channel (empty: the configured default); when every one has
    // failed, the fallback channel's route is tried ("whatsapp fails → sms", as Vonage's workflows do).
    QMap<QString, QStringList> routes;    // channel name → vendor names
    QMap<QString, QString> fallbacks;     // channel name → channel name
    AccountCreation accountCreation = AccountCreation::OnVerify;
    QStringList allowedCountries; // empty: every country
    QString defaultRegion = QStringLiteral("IN");
    // The language of the message a code travels in (MessageTemplate.h: the tenant's template for it, or
    // the shipped text), and the app's name in it ({app}; empty: the tenant's name).
    QString messageLanguage = QStringLiteral("en");
    QString appName;

    static QStringList keys();
    // Applies KEY=VALUE; returns an empty string or the problem in plain words. Nothing changes on error.
    QString set(const QString& key, const QString& value);
    QString value(const QString& key) const;
    // Checks relations between fields (sends_per_day >= sends_per_hour, …).
    QString consistencyProblem() const;
    QMap<QString, QString> toMap() const;
};

} // namespace otp
