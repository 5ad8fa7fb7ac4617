#pragma once

#include <QString>

namespace otp::test {

// A code of the same length that differs from `code` in its first digit: always wrong.
inline QString wrongCode(const QString& code)
{
    QString w = code;
    w[0] = QChar(u'0' + (code[0].unicode() - u'0' + 1) % 10);
    return w;
}

} // namespace otp::test
