#include "SqliteTurn.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace otp {

SqliteTurn* sqliteWriterTurn(const QString& file)
{
    static std::mutex registry;
    static QHash<QString, std::shared_ptr<SqliteTurn>> turns; // one per file, for the process's life
    std::lock_guard<std::mutex> lock(registry);
    auto& turn = turns[file];
    if (!turn)
        turn = std::make_shared<SqliteTurn>();
    return turn.get();
}

// The holder ends the open group: COMMIT, or ROLLBACK when `failure` says why it cannot commit or it has no
// member; then its members wake to the result.
void SqliteTurn::endGroup(const QString& failure) noexcept
{
    std::shared_ptr<SqliteGroup> g;
    SqlSession* writer;
    {
        std::lock_guard<std::mutex> lock(state);
        g = group;
        writer = openWriter;
    }
    if (!writer)
        return;
    QString error = failure;
    const bool keep = error.isEmpty() && g->members > 0;
    if (keep) {
        QSqlQuery q(writer->database());
        if (!q.exec(QStringLiteral("COMMIT"))) {
            writer->noteFailure(q.lastError());
            error = QStringLiteral("cannot commit: %1").arg(SqlSession::describe(q.lastError()));
        }
    }
    if (!keep || !error.isEmpty()) {
        QSqlQuery q(writer->database());
        q.exec(QStringLiteral("ROLLBACK")); // a failed COMMIT (a deferred constraint) leaves it open
    }
    {
        std::lock_guard<std::mutex> lock(state);
        g->done = true;
        g->error = error;
        if (keep && error.isEmpty()) {
            commits += 1;
            transactions += quint64(g->members);
        }
        openWriter = nullptr;
        group.reset();
    }
    ended.notify_all();
}

// Hands the turn on. The last holder before an idle moment ends the open group: it commits when it has
// members and no thread waits for the turn (or it is full), and rolls back when nothing is left in it.
// Otherwise the next holder, already waiting, carries it on.
void WriteTransaction::releaseTurn() noexcept
{
    if (!m_turn.owns_lock())
        return;
    if (SqliteTurn* turn = m_turnState; turn && turn->depth == 1 && turn->openWriter) {
        int members;
        {
            std::lock_guard<std::mutex> lock(turn->state);
            members = turn->group->members;
        }
        if (members == 0 || turn->waiting.load() == 0 || members >= kMaxSqliteGroup)
            turn->endGroup();
    }
    if (m_turnState)
        --m_turnState->depth;
    m_turn.unlock();
}

WriteTransaction::SqliteGroupCounts WriteTransaction::sqliteGroupCounts(const QString& file)
{
    SqliteTurn* turn = sqliteWriterTurn(file);
    SqliteGroupCounts counts;
    std::lock_guard<std::mutex> lock(turn->state);
    counts.transactions = turn->transactions;
    counts.commits = turn->commits;
    counts.waiting = turn->waiting.load();
    return counts;
}

void WriteTransaction::endSqliteGroup(SqlSession& writer) noexcept
{
    // Writers exist for SQLite files only (Database::sqliteWriter).
    SqliteTurn* turn = sqliteWriterTurn(writer.ownDatabase().databaseName());
    std::lock_guard<std::recursive_timed_mutex> hold(turn->mutex);
    if (turn->depth == 0 && turn->openWriter == &writer) {
        ++turn->depth;
        turn->endGroup();
        --turn->depth;
    }
}

} // namespace otp
