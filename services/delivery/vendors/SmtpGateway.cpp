#include "SmtpGateway.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QUrl>
#include <QUuid>

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace otp {

Q_LOGGING_CATEGORY(lcSmtp, "otp.delivery.smtp", QtInfoMsg)

namespace {

// curl_global_init is not thread-safe and must run once before any handle exists.
void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Header values come from settings and the destination: a CR or LF there would let them add
// headers (or recipients' worth of text) to the message.
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.trimmed();
}

bool isAscii(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7e || (c.unicode() < 0x20 && c != QLatin1Char('\t')))
            return false;
    }
    return true;
}

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readUpload(char* buffer, size_t size, size_t items, void* userdata)
{
    auto* upload = static_cast<Upload*>(userdata);
    const size_t n = qMin<size_t>(size * items, static_cast<size_t>(upload->data.size() - upload->offset));
    memcpy(buffer, upload->data.constData() + upload->offset, n);
    upload->offset += static_cast<qsizetype>(n);
    return n;
}

// Collects what the server said (CURLINFO_HEADER_IN is the SMTP replies). Only incoming lines:
// the outgoing ones carry the AUTH exchange.
int collectReplies(CURL*, curl_infotype type, char* data, size_t size, void* userdata)
{
    if (type == CURLINFO_HEADER_IN) {
        const QString line = QString::fromUtf8(data, static_cast<qsizetype>(size)).trimmed();
        if (!line.isEmpty())
            static_cast<QStringList*>(userdata)->append(line);
    }
    return 0;
}

struct CurlHandleDeleter
{
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct CurlListDeleter
{
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// What one send hands to libcurl, which keeps pointers into it until curl_easy_perform() returns.
struct SmtpTransfer
{
    QByteArray url;
    QByteArray username;
    QByteArray password;
    QByteArray mailFrom;
    std::unique_ptr<curl_slist, CurlListDeleter> recipients;
    long useSsl = CURLUSESSL_ALL;
    Upload upload;
    char errorBuffer[CURL_ERROR_SIZE] = {0};
    QStringList replies;
};

SmtpTransfer transferFor(const VendorConfig& config, const QString& smtpPassword, const QString& to,
                         const QString& fromAddress, QByteArray message)
{
    SmtpTransfer t;
    t.upload.data = std::move(message);
    t.url = config.setting(QStringLiteral("url")).toUtf8();
    t.username = config.setting(QStringLiteral("username")).toUtf8();
    t.password = smtpPassword.toUtf8();
    t.mailFrom = "<" + fromAddress.toUtf8() + ">";
    t.recipients.reset(curl_slist_append(nullptr, ("<" + to.toUtf8() + ">").constData()));
    const QString starttls = config.setting(QStringLiteral("starttls"), QStringLiteral("required")).toLower();
    t.useSsl = starttls == QLatin1String("none") ? CURLUSESSL_NONE
               : starttls == QLatin1String("optional") ? CURLUSESSL_TRY
                                                       : CURLUSESSL_ALL;
    return t;
}

void configure(CURL* c, SmtpTransfer& t, int timeoutMs)
{
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); // no SIGALRM for timeouts: we run on worker threads
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_URL, t.url.constData());
    curl_easy_setopt(c, CURLOPT_USE_SSL, t.useSsl);
    if (!t.username.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, t.username.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, t.password.constData());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, t.mailFrom.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, t.recipients.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &t.upload);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(t.upload.data.size()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeoutMs));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeoutMs));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, t.errorBuffer);
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, collectReplies);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, &t.replies);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L); // feeds collectReplies; nothing is printed
}

// The reply that decided: the last one carrying the final code (a QUIT's 221 may follow it).
QString decidingReply(const QStringList& replies, long smtpCode)
{
    for (auto it = replies.crbegin(); it != replies.crend(); ++it) {
        if (smtpCode > 0 && it->startsWith(QString::number(smtpCode)))
            return *it;
    }
    return {};
}

// Why `message` cannot go by SMTP to `to` at all; empty when it can.
QString unsendable(const OutgoingMessage& message, const QString& to)
{
    if (message.channel != Channel::Email)
        return QStringLiteral("SMTP delivers e-mail only, not %1").arg(channelName(message.channel));
    if (!to.contains(QLatin1Char('@')) || to.contains(QLatin1Char('\r')) || to.contains(QLatin1Char('\n'))
        || to.contains(QLatin1Char('<')) || to.contains(QLatin1Char('>')))
        return QStringLiteral("the destination is not a plain e-mail address");
    return {};
}

// A failure libcurl reports without a 4xx/5xx reply code, by its category.
void interpretCurlFailure(VendorAnswer& a, int curlCode, const QString& said, const QString& error)
{
    switch (curlCode) {
    case CURLE_COULDNT_CONNECT:
        a.retryable = true;
        a.vendorCode = QStringLiteral("CONNECTION_REFUSED");
        a.reason = QStringLiteral("could not connect to the SMTP server (%1)").arg(error);
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
        a.retryable = true;
        a.vendorCode = QStringLiteral("HOST_NOT_FOUND");
        a.reason = QStringLiteral("the SMTP server's host name could not be resolved (%1)").arg(error);
        break;
    case CURLE_OPERATION_TIMEDOUT:
        // The server may have queued it in the last moment: not sent again, its code stays usable.
        a.retryable = true;
        a.mayHaveSent = true;
        a.vendorCode = QStringLiteral("TIMEOUT");
        a.reason = QStringLiteral("the SMTP server did not answer in time (%1)").arg(error);
        break;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        a.retryable = true;
        a.mayHaveSent = true;
        a.vendorCode = QStringLiteral("CONNECTION_RESET");
        a.reason = QStringLiteral("the SMTP connection broke before the server answered (%1)").arg(error);
        break;
    case CURLE_USE_SSL_FAILED:
        a.retryable = false;
        a.vendorCode = QStringLiteral("STARTTLS_UNAVAILABLE");
        a.reason = QStringLiteral("the SMTP server does not offer STARTTLS, which the starttls setting requires (%1)").arg(error);
        break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        a.retryable = false;
        a.vendorCode = QStringLiteral("TLS_ERROR");
        a.reason = QStringLiteral("the TLS connection to the SMTP server failed (%1)").arg(error);
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        a.retryable = false;
        a.vendorCode = QStringLiteral("BAD_URL");
        a.reason = QStringLiteral("the SMTP url setting cannot be used (%1)").arg(error);
        break;
    default:
        // Unknown failure: not retried, since we cannot tell whether the message went out.
        a.retryable = false;
        a.mayHaveSent = true;
        a.vendorCode = QStringLiteral("CURL_%1").arg(curlCode);
        a.reason = QStringLiteral("sending through the SMTP server failed (%1)").arg(said);
        break;
    }
}

} // namespace

SmtpGateway::SmtpGateway(VendorConfig config, QString password)
    : m_config(std::move(config)), m_password(std::move(password)), m_timeoutMs(m_config.timeoutMs())
{
}

QString SmtpGateway::bareAddress(const QString& address)
{
    const qsizetype open = address.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = address.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open)
        return address.mid(open + 1, close - open - 1).trimmed();
    return address.trimmed();
}

QByteArray SmtpGateway::headerText(const QString& text)
{
    if (isAscii(text))
        return text.toLatin1();
    // Encoded-words of at most 10 UTF-16 units (≤ 40 UTF-8 bytes → ≤ 68 chars each, under RFC
    // 2047's 75), never splitting a surrogate pair, folded onto continuation lines.
    QByteArray out;
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype n = qMin<qsizetype>(10, text.size() - i);
        if (i + n < text.size() && text.at(i + n - 1).isHighSurrogate())
            --n;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + text.mid(i, n).toUtf8().toBase64() + "?=";
        i += n;
    }
    return out;
}

QByteArray SmtpGateway::quotedPrintable(const QByteArray& text)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    int lineLength = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c == '\r' && i + 1 < n && text.at(i + 1) == '\n') {
            out += "\r\n";
            lineLength = 0;
            ++i;
            continue;
        }
        const bool endOfLine = i + 1 == n || text.at(i + 1) == '\r';
        // Trailing blanks are encoded: transports strip them.
        const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !endOfLine);
        char token[3] = {static_cast<char>(c), 0, 0};
        int tokenLength = 1;
        if (!literal) {
            token[0] = '=';
            token[1] = hex[c >> 4];
            token[2] = hex[c & 0x0f];
            tokenLength = 3;
        }
        if (lineLength + tokenLength > 75) { // 76 with the soft break's '='
            out += "=\r\n";
            lineLength = 0;
        }
        out.append(token, tokenLength);
        lineLength += tokenLength;
    }
    return out;
}

QString SmtpGateway::subjectFor(const OutgoingMessage& message) const
{
    const QString configured = m_config.setting(QStringLiteral("subject"));
    if (!configured.isEmpty())
        return configured;
    // Never the code itself: subjects show in notification previews and mail logs.
    switch (message.purpose) {
    case Purpose::Login: return QStringLiteral("Your sign-in code");
    case Purpose::Registration: return QStringLiteral("Your registration code");
    case Purpose::PasswordReset: return QStringLiteral("Your password reset code");
    case Purpose::Signup: return QStringLiteral("Your sign-up code");
    }
    return QStringLiteral("Your verification code");
}

QByteArray SmtpGateway::buildMessage(const OutgoingMessage& message, const QDateTime& date, const QString& messageId) const
{
    const QString from = oneLine(m_config.setting(QStringLiteral("from")));
    QByteArray fromHeader;
    const QString fromAddress = bareAddress(from);
    const QString displayName = from.contains(QLatin1Char('<'))
                                    ? from.left(from.lastIndexOf(QLatin1Char('<'))).trimmed().remove(QLatin1Char('"'))
                                    : QString();
    if (displayName.isEmpty())
        fromHeader = fromAddress.toUtf8();
    else if (isAscii(displayName))
        fromHeader = "\"" + displayName.toLatin1() + "\" <" + fromAddress.toUtf8() + ">";
    else
        fromHeader = headerText(displayName) + " <" + fromAddress.toUtf8() + ">";

    QString body = message.body;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QByteArray crlfBody = body.toUtf8().replace("\n", "\r\n");
    bool shortLines = true;
    for (const QByteArray& line : crlfBody.split('\n'))
        shortLines = shortLines && line.size() <= 998;
    // Plain ASCII goes as is (7bit); anything else quoted-printable, which every relay carries
    // unchanged, unlike 8bit to a server without 8BITMIME.
    const bool plain = isAscii(QString(body).remove(QLatin1Char('\n'))) && shortLines;

    QByteArray out;
    out += "From: " + fromHeader + "\r\n";
    out += "To: " + oneLine(message.destination).toUtf8() + "\r\n";
    out += "Subject: " + headerText(oneLine(subjectFor(message))) + "\r\n";
    out += "Date: " + date.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    out += "Message-ID: <" + messageId.toLatin1() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += QByteArray("Content-Transfer-Encoding: ") + (plain ? "7bit" : "quoted-printable") + "\r\n";
    out += "Auto-Submitted: auto-generated\r\n"; // RFC 3834: no vacation replies to a code mail
    out += "\r\n";
    out += plain ? crlfBody : quotedPrintable(crlfBody);
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

VendorAnswer SmtpGateway::interpret(int curlCode, int smtpCode, const QString& serverReply, const QString& curlError,
                                    const Redactor& redactor)
{
    VendorAnswer a;
    a.httpStatus = 0; // no HTTP here; the SMTP reply code is in vendorCode
    a.excerpt = redactor.apply(serverReply).left(Redactor::kExcerptChars);
    const QString said = redactor.apply(serverReply.isEmpty() ? curlError : serverReply);
    const QString error = redactor.apply(curlError);

    if (curlCode == CURLE_OK) {
        a.accepted = true;
        a.vendorCode = QStringLiteral("OK");
        a.reason = QStringLiteral("the SMTP server accepted the message");
        return a;
    }
    if (curlCode == CURLE_LOGIN_DENIED) {
        a.retryable = false;
        a.vendorCode = smtpCode > 0 ? QStringLiteral("SMTP_%1").arg(smtpCode) : QStringLiteral("AUTH_FAILED");
        a.reason = QStringLiteral("the SMTP server rejected the username or password (%1)").arg(said);
        return a;
    }
    // A reply code tells more than libcurl's category: 4xx asks us to come back later, 5xx is final.
    if (smtpCode >= 400 && smtpCode < 600) {
        a.vendorCode = QStringLiteral("SMTP_%1").arg(smtpCode);
        a.retryable = smtpCode < 500;
        a.reason = a.retryable ? QStringLiteral("the SMTP server deferred the message; retry later (%1)").arg(said)
                               : QStringLiteral("the SMTP server refused the message (%1)").arg(said);
        return a;
    }
    interpretCurlFailure(a, curlCode, said, error);
    return a;
}

VendorAnswer SmtpGateway::deliver(const OutgoingMessage& message)
{
    initCurlOnce();
    QElapsedTimer clock;
    clock.start();
    const Redactor redactor({message.code, m_password});
    const QString to = message.destination.trimmed();
    const QString fromAddress = bareAddress(oneLine(m_config.setting(QStringLiteral("from"))));

    VendorAnswer answer;
    const auto refuse = [&](const QString& why) {
        answer.vendorCode = QStringLiteral("NOT_SENT");
        answer.reason = why;
        answer.vendor = name();
        return answer;
    };
    if (const QString why = unsendable(message, to); !why.isEmpty())
        return refuse(why);

    std::unique_ptr<CURL, CurlHandleDeleter> curl(curl_easy_init());
    if (!curl) {
        answer.retryable = true;
        return refuse(QStringLiteral("libcurl could not create a handle"));
    }
    const QString domain = fromAddress.section(QLatin1Char('@'), -1);
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces)
                              + QLatin1Char('@') + (domain.isEmpty() ? QStringLiteral("otp.invalid") : domain);
    SmtpTransfer transfer = transferFor(m_config, m_password, to, fromAddress,
                                        buildMessage(message, QDateTime::currentDateTimeUtc(), messageId));
    CURL* c = curl.get();
    configure(c, transfer, m_timeoutMs);

    const CURLcode rc = curl_easy_perform(c);
    long smtpCode = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &smtpCode);
    const QString serverReply = decidingReply(transfer.replies, smtpCode);
    const QString curlError = transfer.errorBuffer[0] ? QString::fromUtf8(transfer.errorBuffer)
                                                      : QString::fromUtf8(curl_easy_strerror(rc));

    answer = interpret(rc, static_cast<int>(smtpCode), serverReply, curlError, redactor);
    if (answer.accepted)
        answer.messageId = messageId;
    answer.latencyMs = clock.elapsed();
    answer.vendor = name();
    qCInfo(lcSmtp).nospace() << "delivery " << message.deliveryId << " via " << name() << ": "
                             << (answer.accepted ? "accepted" : answer.retryable ? "retryable failure" : "failed")
                             << " smtp=" << smtpCode << " code=" << answer.vendorCode << " latency=" << answer.latencyMs << "ms";
    return answer;
}

} // namespace otp
