#pragma once

#include "MessageTemplate.h"
#include "SqlSession.h"

#include <optional>

namespace otp {

// The `message_templates` table (MessageTemplate.h): what an admin wrote per tenant, purpose, channel and
// language. Stores; the rules (placeholders, DLT) are MessageTemplates'.
class TemplateStore
{
public:
    explicit TemplateStore(SqlSession& s) : m_s(s) {}

    QList<MessageTemplate> list(const QString& tenant);
    std::optional<MessageTemplate> find(const QString& tenant, Purpose purpose, Channel channel, const QString& language);
    // The text a send uses: the tenant's template for the language, else the tenant's English one, else the
    // shipped text for the language. Through a process-wide cache of kCacheMs, like PolicyStore::loadCached:
    // a save in this process applies at once, one made elsewhere within kCacheMs.
    static constexpr qint64 kCacheMs = 1000;
    MessageTemplate resolveCached(const QString& tenant, Purpose purpose, Channel channel, const QString& language);
    // Writes in the caller's transaction (validated before).
    void save(const MessageTemplate& t);
    // Returns whether a row was removed.
    bool remove(const QString& tenant, Purpose purpose, Channel channel, const QString& language);

private:
    MessageTemplate resolve(const QString& tenant, Purpose purpose, Channel channel, const QString& language);
    SqlSession& m_s;
};

} // namespace otp
