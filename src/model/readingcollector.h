// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/textpool.h"
#include "model/gpumetricsjoin.h"

#include <QHash>
#include <QList>
#include <QMutex>

namespace Specula::Model {

// The readings of several answers, one per key (the metrics of one series label set together),
// gathered while the answers are read: each answer's series as they come, from several threads
// at once. Only the merged readings are ever held, never each answer's own, and equal label
// texts of different answers end up as one copy.
class ReadingCollector
{
public:
    // Thread-safe.
    void add(MetricReading reading);
    // The readings so far, in the order their keys first came; leaves the collector empty.
    QList<MetricReading> take();

private:
    QMutex m_mutex;
    QList<MetricReading> m_readings;
    QHash<Prom::MetricKey, qsizetype> m_readingOfKey;
    Core::TextPool m_texts;
};

} // namespace Specula::Model
