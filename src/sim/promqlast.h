// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace Specula::Sim {

// The syntax tree of the PromQL subset the simulator answers (see promqlparser.h).
struct PromqlMatcher
{
    enum class Op { Equal, NotEqual, Regex, NotRegex };
    QString name;
    Op op = Op::Equal;
    QString value;
    QRegularExpression regex; // anchored, for Regex and NotRegex

    // A missing label counts as the empty string, as in Prometheus.
    bool matches(const QString &labelValue) const
    {
        switch (op) {
        case Op::Equal:
            return labelValue == value;
        case Op::NotEqual:
            return labelValue != value;
        case Op::Regex:
            return regex.match(labelValue).hasMatch();
        case Op::NotRegex:
            return !regex.match(labelValue).hasMatch();
        }
        return false;
    }
};

enum class PromqlType { Scalar, Vector, Matrix, String };

struct PromqlNode
{
    enum class Kind { Number, String, Selector, MatrixSelector, Call, Aggregate, Binary, Unary };
    enum class BinaryOp { Add, Sub, Mul, Div, Eq, Ne, Lt, Gt, Le, Ge, And, Or, Unless };
    enum class AggregateOp { Sum, Avg, Max, Min, Count };
    enum class Card { OneToOne, ManyToOne, OneToMany, ManyToMany };

    Kind kind = Kind::Number;
    int position = 0; // byte offset of the node's first character
    PromqlType type = PromqlType::Scalar;

    double number = 0; // Number
    QString text; // String: the value; Call: the function; Selector: the metric name or empty
    std::vector<PromqlMatcher> matchers; // Selector
    qint64 rangeMs = 0; // MatrixSelector
    std::vector<std::unique_ptr<PromqlNode>> children; // arguments / operands / the selector

    AggregateOp aggregate = AggregateOp::Sum;
    QStringList grouping; // by / without labels
    bool without = false;

    BinaryOp op = BinaryOp::Add;
    Card card = Card::OneToOne;
    bool on = false; // on(...) rather than ignoring(...)
    QStringList matching; // on / ignoring labels
    QStringList include; // group_left / group_right labels
    bool returnBool = false;

    static bool isComparison(BinaryOp op) { return op >= BinaryOp::Eq && op <= BinaryOp::Ge; }
    static bool isSetOperator(BinaryOp op) { return op >= BinaryOp::And; }
};

} // namespace Specula::Sim
