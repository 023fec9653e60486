// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/seriesstore.h"

#include <QString>
#include <variant>

class QCommandLineParser;

namespace Specula::Cli {

// --range (how far back from now, default 1h) and --step of the export commands.
struct RangeOptions
{
    static void addTo(QCommandLineParser &parser);
    // The axis from now back over --range, at --step or at the step that suits a plot
    // `plotWidthPixels` wide (Prom::stepFor); the error text when either option is wrong.
    static std::variant<Prom::TimeAxis, QString> axis(const QCommandLineParser &parser, int plotWidthPixels);
};

} // namespace Specula::Cli
