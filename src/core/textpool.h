// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/quantity.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <unordered_set>

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

    // Labels, annotations and resource requests repeat whole from pod to pod of one workload; a
    // map equal to one met before shares that one's copy, nodes and all.
    QMap<QString, QString> shared(const QMap<QString, QString> &map) { return sharedIn(m_textMaps, map); }
    QMap<QString, Quantity> shared(const QMap<QString, Quantity> &map) { return sharedIn(m_quantityMaps, map); }

private:
    struct MapHash
    {
        template<class Map> size_t operator()(const Map &map) const
        {
            size_t seed = 0;
            for (auto it = map.cbegin(); it != map.cend(); ++it)
                seed = qHashMulti(seed, it.key(), it.value());
            return seed;
        }
    };
    template<class Map> using MapSet = std::unordered_set<Map, MapHash>;

    template<class Map> static Map sharedIn(MapSet<Map> &known, const Map &map)
    {
        if (map.isEmpty())
            return map;
        return *known.insert(map).first;
    }

    QSet<QString> m_texts;
    MapSet<QMap<QString, QString>> m_textMaps;
    MapSet<QMap<QString, Quantity>> m_quantityMaps;
};

} // namespace Specula::Core
