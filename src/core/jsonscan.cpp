// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonscan.h"

#include <QVarLengthArray>

namespace Specula::Core {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The four hex digits of a \u escape, or -1.
int hexCode(QByteArrayView digits)
{
    int code = 0;
    for (const char c : digits) {
        const int digit = isDigit(c) ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                     : -1;
        if (digit < 0)
            return -1;
        code = code * 16 + digit;
    }
    return code;
}

} // namespace

std::optional<JsonScan::Span> JsonScan::value(QByteArrayView text, qsizetype from)
{
    const qsizetype i = skipSpace(text, from);
    if (i >= text.size())
        return std::nullopt;
    qsizetype end = i;
    const char c = text[i];
    if (c == '"') {
        end = stringEnd(text, i);
    } else if (c == '{' || c == '[') {
        end = containerEnd(text, i);
    } else {
        // A number, true, false or null: up to the next delimiter.
        while (end < text.size() && !isSpace(text[end]) && text[end] != ',' && text[end] != '}' && text[end] != ']'
               && text[end] != ':')
            ++end;
        if (end == i)
            end = -1;
    }
    if (end < 0)
        return std::nullopt;
    return Span { i, end };
}

std::optional<QList<JsonScan::Member>> JsonScan::members(QByteArrayView text, Span object)
{
    QList<Member> members;
    const bool whole = scanContainer(text, object, true, [&](QByteArrayView key, Span value) {
        members.append({ key.toByteArray(), value });
        return true;
    });
    if (!whole)
        return std::nullopt;
    return members;
}

std::optional<QList<JsonScan::Span>> JsonScan::elements(QByteArrayView text, Span array)
{
    QList<Span> elements;
    if (!forEachElement(text, array, [&](Span value) {
            elements.append(value);
            return true;
        }))
        return std::nullopt;
    return elements;
}

std::optional<QString> JsonScan::string(QByteArrayView text, Span span)
{
    if (span.end - span.begin < 2 || text[span.begin] != '"' || text[span.end - 1] != '"')
        return std::nullopt;
    return decoded(text.sliced(span.begin + 1, span.end - span.begin - 2));
}

std::optional<QString> JsonScan::decoded(QByteArrayView inside)
{
    bool escaped = false;
    for (const char c : inside) {
        if (uchar(c) < 0x20)
            return std::nullopt;
        escaped = escaped || c == '\\';
    }
    if (!escaped)
        return QString::fromUtf8(inside);
    // A backslash is never part of a multi-byte UTF-8 sequence: the runs between escapes decode
    // on their own.
    QString text;
    text.reserve(inside.size());
    qsizetype run = 0;
    for (qsizetype i = 0; i < inside.size(); ++i) {
        if (inside[i] != '\\')
            continue;
        text += QString::fromUtf8(inside.sliced(run, i - run));
        if (++i == inside.size())
            return std::nullopt;
        switch (inside[i]) {
        case '"':
        case '\\':
        case '/':
            text += QLatin1Char(inside[i]);
            break;
        case 'b':
            text += u'\b';
            break;
        case 'f':
            text += u'\f';
            break;
        case 'n':
            text += u'\n';
            break;
        case 'r':
            text += u'\r';
            break;
        case 't':
            text += u'\t';
            break;
        case 'u': {
            // A surrogate pair is two escapes, each a UTF-16 unit of its own.
            const int code = i + 4 < inside.size() ? hexCode(inside.sliced(i + 1, 4)) : -1;
            if (code < 0)
                return std::nullopt;
            text += QChar(char16_t(code));
            i += 4;
            break;
        }
        default:
            return std::nullopt;
        }
        run = i + 1;
    }
    text += QString::fromUtf8(inside.sliced(run));
    return text;
}

std::optional<double> JsonScan::number(QByteArrayView text, Span span)
{
    const QByteArrayView number = text.sliced(span.begin, span.end - span.begin);
    qsizetype i = 0;
    const auto digits = [&] {
        const qsizetype first = i;
        while (i < number.size() && isDigit(number[i]))
            ++i;
        return i > first;
    };
    // JSON's grammar, stricter than toDouble(): no leading zeros, "+", "inf", "nan" or hex.
    if (i < number.size() && number[i] == '-')
        ++i;
    if (i < number.size() && number[i] == '0')
        ++i;
    else if (!digits())
        return std::nullopt;
    if (i < number.size() && number[i] == '.' && (++i, !digits()))
        return std::nullopt;
    if (i < number.size() && (number[i] == 'e' || number[i] == 'E')) {
        ++i;
        if (i < number.size() && (number[i] == '+' || number[i] == '-'))
            ++i;
        if (!digits())
            return std::nullopt;
    }
    bool ok = false;
    const double value = i == number.size() ? number.toDouble(&ok) : 0;
    if (!ok)
        return std::nullopt;
    return value;
}

qsizetype JsonScan::skipSpace(QByteArrayView text, qsizetype i)
{
    while (i < text.size() && isSpace(text[i]))
        ++i;
    return i;
}

// One past the quote that closes the string opening at `i`, or -1.
qsizetype JsonScan::stringEnd(QByteArrayView text, qsizetype i)
{
    for (++i; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return -1;
}

// One past the bracket that closes the object or array opening at `i`, or -1.
qsizetype JsonScan::containerEnd(QByteArrayView text, qsizetype i)
{
    QVarLengthArray<char, 16> open;
    for (qsizetype j = i; j < text.size(); ++j) {
        const char c = text[j];
        if (c == '"') {
            j = stringEnd(text, j);
            if (j < 0)
                return -1;
            --j;
        } else if (c == '{' || c == '[') {
            open.append(c);
        } else if (c == '}' || c == ']') {
            if (open.isEmpty() || open.back() != (c == '}' ? '{' : '['))
                return -1;
            open.removeLast();
            if (open.isEmpty())
                return j + 1;
        }
    }
    return -1;
}

} // namespace Specula::Core
