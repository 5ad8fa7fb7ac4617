#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <initializer_list>
#include <optional>
#include <utility>

// The HTTP plumbing every part of otp-vendor-sim shares: a request copied out of the server, the
// answer to write back, and the small wire helpers the vendors' bodies are built with.
namespace otp::vendorsim {

enum class Vendor { None, Gupshup, Wati, MyOperator };

extern const QString kGupshup;
extern const QString kWati;
extern const QString kMyOperator;

QString vendorName(Vendor vendor);

using Header = QPair<QByteArray, QByteArray>;

// Everything an answer needs, copied out of QHttpServerRequest (which the server reuses for the next
// request on the connection before a delayed answer is written).
struct Request
{
    QByteArray method;
    QString path;
    QByteArray rawQuery;                   // percent-encoded, as sent
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    bool closeAfter = false;
    Vendor vendor = Vendor::None;
    QString watiApi;    // "v1" | "v2"
    QString watiTenant; // the optional first path segment
    QString to;
    qint64 requestNo = 0;
    int requestsForTo = 0;
    QElapsedTimer timer;

    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
};

struct Reply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<Header> headers;
};

// The bytes of a whole HTTP/1.1 answer: always a Content-Length, so keep-alive clients know where it ends.
QByteArray renderReply(const Reply& reply, bool headRequest, bool closeAfter);

// Vendor bodies are written field by field so that their key order matches the captures in
// VENDORS.md (QJsonObject would sort the keys).
QByteArray jsonValue(const QJsonValue& value);
using Field = std::pair<const char*, QByteArray>;
QByteArray jsonObject(std::initializer_list<Field> fields);
QByteArray compact(const QJsonObject& object);

QByteArray reasonPhrase(int status);

// Destinations are compared as digits; a leading '+' (and stray spaces) is ignored.
QString digitsOf(const QString& raw);
bool isDigits(const QString& s);
bool isPhoneDigits(const QString& s);
// A destination for a log line: all but the last four digits starred.
QString masked(const QString& to);

// application/x-www-form-urlencoded (also used for query strings): '+' is a space, keys are
// lower-cased so that they match case-insensitively.
QHash<QString, QString> parseForm(const QByteArray& encoded);
QString scalarText(const QJsonValue& value);
std::optional<QJsonObject> parseObject(const QByteArray& body);
QString newUuid();

Reply jsonReply(int status, const QByteArray& body);
Reply messageReply(int status, const QString& message);
Reply methodNotAllowed(const QByteArray& allow);

} // namespace otp::vendorsim
