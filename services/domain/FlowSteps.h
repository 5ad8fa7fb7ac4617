#pragma once

#include <functional>

namespace otp {

// Named steps of the core's flows (send, resend, verify, cancel, unlock, delivery), the seams of the
// crash-consistency and race tests (SECURITY.md row 19). A flow calls flowStep("verify.counted") at
// each point where a crash or a pause would leave a different state behind.
//
// In test builds (OTP_STEP_HOOKS, set when OTP_BUILD_TESTS is on):
//  - OTP_KILL_AT=<step> in the environment kills the process with SIGKILL the first time it reaches
//    that step: no destructor, no rollback by us, exactly a crash (otpctl under test);
//  - setFlowStepHook() installs an in-process hook called at every step, on the thread that reached
//    it, so a test can pause a flow there while another connection acts (two connections
//    interleaved by hand, never a sleep).
// In other builds flowStep() is an empty inline function.
#ifdef OTP_STEP_HOOKS
void flowStep(const char* name);
// Installs (or, with an empty function, removes) the in-process hook. Not for use while flows run.
void setFlowStepHook(std::function<void(const char*)> hook);
#else
inline void flowStep(const char*) {}
inline void setFlowStepHook(std::function<void(const char*)>) {}
#endif

} // namespace otp
