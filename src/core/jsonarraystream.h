// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <functional>
#include <vector>

namespace Specula::Core {

// Cuts the elements of one array out of a JSON text that arrives in pieces. Each element goes to
// a callback as soon as its text is whole; the rest of the text, with that array left empty, is
// kept as the skeleton and read at the end. A Prometheus range answer for 40,000 GPUs inflates to
// some 70 MB, nearly all of it in data.result: read this way, no more than one series' text and
// the envelope are held at a time, not the whole answer.
//
// The scan follows strings and brackets only; what lies inside an element is for its reader, and
// the skeleton for a JSON parser. A closing bracket that matches no open one makes it broken().
class JsonArrayStream
{
public:
    // Whether to cut the elements of the array now opening, given the text before it with its
    // open containers closed (so that it reads as JSON). False leaves the whole text in the
    // skeleton, for a reader that cannot yet tell how to read the elements.
    using OpenedCheck = std::function<bool(QByteArrayView before)>;
    // Takes one element's text; false stops the stream (feed() then returns false).
    using ElementTaker = std::function<bool(QByteArrayView element)>;

    // The array is the value reached from the top-level object through the member names in
    // `path`, e.g. {"data", "result"}.
    JsonArrayStream(QByteArrayList path, OpenedCheck opened, ElementTaker take);

    // False once the stream has stopped: an element was refused or the text is broken.
    bool feed(QByteArrayView piece);
    bool broken() const { return m_broken; }
    // Where the text broke, counted in bytes from its start.
    qint64 brokenAt() const { return m_brokenAt; }
    // The text fed so far without the cut elements and the commas between them.
    const QByteArray &skeleton() const { return m_skeleton; }
    qsizetype elementsCut() const { return m_elementsCut; }

private:
    enum class Where { Skeleton, BetweenElements, Element, Whole };

    qsizetype depth() const { return qsizetype(m_open.size()); }
    bool opensTarget() const;
    QByteArray closedSkeleton() const;
    bool endElement(QByteArrayView piece, qsizetype from, qsizetype to);

    QByteArrayList m_path;
    OpenedCheck m_opened;
    ElementTaker m_take;
    QByteArray m_skeleton;
    QByteArray m_element; // the start of an element that began in an earlier piece
    std::vector<char> m_open; // the open containers, '{' or '['
    std::vector<bool> m_onPath; // per open object on the path: its current member is the path's
    QByteArray m_key; // a member name being read on the path
    Where m_where = Where::Skeleton;
    qsizetype m_elementDepth = 0;
    qsizetype m_elementsCut = 0;
    qint64 m_fed = 0;
    qint64 m_brokenAt = -1;
    bool m_inString = false;
    bool m_escaped = false;
    bool m_expectKey = false;
    bool m_readingKey = false;
    bool m_scalarElement = false;
    bool m_stopped = false;
    bool m_broken = false;
};

} // namespace Specula::Core
