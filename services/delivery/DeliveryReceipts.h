#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrlQuery>

namespace otp {

// What a vendor reported later about a message it had accepted.
struct DeliveryReceipt
{
    enum class State { Delivered, Failed, Unknown };
    State state = State::Unknown;
    QString messageId;   // the vendor's id, as its send answer gave it (may be empty: see below)
    qint64 deliveryId = 0; // our own delivery id when the vendor echoes our reference (MyOperator myop_ref_id)
    QString destination; // digits as the vendor wrote them, to match id-less receipts (WATI v1)
    QString vendorCode;  // Gupshup errCode / cause, WhatsApp error code, raw status
    QString reason;      // plain words
    qint64 atMs = 0;     // when the vendor says it happened (0: unknown)
    int parts = 0;       // SMS fragments the vendor counted (Gupshup noOfFrags; 0: not said)
};

// Parsers for the vendors' receipt formats (VENDORS.md). Each accepts the documented shapes and the
// observed variants, returns one receipt per event, and sets *error (naming the problem) for a body
// it cannot read at all. The HTTP entry points come with otpd; `otpctl receipt` feeds them meanwhile.
namespace DeliveryReceipts {

// Gupshup delivery report by GET: externalId, deliveredTS, status (SUCCESS | FAILURE | UNKNOWN), cause, phoneNo,
// errCode, noOfFrags, mask.
QList<DeliveryReceipt> gupshupQuery(const QUrlQuery& query, QString* error);
// Gupshup delivery reports by POST: a JSON array (≤ 20) of {externalId, eventType, eventTs, destAddr, cause, errCode, …}.
QList<DeliveryReceipt> gupshupJson(const QByteArray& body, QString* error);
// WATI webhook: {eventType: "sentMessageDELIVERED[_v2]" | "templateMessageFailed" | …, statusString, localMessageId
// (v2 sends), whatsappMessageId, failedCode, failedDetail, timestamp, …}.
QList<DeliveryReceipt> wati(const QByteArray& body, QString* error);
// MyOperator status callback: {message_id | id, status: sent|delivered|read|failed, myop_ref_id, errors[…]},
// alone, in an array, under "data", or (as integrations observe it) under "payload" with "event_type" beside it.
QList<DeliveryReceipt> myOperator(const QByteArray& body, QString* error);

// Picks the parser by vendor kind (gupshup | wati | myoperator); `query` is used by Gupshup GET.
QList<DeliveryReceipt> parse(const QString& kind, const QByteArray& body, const QUrlQuery& query, QString* error);

} // namespace DeliveryReceipts
} // namespace otp
