// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small cluster and its utilization series for the heatmap tests, as dcgm-exporter labels them
// (the standard dialect), and a large generated one.
//
// gpu-a: GPU-a0 (index 0) held by ml/train: 10, 20, 30, none
//        GPU-a1 (index 1) time-shared by ml/x and dev/y, one series each: 1, 2, 3, 4 and 1, 5, 3, 4
// gpu-b: GPU-b0 (index 0, MIG) and GPU-b1 (index 1) known to the snapshot, without series;
//        GPU-b0's slices from series without a `gpu` label: instance 1 (1g.10gb) held by
//        ml/infer at 50, instance 2 (3g.40gb) unheld at 0
// cpu-c: no GPU.  One series names an unknown node and no pod: it is placed nowhere.

#include "model/clustersnapshot.h"
#include "prom/metriccatalogue.h"
#include "prom/seriesstore.h"

#include <cmath>
#include <limits>

namespace Specula::HeatmapFixture {

constexpr qint64 kStart = 1764000000; // 2025-11-24T16:00:00Z
constexpr qint64 kStep = 60;
constexpr int kSteps = 4;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline Prom::MetricCatalogue catalogue()
{
    return Prom::MetricCatalogue(Prom::Dialect::standard());
}

inline Model::PodSummary pod(const QString &ns, const QString &name, const QString &node)
{
    Model::PodSummary p;
    p.namespaceName = ns;
    p.name = name;
    p.node = node;
    p.phase = QStringLiteral("Running");
    return p;
}

inline Model::ClusterSnapshot snapshot()
{
    Model::ClusterSnapshot s;
    for (const char *name : { "cpu-c", "gpu-a", "gpu-b" }) {
        Model::NodeSummary node;
        node.name = QString::fromLatin1(name);
        node.ready = true;
        s.nodes.append(node);
    }
    Model::NodeGpu gpus;
    gpus.vendor = QStringLiteral("nvidia");
    gpus.product = QStringLiteral("NVIDIA-A100-SXM4-40GB");
    for (int index : { 0, 1 }) {
        Model::GpuDevice device;
        device.uuid = QStringLiteral("GPU-b%1").arg(index);
        device.index = index;
        gpus.devices.append(device);
    }
    s.nodes[2].gpu = gpus;
    s.pods = { pod(QStringLiteral("dev"), QStringLiteral("y"), QStringLiteral("gpu-a")),
               pod(QStringLiteral("ml"), QStringLiteral("infer"), QStringLiteral("gpu-b")),
               pod(QStringLiteral("ml"), QStringLiteral("train"), QStringLiteral("gpu-a")),
               pod(QStringLiteral("ml"), QStringLiteral("x"), QStringLiteral("gpu-a")) };
    return s;
}

inline Prom::Labels dcgm(const QString &node, const QString &uuid, const QString &gpu, const QString &ns = {},
                         const QString &pod = {})
{
    Prom::Labels labels { { QStringLiteral("__name__"), QStringLiteral("DCGM_FI_DEV_GPU_UTIL") },
                          { QStringLiteral("Hostname"), node },
                          { QStringLiteral("UUID"), uuid },
                          { QStringLiteral("modelName"), QStringLiteral("NVIDIA H100") } };
    if (!gpu.isEmpty())
        labels.insert(QStringLiteral("gpu"), gpu);
    if (!pod.isEmpty()) {
        labels.insert(QStringLiteral("namespace"), ns);
        labels.insert(QStringLiteral("pod"), pod);
        labels.insert(QStringLiteral("container"), QStringLiteral("main"));
    }
    return labels;
}

inline void add(Prom::CompactSeriesStore &store, const Prom::Labels &labels, std::initializer_list<double> values)
{
    const int id = store.insert(labels);
    std::copy(values.begin(), values.end(), store.mutableValues(id).begin());
}

inline Prom::CompactSeriesStore utilization()
{
    Prom::CompactSeriesStore store(Prom::TimeAxis { kStart, kStep, kSteps });
    const QString a = QStringLiteral("gpu-a");
    add(store, dcgm(a, QStringLiteral("GPU-a0"), QStringLiteral("0"), QStringLiteral("ml"), QStringLiteral("train")),
        { 10, 20, 30, kNaN });
    add(store, dcgm(a, QStringLiteral("GPU-a1"), QStringLiteral("1"), QStringLiteral("ml"), QStringLiteral("x")),
        { 1, 2, 3, 4 });
    add(store, dcgm(a, QStringLiteral("GPU-a1"), QStringLiteral("1"), QStringLiteral("dev"), QStringLiteral("y")),
        { 1, 5, 3, 4 });
    Prom::Labels slice1
        = dcgm(QStringLiteral("gpu-b"), QStringLiteral("GPU-b0"), {}, QStringLiteral("ml"), QStringLiteral("infer"));
    slice1.insert(QStringLiteral("GPU_I_ID"), QStringLiteral("1"));
    slice1.insert(QStringLiteral("GPU_I_PROFILE"), QStringLiteral("1g.10gb"));
    slice1.insert(QStringLiteral("modelName"), QStringLiteral("NVIDIA \"A100\", SXM"));
    add(store, slice1, { 50, 50, 50, 50 });
    Prom::Labels slice2 = dcgm(QStringLiteral("gpu-b"), QStringLiteral("GPU-b0"), {});
    slice2.insert(QStringLiteral("GPU_I_ID"), QStringLiteral("2"));
    slice2.insert(QStringLiteral("GPU_I_PROFILE"), QStringLiteral("3g.40gb"));
    add(store, slice2, { 0, 0, 0, 0 });
    add(store, dcgm(QStringLiteral("nowhere"), QStringLiteral("GPU-z9"), QStringLiteral("0")), { 99, 99, 99, 99 });
    return store;
}

// `nodes` × `gpus` whole GPUs over `steps` steps, each held by one pod; value(row, step) fills them.
template<class Value>
void large(int nodes, int gpus, int steps, Value value, Model::ClusterSnapshot &snapshot,
           Prom::CompactSeriesStore &store)
{
    snapshot = {};
    store = Prom::CompactSeriesStore(Prom::TimeAxis { kStart, kStep, steps });
    for (int n = 0; n < nodes; ++n) {
        Model::NodeSummary node;
        node.name = QStringLiteral("node-%1").arg(n, 5, 10, QLatin1Char('0'));
        snapshot.nodes.append(node);
        for (int g = 0; g < gpus; ++g) {
            const QString podName = QStringLiteral("job-%1-%2").arg(n).arg(g);
            snapshot.pods.append(pod(QStringLiteral("ml"), podName, node.name));
            const int id = store.insert(dcgm(node.name, QStringLiteral("GPU-%1-%2").arg(n).arg(g), QString::number(g),
                                             QStringLiteral("ml"), podName));
            auto values = store.mutableValues(id);
            const int row = n * gpus + g;
            for (int step = 0; step < steps; ++step)
                values[size_t(step)] = value(row, step);
        }
    }
    std::sort(snapshot.pods.begin(), snapshot.pods.end(),
              [](const Model::PodSummary &a, const Model::PodSummary &b) { return a.key() < b.key(); });
}

} // namespace Specula::HeatmapFixture
