// The translations as lupdate leaves them for a release: every message translated (none "unfinished"),
// and every translation keeps its source's placeholders, so no figure or name silently drops out of a
// sentence ("%1 rows written to %2" with %2 missing names no file).

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

namespace {

struct Message
{
    QString source;
    QStringList translations; // one, or one per plural form
    bool unfinished = false;
};

QList<Message> readMessages(const QString& path)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&f);
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("message"))
                m = Message{};
            else if (xml.name() == QLatin1String("source"))
                m.source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                m.unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                if (xml.readNext() == QXmlStreamReader::Characters && !xml.isWhitespace())
                    m.translations << xml.text().toString();
            } else if (xml.name() == QLatin1String("numerusform"))
                m.translations << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message"))
            out << m;
    }
    EXPECT_FALSE(xml.hasError()) << path.toStdString() << ": " << xml.errorString().toStdString();
    return out;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    return out;
}

} // namespace

TEST(TranslationsTest, EveryMessageIsTranslatedAndKeepsItsPlaceholders)
{
    const QStringList files = QDir(QStringLiteral(OTP_TRANSLATIONS_DIR)).entryList({QStringLiteral("otp_console_*.ts")});
    ASSERT_EQ(files.size(), 3) << "en (plural forms only), hi, ta";
    for (const QString& name : files) {
        const QList<Message> messages = readMessages(QStringLiteral(OTP_TRANSLATIONS_DIR "/") + name);
        EXPECT_FALSE(messages.isEmpty()) << name.toStdString();
        for (const Message& m : messages) {
            EXPECT_FALSE(m.unfinished) << name.toStdString() << ": " << m.source.toStdString();
            EXPECT_FALSE(m.translations.isEmpty()) << name.toStdString() << ": " << m.source.toStdString();
            QSet<QString> wanted = placeholders(m.source);
            for (const QString& t : m.translations) {
                // A plural form may say "once" instead of "%n times"; every other placeholder stays.
                const QSet<QString> has = placeholders(t);
                QSet<QString> missing = wanted - has;
                missing.remove(QStringLiteral("%n"));
                EXPECT_TRUE(missing.isEmpty()) << name.toStdString() << ": \"" << t.toStdString() << "\" drops "
                                               << QStringList(missing.values()).join(QLatin1Char(' ')).toStdString();
                EXPECT_TRUE((has - wanted).isEmpty()) << name.toStdString() << ": \"" << t.toStdString() << "\" adds a placeholder";
            }
        }
    }
}
