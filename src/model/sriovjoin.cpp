// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/sriovjoin.h"

#include "core/pciaddress.h"
#include "kube/networkstatus.h"
#include "model/podrequests.h"
#include "model/sriovpools.h"

#include <algorithm>

namespace Specula::Model {
namespace {

// network-status names secondary networks "namespace/nad"; a bare name is in the pod's namespace.
QString qualifiedNetwork(const QString &name, const QString &podNamespace)
{
    return name.contains(QLatin1Char('/')) ? name : podNamespace + QLatin1Char('/') + name;
}

} // namespace

std::optional<int> linkSpeedMbps(const QString &text)
{
    const QStringList parts = text.simplified().split(QLatin1Char(' '));
    if (parts.size() != 2)
        return std::nullopt;
    bool ok = false;
    const double value = parts[0].toDouble(&ok);
    if (!ok || value <= 0)
        return std::nullopt;
    const QString unit = parts[1].toLower();
    if (unit == QLatin1String("mb/s"))
        return int(value);
    if (unit == QLatin1String("gb/s"))
        return int(value * 1000);
    return std::nullopt;
}

VfHolders vfHolders(const QHash<QString, Kube::Pod> &pods, QStringList *warnings)
{
    VfHolders holders;
    for (const auto &pod : pods) {
        if (pod.nodeName.isEmpty() || isTerminated(pod))
            continue;
        auto entries = Kube::parseNetworkStatus(pod.meta);
        if (!entries) {
            if (warnings)
                warnings->append(entries.error().toString());
            continue;
        }
        for (const auto &entry : entries.value()) {
            if (entry.pciAddress.isEmpty())
                continue;
            holders[pod.nodeName].insert(Core::normalizedPciAddress(entry.pciAddress),
                                         VfHolder { PodRef { pod.meta.namespaceName, pod.meta.name, {} },
                                                    entry.interfaceName,
                                                    qualifiedNetwork(entry.name, pod.meta.namespaceName) });
        }
    }
    return holders;
}

NodeSriov sriovInfo(const Kube::SriovNetworkNodeState &state, const Kube::Node &node, const QStringList &nodeResources,
                    const SriovPoolCatalog &catalog, const QHash<QString, VfHolder> &holders)
{
    NodeSriov sriov;
    sriov.syncStatus = state.syncStatus;
    sriov.lastSyncError = state.lastSyncError;
    for (const auto &nic : state.interfaces) {
        PhysicalFunction pf;
        pf.name = nic.name;
        pf.pciAddress = Core::normalizedPciAddress(nic.pciAddress);
        pf.vendor = nic.vendor.toLower();
        pf.deviceId = nic.deviceId.toLower();
        pf.driver = nic.driver;
        pf.linkSpeedMbps = linkSpeedMbps(nic.linkSpeed);
        pf.linkDown = nic.linkSpeed.simplified().startsWith(QLatin1String("-1 "));
        pf.linkType = nic.linkType;
        pf.mtu = nic.mtu;
        pf.numVfs = nic.numVfs;
        pf.totalVfs = nic.totalVfs;
        QStringList heldPools;
        for (const auto &v : nic.vfs) {
            VirtualFunction vf;
            vf.vfId = v.vfId;
            vf.pciAddress = Core::normalizedPciAddress(v.pciAddress);
            vf.name = v.name;
            vf.mac = v.mac;
            vf.driver = v.driver;
            vf.deviceId = v.deviceId.toLower();
            vf.vlan = v.vlan;
            const auto holder = holders.constFind(vf.pciAddress);
            if (holder != holders.cend()) {
                vf.pod = holder->pod;
                vf.podInterface = holder->interfaceName;
                vf.network = holder->network;
                const QString pool = catalog.networkPool(holder->network);
                if (!pool.isEmpty())
                    heldPools.append(pool);
            }
            pf.vfs.append(std::move(vf));
        }
        std::sort(pf.vfs.begin(), pf.vfs.end(),
                  [](const VirtualFunction &a, const VirtualFunction &b) { return a.vfId < b.vfId; });
        if (pf.sriovCapable())
            pf.resource = catalog.poolOf(node, state, nic, nodeResources, heldPools);
        sriov.pfs.append(std::move(pf));
    }
    std::sort(sriov.pfs.begin(), sriov.pfs.end(), [](const PhysicalFunction &a, const PhysicalFunction &b) {
        const auto pa = Core::PciAddress::parse(a.pciAddress);
        const auto pb = Core::PciAddress::parse(b.pciAddress);
        return pa && pb ? *pa < *pb : a.pciAddress < b.pciAddress;
    });
    return sriov;
}

} // namespace Specula::Model
