#pragma once

#include <QRandomGenerator>

namespace otp {

// Where code digits come from. Production uses the OS CSPRNG; tests may inject a fixed sequence.
class RandomSource
{
public:
    virtual ~RandomSource() = default;
    // Uniform in [0, bound).
    virtual quint32 bounded(quint32 bound) = 0;
};

class SystemRandomSource final : public RandomSource
{
public:
    // QRandomGenerator::system() reads the OS CSPRNG (getrandom(2) on Linux) and is thread-safe;
    // bounded() uses rejection-free Lemire reduction with 64-bit products, so digits are uniform.
    quint32 bounded(quint32 bound) override { return QRandomGenerator::system()->bounded(bound); }
};

} // namespace otp
