// SPDX-License-Identifier: GPL-3.0-or-later
// The functions and aggregations of PromqlRun, each following Prometheus 2.42's promql/functions.go
// and engine.go step for step, so that the floating-point results agree with a real server.
#include "sim/promqlrun.h"

#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace Specula::Sim {

namespace {

using Window = std::pair<const std::pair<qint64, double> *, const std::pair<qint64, double> *>;

// extrapolatedRate: the increase over the window, extrapolated towards the range's edges by at
// most half an average interval (1.1 × average counts as "close"), and not below the counter's
// zero point.
std::optional<double> extrapolatedRate(Window w, qint64 t, qint64 rangeMs, bool isRate)
{
    const qsizetype n = w.second - w.first;
    if (n < 2)
        return std::nullopt;
    const auto &first = *w.first;
    const auto &last = *(w.second - 1);
    const qint64 rangeStart = t - rangeMs;
    const qint64 rangeEnd = t;
    double result = last.second - first.second;
    double previous = first.second;
    for (auto it = w.first + 1; it != w.second; ++it) {
        if (it->second < previous)
            result += previous;
        previous = it->second;
    }
    double durationToStart = double(first.first - rangeStart) / 1000;
    const double durationToEnd = double(rangeEnd - last.first) / 1000;
    const double sampledInterval = double(last.first - first.first) / 1000;
    const double averageInterval = sampledInterval / double(n - 1);
    if (result > 0 && first.second >= 0) {
        const double durationToZero = sampledInterval * (first.second / result);
        if (durationToZero < durationToStart)
            durationToStart = durationToZero;
    }
    const double threshold = averageInterval * 1.1;
    double extrapolateTo = sampledInterval;
    extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2;
    extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
    double factor = extrapolateTo / sampledInterval;
    if (isRate)
        factor /= double(rangeMs) / 1000;
    return result * factor;
}

std::optional<double> instantRate(Window w)
{
    if (w.second - w.first < 2)
        return std::nullopt;
    const auto &last = *(w.second - 1);
    const auto &previous = *(w.second - 2);
    const double result = last.second < previous.second ? last.second : last.second - previous.second;
    const qint64 interval = last.first - previous.first;
    if (interval == 0)
        return std::nullopt;
    return result / (double(interval) / 1000);
}

std::optional<double> overTime(const QString &function, Window w)
{
    if (w.first == w.second)
        return std::nullopt;
    if (function == u"last_over_time")
        return (w.second - 1)->second;
    if (function == u"avg_over_time") {
        double mean = 0;
        double count = 0;
        for (auto it = w.first; it != w.second; ++it) {
            const double v = it->second;
            count++;
            if (std::isinf(mean)) {
                if (std::isinf(v) && (mean > 0) == (v > 0))
                    continue;
                if (!std::isinf(v) && !std::isnan(v))
                    continue;
            }
            mean += v / count - mean / count;
        }
        return mean;
    }
    const bool max = function == u"max_over_time";
    double result = w.first->second;
    for (auto it = w.first; it != w.second; ++it) {
        if ((max ? result < it->second : result > it->second) || std::isnan(result))
            result = it->second;
    }
    return result;
}

// Go's Regexp.ExpandString: $1, ${1}, $name, ${name}; $$ is a dollar; a malformed reference
// stays literal text; a name is the longest run of letters, digits and underscores.
QString expand(const QString &templ, const QRegularExpressionMatch &match)
{
    QString out;
    for (qsizetype i = 0; i < templ.size(); ++i) {
        if (templ[i] != u'$') {
            out += templ[i];
            continue;
        }
        if (i + 1 < templ.size() && templ[i + 1] == u'$') {
            out += u'$';
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        const bool brace = j < templ.size() && templ[j] == u'{';
        if (brace)
            ++j;
        const qsizetype nameStart = j;
        while (j < templ.size() && (templ[j].isLetterOrNumber() || templ[j] == u'_') && templ[j].unicode() < 128)
            ++j;
        const QString name = templ.mid(nameStart, j - nameStart);
        if (name.isEmpty() || (brace && (j >= templ.size() || templ[j] != u'}'))) {
            out += u'$';
            continue;
        }
        if (brace)
            ++j;
        bool numeric = false;
        const int number = name.toInt(&numeric);
        if (numeric && std::all_of(name.cbegin(), name.cend(), [](QChar c) { return c.isDigit(); })) {
            if (number <= match.lastCapturedIndex())
                out += match.captured(number);
        } else {
            out += match.captured(name);
        }
        i = j - 1;
    }
    return out;
}

} // namespace

PromqlRun::Value PromqlRun::rangeFunction(const PromqlNode &node)
{
    const PromqlNode &range = *node.children.front();
    const qint64 rangeMs = range.rangeMs;
    const QString &function = node.text;
    // last_over_time acts like an offset and keeps the name; the others derive a new value.
    const bool dropName = function != u"last_over_time";
    const QList<const SimSeries *> picked = select(*range.children.front());
    Value value;
    QSet<QString> seen;
    for (const SimSeries *source : picked) {
        const auto points = samples(*source, m_start - rangeMs, m_end);
        Series series;
        series.values.resize(size_t(m_steps));
        series.has.resize(size_t(m_steps));
        bool any = false;
        size_t lo = 0;
        size_t hi = 0;
        for (int step = 0; step < m_steps; ++step) {
            const qint64 t = stepTime(step);
            while (hi < points.size() && points[hi].first <= t)
                ++hi;
            while (lo < hi && points[lo].first < t - rangeMs)
                ++lo;
            const Window window { points.data() + lo, points.data() + hi };
            std::optional<double> result;
            if (function == u"rate" || function == u"increase")
                result = extrapolatedRate(window, t, rangeMs, function == u"rate");
            else if (function == u"irate")
                result = instantRate(window);
            else
                result = overTime(function, window);
            if (result) {
                series.values[size_t(step)] = *result;
                series.has[size_t(step)] = 1;
                any = true;
            }
        }
        if (!any)
            continue;
        series.labels = dropName ? withoutName(source->labels) : source->labels;
        const QString k = key(series.labels);
        if (seen.contains(k))
            fail(u"execution"_qs, u"vector cannot contain metrics with the same labelset"_qs);
        seen.insert(k);
        if (qint64(value.series.size() + 1) * m_steps > m_limits.maxPoints)
            fail(u"execution"_qs, u"query processing would load too many samples into memory in query execution"_qs);
        value.series.push_back(std::move(series));
    }
    return value;
}

PromqlRun::Value PromqlRun::labelReplace(const PromqlNode &node)
{
    Value input = evaluate(*node.children[0]);
    const QString destination = node.children[1]->text;
    const QString replacement = node.children[2]->text;
    const QString source = node.children[3]->text;
    const QString pattern = node.children[4]->text;
    const QRegularExpression regex(u"^(?:"_qs + pattern + u")$"_qs);
    if (!regex.isValid())
        fail(u"execution"_qs, u"invalid regular expression in label_replace(): %1"_qs.arg(pattern));
    static const QRegularExpression labelName(u"^[a-zA-Z_][a-zA-Z0-9_]*$"_qs);
    if (!labelName.match(destination).hasMatch())
        fail(u"execution"_qs, u"invalid destination label name in label_replace(): %1"_qs.arg(destination));
    Output out(this, u"vector cannot contain metrics with the same labelset"_qs);
    for (const Series &series : input.series) {
        Prom::Labels labels = series.labels;
        if (const QRegularExpressionMatch match = regex.match(series.labels.value(source)); match.hasMatch()) {
            const QString result = expand(replacement, match);
            if (result.isEmpty())
                labels.remove(destination);
            else
                labels.insert(destination, result);
        }
        const int index = out.indexFor(labels);
        for (int step = 0; step < m_steps; ++step) {
            if (series.has[size_t(step)])
                out.set(index, step, series.values[size_t(step)]);
        }
    }
    Value value;
    value.series = out.take();
    return value;
}

PromqlRun::Value PromqlRun::aggregate(const PromqlNode &node)
{
    using Agg = PromqlNode::AggregateOp;
    const Value input = evaluate(*node.children.front());
    Output out(this, u"vector cannot contain metrics with the same labelset"_qs);
    std::vector<int> group(input.series.size());
    for (size_t i = 0; i < input.series.size(); ++i) {
        Prom::Labels labels;
        if (node.without) {
            labels = withoutName(input.series[i].labels);
            for (const QString &name : node.grouping)
                labels.remove(name);
        } else {
            for (const QString &name : node.grouping) {
                if (const auto it = input.series[i].labels.constFind(name); it != input.series[i].labels.cend())
                    labels.insert(name, *it);
            }
        }
        group[i] = out.indexFor(labels);
    }
    struct State
    {
        double value = 0;
        double count = 0;
        bool seen = false;
    };
    std::vector<State> states;
    for (int step = 0; step < m_steps; ++step) {
        states.assign(states.size(), State {});
        for (size_t i = 0; i < input.series.size(); ++i) {
            if (!input.series[i].has[size_t(step)])
                continue;
            const double v = input.series[i].values[size_t(step)];
            if (size_t(group[i]) >= states.size())
                states.resize(size_t(group[i]) + 1);
            State &state = states[size_t(group[i])];
            if (!state.seen) {
                state = State { node.aggregate == Agg::Count ? 1 : v, 1, true };
                continue;
            }
            state.count++;
            switch (node.aggregate) {
            case Agg::Sum:
                state.value += v;
                break;
            case Agg::Count:
                state.value = state.count;
                break;
            case Agg::Max:
                if (state.value < v || std::isnan(state.value))
                    state.value = v;
                break;
            case Agg::Min:
                if (state.value > v || std::isnan(state.value))
                    state.value = v;
                break;
            case Agg::Avg:
                if (std::isinf(state.value)) {
                    if (std::isinf(v) && (state.value > 0) == (v > 0))
                        break;
                    if (!std::isinf(v) && !std::isnan(v))
                        break;
                }
                // Dividing each side first avoids overflowing float64, as Prometheus does.
                state.value += v / state.count - state.value / state.count;
                break;
            }
        }
        for (size_t g = 0; g < states.size(); ++g) {
            if (states[g].seen)
                out.set(int(g), step, states[g].value);
        }
    }
    Value value;
    value.series = out.take();
    return value;
}

} // namespace Specula::Sim
