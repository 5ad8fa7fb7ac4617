// Each evaluated guess at a code is listed (migration 011, issue 12: the lookup's timeline shows every
// wrong guess): one verify_attempts row per counted guess with its number and what it led to (wrong,
// locked, verified), one for the guess that finds the code expired; written in the verify's own
// transaction (a failure before its commit leaves neither the count nor the row); never the code or the
// guess. history() lists them with each challenge. Every engine.
#include "FlowSteps.h"
#include "StoreError.h"
#include "TestDatabase.h"
#include "WrongCode.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace otp;
using namespace otp::test;

namespace {
const QString kPhone = QStringLiteral("+919812345678");

QStringList outcomes(TestDatabase& db)
{
    QStringList out;
    const Outcome h = db.service().history(QStringLiteral("default"), kPhone, 10);
    for (const QJsonValue& c : h.details.value(QStringLiteral("challenges")).toArray())
        for (const QJsonValue& g : c.toObject().value(QStringLiteral("guesses")).toArray())
            out << QStringLiteral("%1:%2/%3").arg(g.toObject().value(QStringLiteral("outcome")).toString())
                       .arg(g.toObject().value(QStringLiteral("attempt")).toInt())
                       .arg(g.toObject().value(QStringLiteral("max_attempts")).toInt());
    return out;
}
} // namespace

TEST(VerifyAttempts, EachGuessIsListedWithWhatItLedTo)
{
    TestDatabase db;
    OtpService& svc = db.service();
    ASSERT_EQ(svc.send({QStringLiteral("default"), kPhone}).status, OutcomeStatus::Sent);
    const QString code = db.outbox().lastCodeFor(kPhone);
    EXPECT_EQ(svc.verify({QStringLiteral("default"), kPhone, wrongCode(code)}).status, OutcomeStatus::WrongCode);
    db.clock().advanceMs(1000);
    EXPECT_EQ(svc.verify({QStringLiteral("default"), kPhone, wrongCode(wrongCode(code))}).status, OutcomeStatus::WrongCode);
    db.clock().advanceMs(1000);
    EXPECT_EQ(svc.verify({QStringLiteral("default"), kPhone, code}).status, OutcomeStatus::Verified);
    EXPECT_EQ(outcomes(db), (QStringList{QStringLiteral("wrong:1/3"), QStringLiteral("wrong:2/3"), QStringLiteral("verified:3/3")}));
    // A refused call that compares nothing (already used) is not a guess.
    svc.verify({QStringLiteral("default"), kPhone, code});
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM verify_attempts")), 3);
    // Never the code or a guess, in any column.
    for (const SqlRow& row : db.database().session().select(QStringLiteral("SELECT * FROM verify_attempts")))
        for (int i = 0; i < row.count(); ++i)
            for (const QString& typed : {code, wrongCode(code), wrongCode(wrongCode(code))})
                EXPECT_FALSE(row.value(i).toString().contains(typed)) << row.fieldName(i).toStdString();
}

TEST(VerifyAttempts, TheLastWrongGuessIsListedAsTheOneThatLocked)
{
    TestDatabase db;
    OtpService& svc = db.service();
    ASSERT_EQ(svc.send({QStringLiteral("default"), kPhone}).status, OutcomeStatus::Sent);
    const QString wrong = wrongCode(db.outbox().lastCodeFor(kPhone));
    svc.verify({QStringLiteral("default"), kPhone, wrong});
    svc.verify({QStringLiteral("default"), kPhone, wrong});
    EXPECT_EQ(svc.verify({QStringLiteral("default"), kPhone, wrong}).status, OutcomeStatus::Locked);
    // While locked nothing is compared, so nothing more is listed.
    EXPECT_EQ(svc.verify({QStringLiteral("default"), kPhone, wrong}).status, OutcomeStatus::Locked);
    EXPECT_EQ(outcomes(db), (QStringList{QStringLiteral("wrong:1/3"), QStringLiteral("wrong:2/3"), QStringLiteral("locked:3/3")}));
}

TEST(VerifyAttempts, TheGuessThatFindsTheCodeExpiredIsListedOnce)
{
    TestDatabase db;
    OtpService& svc = db.service();
    ASSERT_EQ(svc.send({QStringLiteral("default"), kPhone}).status, OutcomeStatus::Sent);
    const QString code = db.outbox().lastCodeFor(kPhone);
    svc.verify({QStringLiteral("default"), kPhone, wrongCode(code)});
    db.clock().advanceMs(3600 * 1000);
    EXPECT_EQ(svc.verify({QStringLiteral("default"), kPhone, code}).status, OutcomeStatus::Expired);
    EXPECT_EQ(svc.verify({QStringLiteral("default"), kPhone, code}).status, OutcomeStatus::Expired);
    EXPECT_EQ(outcomes(db), (QStringList{QStringLiteral("wrong:1/3"), QStringLiteral("expired:1/3")}));
}

TEST(VerifyAttempts, AGuessIsCountedAndListedOrNeither)
{
    TestDatabase db;
    OtpService& svc = db.service();
    ASSERT_EQ(svc.send({QStringLiteral("default"), kPhone}).status, OutcomeStatus::Sent);
    const QString wrong = wrongCode(db.outbox().lastCodeFor(kPhone));
    // The verify fails after writing and before its commit: the transaction rolls back whole.
    setFlowStepHook([](const char* name) {
        if (qstrcmp(name, "verify.written") == 0)
            throw StoreError(QStringLiteral("failure injected before the commit"));
    });
    const Outcome failed = svc.verify({QStringLiteral("default"), kPhone, wrong});
    setFlowStepHook({});
    EXPECT_EQ(failed.status, OutcomeStatus::InternalError);
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM verify_attempts")), 0);
    EXPECT_EQ(db.count(QStringLiteral("SELECT attempts FROM challenges")), 0);
    EXPECT_EQ(svc.verify({QStringLiteral("default"), kPhone, wrong}).status, OutcomeStatus::WrongCode);
    EXPECT_EQ(db.count(QStringLiteral("SELECT COUNT(*) FROM verify_attempts")), 1);
    EXPECT_EQ(db.count(QStringLiteral("SELECT attempts FROM challenges")), 1);
}
