#pragma once

#include "FlowContext.h"
#include "FlowRequests.h"

namespace otp {

// Verifying a code (DESIGN.md rules "wrong attempts", "single use", "accounts"): the code's shape is
// checked, then one transaction holds the challenge, counts the attempt, compares, and writes what it
// leads to (verified and the account, or the lockout at the last attempt); the person's try is audited.
class VerifyFlow
{
public:
    explicit VerifyFlow(FlowContext& ctx) : m_ctx(ctx) {}

    Outcome verify(const VerifyRequest& request, const Actor& actor);

private:
    // verify()'s one transaction (counted, compared, consequence written), run again on a lock conflict.
    Outcome verifyOnce(SqlSession& s, const VerifyRequest& request, const Policy& policy, Outcome base);

    FlowContext& m_ctx;
};

} // namespace otp
