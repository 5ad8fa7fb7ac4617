#include "ApiMetrics.h"

#include "Clock.h"
#include "CodeHasher.h"
#include "Database.h"
#include "StoreError.h"

#include <QCryptographicHash>
#include <QMutexLocker>
#include <QRegularExpression>

#include <cmath>

namespace otp {

namespace {
const QString kRawMarker = QStringLiteral("\u0001raw");
constexpr qint64 kFeedOverlapMs = 60000;    // rows committed late with an earlier updated_at
constexpr qint64 kFeedCreatedWithinMs = 86400000; // rows older than a day are not followed (index on created_at)
constexpr int kFeedMaxRows = 20000;

QByteArray number(double v)
{
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    return QByteArray::number(v, 'g', 12);
}

QByteArray escape(const QString& v)
{
    QByteArray out;
    for (const char c : v.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray labels(std::initializer_list<std::pair<const char*, QString>> pairs)
{
    QByteArray out = "{";
    bool first = true;
    for (const auto& [name, value] : pairs) {
        if (!first)
            out += ',';
        first = false;
        out += name;
        out += "=\"" + escape(value) + '"';
    }
    return out + '}';
}

void header(QByteArray& out, const char* name, const char* type, const char* help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
}

bool sendRoute(const QString& pattern)
{
    return pattern == QLatin1String("/v1/verifications") || pattern == QLatin1String("/v1/verifications/resend");
}
} // namespace

ApiMetrics& ApiMetrics::instance()
{
    static ApiMetrics metrics;
    return metrics;
}

const QVector<double>& ApiMetrics::httpBuckets()
{
    static const QVector<double> b{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    return b;
}

const QVector<double>& ApiMetrics::vendorBuckets()
{
    static const QVector<double> b{0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60};
    return b;
}

QString ApiMetrics::labelValue(const QString& value)
{
    static const QRegularExpression sane(QStringLiteral("^[A-Za-z0-9_./{}-]{1,64}$"));
    if (value.isEmpty())
        return QStringLiteral("none");
    return sane.match(value).hasMatch() ? value : QStringLiteral("other");
}

void ApiMetrics::observe(Histogram& h, const QVector<double>& bounds, double value)
{
    if (h.counts.isEmpty())
        h.counts.fill(0, bounds.size() + 1);
    qsizetype i = 0;
    while (i < bounds.size() && value > bounds.at(i))
        ++i;
    ++h.counts[i];
    h.sum += value;
    ++h.count;
}

void ApiMetrics::observeRequest(const QString& routePattern, int httpStatus, double seconds)
{
    const QString route = routePattern.isEmpty() || routePattern == QLatin1String("-") ? QStringLiteral("unmatched")
                                                                                        : labelValue(routePattern);
    QMutexLocker lock(&m_mutex);
    ++m_requests[{route, QString::number(httpStatus)}];
    observe(m_requestSeconds[route], httpBuckets(), seconds);
}

void ApiMetrics::observeCall(const QString& routePattern, const QString& tenant, const QJsonObject& requestBody,
                             const ApiResponse& response)
{
    const QString outcome = response.body.value(QStringLiteral("status")).toString();
    if (sendRoute(routePattern)) {
        // The channel the core chose (in the answer), else the one asked for; a refusal before the
        // channel was known counts as "unknown".
        QString channel = response.body.value(QStringLiteral("channel")).toString();
        if (channel.isEmpty())
            channel = requestBody.value(QStringLiteral("channel")).toString();
        static const QStringList known{QStringLiteral("sms"), QStringLiteral("whatsapp"), QStringLiteral("email")};
        observeSend(tenant, known.contains(channel) ? channel : QStringLiteral("unknown"), outcome);
    } else if (routePattern == QLatin1String("/v1/verifications/check")) {
        observeCheck(tenant, outcome);
    }
}

void ApiMetrics::observeSend(const QString& tenant, const QString& channel, const QString& outcome)
{
    QMutexLocker lock(&m_mutex);
    ++m_sends[QStringList{labelValue(tenant), labelValue(channel), labelValue(outcome)}];
}

void ApiMetrics::observeCheck(const QString& tenant, const QString& outcome)
{
    QMutexLocker lock(&m_mutex);
    ++m_checks[{labelValue(tenant), labelValue(outcome)}];
}

void ApiMetrics::observeVendor(const QString& vendor, double seconds)
{
    QMutexLocker lock(&m_mutex);
    observe(m_vendorSeconds[labelValue(vendor)], vendorBuckets(), seconds);
}

void ApiMetrics::observeDelivery(const QString& vendor, const QString& state)
{
    QMutexLocker lock(&m_mutex);
    ++m_deliveries[{labelValue(vendor), labelValue(state)}];
}

void ApiMetrics::setOutboxDepth(qint64 depth)
{
    QMutexLocker lock(&m_mutex);
    m_outboxDepth = depth;
}

void ApiMetrics::startDatabaseFeed(qint64 nowMs)
{
    QMutexLocker lock(&m_feedMutex);
    if (!m_feedStarted) {
        m_feedStarted = true;
        m_watermark = nowMs;
    }
}

void ApiMetrics::scrapeDatabase(SqlSession& session, qint64 nowMs)
{
    setOutboxDepth(session.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state = 'queued'")).toLongLong());
    QMutexLocker lock(&m_feedMutex);
    if (!m_feedStarted) {
        m_feedStarted = true;
        m_watermark = nowMs;
    }
    const qint64 from = m_watermark - kFeedOverlapMs;
    const Rows rows = session.select(QStringLiteral("SELECT id, vendor, state, latency_ms, updated_at FROM deliveries "
                                                    "WHERE created_at > ? AND updated_at > ? ORDER BY updated_at LIMIT %1")
                                         .arg(kFeedMaxRows),
                                     {nowMs - kFeedCreatedWithinMs, from});
    qint64 newest = m_watermark;
    for (const SqlRow& row : rows) {
        const qint64 id = row.value(0).toLongLong();
        const QString vendor = row.value(1).toString();
        const QString state = row.value(2).toString();
        const QVariant latency = row.value(3);
        const qint64 updatedAt = row.value(4).toLongLong();
        Seen& seen = m_seen[id];
        if (seen.state != state) {
            seen.state = state;
            observeDelivery(vendor, state);
        }
        if (!seen.latency && !latency.isNull() && latency.isValid()) {
            seen.latency = true;
            observeVendor(vendor, latency.toLongLong() / 1000.0);
        }
        seen.updatedAt = qMax(seen.updatedAt, updatedAt);
        newest = qMax(newest, updatedAt);
    }
    // Rows not updated for two overlaps cannot come back through the overlap window.
    m_watermark = qMin(newest, nowMs);
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (it->updatedAt < m_watermark - 2 * kFeedOverlapMs)
            it = m_seen.erase(it);
        else
            ++it;
    }
}

void ApiMetrics::renderHistogram(QByteArray& out, const char* name, const char* label,
                                 const QMap<QString, Histogram>& series, const QVector<double>& bounds)
{
    for (auto it = series.begin(); it != series.end(); ++it) {
        const QByteArray key = QByteArray(label) + "=\"" + escape(it.key()) + '"';
        quint64 cumulative = 0;
        for (qsizetype i = 0; i <= bounds.size(); ++i) {
            cumulative += it->counts.value(i);
            const QByteArray le = i < bounds.size() ? number(bounds.at(i)) : QByteArray("+Inf");
            out += QByteArray(name) + "_bucket{" + key + ",le=\"" + le + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += QByteArray(name) + "_sum{" + key + "} " + number(it->sum) + '\n';
        out += QByteArray(name) + "_count{" + key + "} " + QByteArray::number(it->count) + '\n';
    }
}

QByteArray ApiMetrics::render() const
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    header(out, "otp_sends_total", "counter", "Send and resend answers by tenant, channel and outcome.");
    for (auto it = m_sends.begin(); it != m_sends.end(); ++it)
        out += "otp_sends_total" +
               labels({{"tenant", it.key().value(0)}, {"channel", it.key().value(1)}, {"outcome", it.key().value(2)}}) + ' ' +
               QByteArray::number(it.value()) + '\n';
    header(out, "otp_checks_total", "counter", "Check answers by tenant and outcome.");
    for (auto it = m_checks.begin(); it != m_checks.end(); ++it)
        out += "otp_checks_total" + labels({{"tenant", it.key().first}, {"outcome", it.key().second}}) + ' ' +
               QByteArray::number(it.value()) + '\n';
    header(out, "otp_http_requests_total", "counter", "HTTP answers by route pattern and status code.");
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it)
        out += "otp_http_requests_total" + labels({{"route", it.key().first}, {"code", it.key().second}}) + ' ' +
               QByteArray::number(it.value()) + '\n';
    header(out, "otp_http_request_duration_seconds", "histogram", "Time from request to answer, by route pattern.");
    renderHistogram(out, "otp_http_request_duration_seconds", "route", m_requestSeconds, httpBuckets());
    header(out, "otp_vendor_request_duration_seconds", "histogram",
           "Vendor answer time of delivery tries (deliveries.latency_ms), by vendor, as recorded in the database.");
    renderHistogram(out, "otp_vendor_request_duration_seconds", "vendor", m_vendorSeconds, vendorBuckets());
    header(out, "otp_deliveries_total", "counter",
           "Delivery rows seen reaching a state since this process started (database-wide), by vendor and state.");
    for (auto it = m_deliveries.begin(); it != m_deliveries.end(); ++it)
        out += "otp_deliveries_total" + labels({{"vendor", it.key().first}, {"state", it.key().second}}) + ' ' +
               QByteArray::number(it.value()) + '\n';
    header(out, "otp_outbox_depth", "gauge", "Deliveries queued in the outbox (database-wide), read at scrape time.");
    if (m_outboxDepth)
        out += "otp_outbox_depth " + QByteArray::number(*m_outboxDepth) + '\n';
    return out;
}

void ApiMetrics::addRoute(ApiRouter& router, Database& database, const Clock& clock, const QString& token)
{
    try {
        instance().startDatabaseFeed(clock.nowMs());
    } catch (const StoreError&) {
        // the database's clock did not answer: the feed starts at the first scrape instead
    }
    const QByteArray tokenDigest =
        token.isEmpty() ? QByteArray() : QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    Database* db = &database;
    const Clock* c = &clock;
    router.add({QStringLiteral("GET"), QStringLiteral("/metrics"), std::nullopt, ApiRoute::Body::None,
                QStringLiteral("Prometheus metrics (loopback clients, or the --metrics-token)"),
                [db, c, tokenDigest](const ApiCall& call) -> ApiResponse {
                    // The client address, not the peer: behind a trusted proxy on this host, the proxy's
                    // clients are not loopback.
                    const bool loopback = QHostAddress(call.request.clientAddress).isLoopback();
                    bool allowed = loopback;
                    const QByteArray auth = call.request.header("authorization").trimmed();
                    if (!allowed && !tokenDigest.isEmpty() && auth.toLower().startsWith("bearer ")) {
                        const QByteArray presented = QCryptographicHash::hash(auth.mid(7).trimmed(), QCryptographicHash::Sha256);
                        allowed = CodeHasher::constantTimeEquals(presented, tokenDigest);
                    }
                    if (!allowed)
                        return ApiResponse::make(403, QStringLiteral("forbidden"),
                                                 tokenDigest.isEmpty()
                                                     ? QStringLiteral("metrics are served to loopback clients only")
                                                     : QStringLiteral("metrics need Authorization: Bearer <metrics token> from here"));
                    ApiMetrics& m = instance();
                    try {
                        m.scrapeDatabase(db->session(), c->nowMs());
                    } catch (const StoreError&) {
                        // the in-process series still answer; the database-fed ones keep their last values
                    }
                    QByteArray text = m.render();
                    if (db->config().isSqliteFile()) {
                        // The group commit (WriteTransaction): transactions per COMMIT is how much it saves.
                        const auto g = WriteTransaction::sqliteGroupCounts(db->config().path);
                        header(text, "otp_sqlite_transactions_total", "counter",
                               "Write transactions this process committed to the SQLite file.");
                        text += "otp_sqlite_transactions_total " + QByteArray::number(g.transactions) + '\n';
                        header(text, "otp_sqlite_commits_total", "counter",
                               "SQLite COMMITs that wrote them (one COMMIT ends a group of transactions).");
                        text += "otp_sqlite_commits_total " + QByteArray::number(g.commits) + '\n';
                    }
                    return RawBody::make(200, QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), text);
                }});
}

namespace RawBody {
ApiResponse make(int httpStatus, const QByteArray& contentType, const QByteArray& bytes)
{
    ApiResponse r;
    r.httpStatus = httpStatus;
    r.body.insert(kRawMarker, QString::fromUtf8(bytes));
    r.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return r;
}

std::optional<QByteArray> take(ApiResponse& response, QByteArray* contentType)
{
    if (!response.body.contains(kRawMarker))
        return std::nullopt;
    const QByteArray bytes = response.body.take(kRawMarker).toString().toUtf8();
    for (qsizetype i = 0; i < response.headers.size(); ++i) {
        if (response.headers.at(i).first.toLower() == "content-type") {
            *contentType = response.headers.at(i).second;
            response.headers.removeAt(i);
            break;
        }
    }
    return bytes;
}
} // namespace RawBody

} // namespace otp
