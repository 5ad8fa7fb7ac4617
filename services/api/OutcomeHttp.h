#pragma once

#include "ApiRequest.h"
#include "Outcome.h"

namespace otp {

// The one mapping from a core Outcome to an HTTP answer (HTTP-API.md, routes table):
//   success: the route's own code (201 sent, 202 queued/unconfirmed, 200 otherwise)
//   invalid_input / invalid_destination 400 · country_not_allowed 403 · no_active_code 404 · expired 410
//   wrong_code 422 · cooldown / rate_limited / locked 429 with Retry-After · delivery_failed 502 · internal 500
// The body carries status, message, retry_after_s and attempts_remaining; `fields` adds the route's own.
namespace OutcomeHttp {

int httpStatus(const Outcome& outcome, int successStatus = 200);
ApiResponse response(const Outcome& outcome, int successStatus = 200, const QJsonObject& fields = {});

} // namespace OutcomeHttp
} // namespace otp
