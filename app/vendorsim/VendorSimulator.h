#pragma once

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QUrl>

#include <optional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace otp {

// Serves the Gupshup Enterprise, WATI and MyOperator HTTP APIs (docs: /work/shared/VENDORS.md) so that
// delivery code can be exercised over real HTTP: every accepted message lands in an inbox that tests
// read back, and faults (latency, HTTP errors, vendor errors, garbage, resets, hangs) can be injected
// per vendor and destination. Everything runs on the owning thread's event loop; nothing blocks.
class VendorSimulator : public QAbstractHttpServer
{
    Q_OBJECT

public:
    enum class MyOperatorShape { Sent, Accepted, Alternate };

    struct Config
    {
        QString gupshupUser = QStringLiteral("sim-user");
        QString gupshupPassword = QStringLiteral("sim-password");
        QString watiToken = QStringLiteral("sim-wati-token");
        QString myOperatorToken = QStringLiteral("sim-myop-token");
        QString myOperatorCompany = QStringLiteral("sim-company");
        MyOperatorShape myOperatorShape = MyOperatorShape::Accepted;
        int latencyMs = 0;       // added to every vendor request (not to /_sim/ control requests)
        quint32 seed = 1;        // drives the fault `rate` dice, so runs are reproducible
        int inboxLimit = 100000; // oldest messages are dropped beyond this
        bool logRequests = true; // one line per vendor request on the otp.vendorsim category
        // Rules the real vendors (or the operators behind them) enforce, checked only when asked:
        bool requireOtpButton = false; // MyOperator: an OTP template needs the code in its copy-code button
        bool enforceDlt = false;       // Gupshup: an SMS to +91 needs principalEntityId and dltTemplateId
        // DLT templates as registered (id → text with {#var#} for each variable); with enforceDlt, an SMS to
        // +91 whose text does not match its registered template word for word is dropped by the "operator".
        QHash<QString, QString> dltTemplates;
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

    explicit VendorSimulator(QObject* parent = nullptr);
    explicit VendorSimulator(Config config, QObject* parent = nullptr);
    ~VendorSimulator() override;

    // Listens on host:port (port 0 = any free port). Returns the bound port, 0 on failure.
    quint16 start(const QHostAddress& host = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;

    QList<Message> inbox(const QString& to = {}, const QString& vendor = {}) const;

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
    std::optional<Receipt> receiptFor(const QString& messageId, bool delivered, const QString& form,
                                      QString* error) const;
    int clearInbox();
    int addFault(Fault fault);
    QList<Fault> faults() const { return m_faults; }
    int clearFaults();
    QJsonObject stats() const;
    void resetStats();

    // Request/answer plumbing, defined in the .cpp.
    struct Incoming;
    struct Reply;
    struct Handled;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    enum class Vendor { None, Gupshup, Wati, MyOperator };
    struct VendorCounters
    {
        qint64 requests = 0, accepted = 0, rejected = 0, faulted = 0;
    };

    static QString vendorName(Vendor vendor);
    static Vendor vendorForPath(const QString& path, QString* watiApi, QString* watiTenant);
    static QString destinationOf(Vendor vendor, const Incoming& in);

    Reply handleControl(const Incoming& in);
    void finishVendorRequest(QTcpSocket* socket, const Incoming& in, const std::optional<Fault>& fault);
    Handled handleGupshup(const Incoming& in, const std::optional<Fault>& fault);
    Handled handleWati(const Incoming& in, const std::optional<Fault>& fault);
    Handled handleMyOperator(const Incoming& in, const std::optional<Fault>& fault);
    void accept(Message message);
    void writeReply(QTcpSocket* socket, const Incoming& in, const Reply& reply);
    void logRequest(const Incoming& in, const QString& outcome) const;

    Config m_config;
    quint16 m_port = 0;
    QHostAddress m_host;
    QRandomGenerator m_dice;
    quint64 m_idBase = 0;
    quint64 m_idCounter = 0;
    QList<Message> m_inbox;
    QList<Fault> m_faults;
    int m_nextFaultId = 1;
    qint64 m_requests = 0;
    qint64 m_controlRequests = 0;
    qint64 m_accepted = 0;
    QHash<QString, VendorCounters> m_byVendor;
    QHash<QString, int> m_requestsByTo;
    bool m_nextMyOperatorSent = false;
};

} // namespace otp
