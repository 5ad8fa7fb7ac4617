#include "ManualSender.h"
#include "ModelFixture.h"
#include "PhoneLookup.h"
#include "PolicyModel.h"
#include "TimelineModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

using namespace otp;
using namespace otp::models;

using PhoneLookupTest = otp::test::ModelFixture;

TEST_F(PhoneLookupTest, AnyFormatFindsTheWholeStoryAndWhenANewCodeCanGo)
{
    lockOut(QStringLiteral("+919812345210"));
    PhoneLookup lookup(m_ctx);
    QSignalSpy done(&lookup, &PhoneLookup::finished);
    lookup.lookup(QStringLiteral("default"), QStringLiteral("098123 45210"));
    ASSERT_TRUE(done.wait(5000));
    const PhoneReport& r = lookup.report();
    ASSERT_TRUE(r.found());
    EXPECT_EQ(r.status.destination, QStringLiteral("+919812345210"));
    EXPECT_EQ(r.status.status, OutcomeStatus::Locked);
    EXPECT_EQ(r.nextSendAtMs(), m_db.clock().nowMs() + 900 * 1000);

    TimelineModel timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::Fatal);
    timeline.setReport(r);
    // code requested, one vendor call, the lockout
    ASSERT_GE(timeline.rowCount(), 3);
    QStringList events;
    for (int i = 0; i < timeline.rowCount(); ++i)
        events << timeline.index(i, TimelineModel::Event).data().toString();
    EXPECT_TRUE(events.join(QLatin1Char('|')).contains(QStringLiteral("dev asked to deliver"))) << events.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(events.join(QLatin1Char('|')).contains(QStringLiteral("Locked"))) << events.join(QLatin1Char('|')).toStdString();

    lookup.lookup(QStringLiteral("default"), QStringLiteral("not a phone"));
    ASSERT_TRUE(done.wait(5000));
    EXPECT_FALSE(lookup.report().found());
}

TEST_F(PhoneLookupTest, QaManualSendShowsTheDevMessageAndSupportIsRefused)
{
    ManualSender sender(m_ctx);
    QSignalSpy done(&sender, &ManualSender::finished);
    SendRequest r;
    r.destination = QStringLiteral("+91 98123 45777");
    sender.send(r, Actor{QStringLiteral("sam"), QStringLiteral("support")});
    ASSERT_EQ(done.count(), 1);
    EXPECT_EQ(done.takeFirst().at(0).value<Outcome>().status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM challenges")), 0);

    sender.setPermissions(Permissions(Permissions::Role::Qa));
    sender.send(r, Actor{QStringLiteral("qa1"), QStringLiteral("qa")});
    ASSERT_TRUE(done.wait(5000));
    const auto args = done.takeFirst();
    EXPECT_EQ(args.at(0).value<Outcome>().status, OutcomeStatus::Sent);
    const QString body = args.at(1).value<QJsonObject>().value(QStringLiteral("body")).toString();
    EXPECT_TRUE(body.contains(m_db.outbox().lastCodeFor(QStringLiteral("+919812345777"))));
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'qa1' AND action = 'send'")), 1);

    // A resend within the cooldown is refused in plain words.
    sender.send(r, Actor{QStringLiteral("qa1"), QStringLiteral("qa")}, true);
    ASSERT_TRUE(done.wait(5000));
    EXPECT_EQ(done.takeFirst().at(0).value<Outcome>().status, OutcomeStatus::Cooldown);
}

TEST_F(PhoneLookupTest, PolicyEditsOnlyForAdminAndAreValidated)
{
    PolicyModel model(m_ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy loaded(&model, &PolicyModel::loaded);
    model.load(QStringLiteral("default"), std::nullopt);
    ASSERT_TRUE(loaded.wait(5000));
    ASSERT_GT(model.rowCount(), 5);
    int row = -1;
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.index(i, PolicyModel::Key).data().toString() == QLatin1String("cooldown_s"))
            row = i;
    ASSERT_GE(row, 0);
    EXPECT_FALSE(model.flags(model.index(row, PolicyModel::Value)) & Qt::ItemIsEditable);
    EXPECT_FALSE(model.setData(model.index(row, PolicyModel::Value), QStringLiteral("45")));

    model.setPermissions(Permissions(Permissions::Role::Admin));
    EXPECT_TRUE(model.setData(model.index(row, PolicyModel::Value), QStringLiteral("45")));
    EXPECT_EQ(model.changes().value(QStringLiteral("cooldown_s")), QStringLiteral("45"));
    QSignalSpy saved(&model, &PolicyModel::saved);
    model.save(Actor{QStringLiteral("meera"), QStringLiteral("admin")});
    ASSERT_TRUE(saved.wait(5000));
    EXPECT_EQ(saved.takeFirst().at(0).value<Outcome>().status, OutcomeStatus::Ok);
    EXPECT_EQ(m_db.service().effectivePolicy(QStringLiteral("default"), Purpose::Login).cooldownS, 45);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'policy_set'")), 1);
}

// Issue 12, support: fallbacks read "fell back to", operator actions in words, and rows within one
// second in the order they happened (the newest on top).
TEST_F(PhoneLookupTest, TheTimelineTellsFallbacksAndActionsInWordsInCausalOrder)
{
    const QString t = QStringLiteral("2027-01-15T08:04:00.000Z");
    auto delivery = [&](const QString& vendor, const QString& channel, int tryNo, const QString& state, const QString& reason) {
        return QJsonObject{{QStringLiteral("vendor"), vendor}, {QStringLiteral("channel"), channel}, {QStringLiteral("send_no"), 1},
                           {QStringLiteral("try_no"), tryNo}, {QStringLiteral("state"), state}, {QStringLiteral("reason"), reason},
                           {QStringLiteral("at"), t}};
    };
    PhoneReport r;
    r.history.details.insert(QStringLiteral("challenges"), QJsonArray{QJsonObject{
        {QStringLiteral("challenge"), QStringLiteral("c1")}, {QStringLiteral("purpose"), QStringLiteral("registration")},
        {QStringLiteral("channel"), QStringLiteral("whatsapp")}, {QStringLiteral("status"), QStringLiteral("pending")},
        {QStringLiteral("created_at"), t},
        {QStringLiteral("deliveries"), QJsonArray{delivery(QStringLiteral("sim-wati"), QStringLiteral("whatsapp"), 1, QStringLiteral("failed"), QStringLiteral("number not on WhatsApp")),
                                                  delivery(QStringLiteral("sim-myoperator"), QStringLiteral("whatsapp"), 1, QStringLiteral("accepted"), QString())}}}});
    r.audit.details.insert(QStringLiteral("audit"), QJsonArray{QJsonObject{
        {QStringLiteral("action"), QStringLiteral("unlock")}, {QStringLiteral("actor"), QStringLiteral("meera")},
        {QStringLiteral("role"), QStringLiteral("admin")}, {QStringLiteral("at"), t},
        {QStringLiteral("details"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("caller verified")}, {QStringLiteral("released"), 1}}}}});
    TimelineModel timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::Fatal);
    timeline.setReport(r);
    ASSERT_EQ(timeline.rowCount(), 4);
    auto event = [&](int row) { return timeline.index(row, TimelineModel::Event).data().toString(); };
    EXPECT_EQ(event(0), QStringLiteral("unlocked by meera (admin)"));
    EXPECT_EQ(timeline.index(0, TimelineModel::Detail).data().toString(), QStringLiteral("reason: caller verified · lockouts released: 1"));
    EXPECT_EQ(event(1), QStringLiteral("Fell back to sim-myoperator by WhatsApp (send 1, try 1)"));
    EXPECT_EQ(event(2), QStringLiteral("sim-wati asked to deliver by WhatsApp (send 1, try 1)"));
    EXPECT_EQ(event(3), QStringLiteral("Code requested for registration by WhatsApp"));
    EXPECT_EQ(timeline.index(3, 0).data(TimelineModel::PurposeRole).toString(), QStringLiteral("registration"));

    // The same story again leaves the rows alone (a live refresh keeps the selection).
    QSignalSpy reset(&timeline, &QAbstractItemModel::modelReset);
    timeline.setReport(r);
    EXPECT_EQ(reset.count(), 0);
}

// Issue 12, support: each wrong guess is listed on the timeline, with its number of the code's maximum,
// in causal order (oldest guess lowest, the lockout above the guess that caused it); never the code.
TEST_F(PhoneLookupTest, TheTimelineListsEachGuessAndWhatItLedTo)
{
    const QString phone = QStringLiteral("+919812345211");
    const Outcome sent = sendTo(phone);
    ASSERT_EQ(sent.status, OutcomeStatus::Sent);
    const QString code = m_db.outbox().lastCodeFor(phone);
    const QString wrong = wrongCodeFor(phone);
    for (int i = 0; i < 3; ++i) { // the guesses fall in one second: their order is the core's
        VerifyRequest v;
        v.destination = phone;
        v.code = wrong;
        m_db.service().verify(v);
        m_db.clock().advanceMs(300);
    }
    PhoneLookup lookup(m_ctx);
    QSignalSpy done(&lookup, &PhoneLookup::finished);
    lookup.lookup(QStringLiteral("default"), QStringLiteral("98123 45211"));
    ASSERT_TRUE(done.wait(5000));
    TimelineModel timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::Fatal);
    timeline.setReport(lookup.report());
    QStringList events, details;
    for (int i = 0; i < timeline.rowCount(); ++i) {
        events << timeline.index(i, TimelineModel::Event).data().toString();
        details << timeline.index(i, TimelineModel::Detail).data().toString();
    }
    const QString all = events.join(QLatin1Char('|'));
    const int locked = int(events.indexOf(QRegularExpression(QStringLiteral("^Locked: .*"))));
    const int third = int(events.indexOf(QStringLiteral("Wrong code (attempt 3 of 3)")));
    const int second = int(events.indexOf(QStringLiteral("Wrong code (attempt 2 of 3)")));
    const int first = int(events.indexOf(QStringLiteral("Wrong code (attempt 1 of 3)")));
    ASSERT_GE(locked, 0) << all.toStdString();
    ASSERT_GE(first, 0) << all.toStdString();
    // Newest first: the lockout, then the guess that caused it, then the earlier guesses.
    EXPECT_LT(locked, third);
    EXPECT_LT(third, second);
    EXPECT_LT(second, first);
    EXPECT_EQ(details.at(first), QStringLiteral("2 attempt(s) left"));
    EXPECT_EQ(details.at(third), QStringLiteral("no attempts left: the destination is locked"));
    EXPECT_EQ(timeline.index(third, 0).data(TimelineModel::StatusKeyRole).toString(), QStringLiteral("locked"));
    for (const QString& text : events + details) {
        EXPECT_FALSE(text.contains(code));
        EXPECT_FALSE(text.contains(wrong));
    }

    // A verified code is listed as the guess that verified it, once.
    const QString other = QStringLiteral("+919812345212");
    ASSERT_EQ(sendTo(other).status, OutcomeStatus::Sent);
    VerifyRequest v;
    v.destination = other;
    v.code = wrongCodeFor(other);
    m_db.service().verify(v);
    m_db.clock().advanceMs(1000);
    v.code = m_db.outbox().lastCodeFor(other);
    ASSERT_EQ(m_db.service().verify(v).status, OutcomeStatus::Verified);
    lookup.lookup(QStringLiteral("default"), other);
    ASSERT_TRUE(done.wait(5000));
    timeline.setReport(lookup.report());
    events.clear();
    for (int i = 0; i < timeline.rowCount(); ++i)
        events << timeline.index(i, TimelineModel::Event).data().toString();
    EXPECT_EQ(events.at(0), QStringLiteral("Code verified (attempt 2 of 3)")) << events.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(events.at(1), QStringLiteral("Wrong code (attempt 1 of 3)"));
    EXPECT_EQ(events.count(QStringLiteral("Code verified")), 0);
}
