#pragma once

#include "DatabaseConfig.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <functional>
#include <optional>

namespace otp {
class SecretStore;
}

namespace otp::models {

// A named database the console can connect to: SQLite file, PostgreSQL or MariaDB server. The
// profile (name and URL, never a password) is kept in QSettings; a server password lives in the
// secret store under secretName(), written from the form and never read back into the UI.
struct ConnectionProfile
{
    QString name;
    QString url; // sqlite:///path.db | postgresql://user@host:port/db | mysql://user@host:port/db

    static constexpr const char* kEmbedded = "embedded"; // the built-in default: the app-data SQLite file
    bool isEmbedded() const { return name == QLatin1String(kEmbedded); }
    QString secretName() const { return QStringLiteral("database/") + name; }
    // The URL parsed; false with *error naming what is wrong (also for a bad name).
    bool config(DatabaseConfig* out, QString* error) const;
    bool needsPassword() const;
};

// The saved profiles as a table (the embedded default first), which one the console uses, and a
// connection test that runs on a thread of its own so a server that does not answer never blocks
// the window (the test is bounded by the drivers' 10 s connect timeout).
class ConnectionProfiles : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Engine, Where, Password, InUse, ColumnCount };
    using SecretsProvider = std::function<SecretStore*(QString*)>;

    // `secrets` opens the secret store; it is called on worker threads only.
    explicit ConnectionProfiles(SecretsProvider secrets = {}, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const ConnectionProfile& profileAt(int row) const { return m_profiles.at(row); }
    int rowOf(const QString& name) const;
    // The profile in use in this window (shown as such); the saved choice is currentName().
    void setInUse(const QString& name);
    QString inUse() const { return m_inUse; }
    void reload();

    // Validates, then stores the profile and (when not empty) its password; finished() reports.
    void save(const ConnectionProfile& profile, const QString& password);
    void remove(const QString& name);
    // Opens the profile's database on a thread of its own and reports tested(). An empty password
    // means the stored one.
    void test(const ConnectionProfile& profile, const QString& password = {});

    // Persistence (QSettings "connections/…"): used before any window exists.
    static QList<ConnectionProfile> stored();
    static std::optional<ConnectionProfile> find(const QString& name);
    static QString currentName();
    static void setCurrentName(const QString& name);
    static ConnectionProfile embedded();
    // The stored password of `profile` (worker thread / start-up only); empty when none.
    static QString storedPassword(SecretStore* store, const ConnectionProfile& profile, QString* error);

signals:
    void finished(bool ok, const QString& message);
    void tested(const QString& name, bool ok, const QString& message);
    void busyChanged(bool busy);

private:
    void runOffThread(std::function<void()> work);

    SecretsProvider m_secrets;
    QList<ConnectionProfile> m_profiles;
    QString m_inUse;
    int m_busy = 0;
};

} // namespace otp::models
