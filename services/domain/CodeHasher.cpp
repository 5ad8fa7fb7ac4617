#include "CodeHasher.h"

#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/params.h>

namespace otp {

static QByteArray message(const CodeBinding& b, const QString& code)
{
    // Unit separators keep the fields from running into each other ("ab"+"c" ≠ "a"+"bc").
    const QChar sep(0x1f);
    return (b.challengeRef + sep + b.tenant + sep + b.destination + sep + b.purpose + sep + code).toUtf8();
}

// OpenSSL's HMAC-SHA256 rather than QMessageAuthenticationCode: Qt 6.4 hashes with its own portable
// SHA-256, which took 8 % of a send+verify pair's client instructions on PostgreSQL (two HMACs a pair,
// about 33,000 instructions each under callgrind). OpenSSL's one-shot HMAC() was not much cheaper
// (22,500: it looks the algorithms up and keys a new context every call), so the context is keyed once
// and copied per hash. Same digest, byte for byte (CodeHasherTest's known answers).
CodeHasher::CodeHasher(QByteArray pepper)
{
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = mac ? EVP_MAC_CTX_new(mac) : nullptr;
    EVP_MAC_free(mac); // the context holds its own reference
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
    if (!ctx || !EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(pepper.constData()), size_t(pepper.size()), params))
        qFatal("OpenSSL cannot compute HMAC-SHA256"); // libcrypto without its default provider
    m_keyed.reset(ctx, EVP_MAC_CTX_free);
}

QString CodeHasher::hash(const CodeBinding& binding, const QString& code) const
{
    const QByteArray data = message(binding, code);
    const std::unique_ptr<EVP_MAC_CTX, void (*)(EVP_MAC_CTX*)> ctx(EVP_MAC_CTX_dup(m_keyed.get()), EVP_MAC_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    size_t length = 0;
    if (!ctx || !EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size())) ||
        !EVP_MAC_final(ctx.get(), digest, &length, sizeof digest))
        qFatal("HMAC-SHA256 failed in OpenSSL"); // out of memory
    return QString::fromLatin1(QByteArray::fromRawData(reinterpret_cast<const char*>(digest), qsizetype(length)).toHex());
}

bool CodeHasher::matches(const CodeBinding& binding, const QString& candidate, const QString& storedHex) const
{
    const QByteArray computed = hash(binding, candidate).toLatin1();
    return constantTimeEquals(computed, storedHex.toLatin1());
}

bool CodeHasher::constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false; // both are fixed-length hex digests; the length itself is not secret
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString CodeInput::problem(const QString& input, int expectedLength)
{
    if (input.isEmpty())
        return QStringLiteral("the code is empty");
    if (input.size() > 10)
        return QStringLiteral("the code is too long (at most 10 digits)");
    for (QChar c : input) {
        // QChar::isDigit() would accept Arabic-Indic and other Unicode digits; codes are ASCII only.
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return QStringLiteral("the code must contain only the digits 0-9");
    }
    if (input.size() != expectedLength)
        return QStringLiteral("the code must be %1 digits").arg(expectedLength);
    return {};
}

} // namespace otp
