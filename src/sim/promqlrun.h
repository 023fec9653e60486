// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/promqlevaluator.h"

#include <vector>

namespace Specula::Sim {

// One evaluation of a query over the steps start, start + step, … ≤ end (one step for an instant
// query). Every node evaluates to whole series across all steps, as Prometheus' rangeEval does, so
// label work (matching, grouping, label_replace) happens once per series rather than per step.
// Internal to PromqlEvaluator; errors are thrown as PromqlRun::Failure and caught there.
class PromqlRun
{
public:
    struct Failure
    {
        QString type; // "bad_data" or "execution"
        QString message;
    };

    // Values per step; `has` tells whether a step has a point at all.
    struct Series
    {
        Prom::Labels labels;
        std::vector<double> values;
        std::vector<char> has;
    };

    struct Value
    {
        PromqlType type = PromqlType::Vector;
        double scalar = 0;
        QString text;
        std::vector<Series> series;
    };

    PromqlRun(const PromqlStorage &storage, const PromqlEvaluator::Limits &limits, qint64 startMs, qint64 endMs,
              qint64 stepMs);

    Value evaluate(const PromqlNode &node);
    // The raw samples of a range selector at the (single) evaluation time.
    std::vector<std::pair<Prom::Labels, std::vector<std::pair<qint64, double>>>> rawMatrix(const PromqlNode &node);
    QList<const SimSeries *> select(const PromqlNode &selector) const;

    int steps() const { return m_steps; }
    qint64 stepTime(int step) const { return m_start + qint64(step) * m_step; }

    [[noreturn]] static void fail(const QString &type, const QString &message);
    // Label sets as hash keys.
    static QString key(const Prom::Labels &labels);
    static Prom::Labels withoutName(Prom::Labels labels);

    // Collects output series by label set and reports two values for one label set at one step.
    class Output
    {
    public:
        Output(PromqlRun *run, QString duplicateMessage);
        int indexFor(const Prom::Labels &labels);
        void set(int index, int step, double value);
        std::vector<Series> take();

    private:
        PromqlRun *m_run;
        QString m_duplicate;
        QHash<QString, int> m_index;
        std::vector<Series> m_series;
    };

private:
    Value selector(const PromqlNode &node);
    Value rangeFunction(const PromqlNode &node);
    Value labelReplace(const PromqlNode &node);
    Value aggregate(const PromqlNode &node);
    Value binary(const PromqlNode &node);
    Value vectorScalar(const PromqlNode &node, Value vector, double scalar, bool scalarOnLeft);
    Value vectorVector(const PromqlNode &node, Value lhs, Value rhs);
    Value setOperation(const PromqlNode &node, Value lhs, Value rhs);
    Value unary(const PromqlNode &node);
    // The samples of a series at the grid times in [fromMs, toMs], oldest first.
    std::vector<std::pair<qint64, double>> samples(const SimSeries &series, qint64 fromMs, qint64 toMs) const;

    const PromqlStorage &m_storage;
    PromqlEvaluator::Limits m_limits;
    qint64 m_start;
    qint64 m_end;
    qint64 m_step;
    int m_steps;
    qint64 m_intervalMs;
};

} // namespace Specula::Sim
