#include "ConnectionProfiles.h"

#include "Database.h"
#include "SecretStore.h"
#include "SecretStores.h"
#include "StoreError.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QFont>
#include <QRegularExpression>
#include <QSettings>
#include <QThread>

namespace otp::models {

namespace {
const QString kGroup = QStringLiteral("connections");

// The QSettings key of one profile ("connections/<name>") or of one of its fields ("…/<name>/url").
QString profileKey(const QString& name, const char* field = nullptr)
{
    QString key = kGroup + QLatin1Char('/') + name;
    if (field)
        key += QLatin1Char('/') + QLatin1String(field);
    return key;
}

QString engineOf(const DatabaseConfig& c)
{
    switch (c.dialect) {
    case SqlDialect::Sqlite: return QStringLiteral("SQLite");
    case SqlDialect::Postgres: return QStringLiteral("PostgreSQL");
    case SqlDialect::MySql: return QStringLiteral("MariaDB");
    }
    return {};
}

QString whereOf(const DatabaseConfig& c)
{
    if (c.dialect == SqlDialect::Sqlite)
        return c.path;
    return QStringLiteral("%1@%2:%3/%4").arg(c.user, c.host).arg(c.port).arg(c.database);
}
} // namespace

bool ConnectionProfile::config(DatabaseConfig* out, QString* error) const
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    if (!valid.match(name).hasMatch()) {
        *error = ConnectionProfiles::tr("a profile name is 1–64 letters, digits, '.', '_' or '-' (got '%1')").arg(name);
        return false;
    }
    if (url.trimmed().isEmpty()) {
        *error = ConnectionProfiles::tr("the profile '%1' has no database").arg(name);
        return false;
    }
    return DatabaseConfig::fromUrl(url.trimmed(), out, error);
}

bool ConnectionProfile::needsPassword() const
{
    return !url.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive);
}

ConnectionProfiles::ConnectionProfiles(SecretsProvider secrets, QObject* parent)
    : QAbstractTableModel(parent), m_secrets(std::move(secrets))
{
    m_profiles = stored();
}

ConnectionProfile ConnectionProfiles::embedded()
{
    return {QString::fromLatin1(ConnectionProfile::kEmbedded), QStringLiteral("sqlite://") + DatabaseConfig::defaultSqlitePath()};
}

QList<ConnectionProfile> ConnectionProfiles::stored()
{
    QList<ConnectionProfile> out{embedded()};
    QSettings s;
    s.beginGroup(kGroup);
    const QStringList names = s.childGroups();
    s.endGroup();
    for (const QString& name : names) {
        if (name == QLatin1String(ConnectionProfile::kEmbedded))
            continue;
        out << ConnectionProfile{name, s.value(profileKey(name, "url")).toString()};
    }
    return out;
}

std::optional<ConnectionProfile> ConnectionProfiles::find(const QString& name)
{
    for (const ConnectionProfile& p : stored())
        if (p.name == name)
            return p;
    return std::nullopt;
}

QString ConnectionProfiles::currentName()
{
    return QSettings().value(QStringLiteral("connection/current"), QString::fromLatin1(ConnectionProfile::kEmbedded)).toString();
}

void ConnectionProfiles::setCurrentName(const QString& name)
{
    QSettings().setValue(QStringLiteral("connection/current"), name);
}

QString ConnectionProfiles::storedPassword(SecretStore* store, const ConnectionProfile& profile, QString* error)
{
    if (!store || !profile.needsPassword())
        return {};
    return store->get(profile.secretName(), error).value_or(QString());
}

int ConnectionProfiles::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

int ConnectionProfiles::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionProfiles::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile& p = m_profiles.at(index.row());
    if (role == Qt::FontRole && p.name == m_inUse) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    DatabaseConfig c;
    QString error;
    const bool ok = p.config(&c, &error);
    switch (index.column()) {
    case Name: return p.isEmbedded() ? tr("embedded (built-in SQLite)") : p.name;
    case Engine: return ok ? engineOf(c) : QString();
    case Where: return ok ? whereOf(c) : error;
    case Password:
        if (!p.needsPassword())
            return tr("none needed");
        return QSettings().value(profileKey(p.name, "has_password")).toBool()
                   ? tr("in the keychain")
                   : tr("none stored (OTP_DB_PASSWORD)");
    case InUse: return p.name == m_inUse ? tr("connected") : QString();
    }
    return {};
}

QVariant ConnectionProfiles::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Profile");
    case Engine: return tr("Engine");
    case Where: return tr("Database");
    case Password: return tr("Password");
    case InUse: return tr("In use");
    }
    return {};
}

int ConnectionProfiles::rowOf(const QString& name) const
{
    for (int i = 0; i < m_profiles.size(); ++i)
        if (m_profiles.at(i).name == name)
            return i;
    return -1;
}

void ConnectionProfiles::setInUse(const QString& name)
{
    m_inUse = name;
    if (!m_profiles.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_profiles.size()) - 1, ColumnCount - 1));
}

void ConnectionProfiles::reload()
{
    beginResetModel();
    m_profiles = stored();
    endResetModel();
}

void ConnectionProfiles::runOffThread(std::function<void()> work)
{
    if (m_busy++ == 0)
        emit busyChanged(true);
    QThread* thread = QThread::create(std::move(work));
    connect(thread, &QThread::finished, this, [this]() {
        if (--m_busy == 0)
            emit busyChanged(false);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void ConnectionProfiles::save(const ConnectionProfile& profile, const QString& password)
{
    DatabaseConfig c;
    QString error;
    if (!profile.config(&c, &error)) {
        emit finished(false, error);
        return;
    }
    if (profile.isEmbedded()) {
        emit finished(false, tr("the embedded profile is built in and cannot be changed"));
        return;
    }
    if (!password.isEmpty() && !profile.needsPassword()) {
        emit finished(false, tr("a SQLite file has no password"));
        return;
    }
    auto store = [profile]() {
        QSettings s;
        s.setValue(profileKey(profile.name, "url"), profile.url.trimmed());
    };
    if (password.isEmpty()) {
        store();
        reload();
        emit finished(true, tr("profile %1 saved").arg(profile.name));
        return;
    }
    // The keychain blocks (D-Bus round trips, perhaps an unlock prompt): never on the GUI thread.
    QPointer<ConnectionProfiles> self(this);
    SecretsProvider secrets = m_secrets;
    runOffThread([self, secrets, profile, password, store]() {
        QString error;
        SecretStore* s = secrets ? secrets(&error) : nullptr;
        const bool ok = s && s->set(profile.secretName(), password, &error);
        QMetaObject::invokeMethod(self, [self, ok, error, profile, store]() {
            if (!self)
                return;
            if (!ok) {
                emit self->finished(false, tr("profile %1 not saved: the password could not be stored: %2").arg(profile.name, error));
                return;
            }
            store();
            QSettings().setValue(profileKey(profile.name, "has_password"), true);
            self->reload();
            emit self->finished(true, tr("profile %1 saved; its password is in the keychain").arg(profile.name));
        }, Qt::QueuedConnection);
    });
}

void ConnectionProfiles::remove(const QString& name)
{
    const std::optional<ConnectionProfile> p = find(name);
    if (!p || p->isEmbedded()) {
        emit finished(false, tr("there is no profile named '%1' to remove").arg(name));
        return;
    }
    if (name == m_inUse) {
        emit finished(false, tr("profile %1 is in use: connect to another one first").arg(name));
        return;
    }
    QSettings().remove(profileKey(name));
    if (currentName() == name)
        setCurrentName(QString::fromLatin1(ConnectionProfile::kEmbedded));
    reload();
    SecretsProvider secrets = m_secrets;
    const ConnectionProfile gone = *p;
    runOffThread([secrets, gone]() {
        QString error;
        if (SecretStore* s = secrets && gone.needsPassword() ? secrets(&error) : nullptr)
            s->remove(gone.secretName(), &error); // absent is fine
    });
    emit finished(true, tr("profile %1 removed").arg(name));
}

void ConnectionProfiles::test(const ConnectionProfile& profile, const QString& password)
{
    DatabaseConfig config;
    QString error;
    if (!profile.config(&config, &error)) {
        emit tested(profile.name, false, error);
        return;
    }
    if (config.dialect == SqlDialect::Sqlite && !QFileInfo::exists(config.path)) {
        // Opening would create the file: say what connecting will do instead.
        emit tested(profile.name, true, tr("%1 does not exist yet: connecting creates it").arg(config.path));
        return;
    }
    QPointer<ConnectionProfiles> self(this);
    SecretsProvider secrets = m_secrets;
    runOffThread([self, secrets, profile, password, config]() mutable {
        QString message;
        bool ok = false;
        QElapsedTimer t;
        t.start();
        QString error;
        config.password = password;
        if (config.password.isEmpty() && profile.needsPassword()) {
            SecretStore* s = secrets ? secrets(&error) : nullptr;
            config.password = storedPassword(s, profile, &error);
            if (config.password.isEmpty())
                config.password = qEnvironmentVariable("OTP_DB_PASSWORD");
        }
        config.reconnectWaitMs = 0;
        try {
            Database db(config);
            const int version = db.schemaVersion();
            const int latest = db.latestVersion();
            ok = true;
            message = version == 0 ? tr("connected in %1 ms; an empty database: the OTP schema is created on connect")
                                         .arg(t.elapsed())
                                   : tr("connected in %1 ms; schema version %2 of %3").arg(t.elapsed()).arg(version).arg(latest);
        } catch (const StoreError& e) {
            message = e.message();
        }
        QMetaObject::invokeMethod(self, [self, profile, ok, message]() {
            if (self)
                emit self->tested(profile.name, ok, message);
        }, Qt::QueuedConnection);
    });
}

} // namespace otp::models
