#include "DatabaseThread.h"

#include "StoreError.h"

#include <QSqlDriver>

#include <QLoggingCategory>

namespace otp::models {

Q_LOGGING_CATEGORY(lcWorker, "otp.models.worker", QtInfoMsg)

DatabaseThread::DatabaseThread(Database& database, QObject* parent) : QObject(parent), m_database(database)
{
    m_thread.setObjectName(QStringLiteral("otp-db"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DatabaseThread::~DatabaseThread()
{
    // Close this thread's connection on the thread that owns it, after every queued job.
    Database* db = &m_database;
    QMetaObject::invokeMethod(m_context, [db]() { db->releaseThreadSession(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DatabaseThread::post(std::function<void()> work)
{
    m_pending.ref();
    QMetaObject::invokeMethod(m_context, [this, work = std::move(work)]() {
        attempt(work);
        if (!m_pending.deref())
            QMetaObject::invokeMethod(this, &DatabaseThread::idle, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void DatabaseThread::listenForChanges()
{
    post([this]() {
        QSqlDriver* driver = session().database().driver();
        if (session().dialect() != SqlDialect::Postgres || !driver->hasFeature(QSqlDriver::EventNotifications))
            return;
        if (!driver->subscribeToNotification(QString::fromLatin1(Database::kChangeChannel))) {
            qCWarning(lcWorker) << "LISTEN failed; the live views keep polling";
            return;
        }
        // The driver lives on this worker thread and reports from its event loop.
        connect(driver, &QSqlDriver::notification, m_context, [this](const QString&, QSqlDriver::NotificationSource, const QVariant&) {
            QMetaObject::invokeMethod(this, &DatabaseThread::changed, Qt::QueuedConnection);
        });
        qCInfo(lcWorker) << "listening for changes on" << Database::kChangeChannel;
    });
}

bool DatabaseThread::attempt(const std::function<void()>& work)
{
    QString problem;
    try {
        work();
        m_lastOk.storeRelaxed(1);
        return true;
    } catch (const StoreError& e) {
        problem = e.message();
    } catch (const std::exception& e) {
        problem = QString::fromLocal8Bit(e.what());
    }
    m_lastOk.storeRelaxed(0);
    qCWarning(lcWorker) << "database job failed:" << problem;
    QMetaObject::invokeMethod(this, [this, problem]() { emit failed(problem); }, Qt::QueuedConnection);
    return false;
}

} // namespace otp::models
