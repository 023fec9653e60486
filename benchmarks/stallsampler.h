// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QtGlobal>
#include <thread>

// Samples the stack of one thread while it is stalled, to say what a long stall was made of when
// no single event delivery explains it. A thread of its own checks every 1.5 ms when the watched
// thread last reported in (heartbeat()); once that is more than `afterMs` ago, it interrupts the
// watched thread with SIGPROF, whose handler records the stack and the thread's CPU time. Linux
// only; elsewhere it samples nothing. Names come from the dynamic symbol tables, so the
// executable exports its own (CMake's ENABLE_EXPORTS). One per process.
class StallSampler
{
public:
    StallSampler() = default;
    ~StallSampler();
    Q_DISABLE_COPY_MOVE(StallSampler)

    // From the watched thread. `clock` is the one heartbeat() and report() times are on.
    void start(const QElapsedTimer &clock, qint64 afterMs);
    void heartbeat(qint64 nowMs);
    // Stops sampling; report() is read after this.
    void stop();
    // The stacks sampled from `fromMs` to `toMs`, the most frequent first, innermost frame first.
    QString report(qint64 fromMs, qint64 toMs) const;

private:
    std::thread m_watcher;
};
