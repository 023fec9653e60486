// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "prom/promtypes.h"
#include "sim/metricset.h"
#include "sim/promqlast.h"

#include <QHash>
#include <QList>

namespace Specula::Sim {

// The series the evaluator reads: families whose samples exist at multiples of the scrape
// interval. A MetricSet in the server, hand-made families in tests. Copies are cheap (shared).
class PromqlStorage
{
public:
    PromqlStorage() = default;
    PromqlStorage(QList<SimFamily> families, qint64 scrapeIntervalSeconds);
    static PromqlStorage fromMetricSet(const MetricSet &metrics);

    const QList<SimFamily> &families() const { return m_families; }
    const SimFamily *family(const QString &name) const;
    qint64 scrapeIntervalSeconds() const { return m_interval; }

private:
    QList<SimFamily> m_families;
    QHash<QString, qsizetype> m_index;
    qint64 m_interval = 30;
};

// Bounds on one query's work, so that the in-process demo stays responsive and a large scenario
// cannot exhaust memory.
struct PromqlLimits
{
    qsizetype maxSeries = 200000; // per selector
    qint64 maxPoints = 5000000; // per intermediate result: series × steps
};

// Evaluates parsed PromQL (promqlparser.h) with Prometheus 2.42's semantics: 5 min lookback
// closed on both ends, range selectors over [t - range, t], extrapolatedRate, vector matching
// and its errors. Errors come back as Core::Error with reason "bad_data" (HTTP 400) or
// "execution" (HTTP 422), the message in Prometheus' words.
class PromqlEvaluator
{
public:
    using Limits = PromqlLimits;
    static constexpr qint64 lookbackMs = 5 * 60 * 1000;

    explicit PromqlEvaluator(PromqlStorage storage, Limits limits = {});

    // An instant query at time t (ms since the epoch): vector, scalar, string or, for a bare
    // range selector, matrix.
    Core::Result<Prom::QueryResult> instant(const PromqlNode &root, qint64 timeMs) const;
    // A range query: matrix (the expression must be a scalar or an instant vector).
    Core::Result<Prom::QueryResult> range(const PromqlNode &root, qint64 startMs, qint64 endMs, qint64 stepMs) const;

    // The series a selector picks (match[] of /api/v1/series and /api/v1/labels), in no order and
    // without the series limit.
    Core::Result<QList<Prom::Labels>> series(const PromqlNode &selector) const;

    // Prometheus' order of label sets (labels.Compare).
    static bool labelsLess(const Prom::Labels &a, const Prom::Labels &b);
    static Core::Error error(const QString &type, const QString &message);

private:
    PromqlStorage m_storage;
    Limits m_limits;
};

} // namespace Specula::Sim
