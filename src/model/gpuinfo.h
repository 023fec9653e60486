// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/resources.h"
#include "model/clustersnapshot.h"

#include <optional>

namespace Specula::Model {

// What a node's GPUs are, read from GPU Feature Discovery labels and the node's GPU resources
// (`resources` as the snapshot lists them, classified). Nothing for nodes without either.
//
// The rules follow the NVIDIA device plugin: under the MIG `single` strategy nvidia.com/gpu
// counts MIG devices, and gpu.product, gpu.count and gpu.memory describe them (the physical
// count and memory are then unknown); under `mixed` each profile has its own resource and
// labels, stale profiles stay as zero-valued resources, and whole GPUs may sit beside slices.
// Time-slicing and MPS multiply the resource by the replicas and add "-SHARED" to the product,
// or, renamed, offer nvidia.com/gpu.shared instead.
std::optional<NodeGpu> gpuInfo(const Kube::Node &node, const QList<NodeResource> &resources);

// "NVIDIA-A100-SXM4-40GB-MIG-1g.5gb-SHARED" → product "NVIDIA-A100-SXM4-40GB", MIG profile
// "1g.5gb", shared.
struct GpuProductName
{
    QString product;
    QString migProfile;
    bool shared = false;
};
GpuProductName splitGpuProduct(const QString &label);

} // namespace Specula::Model
