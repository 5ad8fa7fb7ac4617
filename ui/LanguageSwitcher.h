#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

namespace otp::ui {

// Installs the console's translation (and Qt's own) for a language at runtime. Every widget then
// gets a LanguageChange event and retranslates itself.
class LanguageSwitcher : public QObject
{
    Q_OBJECT
public:
    explicit LanguageSwitcher(QObject* parent = nullptr);

    // "en" (the source language), "hi", "ta". Returns false when no translation is found.
    bool setLanguage(const QString& code);
    QString language() const { return m_language; }
    static QStringList languages();
    // The language's own name: "English", "हिन्दी", "தமிழ்".
    static QString nativeName(const QString& code);

private:
    QTranslator* m_app = nullptr;
    QTranslator* m_qt = nullptr;
    QString m_language = QStringLiteral("en");
};

} // namespace otp::ui
