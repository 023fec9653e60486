// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/freedmemory.h"

#include <QtConcurrent/QtConcurrentRun>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Specula::Core {

namespace {
constexpr int kQuietMs = 2000;
}

FreedMemory::FreedMemory(QObject *parent)
    : QObject(parent)
{
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(kQuietMs);
    connect(&m_quiet, &QTimer::timeout, this, [] { (void)QtConcurrent::run(&FreedMemory::releaseNow); });
}

void FreedMemory::releaseSoon()
{
    m_quiet.start();
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
