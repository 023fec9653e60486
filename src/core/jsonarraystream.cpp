// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonarraystream.h"

namespace Specula::Core {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

} // namespace

JsonArrayStream::JsonArrayStream(QByteArrayList path, OpenedCheck opened, ElementTaker take)
    : m_path(std::move(path))
    , m_opened(std::move(opened))
    , m_take(std::move(take))
    , m_onPath(size_t(m_path.size()), false)
{ }

bool JsonArrayStream::opensTarget() const
{
    if (depth() != m_path.size() + 1)
        return false;
    for (qsizetype level = 0; level < m_path.size(); ++level) {
        if (m_open[size_t(level)] != '{' || !m_onPath[size_t(level)])
            return false;
    }
    return true;
}

QByteArray JsonArrayStream::closedSkeleton() const
{
    QByteArray text = m_skeleton;
    for (auto it = m_open.rbegin(); it != m_open.rend(); ++it)
        text += *it == '{' ? '}' : ']';
    return text;
}

bool JsonArrayStream::endElement(QByteArrayView piece, qsizetype from, qsizetype to)
{
    m_where = Where::BetweenElements;
    ++m_elementsCut;
    bool taken = false;
    if (m_element.isEmpty()) {
        taken = m_take(piece.sliced(from, to - from));
    } else {
        m_element.append(piece.sliced(from, to - from));
        taken = m_take(m_element);
        m_element.resize(0);
    }
    m_stopped = !taken;
    return taken;
}

bool JsonArrayStream::feed(QByteArrayView piece)
{
    if (m_stopped)
        return false;
    if (m_where == Where::Whole) {
        m_skeleton.append(piece);
        m_fed += piece.size();
        return true;
    }
    const char *text = piece.data();
    const qsizetype size = piece.size();
    // Skeleton text of this piece not copied yet, and where an element being read began in it.
    qsizetype runStart = m_where == Where::Skeleton ? 0 : -1;
    qsizetype elementStart = m_where == Where::Element ? 0 : -1;
    const auto copyRun = [&](qsizetype to) {
        if (runStart >= 0)
            m_skeleton.append(text + runStart, to - runStart);
        runStart = -1;
    };
    for (qsizetype i = 0; i < size; ++i) {
        const char c = text[i];
        if (m_inString) {
            const bool closes = c == '"' && !m_escaped;
            if (m_readingKey && !closes)
                m_key += c; // as written, escapes not decoded
            if (m_escaped) {
                m_escaped = false;
            } else if (c == '\\') {
                m_escaped = true;
            } else if (closes) {
                m_inString = false;
                if (m_readingKey) {
                    m_readingKey = false;
                    m_onPath[size_t(depth() - 1)] = m_key == m_path.at(depth() - 1);
                } else if (m_where == Where::Element && m_scalarElement && depth() == m_elementDepth) {
                    if (!endElement(piece, elementStart, i + 1))
                        return false;
                    elementStart = -1;
                }
            }
            continue;
        }
        if (m_where == Where::BetweenElements) {
            if (c == ',' || isSpace(c))
                continue;
            if (c == ']') {
                m_where = Where::Skeleton;
                runStart = i;
            } else {
                m_where = Where::Element;
                elementStart = i;
                m_elementDepth = depth();
                m_scalarElement = c != '{' && c != '[';
            }
        } else if (m_where == Where::Element && m_scalarElement && depth() == m_elementDepth
                   && (c == ',' || c == ']' || isSpace(c))) {
            // A number or a literal ends at what follows it, which is read again between elements.
            if (!endElement(piece, elementStart, i))
                return false;
            elementStart = -1;
            --i;
            continue;
        }
        switch (c) {
        case '"':
            m_inString = true;
            m_readingKey = m_where == Where::Skeleton && m_expectKey && depth() <= m_path.size();
            m_expectKey = false;
            if (m_readingKey)
                m_key.resize(0);
            break;
        case '{':
        case '[':
            m_open.push_back(c);
            m_expectKey = c == '{';
            if (c == '{' && depth() <= m_path.size())
                m_onPath[size_t(depth() - 1)] = false;
            if (m_where == Where::Skeleton && c == '[' && opensTarget()) {
                copyRun(i + 1);
                if (!m_opened(closedSkeleton())) {
                    m_where = Where::Whole;
                    m_skeleton.append(text + i + 1, size - i - 1);
                    m_fed += size;
                    return true;
                }
                m_where = Where::BetweenElements;
            }
            break;
        case '}':
        case ']':
            if (m_open.empty() || m_open.back() != (c == '}' ? '{' : '[')) {
                copyRun(i);
                m_broken = true;
                m_brokenAt = m_fed + i;
                m_stopped = true;
                return false;
            }
            m_open.pop_back();
            m_expectKey = false;
            if (m_where == Where::Element && depth() == m_elementDepth) {
                if (!endElement(piece, elementStart, i + 1))
                    return false;
                elementStart = -1;
            }
            break;
        case ',':
            m_expectKey = !m_open.empty() && m_open.back() == '{';
            break;
        default:
            break;
        }
    }
    copyRun(size);
    if (elementStart >= 0)
        m_element.append(text + elementStart, size - elementStart);
    m_fed += size;
    return true;
}

} // namespace Specula::Core
