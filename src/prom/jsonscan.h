// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <optional>

namespace Specula::Prom {

// Where the values of a JSON text begin and end, found without building a document. A
// Prometheus answer for 40,000 series runs to tens of megabytes, and QJsonDocument spends about
// a hundred bytes on every [time, "value"] pair of it; with the spans, each series is parsed and
// freed on its own. The scan checks the structure (brackets, strings, colons, commas); what lies
// inside a value's span is for QJsonDocument to check.
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
};

} // namespace Specula::Prom
