#pragma once

#include "Database.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace otp::models {

// The one worker thread that talks to the database for the console. QtSql connections belong to a
// thread, so every query of the GUI runs here, on this thread's own session; results come back to
// the GUI thread as queued calls. The GUI thread never touches the database.
class DatabaseThread : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseThread(Database& database, QObject* parent = nullptr);
    ~DatabaseThread() override;

    Database& database() { return m_database; }

    // Runs `work` on the worker thread; then `done` with its result on this object's thread, unless
    // `receiver` is gone by then. A StoreError (or any exception) is reported through failed().
    template <typename T>
    void run(QObject* receiver, std::function<T()> work, std::function<void(T)> done)
    {
        QPointer<QObject> guard(receiver);
        post([this, guard, work = std::move(work), done = std::move(done)]() {
            auto result = std::make_shared<T>();
            if (!attempt([&] { *result = work(); }))
                return;
            QMetaObject::invokeMethod(this, [guard, done, result]() {
                if (guard)
                    done(*result);
            }, Qt::QueuedConnection);
        });
    }

    // Fire-and-forget work on the worker thread.
    void post(std::function<void()> work);

    // Runs on the worker thread: the thread's session. Never call from the GUI thread.
    SqlSession& session() { return m_database.session(); }

    // PostgreSQL: LISTEN on the core's change channel on this thread's connection, so changed() fires
    // the moment another process commits a send, a delivery answer or a verification. Elsewhere (and
    // as a safety net) the views poll cheaply by id/time watermark. Returns false where not supported.
    void listenForChanges();

    // Whether the most recent job ran without a database error (GUI thread: after idle()).
    bool lastJobSucceeded() const { return m_lastOk.loadRelaxed() != 0; }

    // How many jobs were posted and have not finished yet (for tests and the busy indicator).
    int pendingJobs() const { return m_pending.loadRelaxed(); }

signals:
    void failed(const QString& message);
    // Another process (or this one) committed a change the live views show (PostgreSQL NOTIFY).
    void changed();
    void idle();

private:
    bool attempt(const std::function<void()>& work);

    Database& m_database;
    QThread m_thread;
    QObject* m_context = nullptr; // lives on m_thread: the target of posted jobs
    QAtomicInt m_pending;
    QAtomicInt m_lastOk{1};
};

} // namespace otp::models
