#pragma once

#include "VendorSimulator.h"

#include <QHash>
#include <QList>

namespace otp::vendorsim {

// The inbox of accepted messages (oldest dropped beyond a limit), and how many vendor requests each
// destination has made since the inbox was last cleared.
class MessageStore
{
public:
    using Message = VendorSimulator::Message;

    explicit MessageStore(int limit) : m_limit(limit) {}

    void add(Message message);
    QList<Message> find(const QString& to, const QString& vendor) const;
    const Message* byId(const QString& messageId) const; // the latest with that id, or null
    qsizetype size() const { return m_messages.size(); }
    int clear(); // the messages and the per-destination counts; returns how many messages went

    int countRequestFor(const QString& to) { return ++m_requestsByTo[to]; }
    void resetRequestCounts() { m_requestsByTo.clear(); }

private:
    int m_limit;
    QList<Message> m_messages;
    QHash<QString, int> m_requestsByTo;
};

} // namespace otp::vendorsim
