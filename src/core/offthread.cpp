// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/offthread.h"

namespace Specula::Core {

QMutex &modelBuildLock()
{
    static QMutex lock;
    return lock;
}

} // namespace Specula::Core
