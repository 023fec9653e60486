// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

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
    explicit FreedMemory(QObject *parent = nullptr);

    // Releases two seconds after the first call since the last release (the pages free the old
    // data on worker threads first), on a worker thread: going through a large heap takes tens
    // of milliseconds. Calls in between are folded into that release, so a cluster that never
    // stops changing is still released every few seconds; they get one more release two seconds
    // later, since what they follow may be freed only after the first.
    void releaseSoon();
    // Releases now, on this thread; returns whether anything went back to the system.
    static bool releaseNow();

private:
    QTimer m_delay;
    bool m_askedWhileWaiting = false;
};

} // namespace Specula::Core
