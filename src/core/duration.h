// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Specula::Core {

// Durations as Prometheus and kubectl write them: "6h", "30s", "1h30m", "2d", "1w", or bare
// seconds ("90"). Nothing for anything else, for zero, or beyond ten years.
std::optional<qint64> parseDurationSeconds(const QString &text);

} // namespace Specula::Core
