#pragma once

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace otp {

namespace vendorsim {
struct Request;
struct Reply;
class FaultInjector;
class MessageStore;
class GupshupApi;
class WatiApi;
class MyOperatorApi;
class ControlApi;
class ReceiptSender;
} // namespace vendorsim

// Serves the Gupshup Enterprise, WATI and MyOperator HTTP APIs (docs: /work/shared/VENDORS.md) so that
// delivery code can be exercised over real HTTP: every accepted message lands in an inbox that tests
// read back, faults (latency, HTTP errors, vendor errors, garbage, resets, hangs) can be injected per
// vendor and destination, and each vendor's delivery receipts can be called back to a URL. Everything
// runs on the owning thread's event loop; nothing blocks.
//
// This class receives and dispatches; each vendor's API (GupshupApi, WatiApi, MyOperatorApi), the
// /_sim/ control API (ControlApi), fault injection (FaultInjector), the inbox (MessageStore) and the
// receipt callbacks (ReceiptSender) live in their own files.
class VendorSimulator : public QAbstractHttpServer
{
    Q_OBJECT

public:
    enum class MyOperatorShape { Sent, Accepted, Alternate };

    // Where and how the vendors call back with delivery receipts (none by default).
    struct ReceiptSettings
    {
        QHash<QString, QUrl> urls; // vendor name (gupshup | wati | myoperator) → its callback URL, whole
        int delayMs = 1500;        // from acceptance to the callback
        double failRate = 0.0;     // fraction of receipts reported failed / undelivered
        bool gupshupGet = false;   // Gupshup: GET with the report in the query (else POST of a JSON array)
        int retries = 2;           // further tries of a callback the receiver did not take (non-2xx or no answer)
        int retryMs = 500;         // backoff before the first retry; doubled for each next one
    };

    struct Config
    {
        QString gupshupUser = QStringLiteral("sim-user");
        QString gupshupPassword = QStringLiteral("sim-password");
        QString watiToken = QStringLiteral("sim-wati-token");
        QString myOperatorToken = QStringLiteral("sim-myop-token");
        QString myOperatorCompany = QStringLiteral("sim-company");
        MyOperatorShape myOperatorShape = MyOperatorShape::Accepted;
        int latencyMs = 0;       // added to every vendor request (not to /_sim/ control requests)
        quint32 seed = 1;        // drives the fault `rate` dice and the receipt fail dice, so runs are reproducible
        int inboxLimit = 100000; // oldest messages are dropped beyond this
        bool logRequests = true; // one line per vendor request on the otp.vendorsim category
        // Rules the real vendors (or the operators behind them) enforce, checked only when asked:
        bool requireOtpButton = false; // MyOperator: an OTP template needs the code in its copy-code button
        bool enforceDlt = false;       // Gupshup: an SMS to +91 needs principalEntityId and dltTemplateId
        // DLT templates as registered (id → text with {#var#} for each variable); with enforceDlt, an SMS to
        // +91 whose text does not match its registered template word for word is dropped by the "operator".
        QHash<QString, QString> dltTemplates;
        ReceiptSettings receipts;
    };

    enum class FaultKind { Latency, Http, VendorError, Malformed, Reset, Hang };

    struct Fault
    {
        int id = 0;
        QString vendor = QStringLiteral("*"); // gupshup | wati | myoperator | *
        QString to;                           // destination digits; empty matches any
        FaultKind kind = FaultKind::Http;
        int status = 0;    // http: the HTTP status (default 500); vendor_error: MyOperator's (default 400)
        int latencyMs = 0; // latency only (default 1000)
        double rate = 1.0; // probability that a matching request is hit
        int count = -1;    // matching requests still to hit; -1 = until cleared
        int applied = 0;

        static std::optional<Fault> fromJson(const QJsonObject& json, QString* error);
        QJsonObject toJson() const;
    };

    struct Message
    {
        QString vendor;       // gupshup | wati | myoperator
        QString to;           // digits as received (MyOperator: country code + number)
        QString text;         // Gupshup: msg; WATI: parameter values joined by ", "; MyOperator: body as JSON
        QString templateName; // empty for Gupshup
        QString messageId;
        QJsonValue params; // WATI: parameters array; MyOperator: context.body; Gupshup: null
        QJsonObject extra; // vendor-specific request details (api version, tenant, mask, myop_ref_id…)
        qint64 receivedAtMs = 0;
        qint64 requestNo = 0;  // sequence number among all vendor requests
        int requestsForTo = 0; // vendor requests seen for this destination so far, this one included

        QJsonObject toJson() const;
    };

    // The delivery report the vendor would call back with for an accepted message, in its documented
    // shape (tests/fixtures/receipts/README.md names the sources): Gupshup a GET query (form "get") or
    // a POST JSON array (form "post"); WATI sentMessageDELIVERED_v2 / templateMessageFailed (v1 sends:
    // the v1 event, whatsappMessageId only); MyOperator the observed {"event_type", "payload"} callback.
    struct Receipt
    {
        QString vendor;
        QByteArray method; // GET: `body` is the query string; POST: the request body
        QByteArray contentType;
        QByteArray body;
    };

    explicit VendorSimulator(QObject* parent = nullptr);
    explicit VendorSimulator(Config config, QObject* parent = nullptr);
    ~VendorSimulator() override;

    // Listens on host:port (port 0 = any free port). Returns the bound port, 0 on failure.
    quint16 start(const QHostAddress& host = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;

    QList<Message> inbox(const QString& to = {}, const QString& vendor = {}) const;
    std::optional<Receipt> receiptFor(const QString& messageId, bool delivered, const QString& form,
                                      QString* error) const;
    // The receipt for `message` reported at `atMs`: each vendor's API writes its own.
    static Receipt receiptOf(const Message& message, bool delivered, bool gupshupGet, qint64 atMs);
    int clearInbox();
    int addFault(Fault fault);
    QList<Fault> faults() const;
    int clearFaults();
    bool removeFault(int id);
    QJsonObject stats() const;
    void resetStats();

    // Receipt callbacks: where to, after how long, how many fail; changeable while running.
    ReceiptSettings receiptSettings() const;
    void setReceiptSettings(const ReceiptSettings& settings);
    QJsonObject receiptStats() const;

signals:
    // A receipt callback ended: taken by the receiver (2xx), or given up after the last retry.
    void receiptCallbackFinished(const QString& vendor, const QString& messageId, bool taken);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct VendorCounters
    {
        qint64 requests = 0, accepted = 0, rejected = 0, faulted = 0;
    };

    void routeVendorRequest(QTcpSocket* socket, vendorsim::Request in);
    void finishVendorRequest(QTcpSocket* socket, const vendorsim::Request& in, const std::optional<Fault>& fault);
    void accept(const Message& message);
    void writeReply(QTcpSocket* socket, const vendorsim::Request& in, const vendorsim::Reply& reply);
    void logRequest(const vendorsim::Request& in, const QString& outcome) const;

    Config m_config;
    quint16 m_port = 0;
    QHostAddress m_host;
    std::unique_ptr<vendorsim::FaultInjector> m_faults;
    std::unique_ptr<vendorsim::MessageStore> m_store;
    std::unique_ptr<vendorsim::GupshupApi> m_gupshup;
    std::unique_ptr<vendorsim::WatiApi> m_wati;
    std::unique_ptr<vendorsim::MyOperatorApi> m_myOperator;
    std::unique_ptr<vendorsim::ControlApi> m_control;
    vendorsim::ReceiptSender* m_receipts = nullptr; // a child QObject
    qint64 m_requests = 0;
    qint64 m_controlRequests = 0;
    QHash<QString, VendorCounters> m_byVendor;
};

} // namespace otp
