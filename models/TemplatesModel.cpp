#include "TemplatesModel.h"

#include "DatabaseThread.h"
#include "OtpService.h"
#include "StatusText.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QJsonArray>
#include <QPalette>
#include <QRegularExpression>

namespace otp::models {

namespace {
MessageTemplate fromJson(const QString& tenant, const QJsonObject& o)
{
    MessageTemplate t;
    t.tenant = tenant;
    t.purpose = purposeFromName(o.value(QStringLiteral("purpose")).toString()).value_or(Purpose::Login);
    t.channel = channelFromName(o.value(QStringLiteral("channel")).toString()).value_or(Channel::Sms);
    t.language = o.value(QStringLiteral("language")).toString();
    t.body = o.value(QStringLiteral("body")).toString();
    t.builtIn = o.value(QStringLiteral("built_in")).toBool();
    t.updatedAt = o.value(QStringLiteral("updated_at")).toInteger();
    t.updatedBy = o.value(QStringLiteral("updated_by")).toString();
    return t;
}

struct Loaded
{
    Outcome templates;
    Outcome policy;
};
} // namespace

TemplatesModel::TemplatesModel(const ConsoleContext& context, QObject* parent) : QAbstractTableModel(parent), m_ctx(context) {}

int TemplatesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TemplatesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TemplatesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageTemplate& t = m_rows.at(index.row());
    if (role == BuiltInRole)
        return t.builtIn;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case PurposeColumn: return StatusText::purpose(purposeName(t.purpose));
        case ChannelColumn: return StatusText::channel(channelName(t.channel));
        case LanguageColumn: return TemplateText::language(t.language);
        case TextColumn: return QString(t.body).replace(QLatin1Char('\n'), QLatin1Char(' '));
        case SourceColumn:
            return t.builtIn ? tr("built in") : tr("own, by %1").arg(t.updatedBy.isEmpty() ? tr("unknown") : t.updatedBy);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == TextColumn)
            return t.body; // the whole text: the column elides long ones
        if (t.builtIn)
            return tr("The text the core ships for this language; sends use it until the tenant saves its own.");
        return tr("Saved by %1 on %2").arg(t.updatedBy, QDateTime::fromMSecsSinceEpoch(t.updatedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    if (role == Qt::FontRole && !t.builtIn) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::FontRole && t.builtIn && (index.column() == TextColumn || index.column() == SourceColumn)) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    // Built-in rows: italic and the muted grey of finished statuses, which keeps 4.5:1 on the base (the
    // disabled-text grey they had was about 1.9:1 in the light theme).
    if (role == Qt::ForegroundRole && t.builtIn && (index.column() == TextColumn || index.column() == SourceColumn))
        return QBrush(StatusText::textColor(QString()));
    return {};
}

QVariant TemplatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PurposeColumn: return tr("Purpose");
    case ChannelColumn: return tr("Channel");
    case LanguageColumn: return tr("Language");
    case TextColumn: return tr("Text a send uses");
    case SourceColumn: return tr("Whose");
    }
    return {};
}

void TemplatesModel::setPermissions(const Permissions& permissions)
{
    m_permissions = permissions;
}

int TemplatesModel::rowOf(Purpose purpose, Channel channel, const QString& language) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const MessageTemplate& t = m_rows.at(i);
        if (t.purpose == purpose && t.channel == channel && t.language == language)
            return i;
    }
    return -1;
}

void TemplatesModel::load(const QString& tenant)
{
    m_tenant = tenant;
    OtpService* service = m_ctx.service;
    m_ctx.db->run<Loaded>(
        this, [service, tenant]() { return Loaded{service->templates(tenant), service->policyShow(tenant, std::nullopt)}; },
        [this, tenant](Loaded l) {
            if (tenant != m_tenant)
                return; // another tenant was asked for since
            beginResetModel();
            m_rows.clear();
            for (const QJsonValue& v : l.templates.details.value(QStringLiteral("templates")).toArray())
                m_rows.append(fromJson(tenant, v.toObject()));
            const QJsonObject p = l.policy.details.value(QStringLiteral("policy")).toObject();
            m_messageLanguage = p.value(QStringLiteral("message_language")).toString(QStringLiteral("en"));
            m_appName = p.value(QStringLiteral("app_name")).toString();
            m_ttlMinutes = qMax(1, p.value(QStringLiteral("ttl_s")).toString().toInt() / 60);
            endResetModel();
            if (!l.templates.ok())
                emit finished(l.templates);
            emit loaded();
        });
}

void TemplatesModel::save(const MessageTemplate& input, const Actor& actor)
{
    if (!m_permissions.canEditPolicy()) {
        emit finished(Outcome::make(OutcomeStatus::InvalidInput,
                                    tr("your role (%1) may not change message templates").arg(m_permissions.roleTitle())));
        return;
    }
    MessageTemplate t = input;
    t.tenant = m_tenant;
    OtpService* service = m_ctx.service;
    m_ctx.db->run<Outcome>(
        this, [service, t, actor]() { return service->saveTemplate(t, actor); },
        [this](Outcome o) {
            emit finished(o);
            load(m_tenant);
        });
}

void TemplatesModel::remove(Purpose purpose, Channel channel, const QString& language, const Actor& actor)
{
    if (!m_permissions.canEditPolicy()) {
        emit finished(Outcome::make(OutcomeStatus::InvalidInput,
                                    tr("your role (%1) may not change message templates").arg(m_permissions.roleTitle())));
        return;
    }
    OtpService* service = m_ctx.service;
    const QString tenant = m_tenant;
    m_ctx.db->run<Outcome>(
        this, [service, tenant, purpose, channel, language, actor]() { return service->removeTemplate(tenant, purpose, channel, language, actor); },
        [this](Outcome o) {
            emit finished(o);
            load(m_tenant);
        });
}

QString TemplateText::problem(const QString& body)
{
    const QString p = MessageTemplates::problem(body);
    return p.isEmpty() ? p : translate(p);
}

QString TemplateText::translate(const QString& m)
{
    QRegularExpressionMatch r;
    if (m == QLatin1String("the message text is empty"))
        return tr("The message is empty.");
    if ((r = QRegularExpression(QStringLiteral("^the message text has (\\d+) characters; at most (\\d+)$")).match(m)).hasMatch())
        return tr("The message has %1 characters; at most %2 are allowed.").arg(r.captured(1), r.captured(2));
    if ((r = QRegularExpression(QStringLiteral("^the message text holds a control character \\((U\\+[0-9a-fA-F]+)\\)$")).match(m)).hasMatch())
        return tr("The message holds an invisible control character (%1); remove it.").arg(r.captured(1));
    if ((r = QRegularExpression(QStringLiteral("^the message text has unknown placeholder\\(s\\) (.*); the known ones")).match(m)).hasMatch())
        return tr("%1: not a placeholder the core knows. Use {code}, {minutes}, {app} or {purpose}.").arg(r.captured(1));
    if (m.startsWith(QLatin1String("the message text has no {code}")))
        return tr("The message has no {code}: the person would get no code.");
    if ((r = QRegularExpression(QStringLiteral("^the message text has \\{code\\} (\\d+) times")).match(m)).hasMatch())
        return tr("The message has {code} %1 times; it must appear exactly once.").arg(r.captured(1));
    if ((r = QRegularExpression(QStringLiteral("^language '(.*)' is not a two-letter")).match(m)).hasMatch())
        return tr("“%1” is not a language code: use two lower-case letters (en, hi, ta, …).").arg(r.captured(1));
    if ((r = QRegularExpression(QStringLiteral("^vendor '(.*)' \\(DLT template (.*)\\): the text does not match the registered "
                                               "DLT template word for word \\(\"(.*)\"\\)"),
                                QRegularExpression::DotMatchesEverythingOption)
                 .match(m))
            .hasMatch())
        return tr("The SMS text must match, word for word, the DLT template registered for the vendor %1 "
                  "(template %2): “%3”. Indian operators drop an SMS whose text differs from its registration. Change "
                  "the text, or the vendor's registration first.")
            .arg(r.captured(1), r.captured(2), r.captured(3));
    if ((r = QRegularExpression(QStringLiteral("^tenant (.*) has no (\\S+) (\\S+) template in '(.*)'$")).match(m)).hasMatch())
        return tr("The tenant %1 has no text of its own for this purpose, channel and language.")
            .arg(r.captured(1));
    if (m == QLatin1String("invalid tenant id"))
        return tr("The tenant name is not valid.");
    return m;
}

QString TemplateText::outcome(const Outcome& o, bool removal)
{
    if (o.ok())
        return removal ? tr("Removed: sends use the built-in text again.") : tr("Saved: the next codes travel in this text.");
    const QString why = o.status == OutcomeStatus::InvalidInput ? translate(o.message) : StatusText::outcome(o);
    return removal ? tr("Not removed: %1").arg(why) : tr("Not saved: %1").arg(why);
}

QString TemplateText::language(const QString& code)
{
    if (code == QLatin1String("en"))
        return QStringLiteral("English (en)");
    if (code == QLatin1String("hi"))
        return QStringLiteral("हिन्दी (hi)");
    if (code == QLatin1String("ta"))
        return QStringLiteral("தமிழ் (ta)");
    return code;
}

} // namespace otp::models
