// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The history the catalogue and probe tests give a real Prometheus: the real dcgm-exporter and
// Kepler samples of ../shared/fixtures relabelled into one exporter dialect (Row), plus the series
// no fixture shows: a time-shared GPU, blank sentinels, a MIG parent's meaningless 0, cAdvisor,
// kube-state-metrics and SR-IOV series. Expected answers are computed from the same canonical
// points in C++, not by PromQL.

#include "prom/dialect.h"
#include "prom/expositionparser.h"
#include "prom/metriccatalogue.h"
#include "promserverfixture.h"

#include <QHash>
#include <QSet>

namespace Specula::Test {

using Prom::Dialect;
using Prom::ExpositionFamily;
using Prom::ExpositionParser;
using Prom::ExpositionSample;
using Prom::Labels;
using Prom::Metric;
using Prom::MetricKey;

constexpr qint64 historySeconds = 900;
constexpr qint64 step = 30;

struct Row
{
    enum class Node { Hostname, LowerHostname, Node, None };
    enum class Pods { Pod, Exported, PodName };
    QString name;
    bool dcgm = true;
    Node node = Node::Hostname;
    bool hostnameIsPod = false;
    Pods pods = Pods::Pod;
    bool lowerUuid = false;
    bool blanks = false;
    bool emptyPodLabels = false;
    Dialect::Kepler kepler = Dialect::Kepler::None;
    bool cadvisor = false, ksm = false, sriov = false, podDevice = false, sriovExported = false;
    qint64 time = 0; // the slot's end, where queries look
};

// One series in dialect-neutral terms; `labels` are the exporter's own apart from holder/node.
struct Canon
{
    QString family;
    Labels labels;
    QString node, ns, pod, container; // holder empty: nobody
    double value = 0; // at the slot's end
    double slope = 0; // per second, for counters
    bool gpu = false;
};

struct Expected
{
    MetricKey key;
    double value = 0;
};

inline const QString a100Node = u"ub20-a100-k8s"_qs, h100Node = u"gsrh100-074"_qs, t138Node = u"k8s-gpu-138"_qs;

inline QString instanceOf(const QString &node, int port)
{
    const int host = node == a100Node ? 11 : node == h100Node ? 12 : 13;
    return QStringLiteral("10.0.%1.%2:%3").arg(host - 10).arg(host).arg(port);
}

inline QString exporterPod(const QString &node)
{
    return node == a100Node ? u"nvidia-dcgm-exporter-ml2wh"_qs
        : node == h100Node  ? u"nvidia-dcgm-exporter-x7k2p"_qs
                            : u"nvidia-dcgm-exporter-b4z9q"_qs;
}

inline const QStringList catalogueFamilies = {
    u"DCGM_FI_DEV_GPU_UTIL"_qs,
    u"DCGM_FI_DEV_FB_USED"_qs,
    u"DCGM_FI_DEV_FB_FREE"_qs,
    u"DCGM_FI_DEV_GPU_TEMP"_qs,
    u"DCGM_FI_DEV_POWER_USAGE"_qs,
    u"DCGM_FI_DEV_SM_CLOCK"_qs,
    u"DCGM_FI_DEV_MEM_COPY_UTIL"_qs,
    u"DCGM_FI_PROF_GR_ENGINE_ACTIVE"_qs,
    u"DCGM_FI_PROF_PIPE_TENSOR_ACTIVE"_qs,
    u"DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"_qs,
    u"DCGM_FI_DEV_XID_ERRORS"_qs,
};

// The canonical GPU series: three real fixture blocks with their nodes, plus what they lack.
inline QList<Canon> gpuWorld(const Row &row)
{
    QList<Canon> world;
    const auto parsed = ExpositionParser::parseFile(qEnvironmentVariable("SPECULA_SHARED_DIR")
                                                        + u"/fixtures/dcgm-exporter_metrics_real-samples.txt"_qs,
                                                    ExpositionParser::Mode::Lenient);
    if (!parsed.ok())
        return world;
    for (const ExpositionFamily &family : parsed->families) {
        if (!catalogueFamilies.contains(family.name))
            continue;
        for (const ExpositionSample &sample : family.samples) {
            QString node;
            if (sample.labels.value(u"Hostname"_qs) == a100Node)
                node = a100Node;
            else if (sample.labels.value(u"Hostname"_qs) == h100Node)
                node = h100Node;
            else if (sample.labels.value(u"UUID"_qs) == u"GPU-6bf47ca9-ad3e-15db-beed-1079a7d74116")
                node = t138Node;
            else
                continue;
            Canon canon { family.name, {}, node, {}, {}, {}, sample.value, 0, true };
            for (const QString &label : { u"gpu"_qs, u"UUID"_qs, u"pci_bus_id"_qs, u"device"_qs, u"modelName"_qs,
                                          u"GPU_I_PROFILE"_qs, u"GPU_I_ID"_qs }) {
                if (!sample.labels.value(label).isEmpty())
                    canon.labels.insert(label, sample.labels.value(label));
            }
            canon.ns = sample.labels.value(u"namespace"_qs);
            canon.pod = sample.labels.value(u"pod"_qs);
            canon.container = sample.labels.value(u"container"_qs);
            if (family.name == u"DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")
                canon.slope = node == a100Node ? 200000 : 300000; // mJ/s
            if (node == t138Node) {
                // Time-sliced between two pods: one series per holder.
                for (const QString &pod : { u"infer-0"_qs, u"infer-1"_qs })
                    world << Canon { canon.family, canon.labels, node,        u"team-a"_qs, pod,
                                     u"server"_qs, canon.value,  canon.slope, true };
            } else {
                world << canon;
            }
        }
    }
    auto like = [&world](const QString &family, const QString &uuid, const QString &newFamily, double value) {
        for (const Canon &canon : QList<Canon>(world)) {
            if (canon.family == family && canon.labels.value(u"UUID"_qs) == uuid
                && !canon.labels.contains(u"GPU_I_ID"_qs)) {
                Canon copy = canon;
                copy.family = newFamily;
                copy.value = value;
                copy.slope = 0;
                world << copy;
            }
        }
    };
    const QString a100 = u"GPU-34319582-d595-d1c7-d1d2-179bcfa61660"_qs,
                  t138 = u"GPU-6bf47ca9-ad3e-15db-beed-1079a7d74116"_qs;
    like(u"DCGM_FI_DEV_SM_CLOCK"_qs, a100, u"DCGM_FI_DEV_GPU_UTIL"_qs, 0); // a MIG parent's meaningless 0
    like(u"DCGM_FI_DEV_SM_CLOCK"_qs, t138, u"DCGM_FI_DEV_MEM_COPY_UTIL"_qs, 7);
    if (row.blanks) {
        like(u"DCGM_FI_DEV_SM_CLOCK"_qs, a100, u"DCGM_FI_DEV_MEM_COPY_UTIL"_qs, 9223372036854775794.0);
        like(u"DCGM_FI_DEV_SM_CLOCK"_qs, t138, u"DCGM_FI_PROF_PIPE_TENSOR_ACTIVE"_qs, 140737488355328.0);
    }
    return world;
}

// The world of the other exporters, already in their (fixed) label names.
inline QList<Canon> clusterWorld(const Row &row)
{
    QList<Canon> world;
    auto add = [&world](const QString &family, Labels labels, double value, double slope = 0) {
        world << Canon { family, std::move(labels), {}, {}, {}, {}, value, slope, false };
    };
    if (row.cadvisor) {
        struct C
        {
            QString pod, container;
            double cpu, memory;
        };
        for (const C &c : { C { u"infer-0"_qs, u"server"_qs, 1.5, 2e9 }, C { u"infer-0"_qs, QString(), 1.6, 2.1e9 },
                            C { u"infer-0"_qs, u"POD"_qs, 0.1, 1e6 }, C { u"infer-1"_qs, u"server"_qs, 0.25, 5e8 } }) {
            Labels labels { { u"namespace"_qs, u"team-a"_qs },
                            { u"pod"_qs, c.pod },
                            { u"node"_qs, t138Node },
                            { u"instance"_qs, instanceOf(t138Node, 10250) },
                            { u"job"_qs, u"kubelet"_qs } };
            if (!c.container.isEmpty())
                labels.insert(u"container"_qs, c.container);
            add(u"container_cpu_usage_seconds_total"_qs, labels, 50000, c.cpu);
            add(u"container_memory_working_set_bytes"_qs, labels, c.memory);
        }
        struct N
        {
            QString container, interface;
            double rx, tx;
        };
        for (const N &n : { N { QString(), u"eth0"_qs, 1000, 2000 }, N { QString(), u"net1"_qs, 50000, 75000 },
                            N { u"POD"_qs, u"net1"_qs, 50000, 75000 } }) {
            Labels labels { { u"namespace"_qs, u"team-a"_qs },
                            { u"pod"_qs, u"infer-0"_qs },
                            { u"node"_qs, t138Node },
                            { u"interface"_qs, n.interface },
                            { u"instance"_qs, instanceOf(t138Node, 10250) },
                            { u"job"_qs, u"kubelet"_qs } };
            if (!n.container.isEmpty())
                labels.insert(u"container"_qs, n.container);
            add(u"container_network_receive_bytes_total"_qs, labels, 1e9, n.rx);
            add(u"container_network_transmit_bytes_total"_qs, labels, 1e9, n.tx);
        }
    }
    if (row.ksm) {
        struct R
        {
            QString ns, pod, node, resource;
            double value;
        };
        for (const R &r : { R { u"team-a"_qs, u"infer-0"_qs, t138Node, u"nvidia_com_gpu"_qs, 1 },
                            R { u"team-a"_qs, u"infer-0"_qs, t138Node, u"cpu"_qs, 2 },
                            R { u"team-a"_qs, u"infer-1"_qs, t138Node, u"nvidia_com_gpu"_qs, 1 },
                            R { u"model-playground-stg"_qs, u"tts-predictor-00011-deployment-5554f75554-8j8pl"_qs,
                                h100Node, u"nvidia_com_mig_1g_10gb"_qs, 1 } }) {
            add(u"kube_pod_container_resource_requests"_qs,
                { { u"namespace"_qs, r.ns },
                  { u"pod"_qs, r.pod },
                  { u"container"_qs, u"server"_qs },
                  { u"node"_qs, r.node },
                  { u"resource"_qs, r.resource },
                  { u"job"_qs, u"kube-state-metrics"_qs } },
                r.value);
        }
        add(u"kube_pod_info"_qs, { { u"namespace"_qs, u"team-a"_qs }, { u"pod"_qs, u"infer-0"_qs } }, 1);
    }
    if (row.kepler == Dialect::Kepler::Zoned || row.kepler == Dialect::Kepler::ZonedGpu) {
        const bool gpu = row.kepler == Dialect::Kepler::ZonedGpu;
        const Labels node { { u"node_name"_qs, t138Node }, { u"instance"_qs, instanceOf(t138Node, 28282) } };
        auto pod = [&node](const QString &name, const QString &zone) {
            Labels labels = node;
            labels.insert({ { u"pod_name"_qs, name },
                            { u"pod_namespace"_qs, u"team-a"_qs },
                            { u"pod_id"_qs, name + u"-uid" },
                            { u"state"_qs, u"running"_qs } });
            if (!zone.isEmpty())
                labels.insert(u"zone"_qs, zone);
            return labels;
        };
        struct Z
        {
            QString pod, zone;
            double watts;
        };
        for (const Z &z : { Z { u"infer-0"_qs, u"package"_qs, 12.5 }, Z { u"infer-0"_qs, u"dram"_qs, 3 },
                            Z { u"infer-0"_qs, u"core"_qs, 9 }, Z { u"infer-1"_qs, u"package"_qs, 4 } }) {
            add(u"kepler_pod_cpu_watts"_qs, pod(z.pod, z.zone), z.watts);
            add(u"kepler_pod_cpu_joules_total"_qs, pod(z.pod, z.zone), z.watts * 400, z.watts);
        }
        struct S
        {
            QString zone, path;
            double watts;
        };
        for (const S &s : { S { u"package"_qs, u"intel-rapl:0"_qs, 80 }, S { u"package"_qs, u"intel-rapl:1"_qs, 70 },
                            S { u"dram"_qs, u"intel-rapl:0:0"_qs, 20 } }) {
            Labels labels = node;
            labels.insert({ { u"zone"_qs, s.zone }, { u"path"_qs, s.path } });
            add(u"kepler_node_cpu_watts"_qs, labels, s.watts);
            add(u"kepler_node_cpu_joules_total"_qs, labels, s.watts * 1000, s.watts);
        }
        if (gpu) {
            add(u"kepler_pod_gpu_watts"_qs, pod(u"infer-0"_qs, {}), 150);
            add(u"kepler_pod_gpu_joules_total"_qs, pod(u"infer-0"_qs, {}), 90000, 150);
            Labels card = node;
            card.insert({ { u"gpu"_qs, u"0"_qs },
                          { u"gpu_uuid"_qs, u"GPU-6bf47ca9-ad3e-15db-beed-1079a7d74116"_qs },
                          { u"vendor"_qs, u"nvidia"_qs } });
            add(u"kepler_node_gpu_watts"_qs, card, 250);
            add(u"kepler_node_gpu_joules_total"_qs, card, 3e6, 250);
        }
    }
    if (row.kepler == Dialect::Kepler::Legacy) {
        // The real old-format samples: issue #707's cluster on one node, #907's on another, each
        // container in both modes.
        const auto parsed = ExpositionParser::parseFile(
            qEnvironmentVariable("SPECULA_SHARED_DIR") + u"/fixtures/kepler_metrics_real-samples_old-format.txt"_qs,
            ExpositionParser::Mode::Lenient);
        const ExpositionFamily *joules = parsed.ok() ? parsed->family(u"kepler_container_joules_total"_qs) : nullptr;
        int index = 0;
        for (const ExpositionSample &sample : joules ? joules->samples : QList<ExpositionSample>()) {
            if (!sample.labels.contains(u"container_id"_qs))
                continue;
            Labels labels = sample.labels;
            labels.insert(u"instance"_qs, sample.value > 0 ? u"10.0.9.2:9102"_qs : u"10.0.9.1:9102"_qs);
            const double slope = 0.5 + 0.25 * index++;
            add(u"kepler_container_joules_total"_qs, labels, sample.value + slope * historySeconds + 500, slope);
            labels.insert(u"mode"_qs, u"idle"_qs);
            add(u"kepler_container_joules_total"_qs, labels, 1000, 0.1);
        }
    }
    if (row.sriov) {
        int index = 0;
        for (const QString &node : { t138Node, h100Node }) {
            for (int vf = 0; vf < 4; ++vf) {
                const Labels labels { { u"pf"_qs, u"enp216s0f0"_qs },
                                      { u"vf"_qs, QString::number(vf) },
                                      { u"pciAddr"_qs, QStringLiteral("0000:d8:02.%1").arg(vf) },
                                      { u"numa_node"_qs, u"1"_qs },
                                      { u"instance"_qs, node },
                                      { u"job"_qs, u"sriov-metrics"_qs } };
                ++index;
                add(u"sriov_vf_rx_bytes"_qs, labels, 1e7, 1000.0 * index);
                add(u"sriov_vf_tx_bytes"_qs, labels, 1e7, 2000.0 * index);
            }
        }
        if (row.podDevice) {
            struct D
            {
                QString node, pci, ns, pod;
            };
            for (const D &d : { D { t138Node, u"0000:d8:02.0"_qs, u"team-a"_qs, u"infer-0"_qs },
                                D { h100Node, u"0000:d8:02.0"_qs, u"team-b"_qs, u"dpdk-0"_qs },
                                D { h100Node, u"0000:d8:02.1"_qs, u"team-b"_qs, u"dpdk-0"_qs } }) {
                Labels labels { { u"pciAddr"_qs, d.pci },
                                { u"dev_type"_qs, u"openshift.io/sriov_ens3f1"_qs },
                                { u"container"_qs, u"app"_qs },
                                { u"instance"_qs, d.node },
                                { u"job"_qs, u"sriov-metrics"_qs } };
                const QString prefix = row.sriovExported ? u"exported_"_qs : QString();
                labels.insert(prefix + u"pod", d.pod);
                labels.insert(prefix + u"namespace", d.ns);
                if (row.sriovExported) {
                    labels.insert(u"pod"_qs, u"sriov-metrics-exporter-7q2lx"_qs);
                    labels.insert(u"namespace"_qs, u"sriov-network-operator"_qs);
                }
                add(u"sriov_kubepoddevice"_qs, labels, 1);
            }
        }
    }
    return world;
}

// The labels a dcgm series carries in the row's dialect.
inline Labels dcgmLabels(const Row &row, const Canon &canon)
{
    Labels labels = canon.labels;
    if (row.lowerUuid)
        labels.insert(u"uuid"_qs, labels.take(u"UUID"_qs));
    const QString nodeValue = row.hostnameIsPod ? exporterPod(canon.node) : canon.node;
    switch (row.node) {
    case Row::Node::Hostname:
        labels.insert(u"Hostname"_qs, nodeValue);
        break;
    case Row::Node::LowerHostname:
        labels.insert(u"hostname"_qs, nodeValue);
        break;
    case Row::Node::Node:
        labels.insert(u"node"_qs, canon.node);
        labels.insert(u"Hostname"_qs, exporterPod(canon.node));
        break;
    case Row::Node::None:
        break;
    }
    QStringList names = { u"pod"_qs, u"namespace"_qs, u"container"_qs };
    if (row.pods == Row::Pods::PodName)
        names = { u"pod_name"_qs, u"pod_namespace"_qs, u"container_name"_qs };
    if (row.pods == Row::Pods::Exported) {
        names = { u"exported_pod"_qs, u"exported_namespace"_qs, u"exported_container"_qs };
        labels.insert({ { u"pod"_qs, exporterPod(canon.node) },
                        { u"namespace"_qs, u"gpu-operator"_qs },
                        { u"container"_qs, u"nvidia-dcgm-exporter"_qs } });
    }
    if (!canon.pod.isEmpty() || row.emptyPodLabels) {
        labels.insert(names[0], canon.pod);
        labels.insert(names[1], canon.ns);
        labels.insert(names[2], canon.container);
    }
    labels.insert(u"instance"_qs, instanceOf(canon.node, 9400));
    labels.insert(u"job"_qs, u"nvidia-dcgm-exporter"_qs);
    return labels;
}

// What a GPU metric should return, from the canonical points.
inline QList<Expected> expectedGpu(const Row &row, Metric metric, const QList<Canon> &world)
{
    static const QHash<Metric, QString> family = {
        { Metric::GpuMemUsed, u"DCGM_FI_DEV_FB_USED"_qs },
        { Metric::GpuMemFree, u"DCGM_FI_DEV_FB_FREE"_qs },
        { Metric::GpuTemp, u"DCGM_FI_DEV_GPU_TEMP"_qs },
        { Metric::GpuPower, u"DCGM_FI_DEV_POWER_USAGE"_qs },
        { Metric::GpuSmClock, u"DCGM_FI_DEV_SM_CLOCK"_qs },
        { Metric::GpuMemCopyUtil, u"DCGM_FI_DEV_MEM_COPY_UTIL"_qs },
        { Metric::GpuXidErrors, u"DCGM_FI_DEV_XID_ERRORS"_qs },
        { Metric::GpuEnergy, u"DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"_qs },
        { Metric::GpuTensorActive, u"DCGM_FI_PROF_PIPE_TENSOR_ACTIVE"_qs },
    };
    QSet<QString> migGpus;
    for (const Canon &canon : world) {
        if (canon.family == u"DCGM_FI_PROF_GR_ENGINE_ACTIVE" && canon.labels.contains(u"GPU_I_ID"_qs))
            migGpus << canon.labels.value(u"UUID"_qs);
    }
    QList<Expected> result;
    for (const Canon &canon : world) {
        double value = canon.value;
        if (value >= 1e14)
            continue; // blank sentinels are no data
        if (metric == Metric::GpuUtil) {
            if (canon.family == u"DCGM_FI_DEV_GPU_UTIL" && !migGpus.contains(canon.labels.value(u"UUID"_qs)))
                ;
            else if (canon.family == u"DCGM_FI_PROF_GR_ENGINE_ACTIVE" && canon.labels.contains(u"GPU_I_ID"_qs))
                value *= 100;
            else
                continue;
        } else if (canon.family != family.value(metric)) {
            continue;
        }
        if (metric == Metric::GpuTensorActive)
            value *= 100;
        if (metric == Metric::GpuEnergy)
            value /= 1000;
        MetricKey key;
        const bool nodeUsable = row.node == Row::Node::Node || (row.node != Row::Node::None && !row.hostnameIsPod);
        key.node = nodeUsable ? canon.node : QString();
        key.uuid = canon.labels.value(u"UUID"_qs);
        key.gpuIndex = canon.labels.value(u"gpu"_qs).toInt();
        key.pciBusId = canon.labels.contains(u"pci_bus_id"_qs) ? u"0000:1a:00.0"_qs : QString();
        key.model = canon.labels.value(u"modelName"_qs);
        key.migProfile = canon.labels.value(u"GPU_I_PROFILE"_qs);
        if (canon.labels.contains(u"GPU_I_ID"_qs))
            key.migInstance = canon.labels.value(u"GPU_I_ID"_qs).toInt();
        key.ns = canon.pod.isEmpty() ? QString() : canon.ns;
        key.pod = canon.pod;
        key.container = canon.pod.isEmpty() ? QString() : canon.container;
        key.instance = instanceOf(canon.node, 9400);
        result << Expected { key, value };
    }
    return result;
}

// What the other metrics should return, from the same points.
inline QList<Expected> expectedCluster(const Row &row, Metric metric, const QList<Canon> &world)
{
    QList<Expected> result;
    auto pod
        = [](const QString &node, const QString &ns, const QString &name, double value, const QString &interface = {}) {
              MetricKey key;
              key.node = node;
              key.ns = ns;
              key.pod = name;
              key.interface = interface;
              return Expected { key, value };
          };
    const bool zoned = row.kepler == Dialect::Kepler::Zoned || row.kepler == Dialect::Kepler::ZonedGpu;
    const bool gpu = row.kepler == Dialect::Kepler::ZonedGpu;
    switch (metric) {
    case Metric::PodCpu:
        return { pod(t138Node, u"team-a"_qs, u"infer-0"_qs, 1.5), pod(t138Node, u"team-a"_qs, u"infer-1"_qs, 0.25) };
    case Metric::PodMemory:
        return { pod(t138Node, u"team-a"_qs, u"infer-0"_qs, 2e9), pod(t138Node, u"team-a"_qs, u"infer-1"_qs, 5e8) };
    case Metric::PodNetRx:
        return { pod(t138Node, u"team-a"_qs, u"infer-0"_qs, 1000, u"eth0"_qs),
                 pod(t138Node, u"team-a"_qs, u"infer-0"_qs, 50000, u"net1"_qs) };
    case Metric::PodNetTx:
        return { pod(t138Node, u"team-a"_qs, u"infer-0"_qs, 2000, u"eth0"_qs),
                 pod(t138Node, u"team-a"_qs, u"infer-0"_qs, 75000, u"net1"_qs) };
    case Metric::PodGpuRequests:
        return { pod(t138Node, u"team-a"_qs, u"infer-0"_qs, 1), pod(t138Node, u"team-a"_qs, u"infer-1"_qs, 1),
                 pod(h100Node, u"model-playground-stg"_qs, u"tts-predictor-00011-deployment-5554f75554-8j8pl"_qs, 1) };
    case Metric::PodPower:
    case Metric::PodEnergy:
    case Metric::NodePower:
    case Metric::NodeEnergy: {
        const bool power = metric == Metric::PodPower || metric == Metric::NodePower;
        const bool node = metric == Metric::NodePower || metric == Metric::NodeEnergy;
        if (zoned && !node) {
            return { pod(t138Node, u"team-a"_qs, u"infer-0"_qs,
                         power ? 12.5 + (gpu ? 150 : 0) : 5000 + (gpu ? 90000 : 0)),
                     pod(t138Node, u"team-a"_qs, u"infer-1"_qs, power ? 4 : 1600) };
        }
        if (zoned)
            return { pod(t138Node, {}, {}, power ? 150 + (gpu ? 250 : 0) : 150000 + (gpu ? 3e6 : 0)) };
        // Old Kepler: every container in both modes, per pod or per Kepler instance.
        QMap<QString, Expected> sums;
        for (const Canon &canon : world) {
            if (canon.family != u"kepler_container_joules_total")
                continue;
            MetricKey key;
            if (node) {
                key.instance = canon.labels.value(u"instance"_qs);
            } else {
                key.ns = canon.labels.value(u"container_namespace"_qs);
                key.pod = canon.labels.value(u"pod_name"_qs);
            }
            Expected &sum = sums[key.instance + key.ns + u'/' + key.pod];
            sum.key = key;
            sum.value += power ? canon.slope : canon.value;
        }
        return sums.values();
    }
    case Metric::VfRx:
    case Metric::VfTx:
        for (const Canon &canon : world) {
            if (canon.family != (metric == Metric::VfRx ? u"sriov_vf_rx_bytes" : u"sriov_vf_tx_bytes"))
                continue;
            MetricKey key;
            key.pciAddress = canon.labels.value(u"pciAddr"_qs);
            key.instance = canon.labels.value(u"instance"_qs);
            for (const Canon &device : world) {
                if (device.family == u"sriov_kubepoddevice" && device.labels.value(u"pciAddr"_qs) == key.pciAddress
                    && device.labels.value(u"instance"_qs) == key.instance) {
                    const QString prefix = row.sriovExported ? u"exported_"_qs : QString();
                    key.ns = device.labels.value(prefix + u"namespace");
                    key.pod = device.labels.value(prefix + u"pod");
                }
            }
            result << Expected { key, canon.slope };
        }
        return result;
    default:
        return result;
    }
}

inline QList<Row> rows()
{
    QList<Row> rows;
    Row modern { u"modern"_qs };
    modern.kepler = Dialect::Kepler::ZonedGpu;
    modern.cadvisor = modern.ksm = modern.sriov = modern.podDevice = true;
    rows << modern;
    Row exported { u"lower-hostname-exported-pod"_qs };
    exported.node = Row::Node::LowerHostname;
    exported.pods = Row::Pods::Exported;
    exported.kepler = Dialect::Kepler::Zoned;
    exported.cadvisor = exported.sriov = exported.podDevice = exported.sriovExported = true;
    rows << exported;
    Row hostnamePod { u"hostname-is-pod-legacy-kepler"_qs };
    hostnamePod.hostnameIsPod = hostnamePod.blanks = hostnamePod.emptyPodLabels = true;
    hostnamePod.kepler = Dialect::Kepler::Legacy;
    hostnamePod.cadvisor = hostnamePod.ksm = hostnamePod.sriov = true;
    rows << hostnamePod;
    Row old { u"old-namespace-no-node"_qs };
    old.node = Row::Node::None;
    old.pods = Row::Pods::PodName;
    old.lowerUuid = old.blanks = old.emptyPodLabels = true;
    old.ksm = true;
    rows << old;
    Row node { u"relabelled-node"_qs };
    node.node = Row::Node::Node;
    node.kepler = Dialect::Kepler::ZonedGpu;
    node.cadvisor = node.ksm = node.sriov = node.podDevice = true;
    rows << node;
    Row bare { u"cadvisor-only"_qs };
    bare.dcgm = false;
    bare.cadvisor = true;
    rows << bare;
    return rows;
}

inline QStringList nodeNames()
{
    return { a100Node, h100Node, t138Node };
}

// One dialect's history and what detect() makes of it.
struct Slot
{
    Row row;
    QList<Canon> gpus, cluster;
    QList<PromPoint> points;
    Prom::Dialect detected;
};

inline Slot buildSlot(const Row &row, qint64 time)
{
    Slot slot { row, {}, {}, {}, {} };
    slot.row.time = time;
    if (slot.row.dcgm)
        slot.gpus = gpuWorld(slot.row);
    slot.cluster = clusterWorld(slot.row);
    QStringList families, hostnames;
    QHash<QString, QStringList> labelNames;
    for (const Canon &canon : slot.gpus + slot.cluster) {
        const Labels labels = canon.gpu ? dcgmLabels(slot.row, canon) : canon.labels;
        for (qint64 t = slot.row.time - historySeconds; t <= slot.row.time; t += step) {
            const double value = canon.value - canon.slope * double(slot.row.time - t);
            slot.points << PromPoint { canon.family, labels, QString::number(value, 'g', 17), t };
        }
        if (!families.contains(canon.family))
            families << canon.family;
        QStringList &names = labelNames[canon.family];
        for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
            if (!names.contains(it.key()))
                names << it.key();
            if (canon.gpu && it.key().compare(u"hostname"_qs, Qt::CaseInsensitive) == 0
                && !hostnames.contains(it.value()))
                hostnames << it.value();
        }
    }
    slot.detected = Prom::Dialect::detect(families, labelNames, hostnames, nodeNames());
    return slot;
}

} // namespace Specula::Test
