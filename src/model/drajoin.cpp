// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/drajoin.h"

#include "core/pciaddress.h"

#include <algorithm>

namespace Specula::Model {
namespace {

QString attribute(const Kube::DraDevice &device, const QString &driver, QLatin1String name)
{
    const auto plain = device.attributes.constFind(name);
    if (plain != device.attributes.cend())
        return *plain;
    return device.attributes.value(driver + QLatin1Char('/') + name);
}

std::optional<int> intAttribute(const Kube::DraDevice &device, const QString &driver, QLatin1String name)
{
    bool ok = false;
    const int value = attribute(device, driver, name).toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

bool isGpu(const Kube::DraDevice &device, const QString &driver)
{
    const QString type = attribute(device, driver, QLatin1String("type"));
    if (!type.isEmpty())
        return type == QLatin1String("gpu") || type == QLatin1String("mig");
    return driver.startsWith(QLatin1String("gpu."));
}

QString deviceKey(const QString &driver, const QString &pool, const QString &device)
{
    return driver + QLatin1Char('\n') + pool + QLatin1Char('\n') + device;
}

} // namespace

DraGpus draGpus(const QHash<QString, Kube::ResourceSlice> &slices, const QHash<QString, Kube::ResourceClaim> &claims)
{
    QHash<QString, QList<PodRef>> podsByDevice;
    for (const auto &claim : claims) {
        for (const auto &allocation : claim.allocations) {
            auto &pods = podsByDevice[deviceKey(allocation.driver, allocation.pool, allocation.device)];
            for (const auto &consumer : claim.reservedFor) {
                if (consumer.resource == QLatin1String("pods"))
                    pods.append(PodRef { claim.meta.namespaceName, consumer.name, {} });
            }
        }
    }

    DraGpus result;
    for (const auto &slice : slices) {
        if (slice.nodeName.isEmpty())
            continue;
        for (const auto &device : slice.devices) {
            if (!isGpu(device, slice.driver))
                continue;
            GpuDevice gpu;
            gpu.uuid = attribute(device, slice.driver, QLatin1String("uuid"));
            gpu.index = intAttribute(device, slice.driver, QLatin1String("index"));
            const QString busId = attribute(device, slice.driver, QLatin1String("pcieBusID"));
            gpu.pciBusId = busId.isEmpty() ? QString() : Core::normalizedPciAddress(busId);
            gpu.model = attribute(device, slice.driver, QLatin1String("productName"));
            gpu.migProfile = attribute(device, slice.driver, QLatin1String("profile"));
            gpu.parentUuid = attribute(device, slice.driver, QLatin1String("parentUUID"));
            gpu.draDriver = slice.driver;
            gpu.draPool = slice.poolName;
            gpu.draDevice = device.name;
            gpu.pods = podsByDevice.value(deviceKey(slice.driver, slice.poolName, device.name));
            const QString id = gpu.uuid.isEmpty() ? device.name : gpu.uuid;
            for (const auto &pod : std::as_const(gpu.pods))
                result.uuidsByPod[pod.key()].append(id);
            result.devicesByNode[slice.nodeName].append(std::move(gpu));
        }
    }
    for (auto &devices : result.devicesByNode) {
        std::sort(devices.begin(), devices.end(), [](const GpuDevice &a, const GpuDevice &b) {
            return std::pair(a.index.value_or(INT_MAX), a.uuid) < std::pair(b.index.value_or(INT_MAX), b.uuid);
        });
    }
    for (auto &uuids : result.uuidsByPod)
        uuids.sort();
    return result;
}

} // namespace Specula::Model
