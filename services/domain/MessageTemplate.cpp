#include "MessageTemplate.h"

#include <QRegularExpression>

namespace otp::MessageTemplates {

namespace {
const QStringList kPlaceholders{QStringLiteral("code"), QStringLiteral("minutes"), QStringLiteral("app"),
                                QStringLiteral("purpose")};

const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{([A-Za-z_#]+)\\}"));
    return re;
}
} // namespace

QStringList shippedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("hi"), QStringLiteral("ta")};
}

QString builtInBody(Purpose purpose, Channel channel, const QString& language)
{
    Q_UNUSED(purpose)
    Q_UNUSED(channel)
    // Hindi and Tamil texts name the app rather than the purpose: the purpose words are English.
    if (language == QLatin1String("hi"))
        return QStringLiteral("{app} के लिए आपका OTP {code} है। यह {minutes} मिनट में समाप्त हो जाएगा। इसे किसी के साथ साझा न करें।");
    if (language == QLatin1String("ta"))
        return QStringLiteral("உங்கள் {app} OTP {code}. இது {minutes} நிமிடங்களில் காலாவதியாகும். இதை யாருடனும் பகிர வேண்டாம்.");
    return QStringLiteral("Your {purpose} code is {code}. It expires in {minutes} minutes. Never share it with anyone.");
}

QString problem(const QString& body)
{
    if (body.trimmed().isEmpty())
        return QStringLiteral("the message text is empty");
    if (body.size() > kMaxBodyChars)
        return QStringLiteral("the message text has %1 characters; at most %2").arg(body.size()).arg(kMaxBodyChars);
    for (const QChar c : body) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n'))
            return QStringLiteral("the message text holds a control character (U+%1)")
                .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    int codes = 0;
    QStringList unknown;
    auto it = placeholderPattern().globalMatch(body);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (name == QLatin1String("code"))
            ++codes;
        else if (!kPlaceholders.contains(name) && !unknown.contains(name))
            unknown << QLatin1Char('{') + name + QLatin1Char('}');
    }
    if (!unknown.isEmpty())
        return QStringLiteral("the message text has unknown placeholder(s) %1; the known ones are {code}, {minutes}, "
                              "{app} and {purpose}")
            .arg(unknown.join(QStringLiteral(", ")));
    if (codes == 0)
        return QStringLiteral("the message text has no {code}: the person would get no code");
    if (codes > 1)
        return QStringLiteral("the message text has {code} %1 times; exactly once").arg(codes);
    return {};
}

QString languageProblem(const QString& language)
{
    static const QRegularExpression iso(QStringLiteral("^[a-z]{2}$"));
    if (!iso.match(language).hasMatch())
        return QStringLiteral("language '%1' is not a two-letter ISO 639-1 code (en, hi, ta, …)").arg(language.left(16));
    return {};
}

QString render(const QString& body, const QString& code, int minutes, const QString& appName, Purpose purpose)
{
    QString text;
    text.reserve(body.size() + 16);
    qsizetype from = 0;
    auto it = placeholderPattern().globalMatch(body);
    // One pass, so a value that looks like a placeholder (an app named "{code}") is never replaced again.
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        text += QStringView(body).mid(from, m.capturedStart() - from);
        const QString name = m.captured(1);
        if (name == QLatin1String("code"))
            text += code;
        else if (name == QLatin1String("minutes"))
            text += QString::number(minutes);
        else if (name == QLatin1String("app"))
            text += appName;
        else if (name == QLatin1String("purpose"))
            text += purposeWords(purpose);
        else
            text += m.captured(0);
        from = m.capturedEnd();
    }
    text += QStringView(body).mid(from);
    return text;
}

bool matchesDlt(const QString& registered, const QString& text)
{
    // Each {#var#} stands for up to 30 characters (the DLT portals' limit); everything else must be identical.
    QString pattern = QRegularExpression::escape(registered);
    pattern.replace(QRegularExpression::escape(QStringLiteral("{#var#}")), QStringLiteral(".{1,30}"));
    return QRegularExpression(QStringLiteral("\\A") + pattern + QStringLiteral("\\z"),
                              QRegularExpression::DotMatchesEverythingOption)
        .match(text)
        .hasMatch();
}

QString dltProblem(const QString& registered, const QString& body, Purpose purpose)
{
    // Two renderings with different sample values: a fixed word that the registration holds as a variable
    // passes both, a variable the registration holds as a fixed word fails one.
    const QString a = render(body, QStringLiteral("482913"), 5, QStringLiteral("Acme"), purpose);
    const QString b = render(body, QStringLiteral("93017264"), 10, QStringLiteral("Zenith Pay"), purpose);
    if (matchesDlt(registered, a) && matchesDlt(registered, b))
        return {};
    return QStringLiteral("the text does not match the registered DLT template word for word (\"%1\"): Indian "
                          "operators drop an SMS whose text differs from its registration")
        .arg(registered.left(200));
}

} // namespace otp::MessageTemplates
