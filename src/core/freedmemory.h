// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>

namespace Specula::Core {

// Hands the pages of freed memory back to the system. When a large cluster's new snapshot, tree
// and table rows replace the last ones, glibc keeps the freed blocks for later allocations, and
// the pages under them stay resident: on 150,000 pods about 330 MB, a third of the window's
// resident memory. Where the C library is not glibc this does nothing.
class FreedMemory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreedMemory)

public:
    // Short enough that a cluster changing every second does not keep the pages of each
    // change's freed data for long (on `large`, about 90 MiB more at the idle median with 2 s).
    static constexpr std::chrono::milliseconds defaultDelay { 300 };

    // Blocks from this size on that no free room in the heap fits get a mapping of their own
    // (glibc), which goes back to the system the moment it is freed. glibc's own threshold
    // follows the largest block freed so far, up to 32 MiB: once a large cluster's first arrays of
    // tens of megabytes (a snapshot's pod list, an inflated answer, a tree's items) were freed,
    // later ones came from the heap and stayed resident until the next release, several of them
    // at once at the peaks. On `large`, with 4 MiB: idle most with the Topology page 547–552 →
    // 511–516 MiB, its peak 664–677 → 602–610.
    static constexpr int ownMappingFrom = 4 * 1024 * 1024;

    // Sets the allocator up as above; one per process.
    explicit FreedMemory(QObject *parent = nullptr, std::chrono::milliseconds delay = defaultDelay);

    // Releases `delay` after the first call since the last release (the pages free the old data
    // on worker threads first), on a worker thread: going through a large heap takes tens of
    // milliseconds. Calls in between are folded into that release, so a cluster that never stops
    // changing is still released every `delay` or so; they get one more release `delay` later,
    // since what they follow may be freed only after the first.
    void releaseSoon();
    // Releases now, on this thread; returns whether anything went back to the system.
    static bool releaseNow();

private:
    QTimer m_delay;
    bool m_askedWhileWaiting = false;
};

} // namespace Specula::Core
