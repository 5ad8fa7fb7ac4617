#include "ApiKeysCommand.h"

#include "ApiKeyStore.h"
#include "OtpRuntime.h"
#include "StoreError.h"

#include <QJsonArray>

namespace otp {

Outcome ApiKeysCommand::run(OtpRuntime& runtime, const Arguments& a, const Actor& actor)
{
    const QString sub = a.words.value(0);
    try {
        ApiKeyStore store(runtime.database().session());
        const qint64 now = runtime.clock().nowMs();
        QString error;
        if (sub == QLatin1String("create")) {
            if (a.words.size() > 1)
                return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("use: apikeys create --tenant T --name NAME [--scopes ...]"));
            if (a.tenant.isEmpty() || a.name.isEmpty())
                return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("apikeys create needs --tenant T and --name NAME"));
            const auto created = store.create(a.tenant, a.name, {a.scopes}, actor, now, &error);
            if (!created)
                return Outcome::make(OutcomeStatus::InvalidInput, error);
            Outcome o = Outcome::make(OutcomeStatus::Ok,
                                      QStringLiteral("key %1 created for tenant %2; it is shown only now: store it in the app's secrets")
                                          .arg(a.name, a.tenant));
            o.details = created->row.toJson();
            o.details.insert(QStringLiteral("key"), created->key);
            return o;
        }
        if (sub == QLatin1String("revoke")) {
            if (a.words.size() != 2)
                return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("use: apikeys revoke NAME --reason TEXT"));
            if (!store.revoke(a.words.at(1), a.tenant, a.reason, actor, now, &error))
                return Outcome::make(OutcomeStatus::InvalidInput, error);
            return Outcome::make(OutcomeStatus::Ok, QStringLiteral("key %1 revoked; calls with it are refused from now on").arg(a.words.at(1)));
        }
        if (sub == QLatin1String("list")) {
            if (a.words.size() > 1)
                return Outcome::make(OutcomeStatus::InvalidInput, QStringLiteral("use: apikeys list [--tenant T]"));
            QJsonArray keys;
            int active = 0;
            for (const ApiKeyRow& k : store.list(a.tenant)) {
                keys.append(k.toJson());
                active += k.revoked() ? 0 : 1;
            }
            Outcome o = Outcome::make(OutcomeStatus::Ok, QStringLiteral("%1 key(s), %2 active").arg(keys.size()).arg(active));
            o.details.insert(QStringLiteral("keys"), keys);
            return o;
        }
    } catch (const StoreError& e) {
        return Outcome::make(OutcomeStatus::InternalError, e.message());
    }
    return Outcome::make(OutcomeStatus::InvalidInput,
                         QStringLiteral("use: apikeys create --tenant T --name NAME [--scopes send,verify,read,accounts] | "
                                        "apikeys list [--tenant T] | apikeys revoke NAME --reason TEXT"));
}

} // namespace otp
