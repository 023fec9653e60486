// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/scenario.h"

#include <QList>
#include <QString>

namespace Specula::Sim {

// A container that holds a GPU, a MIG instance or a time-slice of a GPU.
struct GpuHolder
{
    QString ns;
    QString pod;
    QString container;

    friend bool operator==(const GpuHolder &, const GpuHolder &) = default;
};

// One series source as dcgm-exporter sees it: a physical GPU (gpuInstanceId < 0) or one MIG
// GPU instance on it (same uuid, pciBusId and index as its parent).
struct GpuDevice
{
    QString node;
    int index = 0; // dcgm's "gpu" label: the per-node index
    QString uuid; // GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx
    QString pciBusId; // dcgm style: 00000000:1A:00.0
    QString modelName; // "NVIDIA H100 80GB HBM3"
    QString driverVersion; // "550.90.07"
    int memoryMiB = 0; // framebuffer of the GPU or of the instance
    bool migEnabled = false; // physical GPU whose work runs in MIG instances
    QString migProfile; // instances only: "1g.10gb"
    int gpuInstanceId = -1; // instances only: GPU_I_ID
    int slices = 0; // instances only: compute slices (the "1" of 1g.10gb)
    QList<GpuHolder> holders; // several on time-sliced GPUs

    bool isInstance() const { return gpuInstanceId >= 0; }
};

// The GPUs and MIG instances of every node of a scenario and the pods that use them,
// deterministic by seed (src/sim/README.md, "GPU metrics").
class GpuFleet
{
public:
    static GpuFleet build(const Scenario &scenario);

    quint64 seed() const { return m_seed; }
    // Grouped by node in scenario order; on each node physical GPUs by index, each followed by
    // its instances.
    const QList<GpuDevice> &devices() const { return m_devices; }
    QList<GpuDevice> devicesOf(const QString &node) const;

    // "GPU-…" from a stable hash of seed, node and index.
    static QString makeUuid(quint64 seed, const QString &node, int index);
    // "NVIDIA-A100-SXM4-40GB-MIG-1g.5gb-SHARED" → "NVIDIA A100 SXM4 40GB", as dcgm prints it.
    static QString modelNameFromProduct(const QString &product);

private:
    quint64 m_seed = 1;
    QList<GpuDevice> m_devices;
};

} // namespace Specula::Sim
