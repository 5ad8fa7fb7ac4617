#pragma once

#include "AuditLog.h"
#include "ConsoleContext.h"
#include "MessageTemplate.h"
#include "Permissions.h"

#include <QAbstractTableModel>
#include <QCoreApplication>

namespace otp::models {

// One tenant's message templates (MessageTemplate.h) as purpose × channel × language rows with the text
// a send would use, the tenant's own or the shipped one (built in), plus the tenant's message_language
// and app_name policy. Read and written on the worker thread through OtpService::templates,
// saveTemplate and removeTemplate (validated, audited); only roles that may edit policies save.
class TemplatesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PurposeColumn, ChannelColumn, LanguageColumn, TextColumn, SourceColumn, ColumnCount };
    enum Roles { BuiltInRole = Qt::UserRole + 1 };

    TemplatesModel(const ConsoleContext& context, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPermissions(const Permissions& permissions);
    void load(const QString& tenant);
    void save(const MessageTemplate& t, const Actor& actor);
    void remove(Purpose purpose, Channel channel, const QString& language, const Actor& actor);

    QString tenant() const { return m_tenant; }
    // The tenant's policy: the language its codes travel in, and {app} (empty: the tenant's name).
    QString messageLanguage() const { return m_messageLanguage; }
    QString appName() const { return m_appName; }
    // The policy's code lifetime in whole minutes, the {minutes} of the preview.
    int ttlMinutes() const { return m_ttlMinutes; }
    const MessageTemplate& rowAt(int row) const { return m_rows.at(row); }
    int rowOf(Purpose purpose, Channel channel, const QString& language) const;

signals:
    void loaded();
    // After a save or a removal (and before the reload that follows it).
    void finished(const otp::Outcome& outcome);

private:
    ConsoleContext m_ctx;
    Permissions m_permissions;
    QString m_tenant = QStringLiteral("default");
    QString m_messageLanguage = QStringLiteral("en");
    QString m_appName;
    int m_ttlMinutes = 5;
    QList<MessageTemplate> m_rows;
};

// The core's template words (MessageTemplates::problem, languageProblem, the DLT refusal naming the
// vendor) in the operator's language.
class TemplateText
{
    Q_DECLARE_TR_FUNCTIONS(TemplateText)
public:
    // Empty when `body` can be saved, else MessageTemplates::problem(body) in plain, translated words.
    static QString problem(const QString& body);
    // A problem sentence of MessageTemplates or TemplateFlow (English) in the operator's language.
    static QString translate(const QString& coreMessage);
    // A save (or, `removal`, a removal) outcome in a sentence.
    static QString outcome(const Outcome& outcome, bool removal);
    // The language of a code in its own name ("hi" → "हिन्दी (hi)").
    static QString language(const QString& code);
};

} // namespace otp::models
