#include "ReceiptRoutes.h"

#include "ApiRouter.h"
#include "CodeHasher.h"
#include "DeliveryReceipts.h"
#include "OtpRuntime.h"
#include "OutcomeHttp.h"
#include "SecretStores.h"
#include "VendorStore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>

#include <memory>

namespace otp {

Q_LOGGING_CATEGORY(lcReceipts, "otp.api.receipts", QtInfoMsg)

namespace {
const QStringList kReceiptKinds{QStringLiteral("gupshup"), QStringLiteral("wati"), QStringLiteral("myoperator")};

QByteArray digest(const QByteArray& bytes) { return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256); }

// The tokens read from the secret store, per vendor, with when they were read (monotonic).
class TokenCache
{
public:
    explicit TokenCache(OtpRuntime& runtime) : m_runtime(runtime) { m_clock.start(); }

    // Whether `presented` is the vendor's token. Absent or unreadable tokens match nothing.
    bool matches(const QString& vendor, const QString& presented)
    {
        const QByteArray want = digest(presented.toUtf8());
        QMutexLocker lock(&m_mutex);
        const qint64 now = m_clock.elapsed();
        Entry& e = m_entries[vendor];
        const bool fresh = e.readAt >= 0 && now - e.readAt < ReceiptRoutes::kCacheMs;
        bool ok = e.present && CodeHasher::constantTimeEquals(want, e.digest);
        if (!ok && (!fresh || now - e.readAt >= ReceiptRoutes::kRecheckMs)) {
            read(vendor, e, now); // a token made or changed since the last read
            ok = e.present && CodeHasher::constantTimeEquals(want, e.digest);
        } else if (ok && !fresh) {
            read(vendor, e, now); // deleted or rotated since: re-read before trusting it again
            ok = e.present && CodeHasher::constantTimeEquals(want, e.digest);
        }
        return ok;
    }

private:
    struct Entry
    {
        bool present = false;
        QByteArray digest;
        qint64 readAt = -1;
    };
    void read(const QString& vendor, Entry& e, qint64 now)
    {
        e.readAt = now;
        e.present = false;
        e.digest.clear();
        QString error;
        SecretStore* store = m_runtime.secrets(&error);
        if (!store) {
            qCWarning(lcReceipts).noquote() << "receipt tokens cannot be read: the secret store is unusable:" << error;
            return;
        }
        const std::optional<QString> token = store->get(ReceiptRoutes::tokenSecretName(vendor), &error);
        if (!error.isEmpty())
            qCWarning(lcReceipts).noquote() << "the receipt token of vendor" << vendor << "cannot be read:" << error;
        if (token && !token->isEmpty()) {
            e.present = true;
            e.digest = digest(token->toUtf8());
        }
    }

    OtpRuntime& m_runtime;
    QMutex m_mutex;
    QElapsedTimer m_clock;
    QHash<QString, Entry> m_entries;
};

ApiResponse receipt(OtpRuntime& runtime, TokenCache& tokens, const ApiCall& call)
{
    const QString vendor = call.params.value(QStringLiteral("vendor"));
    const QString token = call.params.value(QStringLiteral("token"));
    // One answer for every way of not being a receipt endpoint: no oracle on vendor names or tokens.
    const ApiResponse notFound = ApiResponse::notFound(QStringLiteral("there is no receipt endpoint at this address"));
    std::optional<VendorConfig> config;
    if (SecretStores::isValidName(ReceiptRoutes::tokenSecretName(vendor)))
        config = VendorStore(runtime.database().session()).find(vendor);
    if (!config || !kReceiptKinds.contains(config->kind)) {
        // Spend a comparison as a known vendor would (the store is not asked).
        CodeHasher::constantTimeEquals(digest(token.toUtf8()), digest(QByteArrayLiteral("-")));
        return notFound;
    }
    if (!tokens.matches(vendor, token))
        return notFound;
    QString error;
    const QList<DeliveryReceipt> receipts =
        DeliveryReceipts::parse(config->kind, call.request.body, call.request.query, &error);
    if (!error.isEmpty())
        return ApiResponse::invalidInput(QStringLiteral("the receipt could not be read: %1").arg(error));
    const Outcome o = runtime.service().applyReceipts(vendor, receipts);
    if (o.status != OutcomeStatus::Ok)
        return OutcomeHttp::response(o);
    ApiResponse r = ApiResponse::make(200, QStringLiteral("ok"), o.message);
    r.body.insert(QStringLiteral("vendor"), vendor);
    r.body.insert(QStringLiteral("received"), o.details.value(QStringLiteral("received")).toInt());
    r.body.insert(QStringLiteral("applied"), o.details.value(QStringLiteral("updated")).toInt());
    r.body.insert(QStringLiteral("unchanged"), o.details.value(QStringLiteral("unchanged")).toInt());
    r.body.insert(QStringLiteral("unmatched"), o.details.value(QStringLiteral("unmatched")).toInt());
    return r;
}
} // namespace

QString ReceiptRoutes::tokenSecretName(const QString& vendor)
{
    return QStringLiteral("receipt-token/") + vendor;
}

bool ReceiptRoutes::takesVendorBody(const ApiRoute& route)
{
    return route.pattern == QLatin1String(kPattern);
}

void ReceiptRoutes::add(ApiRouter& router, OtpRuntime& runtime)
{
    OtpRuntime* rt = &runtime;
    auto tokens = std::make_shared<TokenCache>(runtime);
    const auto handler = [rt, tokens](const ApiCall& call) { return receipt(*rt, *tokens, call); };
    for (const char* method : {"GET", "POST"})
        router.add({QLatin1String(method), QLatin1String(kPattern), std::nullopt, ApiRoute::Body::None,
                    QStringLiteral("A vendor's delivery receipt, in the vendor's own format (VENDORS.md)"), handler});
}

} // namespace otp
