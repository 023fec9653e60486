// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/promtypes.h"

namespace TestTexts {

// Equal labels whose names and values are the same copies: what a store that carries or copies
// series keeps, rather than texts of its own.
inline bool sharedLabels(const Specula::Prom::Labels &a, const Specula::Prom::Labels &b)
{
    if (a != b)
        return false;
    for (auto ia = a.cbegin(), ib = b.cbegin(); ia != a.cend(); ++ia, ++ib) {
        if (ia.key().constData() != ib.key().constData() || ia.value().constData() != ib.value().constData())
            return false;
    }
    return true;
}

} // namespace TestTexts
