// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/seriesslot.h"

namespace Specula::Prom {

void SeriesSlot::setFresh(const SeriesStore &store)
{
    m_current = store;
    m_hasData = true;
    m_stale = false;
    m_hasError = false;
    m_error = {};
}

void SeriesSlot::setFailed(const Core::Error &error)
{
    m_error = error;
    m_hasError = true;
    // Without earlier data there is nothing to keep: the slot is empty with an error, not stale.
    if (!m_hasData)
        return;
    m_stale = true;
    m_current.markStale(error);
}

} // namespace Specula::Prom
