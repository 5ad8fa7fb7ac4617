#pragma once

#include <QString>

namespace otp {

class ApiRouter;
class OtpRuntime;
struct ApiRoute;

// Vendors' delivery receipts over HTTP (HTTP-API.md; SECURITY.md row 24):
//   GET|POST /v1/receipts/{vendor}/{token}
// `vendor` names a configured vendor of a kind that sends receipts (gupshup, wati, myoperator);
// `token` must equal the secret `receipt-token/<vendor>` in the secret store (made and printed by
// `otpctl vendors receipt-url NAME`), compared in constant time over SHA-256 digests (so neither
// content nor length leaks). An unknown vendor, a vendor without a token and a wrong token all get
// the same 404. The body (or, for Gupshup GET, the query) is read by the core's DeliveryReceipts
// parsers in the vendor's own format, whatever Content-Type the vendor sent; a body they cannot
// read is 400 invalid_input; otherwise OtpService::applyReceipts and 200 with the counts:
//   received, applied (accepted → delivered/failed now), unchanged (repeats, late or 'unknown'
//   reports: a repeated receipt changes nothing), unmatched (no delivery of this vendor has the id yet).
// A receipt that arrives before the send's answer is recorded (fast vendors: the row is still
// 'sending', without its message id) counts unmatched here, but the core keeps it in pending_receipts
// (bounded: PendingReceipts.h) and applies it when the answer with that id is recorded (Outbox).
// Tokens read from the store are kept for kCacheMs, and a wrong token does not make the store be
// asked again within kRecheckMs (the keychain is slow and serialised).
class ReceiptRoutes
{
public:
    static constexpr qint64 kCacheMs = 30000;
    static constexpr qint64 kRecheckMs = 2000;
    static constexpr const char* kPattern = "/v1/receipts/{vendor}/{token}";

    static void add(ApiRouter& router, OtpRuntime& runtime);

    // "receipt-token/<vendor>" (otpctl vendors receipt-url writes the same name).
    static QString tokenSecretName(const QString& vendor);
    // The receipt routes take the vendor's body as it comes (not JSON-checked by the server).
    static bool takesVendorBody(const ApiRoute& route);
};

} // namespace otp
