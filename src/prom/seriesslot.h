// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "prom/seriesstore.h"

#include <QMetaType>

namespace Specula::Prom {

// The store a view shows: the last good data, kept when a refresh fails and then marked stale
// with that failure, so the screen never goes blank on a transient error.
class SeriesSlot
{
public:
    bool hasData() const { return m_hasData; }
    const SeriesStore &current() const { return m_current; }
    bool isStale() const { return m_stale; }
    // The last refresh's failure; meaningful when isStale() or !hasData().
    const Core::Error &error() const { return m_error; }
    bool hasError() const { return m_hasError; }

    void setFresh(const SeriesStore &store);
    void setFailed(const Core::Error &error);

private:
    SeriesStore m_current;
    Core::Error m_error;
    bool m_hasData = false;
    bool m_stale = false;
    bool m_hasError = false;
};

} // namespace Specula::Prom

Q_DECLARE_METATYPE(Specula::Prom::SeriesSlot)
