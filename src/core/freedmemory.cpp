// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/freedmemory.h"

#include <QtConcurrent/QtConcurrentRun>
#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Specula::Core {

FreedMemory::FreedMemory(QObject *parent, std::chrono::milliseconds delay)
    : QObject(parent)
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, ownMappingFrom);
#endif
    m_delay.setSingleShot(true);
    m_delay.setInterval(delay);
    connect(&m_delay, &QTimer::timeout, this, [this] {
        (void)QtConcurrent::run(&FreedMemory::releaseNow);
        if (std::exchange(m_askedWhileWaiting, false))
            m_delay.start();
    });
}

void FreedMemory::releaseSoon()
{
    if (m_delay.isActive())
        m_askedWhileWaiting = true;
    else
        m_delay.start();
}

bool FreedMemory::releaseNow()
{
#if defined(__GLIBC__)
    return malloc_trim(0) != 0;
#else
    return false;
#endif
}

} // namespace Specula::Core
