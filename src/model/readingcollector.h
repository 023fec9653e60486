// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/textpool.h"
#include "model/gpumetricsjoin.h"

#include <QList>
#include <QMutex>
#include <unordered_set>

namespace Specula::Model {

// The readings of several answers, one per key (the metrics of one series label set together),
// gathered while the answers are read: each answer's series as they come, from several threads
// at once. Only the merged readings are ever held, never each answer's own, and equal label
// texts of different answers end up as one copy.
class ReadingCollector
{
public:
    // Room for `expected` readings from the start (the count of the last refresh): a list of
    // 40,000 readings grown step by step holds its old and new blocks at once, some 40 MB.
    explicit ReadingCollector(qsizetype expected = 0);

    // Thread-safe.
    void add(MetricReading reading);
    // The readings so far, in the order their keys first came; leaves the collector empty.
    QList<MetricReading> take();

private:
    // Finds a reading by its key, the set holding only its index: a copy of each key would add
    // some 300 bytes for each of a large cluster's 40,000 GPUs.
    struct KeyOfIndex
    {
        using is_transparent = void;
        const QList<MetricReading> *readings;
        const Prom::MetricKey &operator()(const Prom::MetricKey &key) const { return key; }
        const Prom::MetricKey &operator()(qsizetype index) const { return readings->at(index).key; }
    };
    struct HashByKey : KeyOfIndex
    {
        size_t operator()(const auto &keyOrIndex) const { return qHash(KeyOfIndex::operator()(keyOrIndex)); }
    };
    struct EqualKeys : KeyOfIndex
    {
        bool operator()(const auto &a, const auto &b) const
        {
            return KeyOfIndex::operator()(a) == KeyOfIndex::operator()(b);
        }
    };

    QMutex m_mutex;
    QList<MetricReading> m_readings;
    std::unordered_set<qsizetype, HashByKey, EqualKeys> m_readingOfKey { 0, HashByKey { { &m_readings } },
                                                                         EqualKeys { { &m_readings } } };
    Core::TextPool m_texts;
};

} // namespace Specula::Model
