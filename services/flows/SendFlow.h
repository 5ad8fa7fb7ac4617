#pragma once

#include "ChallengeStore.h"
#include "FlowContext.h"
#include "FlowRequests.h"

#include <optional>

namespace otp {

class DeliveryFlow;

// Sending and resending a code (DESIGN.md rules "resend", "send cap", "wrong attempts", "delivery"):
// the destination is resolved, the send is decided and its challenge and first try written in one
// transaction, then the try is handed to the vendors (DeliveryFlow) and the person's action audited.
class SendFlow
{
public:
    SendFlow(FlowContext& ctx, DeliveryFlow& delivery) : m_ctx(ctx), m_delivery(delivery) {}

    Outcome issue(const SendRequest& request, const Actor& actor, bool isResend);

private:
    struct Issue; // one send's state through its steps (SendFlow.cpp)

    std::optional<Outcome> decideAndWrite(Issue& i);
    void holdPrevious(Issue& i, WriteTransaction& tx);
    std::optional<Outcome> chooseChannel(Issue& i, Outcome& refusal);
    std::optional<Outcome> planRoute(Issue& i, Outcome& refusal);
    std::optional<Outcome> passGate(Issue& i, Outcome& refusal);
    std::optional<Outcome> lockIfAttemptsSpent(Issue& i, WriteTransaction& tx, Outcome& refusal);
    ChallengeRow renewChallenge(Issue& i, int* sendNo);
    ChallengeRow newChallenge(Issue& i);
    void openDelivery(Issue& i, const ChallengeRow& c, int sendNo);
    Outcome handOver(Issue& i);

    FlowContext& m_ctx;
    DeliveryFlow& m_delivery;
};

} // namespace otp
