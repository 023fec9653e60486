// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/promqllexer.h"

#include "sim/promqlparser.h"

#include <QStringView>
#include <limits>

namespace Specula::Sim::PromqlLexing {

namespace {

bool isIdentStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u':';
}
bool isIdentChar(QChar c)
{
    return isIdentStart(c) || c.isDigit();
}

QString quotedChar(QChar c)
{
    return u"'"_qs + c + u"'"_qs;
}

class Lexer
{
public:
    explicit Lexer(const QString &query)
        : m_query(query)
    { }

    QList<Token> tokens()
    {
        QList<Token> out;
        for (;;) {
            Token token = next();
            out.append(token);
            if (token.type == Token::Type::End)
                return out;
        }
    }

private:
    [[noreturn]] void fail(int position, const QString &message) { throw SyntaxError { position, message }; }

    Token make(Token::Type type, int start, int end)
    {
        Token token;
        token.type = type;
        token.position = start;
        token.text = m_query.mid(start, end - start);
        m_pos = end;
        return token;
    }

    Token next()
    {
        while (m_pos < m_query.size() && (m_query[m_pos].isSpace()))
            ++m_pos;
        if (m_pos < m_query.size() && m_query[m_pos] == u'#') { // a comment runs to the end of the line
            while (m_pos < m_query.size() && m_query[m_pos] != u'\n')
                ++m_pos;
            return next();
        }
        const int start = int(m_pos);
        if (m_pos >= m_query.size()) {
            if (m_inBraces)
                fail(start, u"unexpected end of input inside braces"_qs);
            if (m_inBrackets)
                fail(start, u"unexpected end of input inside brackets"_qs);
            return make(Token::Type::End, start, start);
        }
        const QChar c = m_query[m_pos];
        const QChar n = m_pos + 1 < m_query.size() ? m_query[m_pos + 1] : QChar();
        if (m_inBrackets) {
            if (c == u']') {
                m_inBrackets = false;
                return make(Token::Type::RightBracket, start, start + 1);
            }
            if (c.isDigit())
                return duration(start);
            fail(start, u"unexpected character in duration expression: "_qs + quotedChar(c));
        }
        if (c == u'"' || c == u'\'' || c == u'`')
            return string(start, c);
        if (m_inBraces) {
            if (c == u'}') {
                m_inBraces = false;
                return make(Token::Type::RightBrace, start, start + 1);
            }
            if (c == u',')
                return make(Token::Type::Comma, start, start + 1);
            if (c == u'=' && n == u'~')
                return make(Token::Type::RegexMatch, start, start + 2);
            if (c == u'=')
                return make(Token::Type::Assign, start, start + 1);
            if (c == u'!' && n == u'=')
                return make(Token::Type::NotEqual, start, start + 2);
            if (c == u'!' && n == u'~')
                return make(Token::Type::RegexNoMatch, start, start + 2);
            if (isIdentStart(c) && c != u':')
                return identifier(start);
            fail(start, u"unexpected character inside braces: "_qs + quotedChar(c));
        }
        if (c.isDigit() || (c == u'.' && n.isDigit()))
            return numberOrDuration(start);
        if (isIdentStart(c))
            return identifier(start);
        switch (c.unicode()) {
        case u'(':
            return make(Token::Type::LeftParen, start, start + 1);
        case u')':
            return make(Token::Type::RightParen, start, start + 1);
        case u'{':
            m_inBraces = true;
            return make(Token::Type::LeftBrace, start, start + 1);
        case u'[':
            m_inBrackets = true;
            return make(Token::Type::LeftBracket, start, start + 1);
        case u',':
            return make(Token::Type::Comma, start, start + 1);
        case u'+':
        case u'-':
        case u'*':
        case u'/':
        case u'%':
        case u'^':
            return make(Token::Type::Operator, start, start + 1);
        case u'=':
            if (n == u'=')
                return make(Token::Type::Operator, start, start + 2);
            fail(start, u"unexpected character after '=': "_qs + (n.isNull() ? u"end of input"_qs : quotedChar(n)));
        case u'!':
            if (n == u'=')
                return make(Token::Type::Operator, start, start + 2);
            fail(start, u"unexpected character after '!': "_qs + (n.isNull() ? u"end of input"_qs : quotedChar(n)));
        case u'<':
        case u'>':
            return make(Token::Type::Operator, start, n == u'=' ? start + 2 : start + 1);
        case u'}':
            fail(start, u"unexpected right brace '}'"_qs);
        case u']':
            fail(start, u"unexpected right bracket ']'"_qs);
        default:
            break;
        }
        fail(start, u"unexpected character: "_qs + quotedChar(c));
    }

    Token identifier(int start)
    {
        int end = start;
        while (end < m_query.size() && isIdentChar(m_query[end]))
            ++end;
        Token token = make(Token::Type::Identifier, start, end);
        const QString lower = token.text.toLower();
        if (!m_inBraces && (lower == u"inf" || lower == u"nan")) {
            token.type = Token::Type::Number;
            token.number
                = lower == u"inf" ? std::numeric_limits<double>::infinity() : std::numeric_limits<double>::quiet_NaN();
        }
        return token;
    }

    Token numberOrDuration(int start)
    {
        int end = start;
        if (m_query.mid(start, 2).toLower() == u"0x") {
            end += 2;
            while (end < m_query.size() && QStringView(u"0123456789abcdefABCDEF").contains(m_query[end]))
                ++end;
            bool ok = false;
            Token token = make(Token::Type::Number, start, end);
            token.number = double(token.text.mid(2).toULongLong(&ok, 16));
            if (!ok)
                fail(start, u"bad number syntax: \"%1\""_qs.arg(token.text));
            return token;
        }
        while (end < m_query.size() && (m_query[end].isDigit() || m_query[end] == u'.'))
            ++end;
        if (end < m_query.size() && (m_query[end] == u'e' || m_query[end] == u'E')) {
            int exponent = end + 1;
            if (exponent < m_query.size() && (m_query[exponent] == u'+' || m_query[exponent] == u'-'))
                ++exponent;
            if (exponent < m_query.size() && m_query[exponent].isDigit()) {
                end = exponent;
                while (end < m_query.size() && m_query[end].isDigit())
                    ++end;
            }
        }
        if (end < m_query.size() && isIdentChar(m_query[end])) {
            // "5m" outside brackets is a duration, which the subset only allows in ranges.
            while (end < m_query.size() && isIdentChar(m_query[end]))
                ++end;
            fail(start, u"bad number or duration syntax: \"%1\""_qs.arg(m_query.mid(start, end - start)));
        }
        Token token = make(Token::Type::Number, start, end);
        bool ok = false;
        token.number = token.text.toDouble(&ok);
        if (!ok)
            fail(start, u"bad number syntax: \"%1\""_qs.arg(token.text));
        return token;
    }

    Token duration(int start)
    {
        int end = start;
        while (end < m_query.size() && (m_query[end].isLetterOrNumber()))
            ++end;
        Token token = make(Token::Type::Duration, start, end);
        const std::optional<qint64> ms = PromqlParser::parseDuration(token.text);
        if (!ms)
            fail(start, u"bad duration syntax: \"%1\""_qs.arg(token.text));
        token.durationMs = *ms;
        return token;
    }

    Token string(int start, QChar quote)
    {
        QString value;
        int i = start + 1;
        for (;;) {
            if (i >= m_query.size() || (quote != u'`' && m_query[i] == u'\n'))
                fail(start, u"unterminated quoted string"_qs);
            const QChar c = m_query[i];
            if (c == quote)
                break;
            if (c == u'\\' && quote != u'`') {
                if (i + 1 >= m_query.size())
                    fail(start, u"unterminated quoted string"_qs);
                const QChar e = m_query[i + 1];
                i += 2;
                switch (e.unicode()) {
                case u'n':
                    value += u'\n';
                    break;
                case u't':
                    value += u'\t';
                    break;
                case u'r':
                    value += u'\r';
                    break;
                case u'\\':
                case u'"':
                case u'\'':
                    if (e != u'\\' && e != quote)
                        fail(i - 2, u"unknown escape sequence"_qs);
                    value += e;
                    break;
                default:
                    fail(i - 2, u"unknown escape sequence"_qs);
                }
                continue;
            }
            value += c;
            ++i;
        }
        Token token = make(Token::Type::String, start, i + 1);
        token.text = value;
        return token;
    }

    const QString &m_query;
    qsizetype m_pos = 0;
    bool m_inBraces = false;
    bool m_inBrackets = false;
};

} // namespace

QList<Token> tokenize(const QString &query)
{
    Lexer lexer(query);
    return lexer.tokens();
}

QString describe(const Token &token)
{
    switch (token.type) {
    case Token::Type::End:
        return u"end of input"_qs;
    case Token::Type::Identifier:
        return u"identifier \"%1\""_qs.arg(token.text);
    case Token::Type::Number:
        return u"number \"%1\""_qs.arg(token.text);
    case Token::Type::Duration:
        return u"duration \"%1\""_qs.arg(token.text);
    case Token::Type::String:
        return u"string \"%1\""_qs.arg(token.text);
    default:
        return u"\"%1\""_qs.arg(token.text);
    }
}

} // namespace Specula::Sim::PromqlLexing
