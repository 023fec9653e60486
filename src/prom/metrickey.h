// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QString>
#include <optional>

namespace Specula::Prom {

// What one result series of a catalogue query is about, whatever label names the dialect uses.
struct MetricKey
{
    QString node; // empty when the dialect cannot tell; the model resolves it through UUID/pod/instance
    QString uuid; // GPU-…; for MIG instances the parent GPU's
    std::optional<int> gpuIndex;
    QString pciBusId; // normalised 0000:1a:00.0
    QString model;
    QString migProfile;
    std::optional<int> migInstance; // GPU_I_ID
    QString ns, pod, container; // the holder; empty when none (also for "" sentinels)
    QString interface; // network series
    QString pciAddress; // VF series, normalised 0000:3b:02.1
    QString instance; // Prometheus' instance label (host:port), for the instance → pod IP → node fallback

    // "ns/pod" or empty.
    QString podKey() const { return pod.isEmpty() ? QString() : ns + QLatin1Char('/') + pod; }

    friend bool operator==(const MetricKey &, const MetricKey &) = default;
};

inline size_t qHash(const MetricKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.uuid, key.migInstance.value_or(-1), key.pod, key.node, key.instance);
}

} // namespace Specula::Prom
