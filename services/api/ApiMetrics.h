#pragma once

#include "ApiRouter.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QVector>

#include <optional>

namespace otp {

class Clock;
class Database;
class SqlSession;

// otpd's Prometheus metrics (HTTP-API.md "Metrics"), text exposition format 0.0.4, served on
// GET /metrics to loopback clients or to `Authorization: Bearer <--metrics-token>`.
//
// Fed in-process (one registry per process, instance()):
//   otp_http_requests_total{route,code}        every answer (ApiServer::respond); route is the
//   otp_http_request_duration_seconds{route}   pattern ("/v1/verifications/{id}"), "unmatched" for 404s
//   otp_sends_total{tenant,channel,outcome}    the send/resend routes' answers (observeCall)
//   otp_checks_total{tenant,outcome}           the check route's answers (observeCall)
// Read from the database at each scrape (scrapeDatabase), so they count what every process and the
// outbox workers did, not only this process's requests:
//   otp_outbox_depth                            deliveries in state 'queued' now (a gauge)
//   otp_deliveries_total{vendor,state}          delivery rows seen reaching a state since this
//   otp_vendor_request_duration_seconds{vendor} process started, and each row's vendor answer time
//                                               (deliveries.latency_ms) once it is recorded
// The database-fed series are cluster-wide (every otpd behind one database reports the same rows):
// aggregate them across instances with max(), not sum(). A row that changes state twice between two
// scrapes is counted in its latest state only.
// Label values are route patterns, tenants, channel/outcome/state words and vendor names, each
// checked against [A-Za-z0-9_./{}-]{1,64} (anything else becomes "other"): never a destination, code or key.
class ApiMetrics
{
public:
    static ApiMetrics& instance();

    // One answer of the server (any route, any status).
    void observeRequest(const QString& routePattern, int httpStatus, double seconds);
    // A handler's answer: counts sends and checks by their outcome (the body's "status").
    void observeCall(const QString& routePattern, const QString& tenant, const QJsonObject& requestBody,
                     const ApiResponse& response);
    void observeSend(const QString& tenant, const QString& channel, const QString& outcome);
    void observeCheck(const QString& tenant, const QString& outcome);
    void observeVendor(const QString& vendor, double seconds);
    void observeDelivery(const QString& vendor, const QString& state);
    void setOutboxDepth(qint64 depth);

    // Reads the outbox depth and the delivery rows changed since the last scrape (see above).
    // `nowMs` on the database's clock (the rows' timestamps). Throws StoreError.
    void scrapeDatabase(SqlSession& session, qint64 nowMs);
    // Where the database feed starts (rows updated before are not counted); set once at start.
    void startDatabaseFeed(qint64 nowMs);

    QByteArray render() const;

    // GET /metrics on `router`. An empty `token` means loopback clients only.
    static void addRoute(ApiRouter& router, Database& database, const Clock& clock, const QString& token);

    static QString labelValue(const QString& value);
    static const QVector<double>& httpBuckets();
    static const QVector<double>& vendorBuckets();

private:
    struct Histogram
    {
        QVector<quint64> counts; // per bucket (not cumulative), plus +Inf at the end
        double sum = 0;
        quint64 count = 0;
    };
    static void observe(Histogram& h, const QVector<double>& bounds, double value);
    static void renderHistogram(QByteArray& out, const char* name, const char* label,
                                const QMap<QString, Histogram>& series, const QVector<double>& bounds);

    mutable QMutex m_mutex;
    QMap<QPair<QString, QString>, quint64> m_requests;        // (route, code)
    QMap<QString, Histogram> m_requestSeconds;                // route
    QMap<QStringList, quint64> m_sends;                       // tenant, channel, outcome
    QMap<QPair<QString, QString>, quint64> m_checks;          // (tenant, outcome)
    QMap<QString, Histogram> m_vendorSeconds;                 // vendor
    QMap<QPair<QString, QString>, quint64> m_deliveries;      // (vendor, state)
    std::optional<qint64> m_outboxDepth;

    // The database feed (scrapeDatabase): rows seen lately, so an overlap re-read counts nothing twice.
    struct Seen
    {
        QString state;
        bool latency = false;
        qint64 updatedAt = 0;
    };
    QMutex m_feedMutex;
    qint64 m_watermark = 0;
    bool m_feedStarted = false;
    QHash<qint64, Seen> m_seen;
};

// A non-JSON answer (the Prometheus text, the OpenAPI document as is): carried inside ApiResponse
// until ApiServer::respond() writes it, which calls take() and writes these bytes and content type
// instead of the JSON body (and adds no request_id to them; the X-Request-Id header still goes).
namespace RawBody {
ApiResponse make(int httpStatus, const QByteArray& contentType, const QByteArray& bytes);
// The bytes (and *contentType) when `response` was made by make(); the marker is removed.
std::optional<QByteArray> take(ApiResponse& response, QByteArray* contentType);
} // namespace RawBody

} // namespace otp
