// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/scenario.h"

namespace Specula::Sim {

struct GpuProduct
{
    QString product; // GFD nvidia.com/gpu.product
    QString family;
    int memoryMiB = 0;
    int weight = 1;
};

// The compact "generator:" section of a scenario: a big cluster described by counts and mixes.
struct GeneratorSpec
{
    int gpuNodes = 0;
    int cpuNodes = 0;
    int gpusPerNode = 8;
    int pods = 0; // total pods, spread over the nodes
    int pendingPods = 0; // of which unschedulable GPU pods
    int namespaces = 20;
    QList<GpuProduct> products;
};

// Appends nodes, pods and namespaces to scenario, deterministically from scenario.seed.
void generateCluster(const GeneratorSpec &spec, Scenario &scenario);

// The message the scheduler writes for a pod that fits nowhere because of resource.
QString failedSchedulingMessage(const Scenario &scenario, const QString &resource);

} // namespace Specula::Sim
