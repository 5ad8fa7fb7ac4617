#include "CodeGenerator.h"

#include <QtGlobal>

namespace otp {

QString CodeGenerator::generate(int length) const
{
    Q_ASSERT(length >= kMinLength && length <= kMaxLength);
    QString code;
    code.reserve(length);
    for (int i = 0; i < length; ++i)
        code.append(QChar(u'0' + char16_t(m_random.bounded(10))));
    return code;
}

} // namespace otp
