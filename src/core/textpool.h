// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

namespace Specula::Core {

// Equal texts stored once. Objects read one by one each get their own copy of every text; on a
// large cluster the same namespace, node name or label turns up tens of thousands of times, and
// QString's implicit sharing lets all of them point at one copy instead.
class TextPool
{
public:
    // `text`, or an equal text met before; the pool keeps a reference to what it returns.
    QString shared(const QString &text)
    {
        if (text.isEmpty())
            return text;
        if (const auto known = m_texts.constFind(text); known != m_texts.cend())
            return *known;
        m_texts.insert(text);
        return text;
    }

    void share(QString &text) { text = shared(text); }

private:
    QSet<QString> m_texts;
};

} // namespace Specula::Core
