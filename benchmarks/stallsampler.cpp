// SPDX-License-Identifier: GPL-3.0-or-later
#include "stallsampler.h"

#include <QStringList>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>

#ifdef Q_OS_LINUX
#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#endif

namespace {

#ifdef Q_OS_LINUX
constexpr int kMaxSamples = 20000;
constexpr int kMaxDepth = 48;
constexpr int kSkippedFrames = 2; // the handler and the kernel's signal trampoline
constexpr int kShownFrames = 18;
constexpr int kShownStacks = 6;

struct Sample
{
    qint64 atMs;
    qint64 cpuUs;
    int depth;
    void *frames[kMaxDepth];
};

// Written by the signal handler, which may not allocate: static storage, one writer.
Sample samples[kMaxSamples];
std::atomic<int> sampleCount { 0 };
std::atomic<qint64> sampleTimeMs { 0 };
std::atomic<qint64> lastHeartbeatMs { 0 };
std::atomic<bool> stopping { false };
pthread_t watched;

void recordStack(int)
{
    const int index = sampleCount.load(std::memory_order_relaxed);
    if (index >= kMaxSamples)
        return;
    Sample &sample = samples[index];
    timespec cpu {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    sample.atMs = sampleTimeMs.load();
    sample.cpuUs = qint64(cpu.tv_sec) * 1000000 + cpu.tv_nsec / 1000;
    sample.depth = backtrace(sample.frames, kMaxDepth);
    sampleCount.store(index + 1, std::memory_order_release);
}

QString frameName(void *address)
{
    Dl_info info {};
    if (dladdr(address, &info) == 0 || !info.dli_fname)
        return QString::asprintf("%p", address);
    const QString module = QString::fromLocal8Bit(info.dli_fname).section(u'/', -1);
    if (!info.dli_sname) {
        return module + QString::asprintf("+0x%tx", static_cast<char *>(address) - static_cast<char *>(info.dli_fbase));
    }
    int status = 0;
    char *demangled = abi::__cxa_demangle(info.dli_sname, nullptr, nullptr, &status);
    const QString name = QString::fromLatin1(status == 0 && demangled ? demangled : info.dli_sname);
    std::free(demangled);
    return module + u' ' + name.left(160);
}
#endif

} // namespace

StallSampler::~StallSampler()
{
    stop();
}

void StallSampler::start([[maybe_unused]] const QElapsedTimer &clock, [[maybe_unused]] qint64 afterMs)
{
#ifdef Q_OS_LINUX
    void *prime[1];
    backtrace(prime, 1); // loads the unwinder now, not first in the handler
    watched = pthread_self();
    struct sigaction action
    {
    };
    action.sa_handler = recordStack;
    action.sa_flags = SA_RESTART;
    sigaction(SIGPROF, &action, nullptr);
    lastHeartbeatMs = clock.elapsed();
    m_watcher = std::thread([clock, afterMs] {
        while (!stopping) {
            std::this_thread::sleep_for(std::chrono::microseconds(1500));
            const qint64 now = clock.elapsed();
            if (now - lastHeartbeatMs.load() > afterMs) {
                sampleTimeMs = now;
                pthread_kill(watched, SIGPROF);
            }
        }
    });
#endif
}

void StallSampler::heartbeat([[maybe_unused]] qint64 nowMs)
{
#ifdef Q_OS_LINUX
    lastHeartbeatMs = nowMs;
#endif
}

void StallSampler::stop()
{
#ifdef Q_OS_LINUX
    stopping = true;
    if (m_watcher.joinable())
        m_watcher.join();
#endif
}

QString StallSampler::report([[maybe_unused]] qint64 fromMs, [[maybe_unused]] qint64 toMs) const
{
    QStringList lines;
#ifdef Q_OS_LINUX
    std::map<QString, int> stacks;
    int count = 0;
    qint64 firstCpuUs = -1;
    qint64 lastCpuUs = -1;
    for (int index = 0; index < sampleCount.load(std::memory_order_acquire); ++index) {
        const Sample &sample = samples[index];
        if (sample.atMs < fromMs || sample.atMs > toMs)
            continue;
        ++count;
        firstCpuUs = firstCpuUs < 0 ? sample.cpuUs : firstCpuUs;
        lastCpuUs = sample.cpuUs;
        QStringList frames;
        for (int frame = kSkippedFrames; frame < std::min(sample.depth, kSkippedFrames + kShownFrames); ++frame)
            frames.append(frameName(sample.frames[frame]));
        ++stacks[frames.join(u"\n      "_qs)];
    }
    lines.append(QStringLiteral("    %1 stack samples, %2 ms of the thread's CPU between the first and the last")
                     .arg(count)
                     .arg((lastCpuUs - firstCpuUs) / 1000));
    std::vector<std::pair<int, QString>> byCount;
    for (const auto &[stack, times] : stacks)
        byCount.emplace_back(times, stack);
    std::sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t shown = 0; shown < std::min<size_t>(kShownStacks, byCount.size()); ++shown)
        lines.append(QStringLiteral("    %1×\n      %2").arg(byCount[shown].first).arg(byCount[shown].second));
#endif
    return lines.join(u'\n');
}
