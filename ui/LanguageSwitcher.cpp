#include "LanguageSwitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

namespace otp::ui {

Q_LOGGING_CATEGORY(lcI18n, "otp.ui.i18n", QtInfoMsg)

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent) {}

QStringList LanguageSwitcher::languages()
{
    return {QStringLiteral("en"), QStringLiteral("hi"), QStringLiteral("ta")};
}

QString LanguageSwitcher::nativeName(const QString& code)
{
    if (code == QLatin1String("hi"))
        return QString::fromUtf8("हिन्दी");
    if (code == QLatin1String("ta"))
        return QString::fromUtf8("தமிழ்");
    return QStringLiteral("English");
}

bool LanguageSwitcher::setLanguage(const QString& code)
{
    if (m_app) {
        QCoreApplication::removeTranslator(m_app);
        delete m_app;
        m_app = nullptr;
    }
    if (m_qt) {
        QCoreApplication::removeTranslator(m_qt);
        delete m_qt;
        m_qt = nullptr;
    }
    m_language = QStringLiteral("en");
    if (code.isEmpty() || code == QLatin1String("en")) {
        // English is the source language; its translation holds only the plural forms ("1 attempt
        // left", "2 attempts left") of the "%n attempt(s) left" sources.
        auto* plurals = new QTranslator(this);
        if (plurals->load(QStringLiteral(":/i18n/otp_console_en.qm"))) {
            m_app = plurals;
            QCoreApplication::installTranslator(m_app); // sends the LanguageChange
            return true;
        }
        qCWarning(lcI18n) << "no English plural forms";
        delete plurals;
        // No translator left: send the change ourselves so views go back to English.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
        return true;
    }
    auto* app = new QTranslator(this);
    if (!app->load(QStringLiteral(":/i18n/otp_console_%1.qm").arg(code))) {
        qCWarning(lcI18n) << "no translation for" << code;
        delete app;
        return false;
    }
    m_qt = new QTranslator(this);
    if (m_qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
    else {
        delete m_qt;
        m_qt = nullptr;
    }
    m_app = app;
    QCoreApplication::installTranslator(m_app);
    m_language = code;
    return true;
}

} // namespace otp::ui
