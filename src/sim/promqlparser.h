// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/promqlast.h"

#include <QString>
#include <memory>
#include <optional>

namespace Specula::Sim {

// What went wrong in a query, where: Prometheus prints it as "LINE:COL: parse error: MESSAGE".
struct PromqlSyntaxError
{
    int position = 0; // byte offset into the query
    QString message;

    QString toString(const QString &query) const;
};

// Parses the PromQL subset of the metric catalogue (number and string literals, selectors with
// the four matchers, range selectors, rate/irate/increase/*_over_time/last_over_time,
// label_replace, sum/avg/max/min/count with by/without, arithmetic, comparisons and set
// operators with on/ignoring/group_left/group_right) and checks the types as Prometheus 2.42 does.
// Anything outside the subset is a syntax error naming the construct, never a guess.
class PromqlParser
{
public:
    struct Result
    {
        std::unique_ptr<PromqlNode> root;
        std::optional<PromqlSyntaxError> error;
    };
    static Result parse(const QString &query);

    // Prometheus durations: "5m", "1h30m", "2d", "500ms" (units y w d h m s ms in this order).
    // Milliseconds; nothing for anything else.
    static std::optional<qint64> parseDuration(const QString &text);
    static bool isFunction(const QString &name);
};

} // namespace Specula::Sim
