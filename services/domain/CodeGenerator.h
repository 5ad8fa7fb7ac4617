#pragma once

#include "RandomSource.h"

#include <QString>

namespace otp {

// Makes numeric one-time codes: each digit drawn independently and uniformly, leading zeros kept.
class CodeGenerator
{
public:
    static constexpr int kMinLength = 4;
    static constexpr int kMaxLength = 10;

    explicit CodeGenerator(RandomSource& random) : m_random(random) {}
    QString generate(int length) const;

private:
    RandomSource& m_random;
};

} // namespace otp
