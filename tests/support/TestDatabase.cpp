#include "TestDatabase.h"

#include "PepperSource.h"

#include <gtest/gtest.h>

namespace otp::test {

TestDatabase::TestDatabase(QSet<QString> failing, RandomSource* random)
    : m_outbox(m_dir.filePath(QStringLiteral("outbox.jsonl")))
{
    m_db = std::make_unique<Database>(m_scratch.config());
    m_db->migrate();
    QString error;
    m_pepper = ScratchDatabase::isSqlite() ? PepperSource::load(m_db->config(), &error) : ScratchDatabase::serverPepper();
    EXPECT_FALSE(m_pepper.isEmpty()) << error.toStdString();
    auto dev = std::make_shared<DevGateway>(m_outbox.path(), failing);
    m_gateways.add(dev);
    for (Channel c : {Channel::Sms, Channel::WhatsApp, Channel::Email})
        m_gateways.setDefault(c, dev->name());
    m_service = std::make_unique<OtpService>(*m_db, m_gateways, m_clock, random ? *random : m_systemRandom, m_pepper);
}

qint64 TestDatabase::count(const QString& sql, const QVariantList& binds)
{
    return m_db->session().scalar(sql, binds).toLongLong();
}

QStringList TestDatabase::dumpAllText()
{
    QStringList out;
    SqlSession& s = m_db->session();
    for (const QString& table : s.database().tables()) {
        for (const SqlRow& r : s.select(QStringLiteral("SELECT * FROM %1").arg(table))) {
            for (int i = 0; i < r.count(); ++i)
                out << r.value(i).toString();
        }
    }
    return out;
}

} // namespace otp::test
