#pragma once

#include "FlowContext.h"
#include "MessageTemplate.h"

namespace otp {

// Message templates (MessageTemplate.h): the texts a tenant's codes travel in, per purpose, channel and
// language. Validated first (placeholders, language, and for SMS the word-for-word DLT registration of every
// enabled Gupshup vendor that has one), written in one transaction, audited.
class TemplateFlow
{
public:
    explicit TemplateFlow(FlowContext& ctx) : m_ctx(ctx) {}

    // Every purpose × channel × shipped language with the text a send would use (the tenant's or the
    // shipped one: `built_in`), plus the tenant's templates in other languages.
    Outcome list(const QString& tenant);
    Outcome save(const MessageTemplate& t, const Actor& actor);
    Outcome remove(const QString& tenant, Purpose purpose, Channel channel, const QString& language, const Actor& actor);

private:
    FlowContext& m_ctx;
};

} // namespace otp
