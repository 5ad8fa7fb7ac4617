#pragma once

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace otp::models {

// Writes a snapshot of a view to a CSV file on its own thread, reporting progress; cancel() stops
// it between rows and removes the partial file.
class CsvExport : public QObject
{
    Q_OBJECT
public:
    explicit CsvExport(QObject* parent = nullptr);
    ~CsvExport() override;

    // The first row is the header. Returns false if an export is already running.
    bool start(const QList<QStringList>& rows, const QString& path);
    void cancel() { m_cancel = true; }
    bool running() const { return m_thread != nullptr; }

    // One CSV field: quoted when needed; a leading = or @ (a spreadsheet formula) is neutralised.
    static QString field(const QString& value);

signals:
    // Emitted on the writer thread (receivers on other threads get it queued).
    void progress(int done, int total);
    // ok false: canceled or failed, with the reason in plain words.
    void finished(bool ok, const QString& message);

private:
    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    // Set by the writer thread before it ends; read once it has (finished() is emitted then, so a
    // receiver may start() the next export at once).
    bool m_ok = false;
    QString m_message;
};

} // namespace otp::models
