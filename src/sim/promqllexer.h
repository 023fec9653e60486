// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Specula::Sim::PromqlLexing {

// The tokens of the PromQL subset; internal to the parser.
struct Token
{
    enum class Type {
        End,
        Identifier,
        Number,
        Duration,
        String,
        LeftParen,
        RightParen,
        LeftBrace,
        RightBrace,
        LeftBracket,
        RightBracket,
        Comma,
        Assign, // = inside braces
        NotEqual,
        RegexMatch,
        RegexNoMatch,
        Operator, // + - * / == != < > <= >= % ^
    };
    Type type = Type::End;
    int position = 0;
    QString text;
    double number = 0;
    qint64 durationMs = 0;
};

// Thrown inside the parser only; parse() turns it into a PromqlSyntaxError.
struct SyntaxError
{
    int position;
    QString message;
};

// All tokens of a query, ending with Token::Type::End; throws SyntaxError.
QList<Token> tokenize(const QString &query);
QString describe(const Token &token);

} // namespace Specula::Sim::PromqlLexing
