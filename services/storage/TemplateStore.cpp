#include "TemplateStore.h"

#include "ProcessCache.h"

namespace otp {

namespace {
ProcessCache<MessageTemplate> g_templates(TemplateStore::kCacheMs);

MessageTemplate fromRecord(const SqlRow& r)
{
    MessageTemplate t;
    t.tenant = r.value(0).toString();
    t.purpose = purposeFromName(r.value(1).toString()).value_or(Purpose::Login);
    t.channel = channelFromName(r.value(2).toString()).value_or(Channel::Sms);
    t.language = r.value(3).toString();
    t.body = r.value(4).toString();
    t.updatedAt = r.value(5).toLongLong();
    t.updatedBy = r.value(6).toString();
    return t;
}

const QString kColumns = QStringLiteral("tenant, purpose, channel, language, body, updated_at, updated_by");
} // namespace

QList<MessageTemplate> TemplateStore::list(const QString& tenant)
{
    QList<MessageTemplate> out;
    const Rows rows = m_s.select(QStringLiteral("SELECT ") + kColumns +
                                     QStringLiteral(" FROM message_templates WHERE tenant = ? "
                                                    "ORDER BY purpose, channel, language"),
                                 {tenant});
    for (const SqlRow& r : rows)
        out << fromRecord(r);
    return out;
}

std::optional<MessageTemplate> TemplateStore::find(const QString& tenant, Purpose purpose, Channel channel,
                                                   const QString& language)
{
    const Rows rows = m_s.select(QStringLiteral("SELECT ") + kColumns +
                                     QStringLiteral(" FROM message_templates WHERE tenant = ? AND purpose = ? "
                                                    "AND channel = ? AND language = ?"),
                                 {tenant, purposeName(purpose), channelName(channel), language});
    if (rows.isEmpty())
        return std::nullopt;
    return fromRecord(rows.first());
}

MessageTemplate TemplateStore::resolve(const QString& tenant, Purpose purpose, Channel channel, const QString& language)
{
    // One statement for both candidates: the language asked for and English.
    const Rows rows = m_s.select(QStringLiteral("SELECT ") + kColumns +
                                     QStringLiteral(" FROM message_templates WHERE tenant = ? AND purpose = ? "
                                                    "AND channel = ? AND language IN (?, 'en')"),
                                 {tenant, purposeName(purpose), channelName(channel), language});
    std::optional<MessageTemplate> english;
    for (const SqlRow& r : rows) {
        MessageTemplate t = fromRecord(r);
        if (t.language == language)
            return t;
        english = t;
    }
    // Order: the tenant's text in the language, the shipped text in it, the tenant's English text, the
    // shipped English text.
    const bool shipped = MessageTemplates::shippedLanguages().contains(language);
    if (english && !shipped)
        return *english;
    MessageTemplate t;
    t.tenant = tenant;
    t.purpose = purpose;
    t.channel = channel;
    t.language = shipped ? language : QStringLiteral("en");
    t.body = MessageTemplates::builtInBody(purpose, channel, t.language);
    t.builtIn = true;
    return t;
}

MessageTemplate TemplateStore::resolveCached(const QString& tenant, Purpose purpose, Channel channel,
                                             const QString& language)
{
    const QString key = m_s.cacheKey() + QLatin1Char('|') + tenant + QLatin1Char('|') +
                        purposeName(purpose) + QLatin1Char('|') + channelName(channel) + QLatin1Char('|') + language;
    return g_templates.get(key, [&] { return resolve(tenant, purpose, channel, language); });
}

void TemplateStore::save(const MessageTemplate& t)
{
    const ProcessCache<MessageTemplate>::Writing writing(g_templates);
    // Delete-then-insert is the portable upsert; the caller's write transaction makes the pair atomic.
    m_s.update(QStringLiteral("DELETE FROM message_templates WHERE tenant = ? AND purpose = ? AND channel = ? "
                              "AND language = ?"),
               {t.tenant, purposeName(t.purpose), channelName(t.channel), t.language});
    m_s.update(QStringLiteral("INSERT INTO message_templates (") + kColumns +
                   QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?)"),
               {t.tenant, purposeName(t.purpose), channelName(t.channel), t.language, t.body, t.updatedAt, t.updatedBy});
}

bool TemplateStore::remove(const QString& tenant, Purpose purpose, Channel channel, const QString& language)
{
    const ProcessCache<MessageTemplate>::Writing writing(g_templates);
    return m_s.update(QStringLiteral("DELETE FROM message_templates WHERE tenant = ? AND purpose = ? AND channel = ? "
                                     "AND language = ?"),
                      {tenant, purposeName(purpose), channelName(channel), language}) > 0;
}

} // namespace otp
