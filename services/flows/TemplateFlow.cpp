#include "TemplateFlow.h"

#include "MessageTemplate.h"
#include "TemplateStore.h"
#include "VendorStore.h"

#include <QJsonArray>

namespace otp {

namespace {
QJsonObject toJson(const MessageTemplate& t)
{
    return {{QStringLiteral("purpose"), purposeName(t.purpose)},
            {QStringLiteral("channel"), channelName(t.channel)},
            {QStringLiteral("language"), t.language},
            {QStringLiteral("body"), t.body},
            {QStringLiteral("built_in"), t.builtIn},
            {QStringLiteral("updated_at"), t.updatedAt},
            {QStringLiteral("updated_by"), t.updatedBy}};
}

// SMS to India: the text must match each enabled Gupshup vendor's registered DLT template, or the operator
// drops it after Gupshup accepted it. Refused here, naming the vendor, rather than at every send.
QString dltProblem(SqlSession& s, const MessageTemplate& t)
{
    if (t.channel != Channel::Sms)
        return {};
    for (const VendorConfig& v : VendorStore(s).all()) {
        const QString registered = v.setting(QStringLiteral("dlt_template_text"));
        if (!v.enabled || v.kind != QLatin1String("gupshup") || registered.isEmpty())
            continue;
        if (const QString problem = MessageTemplates::dltProblem(registered, t.body, t.purpose); !problem.isEmpty())
            return QStringLiteral("vendor '%1' (DLT template %2): %3")
                .arg(v.name, v.setting(QStringLiteral("dlt_template_id"), QStringLiteral("?")), problem);
    }
    return {};
}

QString inputProblem(const MessageTemplate& t)
{
    if (!FlowContext::isValidTenant(t.tenant))
        return QStringLiteral("invalid tenant id");
    if (const QString p = MessageTemplates::languageProblem(t.language); !p.isEmpty())
        return p;
    return MessageTemplates::problem(t.body);
}
} // namespace

Outcome TemplateFlow::list(const QString& tenant)
{
    return m_ctx.guarded([&]() -> Outcome {
        if (!FlowContext::isValidTenant(tenant))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
        TemplateStore store(m_ctx.db.session());
        QJsonArray rows;
        const QList<MessageTemplate> own = store.list(tenant);
        for (Purpose p : {Purpose::Login, Purpose::Registration, Purpose::PasswordReset, Purpose::Signup}) {
            for (Channel c : {Channel::Sms, Channel::WhatsApp, Channel::Email}) {
                for (const QString& lang : MessageTemplates::shippedLanguages()) {
                    MessageTemplate t = store.find(tenant, p, c, lang).value_or(MessageTemplate{});
                    if (t.body.isEmpty()) {
                        t = MessageTemplate{tenant, p, c, lang, MessageTemplates::builtInBody(p, c, lang), 0, {}, true};
                    }
                    rows.append(toJson(t));
                }
            }
        }
        for (const MessageTemplate& t : own) {
            if (!MessageTemplates::shippedLanguages().contains(t.language))
                rows.append(toJson(t));
        }
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 template(s) written for tenant %2")
                                                         .arg(own.size()).arg(tenant));
        o.tenant = tenant;
        o.details.insert(QStringLiteral("templates"), rows);
        return o;
    });
}

Outcome TemplateFlow::save(const MessageTemplate& input, const Actor& actor)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        MessageTemplate t = input;
        t.body = t.body.trimmed();
        if (const QString problem = inputProblem(t); !problem.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, problem);
        SqlSession& s = m_ctx.db.session();
        WriteTransaction tx(s);
        tx.lockKey(QStringLiteral("template:") + t.tenant); // save is delete-then-insert
        if (const QString problem = dltProblem(s, t); !problem.isEmpty())
            return Outcome::make(OutcomeStatus::InvalidInput, problem);
        t.updatedAt = m_ctx.clock.nowMs();
        t.updatedBy = actor.user;
        TemplateStore(s).save(t);
        AuditLog(s).record(actor, QStringLiteral("template_set"), t.tenant,
                           purposeName(t.purpose) + QLatin1Char('/') + channelName(t.channel) + QLatin1Char('/') + t.language,
                           {{QStringLiteral("body"), t.body}}, t.updatedAt);
        tx.commit();
        Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("template saved: %1 %2 in '%3' for tenant %4")
                                                         .arg(purposeName(t.purpose), channelName(t.channel), t.language, t.tenant));
        o.tenant = t.tenant;
        o.details.insert(QStringLiteral("template"), toJson(t));
        return o;
    });
}

Outcome TemplateFlow::remove(const QString& tenant, Purpose purpose, Channel channel, const QString& language,
                             const Actor& actor)
{
    return m_ctx.guardedTransaction([&]() -> Outcome {
        if (!FlowContext::isValidTenant(tenant))
            return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("invalid tenant id"));
        SqlSession& s = m_ctx.db.session();
        WriteTransaction tx(s);
        if (!TemplateStore(s).remove(tenant, purpose, channel, language))
            return Outcome::make(OutcomeStatus::InvalidInput,
                                 QStringLiteral("tenant %1 has no %2 %3 template in '%4'")
                                     .arg(tenant, purposeName(purpose), channelName(channel), language));
        const qint64 now = m_ctx.clock.nowMs();
        AuditLog(s).record(actor, QStringLiteral("template_remove"), tenant,
                           purposeName(purpose) + QLatin1Char('/') + channelName(channel) + QLatin1Char('/') + language,
                           {}, now);
        tx.commit();
        return Outcome::make(OutcomeStatus::Ok, QStringLiteral("template removed; sends use the shipped text again"));
    });
}

} // namespace otp
