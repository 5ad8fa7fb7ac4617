#include "FaultInjector.h"

#include "SimHttp.h"

#include <utility>

namespace otp {

namespace {

using vendorsim::kGupshup;
using vendorsim::kMyOperator;
using vendorsim::kWati;

const QList<std::pair<VendorSimulator::FaultKind, QString>>& faultKindNames()
{
    static const QList<std::pair<VendorSimulator::FaultKind, QString>> names{
        {VendorSimulator::FaultKind::Latency, QStringLiteral("latency")},
        {VendorSimulator::FaultKind::Http, QStringLiteral("http")},
        {VendorSimulator::FaultKind::VendorError, QStringLiteral("vendor_error")},
        {VendorSimulator::FaultKind::Malformed, QStringLiteral("malformed")},
        {VendorSimulator::FaultKind::Reset, QStringLiteral("reset")},
        {VendorSimulator::FaultKind::Hang, QStringLiteral("hang")},
    };
    return names;
}

QString faultKindName(VendorSimulator::FaultKind kind)
{
    for (const auto& [k, name] : faultKindNames()) {
        if (k == kind)
            return name;
    }
    return {};
}

bool present(const QJsonValue& v)
{
    return !v.isUndefined() && !v.isNull();
}

// The numbers of a fault (status, latency_ms, rate, count) read onto *f; the why of a bad one, or empty.
QString readNumbers(const QJsonObject& json, VendorSimulator::Fault* f)
{
    using FaultKind = VendorSimulator::FaultKind;
    const QJsonValue status = json.value(QStringLiteral("status"));
    if (present(status)) {
        if (!status.isDouble() || status.toInt() < 100 || status.toInt() > 599)
            return QStringLiteral("status must be an HTTP status between 100 and 599");
        f->status = status.toInt();
    }
    if (f->kind == FaultKind::Http && f->status == 0)
        f->status = 500;

    const QJsonValue latency = json.value(QStringLiteral("latency_ms"));
    if (present(latency)) {
        if (!latency.isDouble() || latency.toInt() < 0)
            return QStringLiteral("latency_ms must be a number >= 0");
        f->latencyMs = latency.toInt();
    } else if (f->kind == FaultKind::Latency) {
        f->latencyMs = 1000;
    }

    const QJsonValue rate = json.value(QStringLiteral("rate"));
    if (present(rate)) {
        if (!rate.isDouble() || rate.toDouble() < 0.0 || rate.toDouble() > 1.0)
            return QStringLiteral("rate must be a number between 0 and 1");
        f->rate = rate.toDouble();
    }

    const QJsonValue count = json.value(QStringLiteral("count"));
    if (present(count)) {
        if (!count.isDouble() || (count.toInt() < 1 && count.toInt() != -1))
            return QStringLiteral("count must be -1 (until cleared) or >= 1");
        f->count = count.toInt();
    }
    return {};
}

} // namespace

std::optional<VendorSimulator::Fault> VendorSimulator::Fault::fromJson(const QJsonObject& json, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<Fault> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    Fault f;
    f.vendor = json.value(QStringLiteral("vendor")).toString(QStringLiteral("*")).trimmed().toLower();
    if (f.vendor.isEmpty())
        f.vendor = QStringLiteral("*");
    if (f.vendor != QLatin1String("*") && f.vendor != kGupshup && f.vendor != kWati && f.vendor != kMyOperator)
        return fail(QStringLiteral("vendor must be gupshup, wati, myoperator or *"));

    f.to = vendorsim::digitsOf(vendorsim::scalarText(json.value(QStringLiteral("to"))));
    if (!f.to.isEmpty() && !vendorsim::isDigits(f.to))
        return fail(QStringLiteral("to must be digits (a leading + is ignored) or empty"));

    const QString kind = json.value(QStringLiteral("kind")).toString().trimmed().toLower();
    bool known = false;
    for (const auto& [k, name] : faultKindNames()) {
        if (name == kind) {
            f.kind = k;
            known = true;
        }
    }
    if (!known)
        return fail(QStringLiteral("kind must be latency, http, vendor_error, malformed, reset or hang"));
    if (const QString why = readNumbers(json, &f); !why.isEmpty())
        return fail(why);
    return f;
}

QJsonObject VendorSimulator::Fault::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},           {QStringLiteral("vendor"), vendor},
        {QStringLiteral("to"), to},           {QStringLiteral("kind"), faultKindName(kind)},
        {QStringLiteral("status"), status},   {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("rate"), rate},       {QStringLiteral("count"), count},
        {QStringLiteral("applied"), applied},
    };
}

namespace vendorsim {

FaultInjector::FaultInjector(quint32 seed) : m_dice(seed) {}

int FaultInjector::add(Fault fault)
{
    fault.id = m_nextId++;
    fault.applied = 0;
    m_faults.append(fault);
    return fault.id;
}

int FaultInjector::clear()
{
    const int n = int(m_faults.size());
    m_faults.clear();
    return n;
}

bool FaultInjector::remove(int id)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        if (m_faults.at(i).id == id) {
            m_faults.removeAt(i);
            return true;
        }
    }
    return false;
}

bool FaultInjector::hits(const Fault& fault)
{
    return fault.rate >= 1.0 || (fault.rate > 0.0 && m_dice.generateDouble() < fault.rate);
}

std::optional<FaultInjector::Fault> FaultInjector::pick(const QString& vendor, const QString& to, int* delayMs)
{
    std::optional<Fault> decisive;
    for (auto it = m_faults.begin(); it != m_faults.end();) {
        Fault& f = *it;
        const bool matches = (f.vendor == QLatin1String("*") || f.vendor == vendor) && (f.to.isEmpty() || f.to == to) &&
                             (f.kind == VendorSimulator::FaultKind::Latency || !decisive);
        if (matches && hits(f)) {
            ++f.applied;
            if (f.count > 0)
                --f.count;
            if (f.kind == VendorSimulator::FaultKind::Latency)
                *delayMs += f.latencyMs;
            else
                decisive = f;
            if (f.count == 0) {
                it = m_faults.erase(it);
                continue;
            }
        }
        ++it;
    }
    return decisive;
}

} // namespace vendorsim
} // namespace otp
