// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QCoreApplication>
#include <QHash>
#include <optional>

namespace Specula::Model {

// A GPU or MIG device held by a pod whose utilization stays under IdlePercent.
struct IdleGpu
{
    QString namespaceName;
    QString pod;
    QString node;
    QString uuid;
    QString device; // "GPU 3", "MIG 1g.10gb", or the UUID when the source gives no index
    double utilPercent = 0; // the mean over the chosen range, or the latest reading

    QString key() const { return namespaceName + QLatin1Char('/') + pod + QLatin1Char('|') + uuid; }
    friend bool operator==(const IdleGpu &, const IdleGpu &) = default;
};

// The cluster at a glance: how many GPUs, MIG slices and VFs there are and how many are taken,
// which GPUs are held but idle, which pods wait for devices, and the GPUs' power. Figures the
// snapshot cannot tell are nothing, never 0. Pod figures (pending, holders, idle) follow the
// namespace filter; device figures are the whole cluster's.
struct OverviewFigures
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::OverviewFigures)

public:
    static constexpr double BusyPercent = 10; // a GPU at or above this utilization is busy
    static constexpr double IdlePercent = 5; // a held GPU below this mean utilization is idle

    // Physical GPUs: GFD's gpu.count, else the whole GPUs a source names, else the GPUs that the
    // named MIG devices are cut from, else the GPU resource divided by the sharing replicas.
    std::optional<int> gpusTotal;
    int gpuNodesUncounted = 0; // GPU nodes whose physical count none of those tell (MIG single)
    // Whole GPUs held by pods (shared GPUs: at least requested ÷ replicas), or named devices with holders.
    int gpusAllocated = 0;
    std::optional<int> gpusBusy; // whole GPUs whose latest utilization reading ≥ BusyPercent
    int gpusWithReadings = 0;
    int migTotal = 0; // MIG devices offered (mixed profiles, and nvidia.com/gpu under single)
    int migAllocated = 0;
    int vfsTotal = 0; // VFs created
    int vfsAllocated = 0;
    int vfsNotCreated = 0; // totalVfs − numVfs of SR-IOV-capable PFs
    int pendingPods = 0; // pending pods that want GPUs or VFs
    int pendingGpuPods = 0;
    int pendingVfPods = 0;
    int podsHoldingDevices = 0; // active pods that request or hold GPUs or VFs
    std::optional<double> powerW; // sum of the whole GPUs' latest power readings
    QList<IdleGpu> idle; // sorted by key()
    bool idleFromLatest = false; // no range means were given: the idle list uses the latest readings

    // `meanUtilByUuid`: each device's mean utilization (percent) over the chosen time range;
    // empty when there is none, and then the latest readings stand in. `namespaceFilter` empty:
    // every namespace.
    static OverviewFigures of(const ClusterSnapshot &snapshot, const QHash<QString, double> &meanUtilByUuid,
                              const QString &namespaceFilter = {});
};

} // namespace Specula::Model
