// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/snapshotjson.h"

#include <QJsonArray>

namespace Specula::Cli {
namespace {

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

template<class T> QJsonValue numberOrNull(const std::optional<T> &value)
{
    return value ? QJsonValue(qint64(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue realOrNull(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString prometheusStateName(Model::PrometheusStatus::State state)
{
    switch (state) {
    case Model::PrometheusStatus::State::Ok:
        return QStringLiteral("ok");
    case Model::PrometheusStatus::State::Unreachable:
        return QStringLiteral("unreachable");
    case Model::PrometheusStatus::State::Disabled:
        break;
    }
    return QStringLiteral("disabled");
}

QString migStrategyName(Model::MigStrategy strategy)
{
    switch (strategy) {
    case Model::MigStrategy::Single:
        return QStringLiteral("single");
    case Model::MigStrategy::Mixed:
        return QStringLiteral("mixed");
    case Model::MigStrategy::None:
        break;
    }
    return QStringLiteral("none");
}

QString sharingName(Model::GpuSharing sharing)
{
    switch (sharing) {
    case Model::GpuSharing::TimeSlicing:
        return QStringLiteral("time-slicing");
    case Model::GpuSharing::Mps:
        return QStringLiteral("mps");
    case Model::GpuSharing::None:
        break;
    }
    return QStringLiteral("none");
}

QJsonObject podRefToJson(const Model::PodRef &pod)
{
    return QJsonObject { { QStringLiteral("namespace"), pod.namespaceName },
                         { QStringLiteral("name"), pod.name },
                         { QStringLiteral("container"), stringOrNull(pod.container) } };
}

// Readings that Prometheus did not give (no Prometheus, no such series, a blank value) are null,
// never a made-up 0.
QJsonObject deviceToJson(const Model::GpuDevice &device)
{
    QJsonArray pods;
    for (const auto &pod : device.pods)
        pods.append(podRefToJson(pod));
    return QJsonObject {
        { QStringLiteral("uuid"), device.uuid.isEmpty() ? device.draDevice : device.uuid },
        { QStringLiteral("index"), numberOrNull(device.index) },
        { QStringLiteral("pciBusId"), stringOrNull(device.pciBusId) },
        { QStringLiteral("model"), stringOrNull(device.model) },
        { QStringLiteral("migProfile"), stringOrNull(device.migProfile) },
        { QStringLiteral("migInstance"), numberOrNull(device.migInstance) },
        { QStringLiteral("pods"), pods },
        { QStringLiteral("utilPercent"), realOrNull(device.readings.utilPercent) },
        { QStringLiteral("memUsedMiB"), realOrNull(device.readings.memUsedMiB) },
        { QStringLiteral("memFreeMiB"), realOrNull(device.readings.memFreeMiB) },
        { QStringLiteral("tempC"), realOrNull(device.readings.tempC) },
        { QStringLiteral("powerW"), realOrNull(device.readings.powerW) },
    };
}

QJsonValue gpuToJson(const std::optional<Model::NodeGpu> &gpu)
{
    if (!gpu)
        return QJsonValue::Null;
    QJsonArray devices;
    for (const auto &device : gpu->devices)
        devices.append(deviceToJson(device));
    return QJsonObject {
        { QStringLiteral("product"), stringOrNull(gpu->product) },
        { QStringLiteral("physicalCount"), numberOrNull(gpu->physicalCount) },
        { QStringLiteral("memoryMiB"), numberOrNull(gpu->memoryMiB) },
        { QStringLiteral("migStrategy"), migStrategyName(gpu->migStrategy) },
        { QStringLiteral("sharing"), sharingName(gpu->sharing) },
        { QStringLiteral("replicas"), gpu->replicas },
        { QStringLiteral("vgpu"), gpu->vgpu },
        { QStringLiteral("devices"), devices },
    };
}

QJsonObject vfToJson(const Model::VirtualFunction &vf)
{
    QJsonValue pod = QJsonValue::Null;
    if (vf.pod) {
        pod = QJsonObject { { QStringLiteral("namespace"), vf.pod->namespaceName },
                            { QStringLiteral("name"), vf.pod->name } };
    }
    return QJsonObject {
        { QStringLiteral("vfId"), vf.vfId },
        { QStringLiteral("pciAddress"), vf.pciAddress },
        { QStringLiteral("driver"), stringOrNull(vf.driver) },
        { QStringLiteral("vlan"), numberOrNull(vf.vlan) },
        { QStringLiteral("pod"), pod },
    };
}

QJsonValue sriovToJson(const std::optional<Model::NodeSriov> &sriov)
{
    if (!sriov)
        return QJsonValue::Null;
    QJsonArray pfs;
    for (const auto &pf : sriov->pfs) {
        QJsonArray vfs;
        for (const auto &vf : pf.vfs)
            vfs.append(vfToJson(vf));
        pfs.append(QJsonObject {
            { QStringLiteral("name"), stringOrNull(pf.name) },
            { QStringLiteral("pciAddress"), pf.pciAddress },
            { QStringLiteral("vendor"), stringOrNull(pf.vendor) },
            { QStringLiteral("deviceId"), stringOrNull(pf.deviceId) },
            { QStringLiteral("driver"), stringOrNull(pf.driver) },
            { QStringLiteral("linkSpeedMbps"), numberOrNull(pf.linkSpeedMbps) },
            { QStringLiteral("numVfs"), pf.numVfs },
            { QStringLiteral("totalVfs"), numberOrNull(pf.totalVfs) },
            { QStringLiteral("resource"), stringOrNull(pf.resource) },
            { QStringLiteral("vfs"), vfs },
        });
    }
    return QJsonObject { { QStringLiteral("syncStatus"), stringOrNull(sriov->syncStatus) },
                         { QStringLiteral("pfs"), pfs } };
}

QJsonObject nodeToJson(const Model::NodeSummary &node)
{
    QJsonArray resources;
    for (const auto &r : node.resources) {
        resources.append(QJsonObject {
            { QStringLiteral("name"), r.name },
            { QStringLiteral("kind"), Model::resourceClassName(r.kind) },
            { QStringLiteral("capacity"), r.capacity },
            { QStringLiteral("allocatable"), r.allocatable },
            { QStringLiteral("requested"), r.requested },
        });
    }
    return QJsonObject {
        { QStringLiteral("name"), node.name },
        { QStringLiteral("ready"), node.ready },
        { QStringLiteral("unschedulable"), node.unschedulable },
        { QStringLiteral("resources"), resources },
        { QStringLiteral("gpu"), gpuToJson(node.gpu) },
        { QStringLiteral("sriov"), sriovToJson(node.sriov) },
        { QStringLiteral("pods"), QJsonArray::fromStringList(node.pods) },
    };
}

// A device list that no source could fill for a pod that asks for such devices is unknown
// (null), not empty.
QJsonValue deviceList(const QStringList &devices, bool wanted)
{
    return devices.isEmpty() && wanted ? QJsonValue(QJsonValue::Null) : QJsonArray::fromStringList(devices);
}

QJsonObject podToJson(const Model::PodSummary &pod, const QSet<QString> &vfPools)
{
    QJsonObject requests;
    bool wantsGpu = false;
    bool wantsVf = false;
    for (auto it = pod.requests.cbegin(); it != pod.requests.cend(); ++it) {
        requests.insert(it.key(), it.value());
        wantsGpu = wantsGpu || Model::classifyResource(it.key(), {}) != Model::ResourceClass::Other;
        wantsVf = wantsVf || vfPools.contains(it.key());
    }
    QJsonValue pending = QJsonValue::Null;
    if (pod.pending) {
        pending = QJsonObject { { QStringLiteral("reason"), pod.pending->reason },
                                { QStringLiteral("message"), pod.pending->message } };
    }
    const bool holding
        = !pod.node.isEmpty() && pod.phase != QLatin1String("Succeeded") && pod.phase != QLatin1String("Failed");
    return QJsonObject {
        { QStringLiteral("namespace"), pod.namespaceName },
        { QStringLiteral("name"), pod.name },
        { QStringLiteral("node"), stringOrNull(pod.node) },
        { QStringLiteral("phase"), pod.phase },
        { QStringLiteral("requests"), requests },
        { QStringLiteral("gpus"), deviceList(pod.gpus, holding && wantsGpu) },
        { QStringLiteral("vfs"), deviceList(pod.vfs, holding && wantsVf) },
        { QStringLiteral("pending"), pending },
    };
}

} // namespace

QJsonObject snapshotToJson(const Model::ClusterSnapshot &snapshot)
{
    QJsonArray nodes;
    for (const auto &node : snapshot.nodes)
        nodes.append(nodeToJson(node));
    QSet<QString> vfPools;
    for (const auto &node : snapshot.nodes) {
        for (const auto &resource : node.resources) {
            if (resource.kind == Model::ResourceClass::Sriov)
                vfPools.insert(resource.name);
        }
    }
    QJsonArray pods;
    for (const auto &pod : snapshot.pods)
        pods.append(podToJson(pod, vfPools));
    return QJsonObject {
        { QStringLiteral("schemaVersion"), 1 },
        { QStringLiteral("context"), snapshot.context },
        { QStringLiteral("server"), snapshot.server },
        { QStringLiteral("collectedAt"), snapshot.collectedAt.toString(Qt::ISODate) },
        { QStringLiteral("prometheus"),
          QJsonObject { { QStringLiteral("status"), prometheusStateName(snapshot.prometheus.state) },
                        { QStringLiteral("url"), stringOrNull(snapshot.prometheus.url) },
                        { QStringLiteral("error"), stringOrNull(snapshot.prometheus.error) } } },
        { QStringLiteral("nodes"), nodes },
        { QStringLiteral("pods"), pods },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(snapshot.warnings) },
    };
}

} // namespace Specula::Cli
