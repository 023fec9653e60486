// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/readingcollector.h"

namespace Specula::Model {

ReadingCollector::ReadingCollector(qsizetype expected)
{
    m_readings.reserve(expected);
    m_readingOfKey.reserve(size_t(expected));
}

void ReadingCollector::add(MetricReading reading)
{
    const QMutexLocker lock(&m_mutex);
    if (const auto known = m_readingOfKey.find(reading.key); known != m_readingOfKey.end()) {
        keepHighest(m_readings[*known].values, reading.values);
        return;
    }
    Prom::MetricKey &key = reading.key;
    for (QString *text : { &key.node, &key.uuid, &key.pciBusId, &key.model, &key.migProfile, &key.ns, &key.pod,
                           &key.container, &key.interface, &key.pciAddress, &key.instance })
        m_texts.share(*text);
    m_readings.append(std::move(reading));
    m_readingOfKey.insert(m_readings.size() - 1);
}

QList<MetricReading> ReadingCollector::take()
{
    const QMutexLocker lock(&m_mutex);
    m_readingOfKey.clear();
    m_texts = {};
    // Squeezing copies every reading: only worth it for much unused room.
    if (m_readings.capacity() - m_readings.size() > m_readings.size() / 8)
        m_readings.squeeze();
    return std::exchange(m_readings, {});
}

} // namespace Specula::Model
