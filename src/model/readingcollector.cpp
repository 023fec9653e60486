// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/readingcollector.h"

namespace Specula::Model {

void ReadingCollector::add(MetricReading reading)
{
    const QMutexLocker lock(&m_mutex);
    if (const auto known = m_readingOfKey.constFind(reading.key); known != m_readingOfKey.cend()) {
        keepHighest(m_readings[*known].values, reading.values);
        return;
    }
    Prom::MetricKey &key = reading.key;
    for (QString *text : { &key.node, &key.uuid, &key.pciBusId, &key.model, &key.migProfile, &key.ns, &key.pod,
                           &key.container, &key.interface, &key.pciAddress, &key.instance })
        m_texts.share(*text);
    m_readingOfKey.insert(key, m_readings.size());
    m_readings.append(std::move(reading));
}

QList<MetricReading> ReadingCollector::take()
{
    const QMutexLocker lock(&m_mutex);
    m_readingOfKey.clear();
    m_texts = {};
    m_readings.squeeze();
    return std::exchange(m_readings, {});
}

} // namespace Specula::Model
