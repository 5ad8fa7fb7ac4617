#pragma once

#include "VendorSimulator.h"

#include <QList>
#include <QRandomGenerator>

#include <optional>

namespace otp::vendorsim {

// The faults installed through /_sim/faults, and the dice that decide whether a `rate` fault hits.
class FaultInjector
{
public:
    using Fault = VendorSimulator::Fault;

    explicit FaultInjector(quint32 seed);

    int add(Fault fault); // returns the new fault's id
    QList<Fault> list() const { return m_faults; }
    qsizetype size() const { return m_faults.size(); }
    int clear();
    bool remove(int id);

    // The faults a vendor request meets, counted as applied: latency faults add up into *delayMs, the first
    // other matching fault decides the answer. A fault whose count runs out is removed.
    std::optional<Fault> pick(const QString& vendor, const QString& to, int* delayMs);

private:
    bool hits(const Fault& fault);

    QList<Fault> m_faults;
    QRandomGenerator m_dice;
    int m_nextId = 1;
};

} // namespace otp::vendorsim
