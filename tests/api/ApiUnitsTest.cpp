// services/api in-process: the route table, the client address rules, JSON input checks, the throttle.
#include "ApiRouter.h"
#include "ClientAddress.h"
#include "JsonInput.h"
#include "OtpdOptions.h"
#include "RequestPool.h"
#include "RequestThrottle.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <set>
#include <thread>

using namespace otp;

TEST(ApiRouter, MatchesPatternsAndSays405WithAllow)
{
    ApiRouter router;
    auto h = [](const ApiCall&) { return ApiResponse::make(200, QStringLiteral("ok"), QStringLiteral("ok")); };
    router.add({QStringLiteral("POST"), QStringLiteral("/v1/verifications"), ApiScope::Send, ApiRoute::Body::Json, {}, h});
    router.add({QStringLiteral("POST"), QStringLiteral("/v1/verifications/check"), ApiScope::Verify, ApiRoute::Body::Json, {}, h});
    router.add({QStringLiteral("GET"), QStringLiteral("/v1/verifications/{id}"), ApiScope::Read, ApiRoute::Body::None, {}, h});
    router.add({QStringLiteral("POST"), QStringLiteral("/v1/verifications/{id}/cancel"), ApiScope::Send, ApiRoute::Body::Json, {}, h});

    auto m = router.match(QStringLiteral("GET"), QStringLiteral("/v1/verifications/abc"));
    ASSERT_EQ(m.kind, ApiRouter::Match::Kind::Found);
    EXPECT_EQ(m.params.value(QStringLiteral("id")), QStringLiteral("abc"));
    m = router.match(QStringLiteral("POST"), QStringLiteral("/v1/verifications/check"));
    ASSERT_EQ(m.kind, ApiRouter::Match::Kind::Found);
    EXPECT_EQ(m.route->pattern, QStringLiteral("/v1/verifications/check"));
    m = router.match(QStringLiteral("GET"), QStringLiteral("/v1/verifications/check"));
    ASSERT_EQ(m.kind, ApiRouter::Match::Kind::Found) << "GET /check is the {id} route";
    m = router.match(QStringLiteral("DELETE"), QStringLiteral("/v1/verifications/x"));
    EXPECT_EQ(m.kind, ApiRouter::Match::Kind::MethodNotAllowed);
    EXPECT_EQ(m.allowed, QStringList{QStringLiteral("GET")});
    m = router.match(QStringLiteral("GET"), QStringLiteral("/v1/verifications/check"));
    EXPECT_EQ(router.match(QStringLiteral("GET"), QStringLiteral("/v1/verifications/")).kind, ApiRouter::Match::Kind::NotFound);
    EXPECT_EQ(router.match(QStringLiteral("GET"), QStringLiteral("/v1/verifications/a/b")).kind, ApiRouter::Match::Kind::NotFound);
    EXPECT_EQ(router.match(QStringLiteral("GET"), QStringLiteral("/v1/verifications/") + QString(200, QLatin1Char('a'))).kind,
              ApiRouter::Match::Kind::NotFound);
    EXPECT_EQ(router.routes().size(), 4) << "the table an OpenAPI generator walks";
}

TEST(ClientAddress, PeerUnlessTrustedProxyThenRightMostUntrustedHop)
{
    ClientAddress c;
    ASSERT_EQ(c.setTrustedProxies({QStringLiteral("10.0.0.0/8"), QStringLiteral("127.0.0.1")}), QString());
    const QHostAddress proxy(QStringLiteral("10.0.0.5"));
    const QHostAddress stranger(QStringLiteral("198.51.100.1"));
    EXPECT_EQ(c.resolve(stranger, {"1.2.3.4"}), QStringLiteral("198.51.100.1")) << "forged header from an untrusted peer";
    EXPECT_EQ(c.resolve(proxy, {}), QStringLiteral("10.0.0.5"));
    EXPECT_EQ(c.resolve(proxy, {"1.2.3.4, 203.0.113.7"}), QStringLiteral("203.0.113.7"));
    EXPECT_EQ(c.resolve(proxy, {"1.2.3.4, 203.0.113.7, 10.9.9.9"}), QStringLiteral("203.0.113.7"));
    EXPECT_EQ(c.resolve(proxy, {"1.2.3.4", "203.0.113.7"}), QStringLiteral("203.0.113.7")) << "several headers read as one list";
    EXPECT_EQ(c.resolve(proxy, {"garbage, 10.1.1.1"}), QStringLiteral("10.1.1.1")) << "trust stops at an unreadable hop";
    EXPECT_EQ(c.resolve(proxy, {"[2001:db8::1]:443"}), QStringLiteral("2001:db8::1"));
    EXPECT_EQ(c.resolve(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), {"203.0.113.9"}), QStringLiteral("203.0.113.9"));
    EXPECT_NE(c.setTrustedProxies({QStringLiteral("not-a-cidr")}), QString());
}

TEST(JsonInput, NamesTheFieldOfEveryProblem)
{
    QString problem;
    EXPECT_FALSE(JsonInput::parseObject("{\"to\":", &problem));
    EXPECT_TRUE(problem.contains(QStringLiteral("JSON")));
    EXPECT_FALSE(JsonInput::parseObject("[]", &problem));
    EXPECT_TRUE(JsonInput::parseObject("", &problem)->isEmpty());

    JsonInput wrongType(QJsonObject{{QStringLiteral("to"), 5}}, {QStringLiteral("to")});
    wrongType.text(QStringLiteral("to"), 10, JsonInput::Required);
    EXPECT_TRUE(wrongType.problem().contains(QStringLiteral("'to' must be a string")));
    JsonInput unknown(QJsonObject{{QStringLiteral("tо"), QStringLiteral("x")}}, {QStringLiteral("to")});
    EXPECT_TRUE(unknown.problem().contains(QStringLiteral("unknown field"))) << "a Cyrillic о is another field";
    JsonInput control(QJsonObject{{QStringLiteral("to"), QStringLiteral("a\nb")}}, {QStringLiteral("to")});
    control.text(QStringLiteral("to"), 10);
    EXPECT_TRUE(control.problem().contains(QStringLiteral("control character")));
    JsonInput longText(QJsonObject{{QStringLiteral("to"), QString(11, QLatin1Char('a'))}}, {QStringLiteral("to")});
    longText.text(QStringLiteral("to"), 10);
    EXPECT_TRUE(longText.problem().contains(QStringLiteral("too long")));
    JsonInput twice = JsonInput::fromQuery({{QStringLiteral("to"), QStringLiteral("a")}, {QStringLiteral("to"), QStringLiteral("b")}},
                                           {QStringLiteral("to")});
    EXPECT_FALSE(twice.ok());
}

TEST(RequestThrottle, KeyBucketAndFailedAuthWindow)
{
    RequestThrottle t(2);
    EXPECT_EQ(t.admitKey(1), 0);
    EXPECT_EQ(t.admitKey(1), 0);
    EXPECT_GT(t.admitKey(1), 0) << "burst of 2 used";
    EXPECT_EQ(t.admitKey(2), 0) << "each key has its own bucket";
    for (int i = 0; i < RequestThrottle::kFailuresBeforeRefusal - 1; ++i)
        t.authFailed(QStringLiteral("198.51.100.1"));
    EXPECT_EQ(t.authRefusedFor(QStringLiteral("198.51.100.1")), 0);
    t.authFailed(QStringLiteral("198.51.100.1"));
    EXPECT_GT(t.authRefusedFor(QStringLiteral("198.51.100.1")), 0);
    EXPECT_EQ(t.authRefusedFor(QStringLiteral("198.51.100.2")), 0);
}

TEST(OtpdOptions, ParsesTheRunningContract)
{
    OtpdOptions o;
    QString error;
    ASSERT_TRUE(OtpdOptions::parse({QStringLiteral("otpd"), QStringLiteral("--listen"), QStringLiteral("[::1]:0"),
                                    QStringLiteral("--trusted-proxy"), QStringLiteral("10.0.0.0/8"), QStringLiteral("--trusted-proxy"),
                                    QStringLiteral("127.0.0.1"), QStringLiteral("--key-rate"), QStringLiteral("5/s"),
                                    QStringLiteral("--no-worker")},
                                   &o, &error))
        << error.toStdString();
    EXPECT_EQ(o.listenPort, 0);
    EXPECT_EQ(o.listenAddress, QHostAddress(QHostAddress::LocalHostIPv6));
    EXPECT_EQ(o.trustedProxies.size(), 2);
    EXPECT_EQ(o.keyRatePerSecond, 5);
    EXPECT_FALSE(o.worker);
    for (const QStringList& bad : {QStringList{QStringLiteral("--listen"), QStringLiteral("8080")},
                                   QStringList{QStringLiteral("--threads"), QStringLiteral("0")},
                                   QStringList{QStringLiteral("--key-rate"), QStringLiteral("fast")},
                                   QStringList{QStringLiteral("--trusted-proxy"), QStringLiteral("proxy.local")},
                                   QStringList{QStringLiteral("--bogus")}}) {
        OtpdOptions x;
        EXPECT_FALSE(OtpdOptions::parse(QStringList{QStringLiteral("otpd")} + bad, &x, &error)) << bad.join(' ').toStdString();
        EXPECT_FALSE(error.isEmpty());
    }
}

// otpd's request threads: one after another, requests stay on one warm thread (and its database connection);
// threads start only as concurrent load needs them, never more than the maximum; what no thread is free for
// waits its turn; and the request an answer brings on finds the thread that answered already free.
TEST(RequestPool, ReusesTheLastIdleThreadAndStartsNoMoreThanNeeded)
{
    RequestPool pool(4);
    std::set<std::thread::id> seen;
    for (int i = 0; i < 20; ++i) {
        std::promise<std::thread::id> ran;
        pool.start([&] { ran.set_value(std::this_thread::get_id()); });
        seen.insert(ran.get_future().get());
        pool.waitForDone();
    }
    EXPECT_EQ(seen.size(), 1u) << "a trickle of requests walked round the threads";
    EXPECT_EQ(pool.threadCount(), 1);

    // Six tasks held at once: four threads run, two wait in the queue and run when a thread frees.
    std::mutex m;
    std::condition_variable cv;
    bool release = false;
    std::atomic<int> started{0}, finished{0};
    for (int i = 0; i < 6; ++i)
        pool.start([&] {
            ++started;
            std::unique_lock<std::mutex> lock(m);
            cv.wait(lock, [&] { return release; });
            ++finished;
        });
    while (started.load() < 4)
        std::this_thread::yield();
    EXPECT_EQ(pool.threadCount(), 4);
    EXPECT_EQ(started.load(), 4) << "more tasks ran than the pool has threads";
    {
        std::lock_guard<std::mutex> lock(m);
        release = true;
    }
    cv.notify_all();
    pool.waitForDone();
    EXPECT_EQ(finished.load(), 6);
    EXPECT_EQ(pool.threadCount(), 4);
}

TEST(RequestPool, TheNextRequestAfterAnAnswerLandsOnTheAnsweringThread)
{
    RequestPool pool(8);
    // Warm several threads, so a FIFO choice would pick another one.
    std::atomic<int> busy{0};
    for (int i = 0; i < 8; ++i)
        pool.start([&] {
            ++busy;
            while (busy.load() < 8)
                std::this_thread::yield();
        });
    pool.waitForDone();
    ASSERT_EQ(pool.threadCount(), 8);

    // Each task's `afterwards` starts the next task, as an answer brings the client's next request.
    std::vector<std::thread::id> ids(10);
    std::promise<void> done;
    std::function<void(int)> chain = [&](int i) {
        pool.start([&, i] { ids[size_t(i)] = std::this_thread::get_id(); },
                   [&, i] {
                       if (i + 1 < int(ids.size()))
                           chain(i + 1);
                       else
                           done.set_value();
                   });
    };
    chain(0);
    done.get_future().get();
    pool.waitForDone();
    for (size_t i = 1; i < ids.size(); ++i)
        EXPECT_EQ(ids[i], ids[0]) << "request " << i << " went to another thread";
}
