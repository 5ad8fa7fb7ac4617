#pragma once

#include "RandomSource.h"

#include <QList>
#include <QMutex>

namespace otp::test {

// Yields a fixed cycle of values (each reduced modulo the bound): makes codes predictable in tests.
class SequenceRandom final : public RandomSource
{
public:
    explicit SequenceRandom(QList<quint32> values) : m_values(std::move(values)) {}
    quint32 bounded(quint32 bound) override
    {
        QMutexLocker lock(&m_mutex);
        const quint32 v = m_values.at(m_next++ % m_values.size());
        return v % bound;
    }

private:
    QMutex m_mutex;
    QList<quint32> m_values;
    qsizetype m_next = 0;
};

} // namespace otp::test
