#include "VendorSimulator.h"

#include "ControlApi.h"
#include "FaultInjector.h"
#include "GupshupApi.h"
#include "MessageStore.h"
#include "MyOperatorApi.h"
#include "ReceiptSender.h"
#include "SimHttp.h"
#include "VendorEndpoint.h"
#include "WatiApi.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(lcVendorSim, "otp.vendorsim", QtInfoMsg)

namespace otp {

using namespace vendorsim;

namespace {

Vendor vendorForPath(const QString& path, QString* watiApi, QString* watiTenant)
{
    if (path == QLatin1String("/GatewayAPI/rest"))
        return Vendor::Gupshup;
    if (path == QLatin1String("/chat/messages"))
        return Vendor::MyOperator;
    // WATI: /api/v1|v2/sendTemplateMessage, optionally under one tenant segment
    // (live-mt-server.wati.io/<tenant>).
    static const QRegularExpression wati(QStringLiteral("^(?:/([^/]+))?/api/(v1|v2)/sendTemplateMessage/?$"));
    const QRegularExpressionMatch m = wati.match(path);
    if (m.hasMatch()) {
        *watiTenant = m.captured(1);
        *watiApi = m.captured(2);
        return Vendor::Wati;
    }
    return Vendor::None;
}

// The destination a vendor request is for, as digits, read the way each vendor carries it.
QString destinationOf(const Request& in)
{
    switch (in.vendor) {
    case Vendor::Gupshup: {
        QHash<QString, QString> params = parseForm(in.rawQuery);
        if (in.method == "POST")
            params.insert(parseForm(in.body));
        return digitsOf(params.value(QStringLiteral("send_to")));
    }
    case Vendor::Wati:
        return digitsOf(parseForm(in.rawQuery).value(QStringLiteral("whatsappnumber")));
    case Vendor::MyOperator: {
        const std::optional<QJsonObject> body = parseObject(in.body);
        if (!body)
            return {};
        return digitsOf(scalarText(body->value(QStringLiteral("customer_country_code")))) +
               digitsOf(scalarText(body->value(QStringLiteral("customer_number"))));
    }
    case Vendor::None:
        break;
    }
    return {};
}

// Everything a (possibly delayed) answer needs, copied out of the request: the server reuses the
// request object for the next request on this connection.
Request copied(const QHttpServerRequest& request)
{
    Request in;
    in.timer.start();
    in.method =
        QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()))).toUpper();
    in.path = request.url().path();
    in.rawQuery = request.url().query(QUrl::FullyEncoded).toUtf8();
    for (const auto& [name, value] : request.headers())
        in.headers.insert(name.toLower(), value);
    in.body = request.body();
    in.closeAfter = in.header("connection").toLower().contains("close");
    return in;
}

void resetConnection(QTcpSocket* socket)
{
#ifdef Q_OS_UNIX
    // Linger 0 makes the close a real TCP RST rather than an orderly FIN.
    const struct linger hard
    {
        1, 0
    };
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
#endif
    socket->abort();
}

} // namespace

VendorSimulator::VendorSimulator(QObject* parent) : VendorSimulator(Config{}, parent) {}

VendorSimulator::VendorSimulator(Config config, QObject* parent)
    : QAbstractHttpServer(parent), m_config(std::move(config)),
      m_faults(std::make_unique<FaultInjector>(m_config.seed)),
      m_store(std::make_unique<MessageStore>(m_config.inboxLimit)),
      m_gupshup(std::make_unique<GupshupApi>(m_config)), m_wati(std::make_unique<WatiApi>(m_config)),
      m_myOperator(std::make_unique<MyOperatorApi>(m_config)), m_control(std::make_unique<ControlApi>(*this)),
      m_receipts(new ReceiptSender(m_config.receipts, m_config.seed, m_config.logRequests, this))
{
    connect(m_receipts, &ReceiptSender::finished, this, &VendorSimulator::receiptCallbackFinished);
}

VendorSimulator::~VendorSimulator() = default;

quint16 VendorSimulator::start(const QHostAddress& host, quint16 port)
{
    m_host = host;
    m_port = listen(host, port);
    return m_port;
}

QUrl VendorSimulator::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_host.toString());
    url.setPort(m_port);
    return url;
}

QList<VendorSimulator::Message> VendorSimulator::inbox(const QString& to, const QString& vendor) const
{
    return m_store->find(to, vendor);
}

int VendorSimulator::clearInbox()
{
    return m_store->clear();
}

int VendorSimulator::addFault(Fault fault)
{
    return m_faults->add(std::move(fault));
}

QList<VendorSimulator::Fault> VendorSimulator::faults() const
{
    return m_faults->list();
}

int VendorSimulator::clearFaults()
{
    return m_faults->clear();
}

bool VendorSimulator::removeFault(int id)
{
    return m_faults->remove(id);
}

QJsonObject VendorSimulator::stats() const
{
    QJsonObject byVendor;
    qint64 accepted = 0, rejected = 0, faulted = 0;
    for (const QString& name : {kGupshup, kWati, kMyOperator}) {
        const VendorCounters c = m_byVendor.value(name);
        accepted += c.accepted;
        rejected += c.rejected;
        faulted += c.faulted;
        byVendor.insert(name, QJsonObject{{QStringLiteral("requests"), c.requests},
                                          {QStringLiteral("accepted"), c.accepted},
                                          {QStringLiteral("rejected"), c.rejected},
                                          {QStringLiteral("faulted"), c.faulted}});
    }
    return QJsonObject{
        {QStringLiteral("requests"), m_requests},
        {QStringLiteral("accepted"), accepted},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("faulted"), faulted},
        {QStringLiteral("control_requests"), m_controlRequests},
        {QStringLiteral("inbox"), qint64(m_store->size())},
        {QStringLiteral("faults"), qint64(m_faults->size())},
        {QStringLiteral("by_vendor"), byVendor},
    };
}

void VendorSimulator::resetStats()
{
    m_requests = 0;
    m_controlRequests = 0;
    m_byVendor.clear();
    m_store->resetRequestCounts();
}

VendorSimulator::ReceiptSettings VendorSimulator::receiptSettings() const
{
    return m_receipts->settings();
}

void VendorSimulator::setReceiptSettings(const ReceiptSettings& settings)
{
    m_receipts->setSettings(settings);
}

QJsonObject VendorSimulator::receiptStats() const
{
    return m_receipts->toJson();
}

std::optional<VendorSimulator::Receipt> VendorSimulator::receiptFor(const QString& messageId, bool delivered,
                                                                   const QString& form, QString* error) const
{
    const Message* found = m_store->byId(messageId);
    if (!found) {
        *error = QStringLiteral("no accepted message has the id '%1'").arg(messageId);
        return std::nullopt;
    }
    return receiptOf(*found, delivered, form.compare(QLatin1String("post"), Qt::CaseInsensitive) != 0,
                     found->receivedAtMs + 2000);
}

VendorSimulator::Receipt VendorSimulator::receiptOf(const Message& message, bool delivered, bool gupshupGet, qint64 atMs)
{
    // The operator dropped it (DLT): nothing can report it delivered.
    if (!message.extra.value(QStringLiteral("dropped")).toString().isEmpty())
        delivered = false;
    if (message.vendor == kGupshup)
        return GupshupApi::receipt(message, delivered, gupshupGet, atMs);
    if (message.vendor == kWati)
        return WatiApi::receipt(message, delivered, atMs);
    return MyOperatorApi::receipt(message, delivered, atMs);
}

bool VendorSimulator::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    Request in = copied(request);
    if (in.path == QLatin1String("/_sim") || in.path.startsWith(QLatin1String("/_sim/"))) {
        ++m_controlRequests;
        writeReply(socket, in, m_control->handle(in));
        return true;
    }
    in.vendor = vendorForPath(in.path, &in.watiApi, &in.watiTenant);
    if (in.vendor == Vendor::None) {
        writeReply(socket, in, messageReply(404, QStringLiteral("Not Found")));
        logRequest(in, QStringLiteral("404 unknown path"));
        return true;
    }
    routeVendorRequest(socket, std::move(in));
    return true;
}

void VendorSimulator::routeVendorRequest(QTcpSocket* socket, Request in)
{
    const QString vendor = vendorName(in.vendor);
    in.to = destinationOf(in);
    in.requestNo = ++m_requests;
    ++m_byVendor[vendor].requests;
    if (!in.to.isEmpty())
        in.requestsForTo = m_store->countRequestFor(in.to);

    // Latency faults add up; the first other matching fault decides the answer.
    int delayMs = m_config.latencyMs;
    const std::optional<Fault> decisive = m_faults->pick(vendor, in.to, &delayMs);
    if (decisive)
        ++m_byVendor[vendor].faulted;

    if (delayMs <= 0) {
        finishVendorRequest(socket, in, decisive);
        return;
    }
    // Delay on a timer: other connections keep being served meanwhile.
    QTimer::singleShot(delayMs, this, [this, guard = QPointer<QTcpSocket>(socket), in, decisive] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
            // A real vendor does not notice that its caller gave up waiting: the message still goes
            // out. This is the case of a code delivered after the caller's timeout (SECURITY.md row 25).
            logRequest(in, QStringLiteral("client gone before the delayed answer; processed anyway, as a vendor would"));
            finishVendorRequest(nullptr, in, decisive);
            return;
        }
        finishVendorRequest(guard, in, decisive);
    });
}

void VendorSimulator::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // handleRequest() answers everything; this only satisfies the interface.
    Request in;
    in.closeAfter = request.value("connection").toLower().contains("close");
    writeReply(socket, in, messageReply(404, QStringLiteral("Not Found")));
}

void VendorSimulator::finishVendorRequest(QTcpSocket* socket, const Request& in, const std::optional<Fault>& fault)
{
    if (!socket && fault && (fault->kind == FaultKind::Hang || fault->kind == FaultKind::Reset))
        return;
    if (fault && fault->kind == FaultKind::Hang) {
        logRequest(in, QStringLiteral("fault hang: connection kept open, no answer"));
        return;
    }
    if (fault && fault->kind == FaultKind::Reset) {
        logRequest(in, QStringLiteral("fault reset: connection aborted"));
        resetConnection(socket);
        return;
    }

    Handled h;
    switch (in.vendor) {
    case Vendor::Gupshup:
        h = m_gupshup->handle(in, fault);
        break;
    case Vendor::Wati:
        h = m_wati->handle(in, fault);
        break;
    case Vendor::MyOperator:
        h = m_myOperator->handle(in, fault);
        break;
    case Vendor::None:
        return;
    }

    VendorCounters& counters = m_byVendor[vendorName(in.vendor)];
    if (h.message) {
        ++counters.accepted;
        accept(*h.message);
    } else if (!fault) {
        ++counters.rejected;
    }
    if (socket)
        writeReply(socket, in, h.reply); // null: the caller hung up before the (delayed) answer
    logRequest(in, h.outcome);
}

void VendorSimulator::accept(const Message& message)
{
    m_store->add(message);
    if (!m_receipts->wants(message.vendor))
        return;
    // The receipt is written now (the inbox may be cleared before it goes) and stamped with the time it is due.
    const ReceiptSettings& s = m_receipts->settings();
    const bool delivered = m_receipts->rollDelivered();
    const qint64 dueMs = QDateTime::currentMSecsSinceEpoch() + qMax(0, s.delayMs);
    m_receipts->schedule(receiptOf(message, delivered, s.gupshupGet, dueMs), message.messageId);
}

void VendorSimulator::writeReply(QTcpSocket* socket, const Request& in, const Reply& reply)
{
    socket->write(renderReply(reply, in.method == "HEAD", in.closeAfter));
    if (in.closeAfter)
        socket->disconnectFromHost();
}

void VendorSimulator::logRequest(const Request& in, const QString& outcome) const
{
    if (!m_config.logRequests)
        return;
    // Path only: the query string carries Gupshup's password and message text.
    qCInfo(lcVendorSim).noquote() << QString::fromLatin1(in.method) << in.path
                                  << (in.vendor == Vendor::None ? QStringLiteral("-") : vendorName(in.vendor))
                                  << QStringLiteral("to=") + masked(in.to) << "->" << outcome
                                  << QStringLiteral("(%1 ms)").arg(in.timer.elapsed());
}

} // namespace otp
