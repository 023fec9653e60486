// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/promqlevaluator.h"

#include "sim/promqlrun.h"

#include <algorithm>
#include <limits>

namespace Specula::Sim {

PromqlStorage::PromqlStorage(QList<SimFamily> families, qint64 scrapeIntervalSeconds)
    : m_families(std::move(families))
    , m_interval(qMax<qint64>(1, scrapeIntervalSeconds))
{
    for (qsizetype i = 0; i < m_families.size(); ++i)
        m_index.insert(m_families[i].name, i);
}

PromqlStorage PromqlStorage::fromMetricSet(const MetricSet &metrics)
{
    return PromqlStorage(metrics.families(), metrics.scrapeInterval());
}

const SimFamily *PromqlStorage::family(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.cend() ? nullptr : &m_families[*it];
}

PromqlEvaluator::PromqlEvaluator(PromqlStorage storage, Limits limits)
    : m_storage(std::move(storage))
    , m_limits(limits)
{ }

Core::Error PromqlEvaluator::error(const QString &type, const QString &message)
{
    Core::Error error;
    error.kind = Core::Error::Kind::Http;
    error.reason = type;
    error.httpStatus = type == u"bad_data" ? 400 : 422;
    error.message = message;
    return error;
}

bool PromqlEvaluator::labelsLess(const Prom::Labels &a, const Prom::Labels &b)
{
    auto i = a.cbegin();
    auto j = b.cbegin();
    for (; i != a.cend() && j != b.cend(); ++i, ++j) {
        if (i.key() != j.key())
            return i.key() < j.key();
        if (i.value() != j.value())
            return i.value() < j.value();
    }
    return a.size() < b.size();
}

namespace {

Prom::Sample sample(qint64 ms, double value)
{
    return Prom::Sample { double(ms) / 1000.0, value };
}

void sortSeries(QList<Prom::Series> &series)
{
    std::sort(series.begin(), series.end(), [](const Prom::Series &a, const Prom::Series &b) {
        return PromqlEvaluator::labelsLess(a.labels, b.labels);
    });
}

} // namespace

Core::Result<Prom::QueryResult> PromqlEvaluator::instant(const PromqlNode &root, qint64 timeMs) const
{
    try {
        PromqlRun run(m_storage, m_limits, timeMs, timeMs, 1);
        Prom::QueryResult result;
        if (root.kind == PromqlNode::Kind::MatrixSelector) {
            result.type = Prom::ResultType::Matrix;
            for (auto &[labels, points] : run.rawMatrix(root)) {
                Prom::Series series { labels, {} };
                for (const auto &[t, v] : points)
                    series.samples.append(sample(t, v));
                result.series.append(std::move(series));
            }
            sortSeries(result.series);
            return result;
        }
        const PromqlRun::Value value = run.evaluate(root);
        result.scalar.timestamp = double(timeMs) / 1000.0;
        switch (value.type) {
        case PromqlType::Scalar:
            result.type = Prom::ResultType::Scalar;
            result.scalar.value = value.scalar;
            return result;
        case PromqlType::String:
            result.type = Prom::ResultType::String;
            result.text = value.text;
            return result;
        default:
            break;
        }
        result.type = Prom::ResultType::Vector;
        for (const PromqlRun::Series &series : value.series)
            result.series.append(Prom::Series { series.labels, { sample(timeMs, series.values.front()) } });
        sortSeries(result.series);
        return result;
    } catch (const PromqlRun::Failure &failure) {
        return error(failure.type, failure.message);
    }
}

Core::Result<Prom::QueryResult> PromqlEvaluator::range(const PromqlNode &root, qint64 startMs, qint64 endMs,
                                                       qint64 stepMs) const
{
    if (root.type != PromqlType::Scalar && root.type != PromqlType::Vector) {
        return error(u"bad_data"_qs,
                     u"invalid expression type \"%1\" for range query, must be Scalar or instant Vector"_qs.arg(
                         root.type == PromqlType::Matrix ? u"range vector"_qs : u"string"_qs));
    }
    if (stepMs <= 0 || endMs < startMs)
        return error(u"bad_data"_qs, u"the range query needs a positive step and an end after the start"_qs);
    try {
        PromqlRun run(m_storage, m_limits, startMs, endMs, stepMs);
        const PromqlRun::Value value = run.evaluate(root);
        Prom::QueryResult result;
        result.type = Prom::ResultType::Matrix;
        if (value.type == PromqlType::Scalar) {
            Prom::Series series;
            for (int step = 0; step < run.steps(); ++step)
                series.samples.append(sample(run.stepTime(step), value.scalar));
            result.series.append(std::move(series));
            return result;
        }
        for (const PromqlRun::Series &source : value.series) {
            Prom::Series series { source.labels, {} };
            for (int step = 0; step < run.steps(); ++step) {
                if (source.has[size_t(step)])
                    series.samples.append(sample(run.stepTime(step), source.values[size_t(step)]));
            }
            result.series.append(std::move(series));
        }
        sortSeries(result.series);
        return result;
    } catch (const PromqlRun::Failure &failure) {
        return error(failure.type, failure.message);
    }
}

Core::Result<QList<Prom::Labels>> PromqlEvaluator::series(const PromqlNode &selector) const
{
    if (selector.kind != PromqlNode::Kind::Selector)
        return error(u"bad_data"_qs, u"match[] must be a series selector"_qs);
    try {
        // Prometheus bounds no metadata lookup, and the whole metric-name list of a large
        // cluster must be reachable; so only queries carry the series limit.
        Limits unbounded = m_limits;
        unbounded.maxSeries = std::numeric_limits<qsizetype>::max();
        PromqlRun run(m_storage, unbounded, 0, 0, 1);
        QList<Prom::Labels> out;
        for (const SimSeries *series : run.select(selector))
            out.append(series->labels);
        return out;
    } catch (const PromqlRun::Failure &failure) {
        return error(failure.type, failure.message);
    }
}

} // namespace Specula::Sim
