// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/promqlparser.h"

#include "sim/promqllexer.h"

#include <QHash>
#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace Specula::Sim {

namespace {

using namespace PromqlLexing;

using Node = PromqlNode;
using NodePtr = std::unique_ptr<PromqlNode>;

const QHash<QString, Node::AggregateOp> &aggregators()
{
    static const QHash<QString, Node::AggregateOp> map {
        { u"sum"_qs, Node::AggregateOp::Sum },     { u"avg"_qs, Node::AggregateOp::Avg },
        { u"max"_qs, Node::AggregateOp::Max },     { u"min"_qs, Node::AggregateOp::Min },
        { u"count"_qs, Node::AggregateOp::Count },
    };
    return map;
}

struct FunctionSignature
{
    QList<PromqlType> arguments;
    PromqlType returns;
};

const QHash<QString, FunctionSignature> &functions()
{
    using T = PromqlType;
    static const QHash<QString, FunctionSignature> map {
        { u"rate"_qs, { { T::Matrix }, T::Vector } },
        { u"irate"_qs, { { T::Matrix }, T::Vector } },
        { u"increase"_qs, { { T::Matrix }, T::Vector } },
        { u"avg_over_time"_qs, { { T::Matrix }, T::Vector } },
        { u"max_over_time"_qs, { { T::Matrix }, T::Vector } },
        { u"min_over_time"_qs, { { T::Matrix }, T::Vector } },
        { u"last_over_time"_qs, { { T::Matrix }, T::Vector } },
        { u"label_replace"_qs, { { T::Vector, T::String, T::String, T::String, T::String }, T::Vector } },
    };
    return map;
}

QString typeName(PromqlType type)
{
    switch (type) {
    case PromqlType::Scalar:
        return u"scalar"_qs;
    case PromqlType::Vector:
        return u"instant vector"_qs;
    case PromqlType::Matrix:
        return u"range vector"_qs;
    case PromqlType::String:
        return u"string"_qs;
    }
    return {};
}

struct BinaryInfo
{
    Node::BinaryOp op;
    int precedence;
};

class Parser
{
public:
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    { }

    NodePtr parseAll()
    {
        if (peek().type == Token::Type::End)
            fail(peek(), u"no expression found in input"_qs);
        NodePtr root = expression(1);
        if (peek().type != Token::Type::End)
            fail(peek(), u"unexpected "_qs + describe(peek()));
        return root;
    }

private:
    [[noreturn]] static void fail(const Token &at, const QString &message)
    {
        throw SyntaxError { at.position, message };
    }
    [[noreturn]] static void fail(int position, const QString &message) { throw SyntaxError { position, message }; }

    const Token &peek(int ahead = 0) const { return m_tokens[qMin(m_index + ahead, m_tokens.size() - 1)]; }
    Token take() { return m_tokens[qMin(m_index++, m_tokens.size() - 1)]; }
    Token expect(Token::Type type, const QString &what, const QString &context)
    {
        if (peek().type != type)
            fail(peek(), u"unexpected %1%2, expected %3"_qs.arg(describe(peek()), context, what));
        return take();
    }
    bool isKeyword(const QString &word, int ahead = 0) const
    {
        return peek(ahead).type == Token::Type::Identifier && peek(ahead).text.toLower() == word;
    }

    std::optional<BinaryInfo> binaryOperator() const
    {
        const Token &token = peek();
        using Op = Node::BinaryOp;
        if (token.type == Token::Type::Identifier) {
            const QString word = token.text.toLower();
            if (word == u"or")
                return BinaryInfo { Op::Or, 1 };
            if (word == u"and")
                return BinaryInfo { Op::And, 2 };
            if (word == u"unless")
                return BinaryInfo { Op::Unless, 2 };
            return std::nullopt;
        }
        if (token.type != Token::Type::Operator)
            return std::nullopt;
        static const QHash<QString, BinaryInfo> table {
            { u"=="_qs, { Op::Eq, 3 } }, { u"!="_qs, { Op::Ne, 3 } }, { u"<"_qs, { Op::Lt, 3 } },
            { u">"_qs, { Op::Gt, 3 } },  { u"<="_qs, { Op::Le, 3 } }, { u">="_qs, { Op::Ge, 3 } },
            { u"+"_qs, { Op::Add, 4 } }, { u"-"_qs, { Op::Sub, 4 } }, { u"*"_qs, { Op::Mul, 5 } },
            { u"/"_qs, { Op::Div, 5 } },
        };
        if (const auto it = table.constFind(token.text); it != table.cend())
            return *it;
        return std::nullopt;
    }

    QStringList labelList(const QString &context)
    {
        expect(Token::Type::LeftParen, u"\"(\""_qs, context);
        QStringList labels;
        while (peek().type != Token::Type::RightParen) {
            labels << expect(Token::Type::Identifier, u"label"_qs, context).text;
            if (peek().type != Token::Type::Comma)
                break;
            take();
        }
        expect(Token::Type::RightParen, u"\")\""_qs, context);
        return labels;
    }

    NodePtr expression(int minPrecedence)
    {
        NodePtr lhs = unary();
        for (;;) {
            const std::optional<BinaryInfo> info = binaryOperator();
            if (!info || info->precedence < minPrecedence)
                return lhs;
            const Token opToken = take();
            auto node = std::make_unique<Node>();
            node->kind = Node::Kind::Binary;
            node->position = lhs->position;
            node->op = info->op;
            if (isKeyword(u"bool"_qs)) {
                take();
                node->returnBool = true;
            }
            bool matching = false;
            if (isKeyword(u"on"_qs) || isKeyword(u"ignoring"_qs)) {
                node->on = take().text.toLower() == u"on";
                node->matching = labelList(u" in grouping opts"_qs);
                matching = true;
                if (isKeyword(u"group_left"_qs) || isKeyword(u"group_right"_qs)) {
                    node->card = take().text.toLower() == u"group_left" ? Node::Card::ManyToOne : Node::Card::OneToMany;
                    if (peek().type == Token::Type::LeftParen)
                        node->include = labelList(u" in grouping opts"_qs);
                }
            }
            NodePtr rhs = expression(info->precedence + 1);
            check(*node, opToken, *lhs, *rhs, matching);
            node->children.push_back(std::move(lhs));
            node->children.push_back(std::move(rhs));
            lhs = std::move(node);
        }
    }

    void check(Node &node, const Token &opToken, const Node &lhs, const Node &rhs, bool matching)
    {
        const PromqlType lt = lhs.type;
        const PromqlType rt = rhs.type;
        const bool comparison = Node::isComparison(node.op);
        const bool setOp = Node::isSetOperator(node.op);
        if (node.returnBool && !comparison)
            fail(opToken, u"bool modifier can only be used on comparison operators"_qs);
        if (node.returnBool)
            fail(opToken, u"the bool modifier is not supported by the simulator"_qs);
        if (comparison && lt == PromqlType::Scalar && rt == PromqlType::Scalar)
            fail(opToken, u"comparisons between scalars must use BOOL modifier"_qs);
        if (setOp && node.card == Node::Card::OneToOne)
            node.card = Node::Card::ManyToMany;
        for (const QString &label : std::as_const(node.include)) {
            if (node.on && node.matching.contains(label))
                fail(opToken, u"label \"%1\" must not occur in ON and GROUP clause at once"_qs.arg(label));
        }
        if (lt != PromqlType::Scalar && lt != PromqlType::Vector)
            fail(lhs.position, u"binary expression must contain only scalar and instant vector types"_qs);
        if (rt != PromqlType::Scalar && rt != PromqlType::Vector)
            fail(rhs.position, u"binary expression must contain only scalar and instant vector types"_qs);
        if (lt != PromqlType::Vector || rt != PromqlType::Vector) {
            if (matching && !node.matching.isEmpty())
                fail(node.position, u"vector matching only allowed between instant vectors"_qs);
            node.matching.clear();
            node.include.clear();
            node.on = false;
        } else if (setOp && node.card != Node::Card::ManyToMany) {
            fail(node.position, u"no grouping allowed for \"%1\" operation"_qs.arg(opToken.text.toLower()));
        }
        if ((lt == PromqlType::Scalar || rt == PromqlType::Scalar) && setOp)
            fail(node.position,
                 u"set operator \"%1\" not allowed in binary scalar expression"_qs.arg(opToken.text.toLower()));
        node.type = lt == PromqlType::Scalar && rt == PromqlType::Scalar ? PromqlType::Scalar : PromqlType::Vector;
    }

    NodePtr unary()
    {
        if (peek().type == Token::Type::Operator && (peek().text == u"-" || peek().text == u"+")) {
            const Token sign = take();
            NodePtr operand = unary();
            if (operand->type != PromqlType::Scalar && operand->type != PromqlType::Vector)
                fail(
                    sign,
                    u"unary expression only allowed on expressions of type scalar or instant vector, got \"%1\""_qs.arg(
                        typeName(operand->type)));
            if (sign.text == u"+")
                return operand;
            if (operand->kind == Node::Kind::Number) {
                operand->number = -operand->number;
                operand->position = sign.position;
                return operand;
            }
            auto node = std::make_unique<Node>();
            node->kind = Node::Kind::Unary;
            node->position = sign.position;
            node->type = operand->type;
            node->children.push_back(std::move(operand));
            return node;
        }
        return postfix(primary());
    }

    NodePtr postfix(NodePtr node)
    {
        if (peek().type != Token::Type::LeftBracket)
            return node;
        const Token bracket = take();
        if (node->kind != Node::Kind::Selector)
            fail(bracket, u"ranges only allowed for vector selectors"_qs);
        const Token duration = expect(Token::Type::Duration, u"duration"_qs, u" in range selector"_qs);
        if (peek().type == Token::Type::Identifier || peek().type == Token::Type::LeftParen)
            fail(peek(), u"subqueries are not supported by the simulator"_qs);
        expect(Token::Type::RightBracket, u"\"]\""_qs, u" in range selector"_qs);
        if (duration.durationMs <= 0)
            fail(duration, u"duration must be greater than 0"_qs);
        auto range = std::make_unique<Node>();
        range->kind = Node::Kind::MatrixSelector;
        range->position = node->position;
        range->type = PromqlType::Matrix;
        range->rangeMs = duration.durationMs;
        range->children.push_back(std::move(node));
        return range;
    }

    NodePtr primary()
    {
        const Token &token = peek();
        switch (token.type) {
        case Token::Type::Number: {
            auto node = std::make_unique<Node>();
            node->position = token.position;
            node->number = take().number;
            return node;
        }
        case Token::Type::String: {
            auto node = std::make_unique<Node>();
            node->kind = Node::Kind::String;
            node->type = PromqlType::String;
            node->position = token.position;
            node->text = take().text;
            return node;
        }
        case Token::Type::LeftParen: {
            take();
            NodePtr inner = expression(1);
            expect(Token::Type::RightParen, u"\")\""_qs, u" in paren expression"_qs);
            return inner;
        }
        case Token::Type::LeftBrace:
            return selector(QString(), token.position);
        case Token::Type::Identifier:
            break;
        default:
            fail(token, u"unexpected "_qs + describe(token));
        }
        const QString lower = token.text.toLower();
        if (aggregators().contains(lower))
            return aggregation();
        if (const QStringList unsupported { u"topk"_qs, u"bottomk"_qs, u"quantile"_qs, u"stddev"_qs, u"stdvar"_qs,
                                            u"count_values"_qs, u"group"_qs };
            unsupported.contains(lower) && peek(1).type == Token::Type::LeftParen) {
            fail(token, u"aggregation \"%1\" is not supported by the simulator"_qs.arg(lower));
        }
        if (peek(1).type == Token::Type::LeftParen)
            return call();
        const Token name = take();
        return selector(name.text, name.position);
    }

    NodePtr selector(const QString &name, int position)
    {
        auto node = std::make_unique<Node>();
        node->kind = Node::Kind::Selector;
        node->type = PromqlType::Vector;
        node->position = position;
        node->text = name;
        if (!name.isEmpty())
            node->matchers.push_back(PromqlMatcher { u"__name__"_qs, PromqlMatcher::Op::Equal, name, {} });
        if (peek().type == Token::Type::LeftBrace) {
            take();
            while (peek().type != Token::Type::RightBrace) {
                const Token label
                    = expect(Token::Type::Identifier, u"label matching operator"_qs, u" in label matching"_qs);
                const Token op = take();
                PromqlMatcher matcher;
                matcher.name = label.text;
                switch (op.type) {
                case Token::Type::Assign:
                    matcher.op = PromqlMatcher::Op::Equal;
                    break;
                case Token::Type::NotEqual:
                    matcher.op = PromqlMatcher::Op::NotEqual;
                    break;
                case Token::Type::RegexMatch:
                    matcher.op = PromqlMatcher::Op::Regex;
                    break;
                case Token::Type::RegexNoMatch:
                    matcher.op = PromqlMatcher::Op::NotRegex;
                    break;
                default:
                    fail(op, u"unexpected %1 in label matching, expected label matching operator"_qs.arg(describe(op)));
                }
                const Token value = expect(Token::Type::String, u"string"_qs, u" in label matching"_qs);
                matcher.value = value.text;
                if (matcher.op == PromqlMatcher::Op::Regex || matcher.op == PromqlMatcher::Op::NotRegex) {
                    matcher.regex = QRegularExpression(u"^(?:"_qs + matcher.value + u")$"_qs,
                                                       QRegularExpression::DotMatchesEverythingOption);
                    if (!matcher.regex.isValid())
                        fail(value,
                             u"error parsing regexp: %1: `%2`"_qs.arg(matcher.regex.errorString(), matcher.value));
                }
                if (matcher.name == u"__name__" && !name.isEmpty())
                    fail(label, u"metric name must not be set twice: \"%1\" or \"%2\""_qs.arg(name, matcher.value));
                node->matchers.push_back(std::move(matcher));
                if (peek().type != Token::Type::Comma)
                    break;
                take();
            }
            expect(Token::Type::RightBrace, u"\"}\""_qs, u" in label matching"_qs);
        }
        bool nonEmpty = false;
        for (const PromqlMatcher &matcher : node->matchers)
            nonEmpty = nonEmpty || !matcher.matches(QString());
        if (!nonEmpty)
            fail(position, u"vector selector must contain at least one non-empty matcher"_qs);
        return node;
    }

    void grouping(Node &node)
    {
        node.without = take().text.toLower() == u"without";
        node.grouping = labelList(u" in grouping opts"_qs);
    }

    NodePtr aggregation()
    {
        const Token name = take();
        auto node = std::make_unique<Node>();
        node->kind = Node::Kind::Aggregate;
        node->type = PromqlType::Vector;
        node->position = name.position;
        node->aggregate = aggregators().value(name.text.toLower());
        bool grouped = false;
        if (isKeyword(u"by"_qs) || isKeyword(u"without"_qs)) {
            grouping(*node);
            grouped = true;
        }
        expect(Token::Type::LeftParen, u"\"(\""_qs, u" in aggregation"_qs);
        NodePtr argument = expression(1);
        if (peek().type == Token::Type::Comma)
            fail(peek(), u"wrong number of arguments for aggregate expression provided, expected 1, got 2"_qs);
        expect(Token::Type::RightParen, u"\")\""_qs, u" in aggregation"_qs);
        if (!grouped && (isKeyword(u"by"_qs) || isKeyword(u"without"_qs)))
            grouping(*node);
        if (argument->type != PromqlType::Vector)
            fail(argument->position,
                 u"expected type instant vector in aggregation expression, got %1"_qs.arg(typeName(argument->type)));
        node->children.push_back(std::move(argument));
        return node;
    }

    NodePtr call()
    {
        const Token name = take();
        const auto it = functions().constFind(name.text);
        if (it == functions().cend()) {
            QStringList known = functions().keys();
            known.sort();
            fail(name,
                 u"unknown function with name \"%1\" (the simulator knows %2)"_qs.arg(name.text, known.join(u", ")));
        }
        auto node = std::make_unique<Node>();
        node->kind = Node::Kind::Call;
        node->position = name.position;
        node->text = name.text;
        node->type = it->returns;
        take(); // (
        while (peek().type != Token::Type::RightParen) {
            node->children.push_back(expression(1));
            if (peek().type != Token::Type::Comma)
                break;
            take();
        }
        expect(Token::Type::RightParen, u"\")\""_qs, u" in call to function \"%1\""_qs.arg(name.text));
        if (node->children.size() != size_t(it->arguments.size()))
            fail(name,
                 u"expected %1 argument(s) in call to \"%2\", got %3"_qs.arg(it->arguments.size())
                     .arg(name.text)
                     .arg(node->children.size()));
        for (size_t i = 0; i < node->children.size(); ++i) {
            const PromqlType want = it->arguments[qsizetype(i)];
            if (node->children[i]->type != want)
                fail(node->children[i]->position,
                     u"expected type %1 in call to function \"%2\", got %3"_qs.arg(typeName(want), name.text,
                                                                                   typeName(node->children[i]->type)));
        }
        return node;
    }

    QList<Token> m_tokens;
    qsizetype m_index = 0;
};

} // namespace

QString PromqlSyntaxError::toString(const QString &query) const
{
    int line = 1;
    int lastBreak = -1;
    for (int i = 0; i < position && i < query.size(); ++i) {
        if (query[i] == u'\n') {
            ++line;
            lastBreak = i;
        }
    }
    return u"%1:%2: parse error: %3"_qs.arg(line).arg(position - lastBreak).arg(message);
}

PromqlParser::Result PromqlParser::parse(const QString &query)
{
    Result result;
    try {
        Parser parser(tokenize(query));
        result.root = parser.parseAll();
    } catch (const SyntaxError &error) {
        result.error = PromqlSyntaxError { error.position, error.message };
        result.root.reset();
    }
    return result;
}

std::optional<qint64> PromqlParser::parseDuration(const QString &text)
{
    static const QRegularExpression pattern(
        u"^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$"_qs);
    const QRegularExpressionMatch match = pattern.match(text);
    if (text.isEmpty() || !match.hasMatch())
        return std::nullopt;
    static const qint64 unitMs[] = { 365LL * 86400000, 7LL * 86400000, 86400000, 3600000, 60000, 1000, 1 };
    qint64 total = 0;
    for (int i = 0; i < 7; ++i) {
        if (match.captured(i + 1).isEmpty())
            continue;
        bool ok = false;
        const qint64 count = match.captured(i + 1).toLongLong(&ok);
        if (!ok || count > std::numeric_limits<qint64>::max() / unitMs[i] / 2)
            return std::nullopt;
        total += count * unitMs[i];
    }
    return total;
}

bool PromqlParser::isFunction(const QString &name)
{
    return functions().contains(name);
}

} // namespace Specula::Sim
