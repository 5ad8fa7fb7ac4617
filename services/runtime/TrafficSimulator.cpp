#include "TrafficSimulator.h"

#include <QElapsedTimer>
#include <QThread>

namespace otp {

class SimulatedHandsets::Tap final : public DeliveryGateway
{
public:
    Tap(SimulatedHandsets& handsets, std::shared_ptr<DeliveryGateway> inner)
        : m_handsets(handsets), m_inner(std::move(inner))
    {
    }
    QString name() const override { return m_inner->name(); }
    bool supports(Channel c) const override { return m_inner->supports(c); }
    VendorAnswer deliver(const OutgoingMessage& message) override { return m_handsets.deliverThrough(*m_inner, message); }

private:
    SimulatedHandsets& m_handsets;
    std::shared_ptr<DeliveryGateway> m_inner;
};

SimulatedHandsets::SimulatedHandsets(double refuseShare, quint32 seed) : m_refuseShare(refuseShare), m_random(seed) {}

std::shared_ptr<DeliveryGateway> SimulatedHandsets::tap(std::shared_ptr<DeliveryGateway> inner)
{
    return std::make_shared<Tap>(*this, std::move(inner));
}

void SimulatedHandsets::tapAll(GatewayRegistry& registry)
{
    for (const QString& name : registry.names())
        registry.add(tap(registry.find(name))); // same name: replaces the plain gateway in this process
}

VendorAnswer SimulatedHandsets::deliverThrough(DeliveryGateway& inner, const OutgoingMessage& message)
{
    bool refuse;
    {
        QMutexLocker lock(&m_mutex);
        refuse = m_random.generateDouble() < m_refuseShare;
    }
    if (refuse) {
        VendorAnswer a;
        a.vendor = inner.name();
        a.httpStatus = 200;
        a.vendorCode = QStringLiteral("105");
        a.reason = QStringLiteral("the vendor reports an invalid or unreachable number");
        a.excerpt = QStringLiteral("error | 105 | Invalid phone");
        a.latencyMs = 40;
        return a;
    }
    VendorAnswer a = inner.deliver(message);
    if (a.accepted) {
        QMutexLocker lock(&m_mutex);
        m_inbox.insert(message.destination, message.code);
    }
    return a;
}

QString SimulatedHandsets::takeCode(const QString& destination)
{
    QMutexLocker lock(&m_mutex);
    return m_inbox.take(destination);
}

TrafficSimulator::TrafficSimulator(OtpService& service, SimulatedHandsets& handsets, QString tenant, quint32 seed)
    : m_service(service), m_handsets(handsets), m_tenant(std::move(tenant)), m_random(seed)
{
}

QString TrafficSimulator::randomPhone()
{
    // Indian mobiles (+91, first digit 6-9), drawn from a pool of 20,000 so some users come back.
    const quint32 n = m_random.bounded(20000u);
    return QStringLiteral("+91%1%2").arg(6 + n % 4).arg(870000000 + n * 7919 % 99999999, 9, 10, QLatin1Char('0'));
}

QString TrafficSimulator::wrongCode(const QString& right)
{
    QString wrong = right;
    const int i = int(m_random.bounded(quint32(right.size())));
    wrong[i] = QChar(u'0' + char16_t((right[i].unicode() - u'0' + 1 + m_random.bounded(9u)) % 10));
    return wrong;
}

void TrafficSimulator::runOne(Tally& tally)
{
    ++tally.flows;
    const quint32 roll = m_random.bounded(100u);
    if (roll < 3) { // a typo'd number never reaches the core's write path
        SendRequest bad{m_tenant, QStringLiteral("+91 12345"), std::nullopt, Purpose::Login, {}};
        count(tally, m_service.send(bad));
        return;
    }
    const Purpose purpose = roll % 10 == 0 ? Purpose::Registration : Purpose::Login;
    SendRequest req{m_tenant, randomPhone(), std::nullopt, purpose, {}};
    if (m_random.bounded(10u) == 0)
        req.channel = Channel::WhatsApp;
    const Outcome sent = m_service.send(req);
    count(tally, sent);
    if (sent.status != OutcomeStatus::Sent && sent.status != OutcomeStatus::Queued)
        return;
    m_service.deliverPending();
    QString code = m_handsets.takeCode(sent.destination);
    if (code.isEmpty())
        return;
    VerifyRequest v{m_tenant, sent.destination, code, purpose};

    if (roll < 13) // never enters the code: it expires
        return;
    if (roll < 20) { // brute force: wrong codes until locked
        for (int i = 0; i < 4; ++i) {
            v.code = wrongCode(code);
            const Outcome o = m_service.verify(v);
            count(tally, o);
            if (o.status == OutcomeStatus::Locked)
                break;
        }
        return;
    }
    if (roll < 25) { // asks again: the resend's code is the one that works (after the cooldown in real life)
        const Outcome again = m_service.resend(req);
        count(tally, again);
        if (again.status == OutcomeStatus::Sent)
            v.code = m_handsets.takeCode(sent.destination);
    }
    if (roll >= 25 && roll < 37) { // a typo first
        VerifyRequest typo = v;
        typo.code = wrongCode(code);
        count(tally, m_service.verify(typo));
    }
    count(tally, m_service.verify(v));
}

TrafficSimulator::Tally TrafficSimulator::run(double ratePerS, int durationS, const std::function<bool()>& keepGoing,
                                              int maxFlows)
{
    Tally tally;
    QElapsedTimer timer;
    timer.start();
    const qint64 endMs = durationS > 0 ? qint64(durationS) * 1000 : -1;
    qint64 flow = 0;
    while ((endMs < 0 || timer.elapsed() < endMs) && (maxFlows <= 0 || tally.flows < maxFlows) &&
           (!keepGoing || keepGoing())) {
        const qint64 due = qint64(double(flow) * 1000.0 / ratePerS);
        const qint64 wait = due - timer.elapsed();
        if (wait > 0)
            QThread::msleep(quint64(qMin<qint64>(wait, 200))); // pacing real traffic, not a test
        if (timer.elapsed() < due)
            continue;
        runOne(tally);
        ++flow;
    }
    return tally;
}

} // namespace otp
