#include "MessageStore.h"

#include "SimHttp.h"

#include <utility>

namespace otp {

QJsonObject VendorSimulator::Message::toJson() const
{
    return QJsonObject{
        {QStringLiteral("vendor"), vendor},
        {QStringLiteral("to"), to},
        {QStringLiteral("text"), text},
        {QStringLiteral("template_name"), templateName},
        {QStringLiteral("params"), params},
        {QStringLiteral("message_id"), messageId},
        {QStringLiteral("received_at"), receivedAtMs},
        {QStringLiteral("request_no"), requestNo},
        {QStringLiteral("requests_for_to"), requestsForTo},
        {QStringLiteral("extra"), extra},
    };
}

namespace vendorsim {

void MessageStore::add(Message message)
{
    m_messages.append(std::move(message));
    while (m_limit > 0 && m_messages.size() > m_limit)
        m_messages.removeFirst();
}

QList<MessageStore::Message> MessageStore::find(const QString& to, const QString& vendor) const
{
    const QString wanted = digitsOf(to);
    QList<Message> out;
    for (const Message& m : m_messages) {
        if ((wanted.isEmpty() || m.to == wanted) && (vendor.isEmpty() || m.vendor == vendor))
            out.append(m);
    }
    return out;
}

const MessageStore::Message* MessageStore::byId(const QString& messageId) const
{
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (it->messageId == messageId)
            return &*it;
    }
    return nullptr;
}

int MessageStore::clear()
{
    const int n = int(m_messages.size());
    m_messages.clear();
    m_requestsByTo.clear();
    return n;
}

} // namespace vendorsim
} // namespace otp
