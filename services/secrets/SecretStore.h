#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace otp {

// Where credentials live (DESIGN.md "secrets"): the OS keychain on desktops, env/file for headless
// use. Never the database, settings files or logs. Names are plain identifiers such as
// "vendor/gupshup" or "pepper"; values are never logged or returned by list().
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // The backend in words ("OS keychain (Secret Service)", "environment", …) for error messages.
    virtual QString describe() const = 0;
    // nullopt when absent; *error set (and nullopt) when the backend itself failed.
    virtual std::optional<QString> get(const QString& name, QString* error) = 0;
    virtual bool set(const QString& name, const QString& value, QString* error) = 0;
    virtual bool remove(const QString& name, QString* error) = 0;
    virtual QStringList names(QString* error) = 0;
};

} // namespace otp
