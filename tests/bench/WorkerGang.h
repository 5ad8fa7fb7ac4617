// The client processes of one measurement (server_bench and galera_bench workers): started together,
// each warms up and says "ready", then all are released with "go" at once and each runs pairs for the
// same number of seconds. A worker ends with "done <pairs> <cpu ms> <start ns> <end ns>", the last two
// on the machine's monotonic clock (CLOCK_MONOTONIC is one clock for every process). Pairs per second
// are all the workers' pairs over the window from the first start to the last end: a window, not "until
// the last worker exits", because with 32 workers of ~100 pairs each the slowest one's tail was a
// third of the run (32 clients measured 447 pairs/s that way, 757 over a long run).
//
// Why this is its own piece: QProcess::write only fills a buffer. A process's buffer goes out while
// something waits on that process (or an event loop runs), so writing "go" to every worker and then
// waiting for the first one to finish held the others back until it had: the "8 clients" ran one
// after the other, at one client's speed (issue 16, found 2026-11-30). go() flushes every "go" before
// it waits for any worker, and refuses a measurement whose workers did not overlap.
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace otp::bench {

// The machine's busy CPU time so far, in ms over all its cores, from /proc/stat: user, nice, system,
// irq and softirq (idle, iowait and steal, the time the hypervisor kept, are not busy). These benchmarks
// run the database server on the same machine, so the difference over a measurement divided by its
// pairs is what one pair costs the machine, clients and server together; with C cores no number of
// clients can make more than C x 1000 / that many pairs a second. 0 where /proc/stat cannot be read.
inline double machineBusyMs()
{
    std::ifstream stat("/proc/stat");
    std::string cpu;
    long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0;
    if (!(stat >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq) || cpu != "cpu")
        return 0;
    return double(user + nice + system + irq + softirq) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// What a worker prints at its end; now() is the clock it reads for start and end.
struct WorkerTimes
{
    static std::int64_t now()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
};

// A worker's window: pair(k) for k = 0, 1, … until `seconds` have passed; what its "done" line reports.
struct WorkerWindow
{
    std::int64_t pairs = 0, startNs = 0, endNs = 0;

    template <typename Pair>
    static WorkerWindow run(double seconds, Pair&& pair)
    {
        WorkerWindow w;
        w.startNs = w.endNs = WorkerTimes::now();
        const std::int64_t deadline = w.startNs + std::int64_t(seconds * 1e9);
        while (w.endNs < deadline) {
            pair(w.pairs++);
            w.endNs = WorkerTimes::now();
        }
        return w;
    }
};

struct GangResult
{
    std::int64_t pairs = 0; // every worker's, summed
    double windowSeconds = 0; // first start to last end
    double cpuMs = 0; // the workers' own CPU, summed
    double machineCpuMs = 0; // the whole machine's busy CPU from "go" to the last worker's exit (machineBusyMs)
    double pairsPerSecond() const { return windowSeconds > 0 ? pairs / windowSeconds : 0; }
};

class WorkerGang
{
public:
    // `count` processes of `program`; argsOf(i) gives worker i's arguments.
    WorkerGang(const QString& program, int count, const std::function<QStringList(int)>& argsOf)
    {
        for (int i = 0; i < count; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->start(program, argsOf(i));
            m_procs.push_back(std::move(p));
        }
    }

    // Every worker said "ready" (after its warm-up), or this throws.
    void waitReady(int timeoutMs)
    {
        for (auto& p : m_procs) {
            while (!p->canReadLine())
                if (!p->waitForReadyRead(timeoutMs))
                    throw std::runtime_error("a worker did not get ready");
            if (p->readLine().trimmed() != "ready")
                throw std::runtime_error("a worker failed to start");
        }
    }

    // Releases every worker, waits for all of them, and checks that they ran at the same time: the
    // last worker to start started before the first one to finish had finished.
    GangResult go()
    {
        const double busyBefore = machineBusyMs();
        for (auto& p : m_procs)
            p->write("go\n");
        for (auto& p : m_procs)
            while (p->bytesToWrite() > 0)
                if (!p->waitForBytesWritten(30000))
                    throw std::runtime_error("a worker did not take its \"go\"");
        GangResult r;
        std::int64_t firstStart = INT64_MAX, lastStart = 0, firstEnd = INT64_MAX, lastEnd = 0;
        for (auto& p : m_procs) {
            p->waitForFinished(-1);
            if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0)
                throw std::runtime_error("a worker failed (exit " + std::to_string(p->exitCode()) + ")");
            const QList<QByteArray> done = p->readAll().trimmed().split(' ');
            if (done.size() != 5 || done.first() != "done")
                throw std::runtime_error("a worker ended without its \"done\" line");
            r.pairs += done.at(1).toLongLong();
            r.cpuMs += done.at(2).toDouble();
            const std::int64_t start = done.at(3).toLongLong(), end = done.at(4).toLongLong();
            firstStart = std::min(firstStart, start);
            lastStart = std::max(lastStart, start);
            firstEnd = std::min(firstEnd, end);
            lastEnd = std::max(lastEnd, end);
        }
        r.machineCpuMs = machineBusyMs() - busyBefore;
        r.windowSeconds = (lastEnd - firstStart) / 1e9;
        if (m_procs.size() > 1 && lastStart >= firstEnd)
            throw std::runtime_error("the workers did not run at the same time: one started only after another had finished");
        return r;
    }

private:
    std::vector<std::unique_ptr<QProcess>> m_procs;
};

} // namespace otp::bench
