// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/promqlrun.h"

#include <QSet>
#include <cmath>

namespace Specula::Sim {

namespace {

using Op = PromqlNode::BinaryOp;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}
qint64 ceilDiv(qint64 a, qint64 b)
{
    return -floorDiv(-a, b);
}

// Go's vectorElemBinop for the operators of the subset: the value and whether the sample stays.
std::pair<double, bool> elementOp(Op op, double lhs, double rhs)
{
    switch (op) {
    case Op::Add:
        return { lhs + rhs, true };
    case Op::Sub:
        return { lhs - rhs, true };
    case Op::Mul:
        return { lhs * rhs, true };
    case Op::Div:
        return { lhs / rhs, true };
    case Op::Eq:
        return { lhs, lhs == rhs };
    case Op::Ne:
        return { lhs, lhs != rhs };
    case Op::Lt:
        return { lhs, lhs < rhs };
    case Op::Gt:
        return { lhs, lhs > rhs };
    case Op::Le:
        return { lhs, lhs <= rhs };
    case Op::Ge:
        return { lhs, lhs >= rhs };
    default:
        return { 0, false };
    }
}

bool dropsName(Op op)
{
    return op == Op::Add || op == Op::Sub || op == Op::Mul || op == Op::Div;
}

// labels.Labels.String() in Go: {a="b", c="d"}.
QString labelsString(const Prom::Labels &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        QString value = it.value();
        value.replace(u'\\', u"\\\\"_qs).replace(u'"', u"\\\""_qs).replace(u'\n', u"\\n"_qs);
        parts << it.key() + u"=\""_qs + value + u'"';
    }
    return u'{' + parts.join(u", "_qs) + u'}';
}

// The labels that decide which series match: on(…) keeps the named ones, ignoring(…) and the
// default drop them and __name__ (Go's HashForLabels / HashWithoutLabels).
Prom::Labels matchLabels(const Prom::Labels &labels, bool on, const QStringList &names)
{
    if (on) {
        Prom::Labels out;
        for (const QString &name : names) {
            if (const auto it = labels.constFind(name); it != labels.cend())
                out.insert(name, *it);
        }
        return out;
    }
    Prom::Labels out = labels;
    out.remove(u"__name__"_qs);
    for (const QString &name : names)
        out.remove(name);
    return out;
}

} // namespace

PromqlRun::PromqlRun(const PromqlStorage &storage, const PromqlEvaluator::Limits &limits, qint64 startMs, qint64 endMs,
                     qint64 stepMs)
    : m_storage(storage)
    , m_limits(limits)
    , m_start(startMs)
    , m_end(endMs)
    , m_step(stepMs > 0 ? stepMs : 1)
    , m_steps(int((endMs - startMs) / m_step) + 1)
    , m_intervalMs(qMax<qint64>(1, storage.scrapeIntervalSeconds()) * 1000)
{ }

void PromqlRun::fail(const QString &type, const QString &message)
{
    throw Failure { type, message };
}

QString PromqlRun::key(const Prom::Labels &labels)
{
    QString out;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        out += it.key() + QChar(1) + it.value() + QChar(2);
    return out;
}

Prom::Labels PromqlRun::withoutName(Prom::Labels labels)
{
    labels.remove(u"__name__"_qs);
    return labels;
}

PromqlRun::Output::Output(PromqlRun *run, QString duplicateMessage)
    : m_run(run)
    , m_duplicate(std::move(duplicateMessage))
{ }

int PromqlRun::Output::indexFor(const Prom::Labels &labels)
{
    const QString k = key(labels);
    if (const auto it = m_index.constFind(k); it != m_index.cend())
        return *it;
    if (qint64(m_series.size() + 1) * m_run->m_steps > m_run->m_limits.maxPoints)
        fail(u"execution"_qs, u"query processing would load too many samples into memory in query execution"_qs);
    Series series;
    series.labels = labels;
    series.values.resize(size_t(m_run->m_steps));
    series.has.resize(size_t(m_run->m_steps));
    m_series.push_back(std::move(series));
    m_index.insert(k, int(m_series.size() - 1));
    return int(m_series.size() - 1);
}

void PromqlRun::Output::set(int index, int step, double value)
{
    Series &series = m_series[size_t(index)];
    if (series.has[size_t(step)])
        fail(u"execution"_qs, m_duplicate);
    series.has[size_t(step)] = 1;
    series.values[size_t(step)] = value;
}

std::vector<PromqlRun::Series> PromqlRun::Output::take()
{
    std::vector<Series> out;
    out.reserve(m_series.size());
    for (Series &series : m_series) {
        if (std::find(series.has.begin(), series.has.end(), 1) != series.has.end())
            out.push_back(std::move(series));
    }
    return out;
}

QList<const SimSeries *> PromqlRun::select(const PromqlNode &selector) const
{
    QList<const SimFamily *> families;
    QString name;
    for (const PromqlMatcher &matcher : selector.matchers) {
        if (matcher.name == u"__name__" && matcher.op == PromqlMatcher::Op::Equal)
            name = matcher.value;
    }
    if (!name.isEmpty()) {
        if (const SimFamily *family = m_storage.family(name))
            families << family;
    } else {
        for (const SimFamily &family : m_storage.families())
            families << &family;
    }
    QList<const SimSeries *> out;
    for (const SimFamily *family : std::as_const(families)) {
        for (const SimSeries &series : family->series) {
            bool all = true;
            for (const PromqlMatcher &matcher : selector.matchers) {
                if (!matcher.matches(series.labels.value(matcher.name))) {
                    all = false;
                    break;
                }
            }
            if (!all)
                continue;
            out << &series;
            if (out.size() > m_limits.maxSeries) {
                fail(u"execution"_qs,
                     u"query selects too many series for the simulator (more than %1)"_qs.arg(m_limits.maxSeries));
            }
        }
    }
    return out;
}

std::vector<std::pair<qint64, double>> PromqlRun::samples(const SimSeries &series, qint64 fromMs, qint64 toMs) const
{
    std::vector<std::pair<qint64, double>> out;
    if (!series.value)
        return out;
    for (qint64 k = ceilDiv(fromMs, m_intervalMs), last = floorDiv(toMs, m_intervalMs); k <= last; ++k) {
        if (const std::optional<double> value = series.value(k * m_intervalMs / 1000))
            out.emplace_back(k * m_intervalMs, *value);
    }
    return out;
}

PromqlRun::Value PromqlRun::evaluate(const PromqlNode &node)
{
    switch (node.kind) {
    case PromqlNode::Kind::Number: {
        Value value;
        value.type = PromqlType::Scalar;
        value.scalar = node.number;
        return value;
    }
    case PromqlNode::Kind::String: {
        Value value;
        value.type = PromqlType::String;
        value.text = node.text;
        return value;
    }
    case PromqlNode::Kind::Selector:
        return selector(node);
    case PromqlNode::Kind::MatrixSelector:
        fail(u"bad_data"_qs, u"a range vector is only allowed as the argument of a function"_qs);
    case PromqlNode::Kind::Call:
        return node.text == u"label_replace" ? labelReplace(node) : rangeFunction(node);
    case PromqlNode::Kind::Aggregate:
        return aggregate(node);
    case PromqlNode::Kind::Binary:
        return binary(node);
    case PromqlNode::Kind::Unary:
        return unary(node);
    }
    fail(u"bad_data"_qs, u"unknown expression"_qs);
}

PromqlRun::Value PromqlRun::selector(const PromqlNode &node)
{
    Value value;
    const QList<const SimSeries *> picked = select(node);
    if (qint64(picked.size()) * m_steps > m_limits.maxPoints)
        fail(u"execution"_qs, u"query processing would load too many samples into memory in query execution"_qs);
    for (const SimSeries *source : picked) {
        Series series;
        series.values.resize(size_t(m_steps));
        series.has.resize(size_t(m_steps));
        bool any = false;
        if (m_steps == 1) {
            // The newest sample in [t - 5m, t], probed newest first: one call in the usual case.
            const qint64 t = m_start;
            for (qint64 k = floorDiv(t, m_intervalMs), first = ceilDiv(t - PromqlEvaluator::lookbackMs, m_intervalMs);
                 k >= first && source->value; --k) {
                if (const std::optional<double> v = source->value(k * m_intervalMs / 1000)) {
                    series.values[0] = *v;
                    series.has[0] = 1;
                    any = true;
                    break;
                }
            }
        } else {
            const auto points = samples(*source, m_start - PromqlEvaluator::lookbackMs, m_end);
            size_t next = 0;
            for (int step = 0; step < m_steps; ++step) {
                const qint64 t = stepTime(step);
                while (next < points.size() && points[next].first <= t)
                    ++next;
                if (next > 0 && points[next - 1].first >= t - PromqlEvaluator::lookbackMs) {
                    series.values[size_t(step)] = points[next - 1].second;
                    series.has[size_t(step)] = 1;
                    any = true;
                }
            }
        }
        if (any) {
            series.labels = source->labels;
            value.series.push_back(std::move(series));
        }
    }
    return value;
}

std::vector<std::pair<Prom::Labels, std::vector<std::pair<qint64, double>>>>
PromqlRun::rawMatrix(const PromqlNode &node)
{
    std::vector<std::pair<Prom::Labels, std::vector<std::pair<qint64, double>>>> out;
    const QList<const SimSeries *> picked = select(*node.children.front());
    for (const SimSeries *source : picked) {
        auto points = samples(*source, m_start - node.rangeMs, m_start);
        if (!points.empty())
            out.emplace_back(source->labels, std::move(points));
    }
    return out;
}

PromqlRun::Value PromqlRun::binary(const PromqlNode &node)
{
    Value lhs = evaluate(*node.children[0]);
    Value rhs = evaluate(*node.children[1]);
    if (lhs.type == PromqlType::Scalar && rhs.type == PromqlType::Scalar) {
        Value value;
        value.type = PromqlType::Scalar;
        value.scalar = elementOp(node.op, lhs.scalar, rhs.scalar).first;
        return value;
    }
    if (lhs.type == PromqlType::Scalar)
        return vectorScalar(node, std::move(rhs), lhs.scalar, true);
    if (rhs.type == PromqlType::Scalar)
        return vectorScalar(node, std::move(lhs), rhs.scalar, false);
    if (PromqlNode::isSetOperator(node.op))
        return setOperation(node, std::move(lhs), std::move(rhs));
    return vectorVector(node, std::move(lhs), std::move(rhs));
}

PromqlRun::Value PromqlRun::vectorScalar(const PromqlNode &node, Value vector, double scalar, bool scalarOnLeft)
{
    Output out(this, u"vector cannot contain metrics with the same labelset"_qs);
    const bool comparison = PromqlNode::isComparison(node.op);
    for (const Series &series : vector.series) {
        int index = -1;
        for (int step = 0; step < m_steps; ++step) {
            if (!series.has[size_t(step)])
                continue;
            double lv = series.values[size_t(step)];
            double rv = scalar;
            if (scalarOnLeft)
                std::swap(lv, rv);
            auto [result, keep] = elementOp(node.op, lv, rv);
            // The vector's own value stays the output of a filter, on either side.
            if (comparison && scalarOnLeft)
                result = rv;
            if (!keep)
                continue;
            if (index < 0)
                index = out.indexFor(dropsName(node.op) ? withoutName(series.labels) : series.labels);
            out.set(index, step, result);
        }
    }
    Value value;
    value.series = out.take();
    return value;
}

PromqlRun::Value PromqlRun::vectorVector(const PromqlNode &node, Value lhs, Value rhs)
{
    using Card = PromqlNode::Card;
    const bool swapped = node.card == Card::OneToMany;
    const std::vector<Series> &many = swapped ? rhs.series : lhs.series;
    const std::vector<Series> &one = swapped ? lhs.series : rhs.series;
    Output out(this, u"vector cannot contain metrics with the same labelset"_qs);
    if (many.empty() || one.empty())
        return Value {};
    QStringList manySig, oneSig;
    for (const Series &series : many)
        manySig << key(matchLabels(series.labels, node.on, node.matching));
    for (const Series &series : one)
        oneSig << key(matchLabels(series.labels, node.on, node.matching));
    QHash<quint64, int> outIndex;
    for (int step = 0; step < m_steps; ++step) {
        QHash<QString, int> oneAt;
        for (size_t j = 0; j < one.size(); ++j) {
            if (!one[j].has[size_t(step)])
                continue;
            const QString &sig = oneSig[qsizetype(j)];
            if (const auto it = oneAt.constFind(sig); it != oneAt.cend()) {
                fail(u"execution"_qs,
                     u"found duplicate series for the match group %1 on the %2 hand-side of the operation: [%3, %4]"
                     ";many-to-many matching not allowed: matching labels must be unique on one side"_qs.arg(
                         labelsString(matchLabels(one[j].labels, node.on, node.matching)),
                         swapped ? u"left"_qs : u"right"_qs, labelsString(one[j].labels),
                         labelsString(one[size_t(*it)].labels)));
            }
            oneAt.insert(sig, int(j));
        }
        if (oneAt.isEmpty())
            continue;
        QSet<QString> matchedOneToOne;
        QHash<QString, QSet<int>> matchedMany;
        for (size_t i = 0; i < many.size(); ++i) {
            if (!many[i].has[size_t(step)])
                continue;
            const QString &sig = manySig[qsizetype(i)];
            const int j = oneAt.value(sig, -1);
            if (j < 0)
                continue;
            double vl = many[i].values[size_t(step)];
            double vr = one[size_t(j)].values[size_t(step)];
            if (swapped)
                std::swap(vl, vr);
            const auto [result, keep] = elementOp(node.op, vl, vr);
            if (!keep)
                continue;
            const quint64 pair = (quint64(i) << 32) | quint64(j);
            int index = outIndex.value(pair, -1);
            if (index < 0) {
                Prom::Labels labels = many[i].labels;
                if (dropsName(node.op))
                    labels.remove(u"__name__"_qs);
                if (node.card == Card::OneToOne) {
                    if (node.on) {
                        for (auto it = labels.begin(); it != labels.end();)
                            it = node.matching.contains(it.key()) ? std::next(it) : labels.erase(it);
                    } else {
                        for (const QString &name : node.matching)
                            labels.remove(name);
                    }
                }
                for (const QString &name : node.include) {
                    const QString v = one[size_t(j)].labels.value(name);
                    if (v.isEmpty())
                        labels.remove(name);
                    else
                        labels.insert(name, v);
                }
                index = out.indexFor(labels);
                outIndex.insert(pair, index);
            }
            if (node.card == Card::OneToOne) {
                if (matchedOneToOne.contains(sig)) {
                    fail(
                        u"execution"_qs,
                        u"multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)"_qs);
                }
                matchedOneToOne.insert(sig);
            } else {
                QSet<int> &inserted = matchedMany[sig];
                if (inserted.contains(index))
                    fail(u"execution"_qs,
                         u"multiple matches for labels: grouping labels must ensure unique matches"_qs);
                inserted.insert(index);
            }
            out.set(index, step, result);
        }
    }
    Value value;
    value.series = out.take();
    return value;
}

PromqlRun::Value PromqlRun::setOperation(const PromqlNode &node, Value lhs, Value rhs)
{
    Output out(this, u"vector cannot contain metrics with the same labelset"_qs);
    QStringList lhsSig, rhsSig;
    for (const Series &series : lhs.series)
        lhsSig << key(matchLabels(series.labels, node.on, node.matching));
    for (const Series &series : rhs.series)
        rhsSig << key(matchLabels(series.labels, node.on, node.matching));
    std::vector<int> lhsIndex(lhs.series.size(), -1);
    std::vector<int> rhsIndex(rhs.series.size(), -1);
    auto emit = [&](std::vector<int> &indices, const std::vector<Series> &side, size_t i, int step) {
        if (indices[i] < 0)
            indices[i] = out.indexFor(side[i].labels);
        out.set(indices[i], step, side[i].values[size_t(step)]);
    };
    for (int step = 0; step < m_steps; ++step) {
        if (node.op == Op::Or) {
            QSet<QString> seen;
            for (size_t i = 0; i < lhs.series.size(); ++i) {
                if (lhs.series[i].has[size_t(step)]) {
                    seen.insert(lhsSig[qsizetype(i)]);
                    emit(lhsIndex, lhs.series, i, step);
                }
            }
            for (size_t j = 0; j < rhs.series.size(); ++j) {
                if (rhs.series[j].has[size_t(step)] && !seen.contains(rhsSig[qsizetype(j)]))
                    emit(rhsIndex, rhs.series, j, step);
            }
            continue;
        }
        QSet<QString> right;
        for (size_t j = 0; j < rhs.series.size(); ++j) {
            if (rhs.series[j].has[size_t(step)])
                right.insert(rhsSig[qsizetype(j)]);
        }
        for (size_t i = 0; i < lhs.series.size(); ++i) {
            if (lhs.series[i].has[size_t(step)] && right.contains(lhsSig[qsizetype(i)]) == (node.op == Op::And))
                emit(lhsIndex, lhs.series, i, step);
        }
    }
    Value value;
    value.series = out.take();
    return value;
}

PromqlRun::Value PromqlRun::unary(const PromqlNode &node)
{
    Value operand = evaluate(*node.children.front());
    if (operand.type == PromqlType::Scalar) {
        operand.scalar = -operand.scalar;
        return operand;
    }
    QSet<QString> seen;
    for (Series &series : operand.series) {
        series.labels.remove(u"__name__"_qs);
        for (double &v : series.values)
            v = -v;
        const QString k = key(series.labels);
        if (seen.contains(k))
            fail(u"execution"_qs, u"vector cannot contain metrics with the same labelset"_qs);
        seen.insert(k);
    }
    return operand;
}

} // namespace Specula::Sim
