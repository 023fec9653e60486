// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/gpufleet.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <functional>

namespace Specula::Sim {

namespace {

const QString kGpu = QStringLiteral("nvidia.com/gpu");
const QString kGpuShared = QStringLiteral("nvidia.com/gpu.shared");
const QString kMigPrefix = QStringLiteral("nvidia.com/mig-");

int intValue(const StringMap &map, const QString &key)
{
    bool ok = false;
    const int value = map.value(key).toInt(&ok);
    return ok ? value : 0;
}

// Counts of devices, bounded so that a typo such as "80000000" GPUs cannot exhaust memory.
constexpr int kMaxDevices = 512;

int deviceCount(const QString &text)
{
    return std::clamp(text.toInt(), 0, kMaxDevices);
}

int deviceCount(const StringMap &map, const QString &key)
{
    return deviceCount(map.value(key));
}

// Compute slices of a whole GPU: A30 has four, the A100 and H100 seven.
int totalSlices(const QString &model)
{
    return model.contains(QStringLiteral("A30")) ? 4 : 7;
}

// The leading "1" of "1g.10gb".
int profileSlices(const QString &profile)
{
    const int g = profile.indexOf(u'g');
    const int slices = g > 0 ? profile.left(g).toInt() : 1;
    return std::max(1, slices);
}

// nvidia-smi gives bigger instances lower GPU_I_IDs (7g: 0, 3g: 1-2, 2g: 3-6, 1g: 7-14); the
// exporter repeats them on every GPU, which is why an instance is (UUID, GPU_I_ID).
int nextInstanceId(QList<int> &used, int slices)
{
    int id = slices >= 7 ? 0 : slices >= 3 ? 1 : slices == 2 ? 3 : 7;
    while (used.contains(id))
        ++id;
    used.append(id);
    return id;
}

QString pciBusId(int index)
{
    // Bus numbers as on an 8-GPU HGX board; beyond eight they keep climbing.
    static const int buses[] = { 0x18, 0x2A, 0x3A, 0x5D, 0x9A, 0xAB, 0xBA, 0xDB };
    const int bus = index < 8 ? buses[index] : (0x20 + 0x10 * index) & 0xFF;
    return QStringLiteral("00000000:%1:00.0").arg(bus, 2, 16, QLatin1Char('0')).toUpper();
}

// "0000:1a:00.0" (DRA, Kubernetes style) → "00000000:1A:00.0" (dcgm style).
QString dcgmBusId(const QString &pcie)
{
    const int colon = pcie.indexOf(u':');
    if (colon < 0)
        return pcie.toUpper();
    return QStringLiteral("%1%2").arg(pcie.left(colon).rightJustified(8, u'0'), pcie.mid(colon)).toUpper();
}

int memoryFromModel(const QString &model)
{
    static const QRegularExpression gb(QStringLiteral("(\\d+)GB"));
    const auto match = gb.match(model);
    return match.hasMatch() ? match.captured(1).toInt() * 1024 : 16384;
}

// Whole requests of a container: a limit without a request counts, as for the scheduler.
int containerRequest(const ContainerDesc &container, const QString &resource)
{
    return deviceCount(container.requests.value(resource, container.limits.value(resource)));
}

struct NodeBuild
{
    QList<GpuDevice> gpus;
    QList<GpuDevice> instances;
    int sharedSlot = 0;
};

bool takeFree(QList<GpuDevice> &devices, const GpuHolder &holder, const std::function<bool(const GpuDevice &)> &fits)
{
    for (auto &device : devices) {
        if (device.holders.isEmpty() && !device.migEnabled && fits(device)) {
            device.holders.append(holder);
            return true;
        }
    }
    return false;
}

QString driverVersion(const StringMap &labels)
{
    const QString major = labels.value(QStringLiteral("nvidia.com/cuda.driver-version.major"));
    if (major.isEmpty())
        return QStringLiteral("550.90.07");
    return QStringLiteral("%1.%2.%3")
        .arg(major, labels.value(QStringLiteral("nvidia.com/cuda.driver-version.minor"), QStringLiteral("0")),
             labels.value(QStringLiteral("nvidia.com/cuda.driver-version.revision"), QStringLiteral("0")));
}

void addMigInstances(NodeBuild &build, const QList<std::pair<QString, int>> &profiles, const StringMap &labels,
                     int fallbackMemory)
{
    if (build.gpus.isEmpty())
        return;
    QList<int> remaining;
    QList<QList<int>> usedIds;
    for (const auto &gpu : std::as_const(build.gpus)) {
        remaining.append(gpu.migEnabled ? totalSlices(gpu.modelName) : 0);
        usedIds.append(QList<int>());
    }
    // Biggest profiles first, as a MIG layout is packed.
    QList<std::pair<QString, int>> sorted = profiles;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return profileSlices(a.first) > profileSlices(b.first); });
    for (const auto &[profile, count] : std::as_const(sorted)) {
        const int slices = profileSlices(profile);
        for (int i = 0; i < count; ++i) {
            qsizetype target = -1;
            for (qsizetype g = 0; g < build.gpus.size() && target < 0; ++g) {
                if (build.gpus[g].migEnabled && remaining[g] >= slices)
                    target = g;
            }
            if (target < 0) // more instances than fit: put them where most room is left
                target = std::max_element(remaining.begin(), remaining.end()) - remaining.begin();
            remaining[target] -= slices;
            GpuDevice instance = build.gpus[target];
            instance.migProfile = profile;
            instance.slices = slices;
            instance.gpuInstanceId = nextInstanceId(usedIds[target], slices);
            const int memory = labels.value(QStringLiteral("nvidia.com/mig-%1.memory").arg(profile)).toInt();
            instance.memoryMiB = memory > 0 ? memory : fallbackMemory;
            instance.migEnabled = false;
            build.instances.append(instance);
        }
    }
}

} // namespace

QString GpuFleet::makeUuid(quint64 seed, const QString &node, int index)
{
    const QByteArray hex = QCryptographicHash::hash(QStringLiteral("%1/%2/%3").arg(seed).arg(node).arg(index).toUtf8(),
                                                    QCryptographicHash::Sha1)
                               .toHex();
    return QStringLiteral("GPU-%1-%2-%3-%4-%5")
        .arg(QString::fromLatin1(hex.mid(0, 8)), QString::fromLatin1(hex.mid(8, 4)),
             QString::fromLatin1(hex.mid(12, 4)), QString::fromLatin1(hex.mid(16, 4)),
             QString::fromLatin1(hex.mid(20, 12)));
}

QString GpuFleet::modelNameFromProduct(const QString &product)
{
    QString model = product;
    if (model.endsWith(QStringLiteral("-SHARED")))
        model.chop(7);
    const int mig = model.indexOf(QStringLiteral("-MIG-"));
    if (mig >= 0)
        model.truncate(mig);
    return model.replace(u'-', u' ');
}

QList<GpuDevice> GpuFleet::devicesOf(const QString &node) const
{
    QList<GpuDevice> result;
    for (const auto &device : m_devices) {
        if (device.node == node)
            result.append(device);
    }
    return result;
}

GpuFleet GpuFleet::build(const Scenario &scenario)
{
    GpuFleet fleet;
    fleet.m_seed = scenario.seed;
    const auto slices = scenario.objects.value(QStringLiteral("resourceslices"));
    const auto claims = scenario.objects.value(QStringLiteral("resourceclaims"));

    // By node, so the large scenario is not nodes × pods.
    QHash<QString, QList<const PodDesc *>> podsByNode;
    for (const auto &pod : scenario.pods) {
        if (!pod.node.isEmpty() && pod.phase == QStringLiteral("Running"))
            podsByNode[pod.node].append(&pod);
    }
    for (auto &pods : podsByNode) {
        std::sort(pods.begin(), pods.end(), [](const PodDesc *a, const PodDesc *b) {
            return std::tie(a->ns, a->name) < std::tie(b->ns, b->name);
        });
    }

    for (const auto &node : scenario.nodes) {
        const StringMap &labels = node.labels;
        const QString product = labels.value(QStringLiteral("nvidia.com/gpu.product"));
        const QString model = modelNameFromProduct(product);
        const QString driver = driverVersion(labels);
        const int wholeCap = deviceCount(node.capacity, kGpu);
        const int sharedCap = deviceCount(node.capacity, kGpuShared);
        const int replicas = std::max(1, deviceCount(labels, QStringLiteral("nvidia.com/gpu.replicas")));
        const int countLabel = deviceCount(labels, QStringLiteral("nvidia.com/gpu.count"));
        QList<std::pair<QString, int>> profiles;
        for (auto it = node.capacity.begin(); it != node.capacity.end(); ++it) {
            if (!it.key().startsWith(kMigPrefix))
                continue;
            const QString profile = it.key().mid(kMigPrefix.size());
            const int count = std::max(deviceCount(labels, QStringLiteral("nvidia.com/mig-%1.count").arg(profile)),
                                       deviceCount(it.value()));
            if (count > 0)
                profiles.append({ profile, count });
        }

        NodeBuild build;
        auto makeGpu = [&](int index, const QString &modelName, int memory) {
            GpuDevice gpu;
            gpu.node = node.name;
            gpu.index = index;
            gpu.uuid = makeUuid(scenario.seed, node.name, index);
            gpu.pciBusId = pciBusId(index);
            gpu.modelName = modelName;
            gpu.driverVersion = driver;
            gpu.memoryMiB = memory;
            return gpu;
        };

        // DRA: the ResourceSlice names the GPUs; keep its UUIDs so both views agree.
        QHash<QString, int> draIndex; // device name → index in build.gpus
        for (const auto &slice : slices) {
            const auto spec = slice.value(QStringLiteral("spec")).toObject();
            if (spec.value(QStringLiteral("nodeName")).toString() != node.name)
                continue;
            for (const auto &value : spec.value(QStringLiteral("devices")).toArray()) {
                const auto device = value.toObject();
                const auto attributes = device.value(QStringLiteral("attributes")).toObject();
                auto attribute = [&attributes](const char *name, const char *type) {
                    return attributes.value(QLatin1String(name)).toObject().value(QLatin1String(type));
                };
                if (attribute("uuid", "string").toString().isEmpty())
                    continue;
                const int index = attribute("index", "int").toInt(int(build.gpus.size()));
                const QString name = attribute("productName", "string").toString();
                GpuDevice gpu = makeGpu(index, name, memoryFromModel(name));
                gpu.uuid = attribute("uuid", "string").toString();
                const QString bus = attribute("pcieBusID", "string").toString();
                if (!bus.isEmpty())
                    gpu.pciBusId = dcgmBusId(bus);
                draIndex.insert(device.value(QStringLiteral("name")).toString(), int(build.gpus.size()));
                build.gpus.append(gpu);
            }
        }

        const bool migSingle = product.contains(QStringLiteral("-MIG-"));
        const bool shared = sharedCap > 0 || product.endsWith(QStringLiteral("-SHARED")) || replicas > 1;
        if (!build.gpus.isEmpty()) {
            // DRA node: nothing from the device plugin.
        } else if (migSingle) {
            QString profile = product.mid(product.indexOf(QStringLiteral("-MIG-")) + 5);
            if (profile.endsWith(QStringLiteral("-SHARED")))
                profile.chop(7);
            const int instances = countLabel > 0 ? countLabel : wholeCap;
            const int perGpu = std::max(1, totalSlices(model) / profileSlices(profile));
            const int physical = (instances + perGpu - 1) / perGpu;
            for (int i = 0; i < physical; ++i) {
                build.gpus.append(makeGpu(i, model, memoryFromModel(model)));
                build.gpus.last().migEnabled = true;
            }
            addMigInstances(build, { { profile, instances } }, labels,
                            intValue(labels, QStringLiteral("nvidia.com/gpu.memory")));
        } else {
            const int memory = intValue(labels, QStringLiteral("nvidia.com/gpu.memory"));
            int physical = countLabel;
            if (physical <= 0)
                physical = shared ? std::max(wholeCap, sharedCap) / replicas : wholeCap;
            if (physical <= 0 && !profiles.isEmpty())
                physical = 1; // MIG resources without labels: at least the GPU they come from
            const int whole = profiles.isEmpty() ? physical : std::min(wholeCap, physical);
            for (int i = 0; i < physical; ++i) {
                build.gpus.append(makeGpu(i, model, memory > 0 ? memory : memoryFromModel(model)));
                build.gpus.last().migEnabled = i >= whole;
            }
            if (!profiles.isEmpty())
                addMigInstances(build, profiles, labels, 0);
        }
        if (build.gpus.isEmpty())
            continue;

        for (const PodDesc *pod : podsByNode.value(node.name)) {
            // Restartable (sidecar) init containers keep running beside the app containers and
            // hold their devices; ordinary init containers have finished.
            QList<ContainerDesc> running;
            for (const auto &init : pod->initContainers) {
                if (init.sidecar)
                    running.append(init);
            }
            running += pod->containers;
            for (const auto &container : std::as_const(running)) {
                const GpuHolder holder { pod->ns, pod->name, container.name };
                for (const QString &resource : { kGpu, kGpuShared }) {
                    const int n = containerRequest(container, resource);
                    for (int i = 0; i < n; ++i) {
                        if (migSingle) {
                            takeFree(build.instances, holder, [](const GpuDevice &) { return true; });
                        } else if (shared) {
                            auto &gpu = build.gpus[build.sharedSlot++ % build.gpus.size()];
                            if (!gpu.holders.contains(holder))
                                gpu.holders.append(holder);
                        } else {
                            takeFree(build.gpus, holder, [](const GpuDevice &) { return true; });
                        }
                    }
                }
                for (const auto &[profile, count] : std::as_const(profiles)) {
                    const int n = containerRequest(container, kMigPrefix + profile);
                    for (int i = 0; i < n; ++i)
                        takeFree(build.instances, holder,
                                 [&profile](const GpuDevice &d) { return d.migProfile == profile; });
                }
            }
            // DRA: the claim's allocation names the device; the container that lists the claim holds it.
            for (const auto &podClaim : pod->resourceClaims) {
                const QString claimName = podClaim.claimName.isEmpty() ? podClaim.generatedName : podClaim.claimName;
                QString container;
                for (const auto &c : pod->containers) {
                    if (c.claims.contains(podClaim.name) && container.isEmpty())
                        container = c.name;
                }
                for (const auto &claim : claims) {
                    const auto meta = claim.value(QStringLiteral("metadata")).toObject();
                    if (meta.value(QStringLiteral("name")).toString() != claimName
                        || meta.value(QStringLiteral("namespace")).toString() != pod->ns)
                        continue;
                    const auto results = claim.value(QStringLiteral("status"))
                                             .toObject()
                                             .value(QStringLiteral("allocation"))
                                             .toObject()
                                             .value(QStringLiteral("devices"))
                                             .toObject()
                                             .value(QStringLiteral("results"))
                                             .toArray();
                    for (const auto &result : results) {
                        const auto r = result.toObject();
                        const int at = draIndex.value(r.value(QStringLiteral("device")).toString(), -1);
                        if (r.value(QStringLiteral("pool")).toString() == node.name && at >= 0)
                            build.gpus[at].holders.append({ pod->ns, pod->name, container });
                    }
                }
            }
        }

        for (const auto &gpu : std::as_const(build.gpus)) {
            fleet.m_devices.append(gpu);
            for (const auto &instance : std::as_const(build.instances)) {
                if (instance.uuid == gpu.uuid)
                    fleet.m_devices.append(instance);
            }
        }
    }
    return fleet;
}

} // namespace Specula::Sim
