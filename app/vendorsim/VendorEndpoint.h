#pragma once

#include "SimHttp.h"
#include "VendorSimulator.h"

#include <optional>

// What the three vendor APIs (GupshupApi, WatiApi, MyOperatorApi) share: the result of handling one
// request, the answers of injected faults, and the common fields of an accepted message.
namespace otp::vendorsim {

using Fault = VendorSimulator::Fault;
using FaultKind = VendorSimulator::FaultKind;
using Message = VendorSimulator::Message;
using Receipt = VendorSimulator::Receipt;

struct Handled
{
    Reply reply;
    QString outcome; // for the log line: never a message body or a credential
    std::optional<Message> message;
};

// The answer of an `http` fault: the status with the body the vendor is seen to send.
Reply httpFaultReply(const QString& vendor, int status);

// An injected HTTP fault, or a method the endpoint does not serve (`allow`: "GET, POST"), answered
// before any parsing: fills *h and returns true.
bool refusedUpFront(const Request& in, const std::optional<Fault>& fault, const QString& vendor,
                    const QByteArray& allow, Handled* h);

// A message with what every vendor records: vendor, destination, when, and the request counters.
Message acceptedMessage(const QString& vendor, const Request& in, const QString& to, const QString& messageId);

// The "wamid." id WhatsApp gives a message, derived from the vendor's own id so that it is stable.
QString whatsappMessageId(const QString& messageId);

} // namespace otp::vendorsim
