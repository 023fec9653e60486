// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace Specula::Core {

// Where the values of a JSON text begin and end, found without building a document, and the
// strings and numbers in them read in place. A Prometheus answer for 40,000 series runs to tens
// of megabytes and a Kubernetes list page to megabytes: QJsonDocument spends about a hundred bytes
// on every [time, "value"] pair, and the blocks it frees after each series or object sit between
// the texts kept from it, where the allocator can neither reuse them for larger blocks nor give
// them back. The scan checks the structure (brackets, strings, colons, commas); string() and
// number() check what they read; what else lies inside a value's span is for QJsonDocument.
class JsonScan
{
public:
    struct Span // [begin, end) of one value in the text
    {
        qsizetype begin = 0;
        qsizetype end = 0;
    };
    struct Member
    {
        QByteArray key; // as written between the quotes, escapes not decoded
        Span value;
    };

    // The value that starts at `from` after any whitespace; nothing when the text is malformed there.
    static std::optional<Span> value(QByteArrayView text, qsizetype from = 0);
    // The members of the object, or the elements of the array, that `span` holds.
    static std::optional<QList<Member>> members(QByteArrayView text, Span object);
    static std::optional<QList<Span>> elements(QByteArrayView text, Span array);

    // The same without a list: visit(key, value) for each member, visit(value) for each element,
    // in order, until visit returns false. True when every one was visited and the container's
    // structure is whole. The key is as written between the quotes, escapes not decoded.
    template<class Visit> static bool forEachMember(QByteArrayView text, Span object, Visit &&visit)
    {
        return scanContainer(text, object, true, visit);
    }
    template<class Visit> static bool forEachElement(QByteArrayView text, Span array, Visit &&visit)
    {
        return scanContainer(text, array, false, [&](QByteArrayView, Span value) { return visit(value); });
    }

    // The string in `span` with its escapes decoded; nothing when the span holds no valid JSON
    // string (a control character or an unknown escape in it).
    static std::optional<QString> string(QByteArrayView text, Span span);
    // The same for what lies between a string's quotes (a key as forEachMember() gives it).
    static std::optional<QString> decoded(QByteArrayView inside);
    // The number in `span`; nothing when the span holds no valid JSON number.
    static std::optional<double> number(QByteArrayView text, Span span);

private:
    static qsizetype skipSpace(QByteArrayView text, qsizetype i);
    static qsizetype stringEnd(QByteArrayView text, qsizetype i);
    static qsizetype containerEnd(QByteArrayView text, qsizetype i);

    // Walks the members (keyed) or elements of the container in `span`, calling `take` with each
    // key (empty for an array) and value; false when the structure is broken or take() said stop.
    template<class Take> static bool scanContainer(QByteArrayView text, Span span, bool keyed, Take &&take)
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
            const std::optional<Span> value = JsonScan::value(text, i);
            if (!value || value->end > span.end || !take(key, *value))
                return false;
            i = skipSpace(text, value->end);
            if (i < span.end && text[i] == ',') {
                i = skipSpace(text, i + 1);
                continue;
            }
            return i < span.end && text[i] == close && i + 1 == span.end;
        }
    }
};

} // namespace Specula::Core
