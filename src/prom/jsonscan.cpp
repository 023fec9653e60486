// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/jsonscan.h"

#include <QVarLengthArray>

namespace Specula::Prom {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

qsizetype skipSpace(QByteArrayView text, qsizetype i)
{
    while (i < text.size() && isSpace(text[i]))
        ++i;
    return i;
}

// One past the quote that closes the string opening at `i`, or -1.
qsizetype stringEnd(QByteArrayView text, qsizetype i)
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
qsizetype containerEnd(QByteArrayView text, qsizetype i)
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

// Walks the members (keyed) or elements of the container in `span`, calling `take` with each
// key (empty for an array) and value; false when the structure is broken.
template<class Take> bool scanContainer(QByteArrayView text, JsonScan::Span span, bool keyed, Take take)
{
    const char open = keyed ? '{' : '[';
    const char close = keyed ? '}' : ']';
    qsizetype i = skipSpace(text, span.begin);
    if (i >= span.end || text[i] != open)
        return false;
    i = skipSpace(text, i + 1);
    if (i < span.end && text[i] == close)
        return i + 1 == span.end;
    for (;;) {
        QByteArrayView key;
        if (keyed) {
            if (i >= span.end || text[i] != '"')
                return false;
            const qsizetype keyEnd = stringEnd(text, i);
            if (keyEnd < 0)
                return false;
            key = text.sliced(i + 1, keyEnd - i - 2);
            i = skipSpace(text, keyEnd);
            if (i >= span.end || text[i] != ':')
                return false;
            ++i;
        }
        const std::optional<JsonScan::Span> value = JsonScan::value(text, i);
        if (!value || value->end > span.end)
            return false;
        take(key, *value);
        i = skipSpace(text, value->end);
        if (i < span.end && text[i] == ',') {
            i = skipSpace(text, i + 1);
            continue;
        }
        return i < span.end && text[i] == close && i + 1 == span.end;
    }
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
    });
    if (!whole)
        return std::nullopt;
    return members;
}

std::optional<QList<JsonScan::Span>> JsonScan::elements(QByteArrayView text, Span array)
{
    QList<Span> elements;
    if (!scanContainer(text, array, false, [&](QByteArrayView, Span value) { elements.append(value); }))
        return std::nullopt;
    return elements;
}

} // namespace Specula::Prom
