#pragma once

#include "SendRow.h"
#include "SqlSession.h"

namespace otp::models {

// The SQL behind Live sends, on a worker thread's session. Reads are bounded by the id range the
// view holds, so a poll costs the same however large the tables grow.
class LiveSendsQuery
{
public:
    explicit LiveSendsQuery(SqlSession& s) : m_s(s) {}

    // The newest `limit` sends, newest first.
    QList<SendRow> latest(int limit);
    // Sends with id > `afterId` (new), plus sends with id in [minId, afterId] whose delivery or challenge
    // changed after `changedSince` (ms). Newest first.
    QList<SendRow> changes(qint64 minId, qint64 afterId, qint64 changedSince, int limit);
    // The `limit` sends just older than `beforeId`, newest first (scrolling back in history).
    QList<SendRow> older(qint64 beforeId, int limit);

private:
    SqlSession& m_s;
};

} // namespace otp::models
