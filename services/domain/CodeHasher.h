#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

struct evp_mac_ctx_st; // OpenSSL's EVP_MAC_CTX

namespace otp {

// What the code is bound to: the hash is only valid for this exact challenge.
struct CodeBinding
{
    QString challengeRef;
    QString tenant;
    QString destination;
    QString purpose;
};

// Only an HMAC-SHA256 of a code is ever stored: keyed by the pepper, bound to the challenge.
class CodeHasher
{
public:
    explicit CodeHasher(QByteArray pepper);

    QString hash(const CodeBinding& binding, const QString& code) const;
    // Constant-time comparison of the candidate's HMAC with the stored hex digest.
    bool matches(const CodeBinding& binding, const QString& candidate, const QString& storedHex) const;

    static bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

private:
    // HMAC-SHA256 keyed with the pepper once; each hash works on a copy (copying leaves this one as it
    // is, so one hasher serves several threads).
    std::shared_ptr<evp_mac_ctx_st> m_keyed;
};

// Checks a submitted code's shape before anything is compared: ASCII digits only, the policy's length.
class CodeInput
{
public:
    // Returns an empty string when the input is acceptable, otherwise the reason in plain words.
    static QString problem(const QString& input, int expectedLength);
};

} // namespace otp
